"""A learner signs themselves up, verifies their address and logs in, in their language."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from .conftest import PASSWORD, link_in, make_learner, signup_data

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_signing_up_asks_the_name_and_sends_a_verification_link_before_any_login(client, home):
    page = client.get("/en/accounts/signup/").content.decode()
    assert 'name="full_name"' in page and "/en/privacy/" in page
    response = client.post("/en/accounts/signup/", signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.learner_profile.full_name == "Zoé Martin" and user.learner_profile.language == "en"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new@example.org"]
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body
    refused = client.post("/en/accounts/login/", {"login": "new@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session, refused


def test_following_the_link_verifies_the_address_and_the_learner_can_log_in(client, home):
    client.post("/en/accounts/signup/", signup_data())
    confirm = link_in(mail.outbox[0])
    assert client.get(confirm).status_code == 200
    client.post(confirm)
    response = client.post("/en/accounts/login/", {"login": "new@example.org", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    header = client.get("/en/privacy/").content.decode()
    assert "Zoé Martin" in header and 'action="/en/accounts/logout/"' in header


def test_a_learner_who_signs_up_in_french_gets_the_email_in_french_over_real_smtp(client, home, smtp_mailbox):
    client.post("/fr/accounts/signup/", signup_data())
    [body] = smtp_mailbox.bodies_to("new@example.org")
    assert "Bonjour de Lectern" in body and "/fr/accounts/confirm-email/" in body
    assert "Vous recevez cet e-mail" in body  # allauth's own sentence, from its French catalogue
    assert User.objects.get(email="new@example.org").learner_profile.language == "fr"


def test_a_filled_honeypot_looks_like_success_but_creates_no_account(client, home):
    honest = client.post("/en/accounts/signup/", signup_data(email="honest@example.org"))
    bot = client.post(
        "/en/accounts/signup/", signup_data(email="bot@example.org", website="http://spam.example")
    )
    assert bot.status_code == honest.status_code == 302 and bot["Location"] == honest["Location"]
    assert not User.objects.filter(email="bot@example.org").exists()
    assert [message.to for message in mail.outbox] == [["honest@example.org"]]


def test_signing_up_with_a_known_address_answers_exactly_as_with_a_new_one(client, home):
    make_learner(email="known@example.org")
    known = client.post("/en/accounts/signup/", signup_data(email="known@example.org"), follow=True)
    client.logout()
    new = client.post("/en/accounts/signup/", signup_data(email="fresh@example.org"), follow=True)
    assert known.redirect_chain == new.redirect_chain
    assert known.content.decode().replace("known@", "fresh@") == new.content.decode()
    assert User.objects.filter(email="known@example.org").count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["fresh@example.org", "known@example.org"]


def test_a_password_reset_answers_the_same_for_a_known_and_an_unknown_address(client, learner):
    known = client.post("/en/accounts/password/reset/", {"email": learner.email}, follow=True)
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content.decode() == unknown.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [learner.email, "nobody@example.org"]


def test_after_logging_in_a_learner_lands_in_their_saved_language(client, home):
    make_learner(email="eleni@example.org", full_name="Ελένη Παππά", language="el", username="eleni")
    response = client.post("/en/accounts/login/", {"login": "eleni@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/el/")


def test_a_burst_of_sign_ups_from_one_address_is_held_back_with_a_clear_page(client, home):
    for number in range(20):
        client.post("/en/accounts/signup/", signup_data(email=f"learner{number}@example.org"))
    held = client.post("/fr/accounts/signup/", signup_data(email="one-more@example.org"))
    assert held.status_code == 429 and "Trop de requêtes" in held.content.decode()
    assert not User.objects.filter(email="one-more@example.org").exists()


@pytest.mark.parametrize(
    "language, log_in, sign_up", [("en", "Log in", "Sign up"), ("el", "Σύνδεση", "Εγγραφή")]
)
def test_the_header_offers_log_in_and_sign_up_to_visitors(client, home, language, log_in, sign_up):
    page = client.get(f"/{language}/privacy/").content.decode()
    assert f'href="/{language}/accounts/login/' in page and f">{log_in}</a>" in page
    assert f'href="/{language}/accounts/signup/">{sign_up}</a>' in page and "/accounts/logout/" not in page


def test_the_header_shows_the_learners_name_and_a_log_out_button_in_hungarian(client, home):
    client.force_login(make_learner(full_name="Kovács Anna", language="hu"))
    page = client.get("/hu/privacy/").content.decode()
    assert "Kovács Anna" in page and 'action="/hu/accounts/logout/"' in page and "Kijelentkezés" in page
    assert ">Sign up<" not in page and ">Regisztráció<" not in page


@pytest.mark.parametrize(
    "path",
    ["/fr/accounts/profile/", "/fr/accounts/email/", "/fr/accounts/password/change/", "/fr/accounts/delete/"],
)
def test_every_account_page_renders_in_the_site_frame_in_french(client, learner, path):
    client.force_login(learner)
    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="fr">' in html and 'class="site-header"' in html
    assert "Télécharger mes données" in html  # the account menu, in French
