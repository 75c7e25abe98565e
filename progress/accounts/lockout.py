"""django-axes, told how our two logins name the account and how to answer a lock-out.

allauth's login form calls the account field ``login`` and authenticates with an
``email`` or ``username`` credential; Wagtail's admin login posts ``username``. Every
name leads to the same counter, so switching forms or letter case does not reset it.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.template.response import TemplateResponse
from django.utils import timezone

ACCOUNT_FIELDS = ("login", "username", "email")


def attempted_login(request, credentials=None) -> str | None:
    """The account a login attempt was for, in one spelling whichever form it came from."""
    sources = [credentials or {}, getattr(request, "POST", None) or {}]
    for source in sources:
        for field in ACCOUNT_FIELDS:
            value = source.get(field)
            if value:
                return str(value).strip().lower()
    return None


def lockout_response(request, original_response=None, credentials=None):
    """A page in the visitor's language saying when they may try again (HTTP 429)."""
    cool_off = get_cool_off(request)
    try_again_at = timezone.localtime(timezone.now() + cool_off) if cool_off else None
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    context = {"try_again_at": try_again_at, "minutes": minutes}
    response = TemplateResponse(request, "progress/account/locked_out.html", context, status=429)
    return response.render()


class WebLoginLockoutBackend(AxesStandaloneBackend):
    """axes for logins that come from the web; a call without a request passes through.

    Both login pages (allauth's and Wagtail's admin) always authenticate with the
    request, and only they can be reached by someone guessing passwords. Code that
    authenticates without one (the test client's ``login``, a script) has nothing
    for axes to count by, and axes would otherwise refuse it outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
