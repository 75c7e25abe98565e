from django.contrib import messages
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import PageLogEntry

from .content_checks import topic_issues
from .course_format.publication import UNPUBLISHED_AS_DRAFT, UNPUBLISHED_AS_MISSING, UNPUBLISHED_WITH_PARENT
from .http_cache import mark_learner_page
from .models import TopicPage


@hooks.register("register_log_actions")
def register_course_import_actions(actions):
    """A page's history says when and why a course import unpublished it."""
    actions.register_action(
        UNPUBLISHED_AS_DRAFT,
        gettext_lazy("Unpublish: a draft in the course folder"),
        gettext_lazy("Unpublished by a course import: its file says live: false"),
    )
    actions.register_action(
        UNPUBLISHED_AS_MISSING,
        gettext_lazy("Unpublish: not in the course folder"),
        gettext_lazy("Unpublished by a course import: the course folder no longer has it"),
    )
    actions.register_action(
        UNPUBLISHED_WITH_PARENT,
        gettext_lazy("Unpublish: with its parent page"),
        gettext_lazy("Unpublished with its parent page (unpublish with descendants)"),
    )


@hooks.register("before_unpublish_page")
def remember_history_position(request, page):
    request.lectern_history_mark = PageLogEntry.objects.aggregate(last=Max("pk"))["last"] or 0


@hooks.register("after_unpublish_page")
def descendants_went_with_their_parent(request, page):
    """Wagtail logs each descendant unpublished "with descendants" as an editor's own
    unpublish; it was the parent's. Say so, so that an import may bring them back."""
    mark = getattr(request, "lectern_history_mark", None)
    if mark is None or not request.POST.get("include_descendants"):
        return
    PageLogEntry.objects.filter(
        pk__gt=mark, action="wagtail.unpublish", page__in=page.get_descendants()
    ).update(action=UNPUBLISHED_WITH_PARENT)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_content_issues(request, page):
    """Saving a draft always works; the editor is told what would block or weaken publishing."""
    if not isinstance(page, TopicPage):
        return
    draft = page.get_latest_revision_as_object()  # what was just saved, even for a live page
    for issue in topic_issues(draft.body, list(draft.outcomes.all())):
        if issue.blocking:
            messages.warning(request, _("%(problem)s Fix it before publishing.") % {"problem": issue.message})
        else:
            messages.warning(request, issue.message)


# Operations (issue 15): learner pages get ETags and Cache-Control (cms.http_cache).
hooks.register("before_serve_page", mark_learner_page)
