"""A bad, used or expired link from an email gets a clear page in the learner's language."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from .conftest import PASSWORD, link_in, signup_data

pytestmark = pytest.mark.django_db


def test_a_made_up_verification_link_says_the_link_is_invalid_in_french(client, home):
    page = client.get("/fr/accounts/confirm-email/not-a-real-key/")
    assert page.status_code == 200
    assert "a expiré ou n'est pas valide" in page.content.decode()


def test_a_verification_link_opened_again_after_use_says_it_is_no_longer_valid(client, home):
    client.post("/en/accounts/signup/", signup_data())
    confirm = link_in(mail.outbox[0])
    client.post(confirm)
    assert EmailAddress.objects.get(email="new@example.org").verified
    again = client.get(confirm)
    assert again.status_code == 200
    assert "This email confirmation link expired or is invalid." in again.content.decode()
    client.logout()
    confirmed_again = client.post(confirm)  # the "Confirm" button of a page left open in another tab
    assert confirmed_again.status_code == 200
    assert "This email confirmation link expired or is invalid." in confirmed_again.content.decode()


def test_an_invalid_password_reset_link_says_so_in_greek(client, home):
    page = client.get("/el/accounts/password/reset/key/1-not-a-token/")
    assert page.status_code == 200
    assert (
        "Λανθασμένο αναγνωριστικό" in page.content.decode()
        and 'name="password1"' not in page.content.decode()
    )


def test_a_used_password_reset_link_cannot_set_the_password_again(client, learner):
    client.post("/en/accounts/password/reset/", {"email": learner.email})
    reset = link_in(mail.outbox[0])
    form_page = client.get(reset, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "another-pass-phrase-7", "password2": "another-pass-phrase-7"},
    )
    second = client.get(reset, follow=True)
    assert second.status_code == 200 and 'name="password1"' not in second.content.decode()
    assert client.login(username="ana", password="another-pass-phrase-7") and not client.login(
        username="ana", password=PASSWORD
    )
