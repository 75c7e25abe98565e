"""The learning records' part of "Download my data" and of account deletion:
certificates and where the learner was in each course (progress and attempts are
the accounts side's sections)."""

from . import privacy
from .models import Certificate, CourseVisit


def certificates_section(user) -> list:
    return [
        {
            "code": certificate.code,
            "holder_name": certificate.holder_name,
            "course": certificate.course_title,
            "hours": float(certificate.hours),
            "language": certificate.language,
            "issued_at": certificate.issued_at.isoformat(),
            "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
            "revoked_reason": certificate.revoked_reason,
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
    ]


def visits_section(user) -> list:
    return [
        {
            "course": str(visit.course_key),
            "topic": str(visit.topic_key),
            "place": visit.anchor,
            "visited_at": visit.updated_at.isoformat(),
        }
        for visit in CourseVisit.objects.filter(user=user).order_by("updated_at", "pk")
    ]


def anonymise_certificates(user) -> None:
    """Certificates outlive the account, still valid, without the name."""
    Certificate.objects.filter(user=user).update(user=None, holder_name="")


def register() -> None:
    privacy.register_export_section("certificates", certificates_section)
    privacy.register_export_section("course_visits", visits_section)
    privacy.register_eraser("certificates", anonymise_certificates)
