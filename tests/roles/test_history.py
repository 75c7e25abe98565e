"""Every change is in the page history, can be compared with another version and rolled back."""

import pytest
from wagtail.models import PageLogEntry

from cms.models import TopicPage
from tests.roles.conftest import edit_url, topic_form

pytestmark = pytest.mark.django_db


def test_an_editors_change_is_in_the_history_can_be_compared_and_rolled_back(team, client):
    topic = TopicPage.objects.get(pk=team.topics["alpha"].pk)
    original = topic.latest_revision
    editor = team.users["partner_a"]

    client.force_login(editor)
    response = client.post(edit_url(topic), topic_form(topic, introduction="Rewritten by the partner."))
    assert response.status_code == 302
    edited = TopicPage.objects.get(pk=topic.pk).latest_revision
    assert edited.pk != original.pk and edited.user == editor
    assert PageLogEntry.objects.filter(page=topic, action="wagtail.edit", user=editor).exists()

    client.force_login(team.users["coordinator"])
    history = client.get(f"/admin/pages/{topic.pk}/history/")
    assert history.status_code == 200
    assert editor.username in history.content.decode()

    compare = client.get(f"/admin/pages/{topic.pk}/revisions/compare/{original.pk}...{edited.pk}/")
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Rewritten by the partner." in html and "Introduction to topic" in html

    revert_url = f"/admin/pages/{topic.pk}/revisions/{original.pk}/revert/"
    form = client.get(revert_url)
    assert form.status_code == 200
    assert form.context["page"].introduction == original.as_object().introduction
    response = client.post(
        revert_url,
        {**topic_form(topic, introduction=original.as_object().introduction), "action-publish": "1"},
    )
    assert response.status_code == 302
    live = TopicPage.objects.get(pk=topic.pk)
    assert live.introduction == original.as_object().introduction
    assert PageLogEntry.objects.filter(page=topic, action="wagtail.revert").exists()
    assert PageLogEntry.objects.filter(page=topic, action="wagtail.publish").exists()
