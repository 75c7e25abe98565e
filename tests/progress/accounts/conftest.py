import re

import pytest

from progress.accounts.profiles import create_learner
from tests.smtp_server import smtp_mailbox  # noqa: F401  (a real SMTP server for the email tests)

PASSWORD = "a-long-pass-phrase-42"


def make_learner(email="ana@example.org", full_name="Ana Kovács", language="en", username="ana"):
    """A learner who signed up and verified their address."""
    return create_learner(email, PASSWORD, full_name, language, username=username)


@pytest.fixture
def learner(db, home):
    return make_learner()


def signup_data(email="new@example.org", full_name="Zoé Martin", **extra):
    return {"full_name": full_name, "email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}


def link_in(message) -> str:
    """The first link of an email, as a path (the test client has no host)."""
    url = re.search(r"https?://[^\s]+", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)
