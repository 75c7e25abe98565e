"""Files follow the privacy of the pages that show them.

Wagtail protects a document by its collection, and an image not at all: anyone with
the file's address may fetch it. A poster, a figure or a worksheet placed only on a
page that partners alone may see must be protected like that page. Wagtail's
reference index knows every page that uses a file, so a file used by live pages is
handed only to a visitor who may see at least one of them; a file no live page uses
keeps its collection's rules. The course team (anyone with access to the admin)
sees every page there, so it gets the files too: the admin shows their thumbnails.
"""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex


def pages_using(obj) -> list[Page]:
    """The live pages whose content refers to ``obj`` (a document or an image)."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.live().filter(pk__in={int(pk) for pk in page_ids}))


def may_see(page: Page, request) -> bool:
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def refusal_for_private_pages(obj, request):
    """None when the visitor may have the file; otherwise the login redirect or a 403."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None  # the course team sees every page in the admin, with its images
    pages = pages_using(obj)
    if not pages or any(may_see(page, request) for page in pages):
        return None
    if request.user.is_authenticated:
        return HttpResponseForbidden(_("This file belongs to pages you may not see."))
    return redirect_to_login(request.get_full_path())  # LOGIN_URL: the learners' login page
