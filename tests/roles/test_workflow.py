"""Draft → peer review → coordinator approval → published, driven through the admin."""

import pytest
from django.core import mail
from wagtail.models import TaskState, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from cms.models import TopicPage
from tests.roles.conftest import edit_url, topic_form

pytestmark = pytest.mark.django_db


def submit(client, topic, introduction):
    return client.post(
        edit_url(topic), {**topic_form(topic, introduction=introduction), "action-submit": "1"}
    )


def act(client, topic, action, comment=""):
    task_state = TopicPage.objects.get(pk=topic.pk).current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{topic.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_a_partner_lesson_goes_through_peer_review_and_coordinator_approval_to_live(team, client):
    topic = team.topics["alpha"]
    editor, reviewer, coordinator = team.users["partner_a"], team.users["reviewer"], team.users["coordinator"]

    client.force_login(editor)
    response = submit(client, topic, "Clusters, explained for SME owners.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(topic.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Peer review"
    assert TopicPage.objects.get(pk=topic.pk).introduction != "Clusters, explained for SME owners."
    assert len(mail_to(reviewer)) == 1 and "Peer review" in mail_to(reviewer)[0].subject
    assert not mail_to(coordinator)

    client.force_login(reviewer)
    assert act(client, topic, "approve").status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Coordinator approval"
    assert len(mail_to(coordinator)) == 1 and "Coordinator approval" in mail_to(coordinator)[0].subject
    assert not TopicPage.objects.get(pk=topic.pk).introduction.startswith("Clusters, explained")

    client.force_login(coordinator)
    assert act(client, topic, "approve", "Ready for learners.").status_code == 302
    state.refresh_from_db()
    live = TopicPage.objects.get(pk=topic.pk)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert live.live and live.introduction == "Clusters, explained for SME owners."
    assert any("approved" in message.subject for message in mail_to(editor))


def test_a_rejection_goes_back_to_the_editor_with_the_reviewers_comment(team, client):
    topic = team.topics["alpha"]
    editor, reviewer = team.users["partner_a"], team.users["reviewer"]
    client.force_login(editor)
    submit(client, topic, "A first draft.")

    client.force_login(reviewer)
    response = act(client, topic, "reject", "Please cite the source of the cluster figures.")
    assert response.status_code == 302
    task_state = TaskState.objects.filter(workflow_state__object_id=str(topic.pk)).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Please cite the source of the cluster figures."
    assert task_state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TopicPage.objects.get(pk=topic.pk).introduction != "A first draft."
    rejections = [message for message in mail_to(editor) if "rejected" in message.subject]
    assert len(rejections) == 1
    assert "Please cite the source of the cluster figures." in rejections[0].body

    # The editor fixes the draft and sends it back into review.
    client.force_login(editor)
    response = client.post(
        edit_url(topic),
        {**topic_form(topic, introduction="A second draft, with sources."), "action-restart-workflow": "1"},
    )
    assert response.status_code == 302
    state = TopicPage.objects.get(pk=topic.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Peer review"
    assert state.current_task_state.revision.as_object().introduction == "A second draft, with sources."


def test_a_page_in_review_is_locked_for_its_editor_and_reviewers_cannot_skip_the_coordinator(team, client):
    topic = team.topics["alpha"]
    client.force_login(team.users["partner_a"])
    submit(client, topic, "Under review.")
    response = client.post(edit_url(topic), topic_form(topic, introduction="Sneaked in."))
    assert response.status_code == 200  # the form comes back: the page is locked while in review
    assert TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object().introduction == "Under review."

    client.force_login(team.users["reviewer"])
    act(client, topic, "approve")
    assert act(client, topic, "approve").status_code == 302  # refused: the coordinator's step
    page = TopicPage.objects.get(pk=topic.pk)
    assert page.current_workflow_task.name == "Coordinator approval"
    assert page.introduction != "Under review."


def test_a_translator_submits_a_french_page_into_the_same_workflow(team, client):
    """Synced translations publish from wagtail-localize's editor, which only publishers may use;
    a translator who stops the sync edits the page like any other and submits it for review."""
    page = team.topic_in("alpha", "fr")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    client.force_login(team.users["translator_fr"])
    response = client.post(f"/admin/localize/translate/{translation.pk}/disable/", {"next": edit_url(page)})
    assert response.status_code == 302
    response = client.post(
        edit_url(page), {**topic_form(page, introduction="Les clusters, expliqués."), "action-submit": "1"}
    )
    assert response.status_code == 302
    state = TopicPage.objects.get(pk=page.pk).current_workflow_state
    assert state.workflow.name == "Course review"
    assert state.current_task_state.task.name == "Peer review"
    assert state.current_task_state.revision.as_object().introduction == "Les clusters, expliqués."
    assert mail_to(team.users["reviewer"])


def assert_the_editor_offers_a_submit_and_no_publish(client, page):
    """wagtail-localize's translation editor, as a translator gets it."""
    editor = client.get(edit_url(page))
    assert editor.status_code == 200
    html = editor.content.decode()
    assert "js-translation-editor" in html and "Submit translation for review" in html
    assert "&quot;canPublish&quot;: false" in html


def translate_string(client, translation, path, encoded_value):
    """Save one string of ``translation`` as the translation editor does."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        f"value={encoded_value}",
        content_type="application/x-www-form-urlencoded",
    )


def approve_as_reviewer_then_coordinator(client, page, reviewer, coordinator):
    client.force_login(reviewer)
    assert act(client, page, "approve").status_code == 302
    client.force_login(coordinator)
    assert act(client, page, "approve").status_code == 302


def test_a_translator_submits_a_synced_translation_from_the_translation_editor(team, client):
    """wagtail-localize's editor only offers "Publish" to publishers; translators get
    "Submit translation for review", which saves their strings as a draft revision of the
    French page and starts the Course review workflow on it."""
    page = team.topic_in("alpha", "fr")
    live_introduction = page.introduction
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    translator, reviewer, coordinator = (
        team.users[key] for key in ("translator_fr", "reviewer", "coordinator")
    )
    client.force_login(translator)
    assert_the_editor_offers_a_submit_and_no_publish(client, page)
    response = translate_string(
        client, translation, "introduction", "Les+clusters%2C+expliqu%C3%A9s+aux+PME."
    )
    assert response.status_code in (200, 201)

    response = client.post(f"/admin/roles/translations/{translation.pk}/submit/", follow=True)
    assert response.redirect_chain[-1] == (edit_url(page), 302)
    assert any("submitted for review" in str(message) for message in response.context["messages"])
    french = TopicPage.objects.get(pk=page.pk)
    assert french.introduction == live_introduction  # the live page is untouched until approved
    state = french.current_workflow_state
    assert state.workflow.name == "Course review" and state.current_task_state.task.name == "Peer review"
    assert state.requested_by == translator
    assert state.current_task_state.revision.as_object().introduction == "Les clusters, expliqués aux PME."
    assert mail_to(reviewer)

    # In review, the button is gone: the page is locked for the translator.
    assert "Submit translation for review" not in client.get(edit_url(page)).content.decode()
    assert client.post(f"/admin/roles/translations/{translation.pk}/submit/").status_code == 302
    assert TopicPage.objects.get(pk=page.pk).current_workflow_state.pk == state.pk

    approve_as_reviewer_then_coordinator(client, page, reviewer, coordinator)
    state.refresh_from_db()
    french = TopicPage.objects.get(pk=page.pk)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert french.live and french.introduction == "Les clusters, expliqués aux PME."
    assert french.live_revision.user == translator


def test_a_translator_cannot_submit_another_languages_translation(team, client):
    page = team.topic_in("alpha", "es")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    client.force_login(team.users["translator_fr"])
    response = client.post(f"/admin/roles/translations/{translation.pk}/submit/")
    assert response.status_code == 302 and response.url == "/admin/"
    assert TopicPage.objects.get(pk=page.pk).current_workflow_state is None


def test_a_translation_sent_back_with_a_comment_is_fixed_and_resubmitted(team, client):
    page = team.topic_in("alpha", "fr")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    segment = StringSegment.objects.get(source=translation.source, context__path="introduction")
    submit_url = f"/admin/roles/translations/{translation.pk}/submit/"

    def translate_introduction(text):
        return client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            f"value={text}",
            content_type="application/x-www-form-urlencoded",
        )

    client.force_login(team.users["translator_fr"])
    translate_introduction("Premier jet")
    client.post(submit_url)
    state = TopicPage.objects.get(pk=page.pk).current_workflow_state
    client.force_login(team.users["reviewer"])
    act(client, page, "reject", "Un titre plus clair, svp.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(team.users["translator_fr"])
    assert "Submit translation for review" in client.get(edit_url(page)).content.decode()
    translate_introduction("Second jet")
    assert client.post(submit_url).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # the same workflow, resumed
    assert state.current_task_state.task.name == "Peer review"
    assert state.current_task_state.revision.as_object().introduction == "Second jet"
    assert not TopicPage.objects.get(pk=page.pk).introduction.endswith("jet")
