"""Content checks: warnings when a draft is saved; missing alt text or captions keep a topic offline."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from cms.content_checks import topic_issues
from cms.models import TopicPage
from tests import factories
from tests.roles.conftest import edit_url, topic_form

pytestmark = pytest.mark.django_db


def video(captions=()):
    document = factories.video_file()
    return (
        "video",
        {
            "title": "Additive manufacturing",
            "description": "",
            "video_file": document.pk,
            "video_url": "",
            "poster": "",
            "duration": "11",
            "captions": streamfield([("item", {"language": "en", "file": track.pk}) for track in captions]),
            "chapters": streamfield([]),
        },
    )


def image(alt_text):
    return ("image", {"image": factories.image().pk, "alt_text": alt_text, "caption": ""})


def exercise(explanation=""):
    question = {
        "statement": "A cluster is a trade association.",
        "feedback_correct": "",
        "feedback_incorrect": "",
        "explanation": explanation,
    }
    return (
        "exercise",
        {
            "title": "Check your understanding",
            "instructions": rich_text(""),
            "questions": streamfield([("true_false", question)]),
            "pass_mark": "70",
            "show_answers": "attempt",
        },
    )


def post(client, topic, body, action=None, **changes):
    data = topic_form(topic, body=body, **changes)
    if action:
        data[action] = "1"
    return client.post(edit_url(topic), data, follow=True)


@pytest.fixture
def coordinator_client(team, client):
    client.force_login(team.users["coordinator"])
    return client


def shown(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_a_video_without_captions_is_saved_as_a_draft_with_a_warning(team, coordinator_client):
    topic = team.topics["alpha"]
    response = post(coordinator_client, topic, [video()])
    assert response.redirect_chain[0] == (edit_url(topic), 302)
    assert any("has no captions" in message and "before publishing" in message for message in shown(response))
    draft = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    assert [child.block_type for child in draft.body] == ["video"]


def test_a_video_without_captions_cannot_be_published(team, coordinator_client):
    topic = team.topics["alpha"]
    response = post(coordinator_client, topic, [video()], "action-publish", introduction="Not yet")
    assert response.status_code == 200 and not response.redirect_chain
    form = response.context["form"]
    assert "has no captions" in str(form.non_field_errors())
    assert "body" in form.errors
    live = TopicPage.objects.get(pk=topic.pk)
    assert live.introduction != "Not yet" and not list(live.body)


def test_a_video_with_captions_is_published(team, coordinator_client):
    topic = team.topics["alpha"]
    response = post(coordinator_client, topic, [video([factories.captions()])], "action-publish")
    assert response.redirect_chain and response.status_code == 200
    assert [child.block_type for child in TopicPage.objects.get(pk=topic.pk).body] == ["video"]


def test_an_image_without_alternative_text_cannot_be_published(team, coordinator_client):
    topic = team.topics["alpha"]
    response = post(coordinator_client, topic, [image("")], "action-publish", introduction="Not yet")
    assert response.status_code == 200 and not response.redirect_chain
    assert "body" in response.context["form"].errors
    assert TopicPage.objects.get(pk=topic.pk).introduction != "Not yet"


def test_content_that_would_block_publishing_cannot_be_submitted_for_review(team, client):
    topic = team.topics["alpha"]
    client.force_login(team.users["partner_a"])
    response = post(client, topic, [video()], "action-submit")
    assert response.status_code == 200 and "has no captions" in str(
        response.context["form"].non_field_errors()
    )
    assert not WorkflowState.objects.filter(object_id=str(topic.pk)).exists()


def test_an_exercise_without_feedback_warns_but_may_be_published(team, coordinator_client):
    topic = team.topics["alpha"]
    saved = post(coordinator_client, topic, [exercise()])
    assert any("gives no feedback" in message for message in shown(saved))
    published = post(coordinator_client, topic, [exercise()], "action-publish")
    assert published.redirect_chain
    assert [child.block_type for child in TopicPage.objects.get(pk=topic.pk).body] == ["exercise"]


def test_a_topic_without_learning_outcome_is_shown_to_the_editor(team, coordinator_client):
    topic = team.topics["alpha"]
    outcomes = [outcome.pk for outcome in topic.outcomes.all()]
    response = post(coordinator_client, topic, [], outcomes=[])
    assert any("no learning outcome" in message for message in shown(response))
    quiet = post(coordinator_client, topic, [], outcomes=outcomes)
    assert not any("learning outcome" in message for message in shown(quiet))


def test_the_checks_tell_blocking_problems_from_warnings(team):
    topic = TopicPage.objects.get(pk=team.topics["alpha"].pk)
    block = topic.body.stream_block
    body = block.to_python(
        [
            {"type": "image", "value": {"image": factories.image().pk, "alt_text": " ", "caption": ""}},
            {
                "type": "exercise",
                "value": {
                    "title": "Quiz",
                    "questions": [
                        {
                            "type": "true_false",
                            "value": {"statement": "S", "answer": True, "explanation": "Because."},
                        }
                    ],
                },
            },
        ]
    )
    issues = topic_issues(body, outcomes=[])
    assert [(issue.blocking, issue.block_index) for issue in issues] == [(True, 0), (False, None)]


def approve(client, topic):
    """The approve button of the workflow panel: Wagtail's workflow action endpoint, not the edit form."""
    task_state = TopicPage.objects.get(pk=topic.pk).current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{topic.pk}/approve/{task_state.pk}/", {"comment": ""}, follow=True
    )


def test_approving_the_last_step_is_refused_while_the_draft_has_a_video_without_captions(team, client):
    topic = team.topics["alpha"]
    live_revision = TopicPage.objects.get(pk=topic.pk).live_revision_id
    client.force_login(team.users["partner_a"])
    assert post(client, topic, [], "action-submit", introduction="Ready for review").redirect_chain
    client.force_login(team.users["reviewer"])
    assert approve(client, topic).status_code == 200
    state = WorkflowState.objects.get(object_id=str(topic.pk))
    assert state.current_task_state.task.name == "Coordinator approval"

    # The coordinator adds a video to the draft under review and forgets its captions.
    client.force_login(team.users["coordinator"])
    saved = post(client, topic, [video()], introduction="Ready for review")
    assert saved.redirect_chain and any("has no captions" in message for message in shown(saved))

    response = approve(client, topic)
    assert response.redirect_chain[0][0] == f"/admin/roles/approval-refused/{topic.pk}/"
    assert response.redirect_chain[-1][0] == edit_url(topic)
    assert any(
        "cannot go live yet" in message and "has no captions" in message for message in shown(response)
    ), shown(response)
    page = TopicPage.objects.get(pk=topic.pk)
    assert page.live_revision_id == live_revision and not list(page.body)
    assert page.introduction != "Ready for review"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Coordinator approval"

    # With captions the same approval publishes it.
    post(client, topic, [video([factories.captions()])], introduction="Ready for review")
    approve(client, topic)
    page = TopicPage.objects.get(pk=topic.pk)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.introduction == "Ready for review" and [child.block_type for child in page.body] == ["video"]


def test_the_refusal_page_tells_nothing_to_users_who_may_not_see_the_page(team, client):
    client.force_login(team.users["partner_b"])
    response = client.get(f"/admin/roles/approval-refused/{team.topics['alpha'].pk}/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]  # Wagtail's answer to PermissionDenied
    assert not any("cannot go live" in message for message in shown(response))
