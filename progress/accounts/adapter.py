"""How allauth talks to a learner: in their language, and back to their own space."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from .profiles import saved_language, supported_language


def email_language(request, email: str, context: dict) -> str:
    """The language of the page the learner acted on, else the one saved in their profile.

    A request under ``/fr/…`` sends French; a request without a language in its address
    (or none at all, from a management command) falls back to the learner's profile.
    """
    if request is not None:
        from_path = translation.get_language_from_path(request.path_info)
        if from_path:
            return supported_language(from_path)
    user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
    return saved_language(user)


def learner_home(language: str) -> str:
    """The learner's space in ``language``; the home page until that space is installed."""
    with translation.override(language):
        try:
            return reverse("learner_space")
        except NoReverseMatch:
            return f"/{language}/"


class LearnerAccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        with translation.override(email_language(allauth_context.request, email, context)):
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request):
        """Without a ``next``, a learner lands in their own space in their saved language."""
        return learner_home(saved_language(request.user))
