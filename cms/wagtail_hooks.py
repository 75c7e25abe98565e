from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .content_checks import topic_issues
from .models import TopicPage


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
