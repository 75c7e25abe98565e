"""allauth's email verification page, minus its one 404."""

from allauth.account.views import ConfirmEmailView
from django.http import Http404


class LearnerConfirmEmailView(ConfirmEmailView):
    """A used or made-up link, confirmed again, gets the "expired or invalid" page.

    allauth answers a GET of such a link with that page but a POST (the "Confirm"
    button of a page left open in another tab) with a bare 404.
    """

    def post(self, *args, **kwargs):
        try:
            return super().post(*args, **kwargs)
        except Http404:
            return self.get(*args, **kwargs)
