"""A new learner signs up, verifies their address by a real email, and logs in."""

import re

import pytest

from tests import factories
from tests.smtp_server import smtp_mailbox  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-pass-phrase-42"


def verification_link(mailbox, address):
    [body] = mailbox.bodies_to(address)
    return re.search(r"http://\S+/accounts/confirm-email/\S+", body).group(0)


def test_a_new_learner_signs_up_verifies_by_email_and_logs_in(page, live_server, smtp_mailbox):  # noqa: F811
    factories.home_page()
    page.goto(live_server.url + "/en/privacy/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign up").click()
    page.get_by_label("Full name").fill("Zoé Martin")
    page.get_by_label("Email").fill("zoe@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/accounts/confirm-email/")

    page.goto(verification_link(smtp_mailbox, "zoe@example.org"))
    page.get_by_role("button", name="Confirm").click()
    page.context.clear_cookies()  # log in afresh, as the learner would on another day

    page.goto(live_server.url + "/en/privacy/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Log in").click()
    page.get_by_label("Email or username").fill("zoe@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    menu = page.get_by_role("navigation", name="Your account")
    assert menu.get_by_text("Zoé Martin").is_visible()
    menu.get_by_role("button", name="Log out").click()
    assert menu.get_by_role("link", name="Log in").is_visible()
    assert not page.get_by_text("Zoé Martin").count()
