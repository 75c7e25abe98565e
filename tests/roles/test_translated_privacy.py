"""Privacy set on a page in one language applies to its real translations too."""

import pytest
from wagtail.models import PageViewRestriction

from tests.roles.conftest import translate

pytestmark = pytest.mark.django_db


def set_privacy(client, page, restriction_type):
    response = client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": restriction_type})
    assert response.status_code == 200


def test_making_a_topic_private_and_public_again_applies_to_its_french_translation(shared_team, client):
    english, french = shared_team.topic_in("alpha", "en"), shared_team.topic_in("alpha", "fr")
    assert french.alias_of_id is None  # a real translation, not an alias showing the source
    client.force_login(shared_team.users["coordinator"])
    set_privacy(client, english, "login")
    client.logout()
    response = client.get(french.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")

    client.force_login(shared_team.users["coordinator"])
    set_privacy(client, english, "none")
    client.logout()
    assert client.get(french.url).status_code == 200
    assert not PageViewRestriction.objects.exists()


def test_a_private_page_translated_later_is_private_in_the_new_language(shared_team, client):
    english = shared_team.topics["beta"]
    assert shared_team.topic_in("beta", "fr").alias_of_id is not None  # not yet translated
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    translate(english, "fr")
    french = shared_team.topic_in("beta", "fr")
    assert french.alias_of_id is None
    response = client.get(french.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
