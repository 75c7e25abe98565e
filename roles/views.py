"""Two admin views the review workflow needs beyond Wagtail's and wagtail-localize's own."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation, TranslationLog

from cms.content_checks import cannot_go_live_message, publishing_blockers

from .models import may_review_or_edit


def approval_refused(request, page_id):
    """Where ``CourseReviewTask`` sends an approver whose approval it refused: says why."""
    page = get_object_or_404(Page, id=page_id).specific
    if not may_review_or_edit(page, request.user):
        raise PermissionDenied
    blockers = publishing_blockers(page.get_latest_revision_as_object())
    if blockers:
        messages.error(request, cannot_go_live_message(blockers))
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def submit_translation(request, translation_id):
    """Save a synced translation as a draft revision and submit it into the page's workflow.

    wagtail-localize's translation editor only offers "Publish", to users who may
    publish; translators may not. This is the "Submit for moderation" it lacks: the
    translated strings become a revision (the live page row is left alone, unlike
    ``save_target(publish=False)``, which writes them into it), and that revision goes
    through the same review as any other change.
    """
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    page = _translated_page_to_edit(translation, request.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        messages.error(
            request, _("This translation cannot be submitted now: it is locked or already in review.")
        )
        return redirect(edit_url)
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    problem = _save_draft(draft, translation, request.user)
    if problem:
        messages.error(request, problem)
        return redirect(edit_url)
    _start_or_resume_review(draft, request.user)
    messages.success(
        request,
        _("The translation '%(title)s' has been submitted for review.")
        % {"title": draft.get_admin_display_title()},
    )
    return redirect(edit_url)


def _translated_page_to_edit(translation, user):
    """The translation's page, if it is a page this user may edit; otherwise PermissionDenied."""
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    return page


def _save_draft(draft, translation, user) -> str | None:
    """Save the translated draft as a revision; what keeps it from review, or None."""
    blockers = publishing_blockers(draft)
    if blockers:
        return cannot_go_live_message(blockers)
    try:
        revision = draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        return " ".join(error.messages)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return None


def _start_or_resume_review(draft, user) -> None:
    state = draft.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        draft.get_workflow().start(draft, user)
