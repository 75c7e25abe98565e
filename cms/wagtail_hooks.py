from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .content_checks import topic_issues
from .course_format.publication import UNPUBLISHED_AS_DRAFT, UNPUBLISHED_AS_MISSING
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
