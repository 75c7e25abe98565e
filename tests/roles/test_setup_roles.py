import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import LessonPage, Partner
from roles.models import CourseReviewTask, RoleGroup
from tests.roles.conftest import edit_url, user_in

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user without the permission caches Django and Wagtail keep on the object."""
    return get_user_model().objects.get(pk=user.pk)


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group permissions": Permission.group_set.through.objects.count(),
        "page grants": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collection grants": GroupCollectionPermission.objects.count(),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
        "workflows": (Workflow.objects.count(), Task.objects.count(), WorkflowTask.objects.count()),
        "workflow pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
    }


def test_setup_roles_makes_every_group_and_running_it_again_changes_nothing(team):
    before = snapshot()
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
    names = set(before["groups"])
    assert {"Site administrators", "Coordinators", "Reviewers"} <= names
    assert {"Partner editors: Alpha Cluster", "Partner editors: Beta Cluster"} <= names
    assert {
        "Translators: Français",
        "Translators: Español",
        "Translators: Magyar",
        "Translators: Ελληνικά",
    } <= names
    assert not any(name.startswith("Translators: English") for name in names)
    assert {"Partners", "Alpha Cluster", "Beta Cluster"} <= set(before["collections"])


def test_setup_roles_turns_plain_group_approval_steps_into_course_review_steps_in_place(team):
    """A site set up before the steps checked content keeps its steps, groups and pages in review."""
    plain = ContentType.objects.get_for_model(GroupApprovalTask)
    steps = GroupApprovalTask.objects.filter(workflow_tasks__workflow__name="Course review")
    before = {task.pk: sorted(task.groups.values_list("name", flat=True)) for task in steps}
    assert all(isinstance(task.specific, CourseReviewTask) for task in Task.objects.filter(pk__in=before))
    steps.update(content_type=plain)
    assert not any(isinstance(task.specific, CourseReviewTask) for task in Task.objects.filter(pk__in=before))

    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = Task.objects.filter(workflow_tasks__workflow__name="Course review").order_by(
        "workflow_tasks__sort_order"
    )
    assert [type(task.specific) for task in after] == [CourseReviewTask, CourseReviewTask]
    assert {task.pk: sorted(task.specific.groups.values_list("name", flat=True)) for task in after} == before
    assert [task.name for task in after] == ["Peer review", "Coordinator approval"]


def test_site_administrators_manage_users_and_locales_but_are_not_superusers(team):
    admin = team.users["siteadmin"]
    assert not admin.is_superuser
    assert admin.has_perms(
        ["auth.change_user", "auth.add_group", "wagtailcore.add_locale", "wagtailcore.change_site"]
    )
    assert not admin.has_perm("cms.change_partner")


def test_coordinators_manage_the_snippets_and_may_publish_every_language(team):
    coordinator = team.users["coordinator"]
    for model in ("partner", "expert", "learningoutcome", "competence"):
        assert coordinator.has_perms([f"cms.add_{model}", f"cms.change_{model}", f"cms.delete_{model}"])
    for language in ("en", "fr", "es"):
        assert team.topic_in("alpha", language).permissions_for_user(coordinator).can_publish(), language


def test_the_review_workflow_covers_every_language_tree(team):
    workflow = Workflow.objects.get(name="Course review")
    assert [task.name for task in workflow.tasks] == ["Peer review", "Coordinator approval"]
    for language in ("en", "fr", "es"):
        assert team.topic_in("beta", language).get_workflow() == workflow, language


def test_reassigning_a_lesson_in_the_admin_moves_the_partner_editors_grant(team, client):
    lesson = team.lessons["alpha"]
    beta_editor, alpha_editor = team.users["partner_b"], team.users["partner_a"]
    assert not lesson.permissions_for_user(beta_editor).can_edit()
    client.force_login(team.users["coordinator"])
    response = client.post(
        edit_url(lesson),
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "introduction": "",
            "partner": team.partners["beta"].pk,
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    assert LessonPage.objects.get(pk=lesson.pk).partner == team.partners["beta"]
    topic = team.topics["alpha"]
    assert topic.permissions_for_user(fresh(beta_editor)).can_edit()
    assert not topic.permissions_for_user(fresh(alpha_editor)).can_edit()
    client.force_login(alpha_editor)
    assert client.get(edit_url(topic)).status_code == 302  # refused: back to the dashboard
    client.force_login(beta_editor)
    assert client.get(edit_url(topic)).status_code == 200


def test_a_new_partner_gets_its_group_and_collection_and_a_lesson_assigned_to_it(team):
    gamma = Partner.objects.create(key="gamma", name="Gamma Hub", country="GR")
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    record = RoleGroup.objects.get(partner=gamma)
    assert record.group.name == "Partner editors: Gamma Hub"
    assert record.collection.get_parent().name == "Partners" and record.collection.name == "Gamma Hub"
    editor = user_in(record.group, "gamma-editor")
    lesson = LessonPage.objects.get(pk=team.lessons["beta"].pk)
    assert not lesson.permissions_for_user(editor).can_edit()
    lesson.partner = gamma
    lesson.save_revision().publish()
    assert lesson.permissions_for_user(fresh(editor)).can_edit()
    assert not lesson.permissions_for_user(fresh(editor)).can_publish()


def test_renaming_a_partner_renames_its_group_and_collection_instead_of_making_new_ones(team):
    alpha = team.partners["alpha"]
    alpha.name = "Alpha Industry Cluster"
    alpha.save()
    groups = Group.objects.count()
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    record = RoleGroup.objects.get(partner=alpha)
    assert record.group.name == "Partner editors: Alpha Industry Cluster"
    assert record.collection.name == "Alpha Industry Cluster"
    assert Group.objects.count() == groups


def test_translators_may_edit_their_language_tree_only(team):
    translator = team.users["translator_fr"]
    assert team.topic_in("alpha", "fr").permissions_for_user(translator).can_edit()
    assert not team.topic_in("alpha", "fr").permissions_for_user(translator).can_publish()
    assert not team.topic_in("alpha", "es").permissions_for_user(translator).can_edit()
    assert not team.topic_in("alpha", "en").permissions_for_user(translator).can_edit()
    assert translator.has_perm("wagtail_localize.submit_translation")
    french_home = team.course.get_parent().get_translation(Locale.objects.get(language_code="fr"))
    assert french_home.permissions_for_user(translator).can_edit()


@pytest.mark.parametrize(
    ("role", "allowed"), [("siteadmin", True), ("coordinator", False), ("partner_a", False)]
)
def test_only_site_administrators_open_the_locale_and_group_settings(team, client, role, allowed):
    client.force_login(team.users[role])
    for url in ("/admin/locales/", "/admin/groups/", "/admin/sites/"):
        response = client.get(url)
        assert (response.status_code == 200) is allowed, url
        if not allowed:
            assert (response.status_code, response["Location"]) == (302, "/admin/"), url
