"""The content checks on every way a page can go live, not only its edit form.

The edit form and the review steps refuse a topic whose images lack alternative text
or whose videos lack captions (``cms.content_checks``). Wagtail has three more ways
to publish that never pass through them: publishing pages in bulk from a listing,
copying a page with "Publish copies", and a scheduled revision going live when
``publish_scheduled`` runs. Each is checked here the same way; a refusal names the
page and the problems, and publishes nothing.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page

from cms.content_checks import cannot_go_live_message, publishing_blockers


def latest_draft(page):
    return page.specific.get_latest_revision_as_object()


def pages_with_blockers(pages, content=latest_draft):
    """(page, blockers) for each page whose content (its latest revision) could not go live."""
    found = []
    for page in pages:
        blockers = publishing_blockers(content(page))
        if blockers:
            found.append((page, blockers))
    return found


def refuse(request, found, next_url):
    for page, blockers in found:
        messages.error(request, f"{page.get_admin_display_title()}: {cannot_go_live_message(blockers)}")
    return redirect(next_url)


def with_descendants(pages, include: bool):
    pages = list(pages)
    if include:
        for page in list(pages):
            pages.extend(page.get_descendants().filter(has_unpublished_changes=True))
    return pages


@hooks.register("before_bulk_action")
def check_bulk_publish(request, action_type, objects, action):
    if action_type != "publish" or not all(isinstance(obj, Page) for obj in objects):
        return None
    pages = with_descendants(objects, bool(request.POST.get("include_descendants")))
    found = pages_with_blockers(pages)
    return refuse(request, found, action.next_url) if found else None


@hooks.register("before_copy_page")
def check_copy_and_publish(request, page):
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    pages = with_descendants([page], bool(request.POST.get("copy_subpages")))
    found = pages_with_blockers(pages, content=lambda p: p.specific)  # a copy is made of the page as saved
    if not found:
        return None
    messages.error(request, _("Nothing was copied: the copies cannot be published as they are."))
    return refuse(request, found, request.get_full_path())
