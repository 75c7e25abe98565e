"""One demo login per role, for trying the permissions out (DEBUG settings only)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

from .models import RoleGroup

DEMO_PARTNER_EDITORS = 2
DEMO_TRANSLATOR_LANGUAGE = "fr"


def demo_accounts():
    """(username, group) for each demo login; needs ``setup_roles`` to have run."""
    fixed = {record.role: record.group for record in RoleGroup.objects.filter(partner=None, locale=None)}
    accounts = [
        ("siteadmin", fixed[RoleGroup.SITE_ADMINISTRATOR]),
        ("coordinator", fixed[RoleGroup.COORDINATOR]),
        ("reviewer", fixed[RoleGroup.REVIEWER]),
    ]
    partners = RoleGroup.objects.filter(role=RoleGroup.PARTNER_EDITOR).select_related("partner", "group")
    for record in partners.order_by("partner__name")[:DEMO_PARTNER_EDITORS]:
        accounts.append((f"editor-{record.partner.key}"[:150], record.group))
    locale = Locale.objects.filter(language_code=DEMO_TRANSLATOR_LANGUAGE).first()
    translators = RoleGroup.objects.filter(role=RoleGroup.TRANSLATOR, locale=locale).first()
    if translators:
        accounts.append((f"translator-{DEMO_TRANSLATOR_LANGUAGE}", translators.group))
    return accounts


def create_demo_users() -> list[tuple[str, str, str]]:
    """Create or reset the demo logins with new random passwords: (username, group, password)."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo users are for the demo only (DEBUG settings).")
    created = []
    for username, group in demo_accounts():
        password = secrets.token_urlsafe(9)
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set([group])
        created.append((username, group.name, password))
    return created
