"""Who sees which report.

Coordinators and site administrators (and superusers) see every report. A partner
editor sees the completion and exercise reports, limited to their own partner's
lessons; those reports count learners and never name one. Nobody else sees any.
"""

from django.core.exceptions import PermissionDenied

from roles.models import RoleGroup

EVERYTHING = None  # the scope of someone who sees every lesson


def sees_everything(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return RoleGroup.objects.filter(
        group__user=user, role__in=[RoleGroup.COORDINATOR, RoleGroup.SITE_ADMINISTRATOR]
    ).exists()


def partner_ids(user) -> set[int]:
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(
        RoleGroup.objects.filter(
            group__user=user, role=RoleGroup.PARTNER_EDITOR, partner__isnull=False
        ).values_list("partner_id", flat=True)
    )


def lesson_scope(user, partner_scoped: bool):
    """EVERYTHING, or the partner ids whose lessons this user may see; PermissionDenied otherwise."""
    if sees_everything(user):
        return EVERYTHING
    partners = partner_ids(user) if partner_scoped else set()
    if not partners:
        raise PermissionDenied
    return partners


def may_see(user, partner_scoped: bool) -> bool:
    return sees_everything(user) or (partner_scoped and bool(partner_ids(user)))
