"""Who may do what, tried through the admin's own HTTP endpoints.

Each case logs one role in, performs one action the way the admin's pages do, and
checks both the answer and what changed (or did not) in the database.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.models import TopicPage
from roles.models import RoleGroup
from tests import factories
from tests.roles.conftest import edit_url, topic_form

pytestmark = pytest.mark.django_db

DENIED = (302, "/admin/")  # how Wagtail answers a forbidden admin page: back to the dashboard


def latest(topic):
    return TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()


def answer(response):
    return response.status_code, response.get("Location")


# --- the actions: each returns (response answer, whether it took effect) ------------------


def open_admin(client, team, user):
    response = client.get("/admin/")
    return answer(response), response.status_code == 200 and b"Dashboard" in response.content


def edit_topic(partner_key):
    def action(client, team, user):
        topic = team.topics[partner_key]
        response = client.post(edit_url(topic), topic_form(topic, introduction=f"Edited by {user}"))
        return answer(response), latest(topic).introduction == f"Edited by {user}"

    action.__name__ = f"edit_topic_of_{partner_key}"
    return action


def publish(client, team, user):
    topic = team.topics["alpha"]
    response = client.post(
        edit_url(topic), {**topic_form(topic, introduction="Published text"), "action-publish": "1"}
    )
    live = TopicPage.objects.get(pk=topic.pk)
    return answer(response), live.live and live.introduction == "Published text"


def _submitted(team, step):
    """The alpha topic submitted by its partner editor, waiting at ``step`` (0 review, 1 approval)."""
    topic = TopicPage.objects.get(pk=team.topics["alpha"].pk)
    topic.introduction = "Reviewed text"
    revision = topic.save_revision(user=team.users["partner_a"])
    topic.get_workflow().start(topic, team.users["partner_a"])
    if step == 1:
        topic.current_workflow_task_state.approve(user=team.users["reviewer"])
    return revision, TaskState.objects.get(
        pk=TopicPage.objects.get(pk=topic.pk).current_workflow_task_state.pk
    )


def approve_review(client, team, user):
    _revision, task_state = _submitted(team, step=0)
    response = client.post(
        f"/admin/pages/workflow/action/{task_state.revision.object_id}/approve/{task_state.pk}/",
        {"comment": "Reads well."},
    )
    task_state.refresh_from_db()
    return answer(response), task_state.status == TaskState.STATUS_APPROVED


def approve_final(client, team, user):
    _revision, task_state = _submitted(team, step=1)
    response = client.post(
        f"/admin/pages/workflow/action/{task_state.revision.object_id}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    live = TopicPage.objects.get(pk=team.topics["alpha"].pk)
    return answer(response), live.introduction == "Reviewed text"


def translate(language):
    def action(client, team, user):
        page = team.topic_in("alpha", language)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=page.locale
        )
        segment = StringSegment.objects.get(source=translation.source, context__path="introduction")
        editor = client.get(edit_url(page))
        response = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            urlencode({"value": f"Traduit par {user}"}),
            content_type="application/x-www-form-urlencoded",
        )
        saved = StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=page.locale, data=f"Traduit par {user}"
        ).exists()
        return (answer(editor), response.status_code), saved

    action.__name__ = f"translate_{language}"
    return action


def manage_users(client, team, user):
    listing = client.get("/admin/users/")
    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a-long-enough-pass-phrase",
            "password2": "a-long-enough-pass-phrase",
            "is_active": "on",
        },
    )
    created = get_user_model().objects.filter(username="newcomer").exists()
    return (answer(listing), answer(response)), created


def upload_image(partner_key):
    def action(client, team, user):
        collection = RoleGroup.objects.get(partner=team.partners[partner_key]).collection
        upload = factories.ImageFile(factories.io.BytesIO(factories.png_bytes()), name="diagram.png")
        response = client.post(
            "/admin/images/add/", {"title": "Uploaded diagram", "file": upload, "collection": collection.pk}
        )
        created = get_image_model().objects.filter(title="Uploaded diagram", collection=collection).exists()
        return answer(response), created

    action.__name__ = f"upload_to_{partner_key}_collection"
    return action


ACTIONS = [
    open_admin,
    edit_topic("alpha"),
    edit_topic("beta"),
    publish,
    approve_review,
    approve_final,
    translate("fr"),
    translate("es"),
    manage_users,
    upload_image("alpha"),
    upload_image("beta"),
]

# Rows: roles; columns: ACTIONS in order. partner_a works for "alpha", partner_b for "beta".
MATRIX = {
    #               open edit_a edit_b publish review final  fr    es    users  up_a  up_b
    "partner_a": [True, True, False, False, False, False, False, False, False, True, False],
    "partner_b": [True, False, True, False, False, False, False, False, False, False, True],
    "reviewer": [True, False, False, False, True, False, False, False, False, False, False],
    "coordinator": [True, True, True, True, False, True, True, True, False, True, True],
    "translator_fr": [True, False, False, False, False, False, True, False, False, False, False],
    "siteadmin": [True, False, False, False, False, False, False, False, True, False, False],
}


def expected_answer(action, allowed, team, role):
    """The admin's answer: what a permitted user sees, and how a refusal looks for this action."""
    name = action.__name__
    alpha, beta = team.topics["alpha"], team.topics["beta"]
    if name == "open_admin":
        return (200, None)
    if name.startswith("edit_topic_of_"):
        topic = alpha if name.endswith("alpha") else beta
        return (302, edit_url(topic)) if allowed else DENIED
    if name == "publish":
        if allowed:
            return (302, f"/admin/pages/{alpha.get_parent().pk}/")
        # A partner editor's "publish" is only a save: Wagtail offers them no publish action.
        return (302, edit_url(alpha)) if role == "partner_a" else DENIED
    if name == "approve_review":
        # The next step is the coordinator's: the reviewer lands on the dashboard, not on an
        # editor it no longer opens to them.
        return (302, "/admin/") if allowed else DENIED
    if name.startswith("approve_"):
        return (302, f"/admin/pages/{alpha.pk}/edit/") if allowed else DENIED
    if name.startswith("translate_"):
        return ((200, None), 201) if allowed else (DENIED, 403)
    if name == "manage_users":
        return ((200, None), (302, "/admin/users/")) if allowed else (DENIED, DENIED)
    if name.startswith("upload_to_"):
        if allowed:
            return (302, "/admin/images/")
        # A partner editor may upload into one collection only: another partner's is refused
        # with a form error naming theirs (never filed quietly into their own).
        return (200, None) if role in ("partner_a", "partner_b") else DENIED
    raise AssertionError(name)


CASES = [
    pytest.param(role, action, allowed, id=f"{role}-{action.__name__}")
    for role, row in MATRIX.items()
    for action, allowed in zip(ACTIONS, row, strict=True)
]


@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_each_role_may_do_exactly_what_its_row_of_the_matrix_says(
    shared_team, db, client, role, action, allowed
):
    team = shared_team
    user = team.users[role]
    client.force_login(user)
    got, took_effect = action(client, team, user)
    assert got == expected_answer(action, allowed, team, role)
    assert took_effect is allowed
