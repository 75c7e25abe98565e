"""The learner's profile: made at sign-up, read by the header, emails and certificates."""

from django.conf import settings
from django.utils import translation

from progress.models import LearnerProfile

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def supported_language(code: str | None) -> str:
    """``code`` if the site speaks it (``fr-ca`` counts as ``fr``), else the site's default."""
    code = (code or "").split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def profile_of(user) -> LearnerProfile | None:
    """The learner's profile, or None for staff made in the admin and anonymous visitors."""
    if user is None or not getattr(user, "pk", None):
        return None
    try:
        return user.learner_profile
    except LearnerProfile.DoesNotExist:
        return None


def display_name(user) -> str:
    """The name a learner typed at sign-up; a username for accounts made in the admin."""
    profile = profile_of(user)
    return profile.full_name if profile and profile.full_name else user.get_username()


def saved_language(user) -> str:
    """The learner's interface language, or the language of the current page without a profile."""
    profile = profile_of(user)
    return supported_language(profile.language if profile else translation.get_language())


def create_profile(user, full_name: str, language: str) -> LearnerProfile:
    profile, _created = LearnerProfile.objects.update_or_create(
        user=user, defaults={"full_name": full_name.strip(), "language": supported_language(language)}
    )
    return profile


def create_learner(email: str, password: str, full_name: str, language: str = "en", username: str = ""):
    """A learner as if they had signed up and followed the verification link (demo, tests).

    The learner login requires a verified address, so an account made any other way
    needs the ``EmailAddress`` row that allauth would have made.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username or email.split("@")[0], email, password)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    create_profile(user, full_name, language)
    return user
