"""Lock-outs in the Wagtail admin: coordinators and site administrators see and lift them.

django-axes keeps one row per (account, address, browser) with the failures counted
since the last success. A row is shown while its failures still count (inside the
cool-off); "Unlock" forgets the failures of that account and of that address.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from roles.models import RoleGroup

UNLOCKING_ROLES = (RoleGroup.SITE_ADMINISTRATOR, RoleGroup.COORDINATOR)


def can_unlock(user) -> bool:
    if not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(lectern_role__role__in=UNLOCKING_ROLES).exists()


def _require_unlocker(request):
    if not can_unlock(request.user):
        raise PermissionDenied


def recent_attempts():
    """Failed logins still inside the cool-off, most failures first."""
    since = timezone.now() - get_cool_off()
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by(
        "-failures_since_start", "-attempt_time"
    )


def lockouts(request):
    _require_unlocker(request)
    rows = [
        {"attempt": attempt, "locked": attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT}
        for attempt in recent_attempts()
    ]
    return TemplateResponse(
        request, "progress/admin/lockouts.html", {"rows": rows, "limit": settings.AXES_FAILURE_LIMIT}
    )


@require_POST
def unlock(request, attempt_id):
    _require_unlocker(request)
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    if attempt.username:
        reset(username=attempt.username)
    if attempt.ip_address:
        reset(ip=attempt.ip_address)
    messages.success(
        request, _("%(account)s can log in again.") % {"account": attempt.username or attempt.ip_address}
    )
    return redirect("lectern_lockouts")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("lockouts/", lockouts, name="lectern_lockouts"),
        path("lockouts/<int:attempt_id>/unlock/", unlock, name="lectern_unlock"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        pgettext_lazy("account", "Locked-out accounts"),
        reverse("lectern_lockouts"),
        icon_name="lock",
        order=900,
    )
