"""The parts of "Download my data" and of account deletion that belong to this app."""

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from progress import privacy
from progress.models import ExerciseAttempt, TopicCompletion

from .profiles import profile_of


def account_section(user) -> dict:
    profile = profile_of(user)
    return {
        "username": user.get_username(),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "full_name": profile.full_name if profile else "",
        "interface_language": profile.language if profile else "",
        "organisation": profile.partner.name if profile and profile.partner else None,
    }


def completions_section(user) -> list:
    rows = TopicCompletion.objects.filter(user=user).order_by("completed_at", "pk")
    return [{"topic": str(row.topic_key), "completed_at": row.completed_at.isoformat()} for row in rows]


def attempts_section(user) -> list:
    rows = ExerciseAttempt.objects.filter(user=user).order_by("created_at", "pk")
    return [
        {
            "topic": str(row.topic_key),
            "exercise": row.block_id,
            "language": row.language,
            "score": row.score,
            "passed": row.passed,
            "answered_at": row.created_at.isoformat(),
        }
        for row in rows
    ]


def forget_login_records(user) -> None:
    """axes keeps the name typed at login (username or email) and the address: personal data too."""
    names = {
        user.get_username(),
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    names = {name.lower() for name in names if name}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=names).delete()


def register() -> None:
    privacy.register_export_section("account", account_section)
    privacy.register_export_section("topic_completions", completions_section)
    privacy.register_export_section("exercise_attempts", attempts_section)
    privacy.register_eraser("login_records", forget_login_records)
