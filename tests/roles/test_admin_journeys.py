"""What reviewers, partner editors and translators meet in the admin (one course team for all)."""

import html
import io
import json
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail_localize.models import TranslationSource

from cms.models import TopicPage
from roles.models import RoleGroup
from tests import factories
from tests.blocks.exercise_data import EXERCISE
from tests.roles.conftest import translate
from tests.roles.test_workflow import act, submit

pytestmark = pytest.mark.django_db

DENIED = "Sorry, you do not have permission to access this area"


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_a_reviewer_who_acted_on_a_page_lands_on_the_dashboard_without_a_permission_error(
    shared_team, client, action
):
    topic = shared_team.topics["alpha"]
    client.force_login(shared_team.users["partner_a"])
    assert submit(client, topic, "Clusters, explained for SME owners.").status_code == 302

    client.force_login(shared_team.users["reviewer"])
    response = act(client, topic, action, "Looks right.")
    assert response.status_code == 302
    landing = client.get(response["Location"], follow=True)
    assert landing.status_code == 200
    page = landing.content.decode()
    assert DENIED not in page
    assert topic.title in page  # Wagtail's "Page … has been approved/rejected" message


def test_a_partner_editor_cannot_upload_into_another_partners_collection(shared_team, client):
    beta = RoleGroup.objects.get(partner=shared_team.partners["beta"]).collection
    client.force_login(shared_team.users["partner_a"])
    upload = SimpleUploadedFile("checklist.pdf", b"%PDF-1.4 checklist", content_type="application/pdf")
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload, "collection": beta.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert "You may not add files to that collection" in response.json()["error_message"]
    assert "Alpha Cluster" in response.json()["error_message"]  # where they may upload instead

    image = SimpleUploadedFile("figure.png", factories.png_bytes(), content_type="image/png")
    response = client.post("/admin/images/add/", {"title": "Figure", "file": image, "collection": beta.pk})
    assert response.status_code == 200
    assert "You may not add files to that collection" in response.content.decode()
    assert not get_document_model().objects.exists() and not get_image_model().objects.exists()


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
    assert response.status_code == 302 and response["Location"].split("?")[0].endswith("/accounts/login/")

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
    assert response.status_code == 302 and response["Location"].split("?")[0].endswith("/accounts/login/")


def editor_props(response):
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


@pytest.fixture
def french_exercise(shared_team):
    """The alpha topic with an exercise, translated into French (synced, as the admin's Translate does)."""
    topic = TopicPage.objects.get(pk=shared_team.topics["alpha"].pk)  # fresh: earlier tests rolled back
    topic.body = [EXERCISE]
    topic.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(topic)
    source.translations.get(target_locale__language_code="fr").save_target(publish=True)
    return shared_team.topic_in("alpha", "fr")


def test_the_translation_editor_names_each_exercise_string_by_its_field(shared_team, client, french_exercise):
    client.force_login(shared_team.users["translator_fr"])
    props = editor_props(client.get(f"/admin/pages/{french_exercise.pk}/edit/"))
    labels = {segment["location"]["subField"] for segment in props["segments"] if segment.get("location")}
    assert "Questions › Single choice › Options › Feedback" in labels
    assert "Questions › True or false › Feedback if right" in labels
    assert "Questions › Fill in the blank › Accepted answers" in labels
    assert "Questions" not in labels


def test_a_translator_is_not_offered_to_convert_the_translation_to_an_alias(
    shared_team, client, french_exercise
):
    client.force_login(shared_team.users["translator_fr"])
    props = editor_props(client.get(f"/admin/pages/{french_exercise.pk}/edit/"))
    assert props["links"]["convertToAliasUrl"] is None
    response = client.post(f"/admin/localize/page/{french_exercise.pk}/convert_to_alias/")
    assert response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")  # refused
    assert type(french_exercise).objects.get(pk=french_exercise.pk).alias_of_id is None

    client.force_login(shared_team.users["coordinator"])
    props = editor_props(client.get(f"/admin/pages/{french_exercise.pk}/edit/"))
    assert props["links"]["convertToAliasUrl"]  # those who may publish keep it


def test_translate_this_page_offers_the_french_translator_only_french(shared_team, client):
    client.force_login(shared_team.users["translator_fr"])
    response = client.get(f"/admin/localize/submit/page/{shared_team.topics['beta'].pk}/")
    offered = {locale.language_code for locale in response.context["form"].fields["locales"].queryset}
    assert offered == {"fr"}
    client.force_login(shared_team.users["coordinator"])
    response = client.get(f"/admin/localize/submit/page/{shared_team.topics['beta'].pk}/")
    assert len(response.context["form"].fields["locales"].queryset) > 1


def uncaptioned_video():
    return {"type": "video", "value": factories.video_value(captions=[])}


def fresh(topic):
    return TopicPage.objects.get(pk=topic.pk)


def test_bulk_publishing_refuses_a_topic_whose_video_has_no_captions(shared_team, client):
    topic = fresh(shared_team.topics["alpha"])
    topic.body = [uncaptioned_video()]
    topic.save_revision()
    client.force_login(shared_team.users["coordinator"])
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={topic.pk}&next=/admin/pages/", follow=True
    )
    assert "This topic cannot go live yet" in response.content.decode()
    assert not fresh(topic).body  # the live topic is unchanged
    assert fresh(topic).has_unpublished_changes


def test_copy_and_publish_refuses_a_topic_whose_video_has_no_captions(shared_team, client):
    topic = fresh(shared_team.topics["alpha"])
    topic.body = [uncaptioned_video()]
    topic.save_revision().publish()  # live before the checks existed
    client.force_login(shared_team.users["coordinator"])
    response = client.post(
        f"/admin/pages/{topic.pk}/copy/",
        {
            "new_title": "Copied topic",
            "new_slug": "copied-topic",
            "new_parent_page": topic.get_parent().pk,
            "publish_copies": "on",
        },
        follow=True,
    )
    assert "Nothing was copied" in response.content.decode()
    assert not TopicPage.objects.filter(slug="copied-topic").exists()


def test_a_scheduled_revision_that_cannot_go_live_is_not_published(shared_team):
    topic = fresh(shared_team.topics["alpha"])
    topic.body = [uncaptioned_video()]
    revision = topic.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=io.StringIO())
    assert not fresh(topic).body
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # taken off the schedule
