import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from cms.models import Competence, CoursePage, Expert, LessonPage, ModulePage, Partner, TopicPage

pytestmark = pytest.mark.django_db


def words(topic) -> int:
    text = " ".join(strip_tags(str(child.render())) for child in topic.body)
    return len(text.split())


def test_the_demo_course_has_the_reference_shape_and_substance(home):
    call_command("load_demo_course")
    course = CoursePage.objects.get(slug="smart-clusters")
    topics = TopicPage.objects.live().descendant_of(course)
    assert ModulePage.objects.live().descendant_of(course).count() == 4
    assert LessonPage.objects.live().descendant_of(course).count() == 10
    assert topics.count() == 50

    total_minutes = sum(topics.values_list("estimated_minutes", flat=True))
    assert 57 * 60 <= total_minutes <= 63 * 60, total_minutes

    assert Partner.objects.count() == 7
    assert set(Partner.objects.values_list("country", flat=True)) == {"FR", "HU", "ES", "GB", "GR"}
    assert Expert.objects.count() == 21
    assert not Expert.objects.filter(role="").exists()
    assert Competence.objects.count() == 20
    assert not Competence.objects.filter(outcomes__isnull=True).exists(), "a competence no outcome serves"

    for topic in topics.prefetch_related("outcomes", "authors"):
        assert topic.outcomes.exists() and topic.authors.exists(), topic.title
        assert words(topic) >= 400, f"{topic.title} has only {words(topic)} words"


def test_loading_the_demo_twice_changes_nothing(home, capsys):
    call_command("load_demo_course")
    capsys.readouterr()
    call_command("load_demo_course")
    assert "already up to date; nothing changed" in capsys.readouterr().out
