import pytest
from django.contrib.auth import get_user_model

from cms.models import CoursePage, LessonPage, ModulePage, TopicPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


def add_url(model, parent):
    return f"/admin/pages/add/cms/{model._meta.model_name}/{parent.pk}/"


@pytest.mark.parametrize(
    ("parent_type", "allowed", "refused"),
    [
        ("course", ModulePage, [LessonPage, TopicPage, CoursePage]),
        ("module", LessonPage, [TopicPage, ModulePage]),
        ("lesson", TopicPage, [ModulePage, LessonPage]),
    ],
)
def test_the_admin_only_offers_the_next_level_of_the_course_tree(admin_client, parent_type, allowed, refused):
    course = factories.course(modules=1, lessons=1, topics=1)
    module = course.get_children().get()
    parents = {"course": course, "module": module, "lesson": module.get_children().get()}
    parent = parents[parent_type]
    assert admin_client.get(add_url(allowed, parent)).status_code == 200
    chooser = admin_client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    offered = chooser.content.decode()
    if chooser.status_code == 302:  # Wagtail skips the chooser when one type is allowed
        assert chooser["Location"] == add_url(allowed, parent)
    else:
        assert add_url(allowed, parent) in offered
    for model in refused:
        assert add_url(model, parent) not in offered
        # Wagtail answers a forged add URL with "permission denied": a redirect to the dashboard.
        response = admin_client.post(add_url(model, parent), {"title": "Forged", "slug": "forged"})
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), model.__name__
        assert not model.objects.filter(slug="forged").exists()


def test_a_topic_cannot_have_children_and_lives_only_under_a_lesson():
    assert TopicPage.allowed_subpage_models() == []
    assert TopicPage.allowed_parent_page_models() == [LessonPage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]


def test_the_admin_creates_a_topic_under_a_lesson_with_its_curriculum(admin_client):
    course = factories.course(modules=1, lessons=1, topics=0)
    lesson = course.get_children().get().get_children().get()
    outcome = factories.outcome("9.9.9-a", "Explain edge computing.")
    _, expert, _ = factories.snippets()
    response = admin_client.post(
        add_url(TopicPage, lesson),
        {
            "title": "Edge computing",
            "slug": "edge-computing",
            "introduction": "Computing near the machine.",
            "body-count": "0",
            "estimated_minutes": "45",
            "outcomes": [outcome.pk],
            "authors-TOTAL_FORMS": "1",
            "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "1000",
            "authors-0-expert": expert.pk,
            "authors-0-ORDER": "1",
            "authors-0-id": "",
            "authors-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    topic = TopicPage.objects.get(locale__language_code="en", slug="edge-computing")  # not its copies in other languages
    assert topic.get_parent().pk == lesson.pk
    assert topic.estimated_minutes == 45
    assert list(topic.outcomes.all()) == [outcome]
    assert [link.expert for link in topic.authors.all()] == [expert]
