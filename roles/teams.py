"""The groups of a course team and what each may do.

| group                         | may                                                         |
| ----------------------------- | ----------------------------------------------------------- |
| Site administrators           | users, groups, locales, sites, redirects, workflows         |
| Coordinators                  | the whole course tree in every language, publish, snippets, |
|                               | all media, the final approval step                          |
| Reviewers                     | the peer-review step of the workflow                        |
| Partner editors: <partner>    | add and edit (not publish) inside their partner's lessons,  |
|                               | upload into Partners/<partner>                              |
| Translators: <language>       | edit the pages of their language's tree, submit translations|

Everything here is idempotent: ``setup_roles`` adds what is missing and never
duplicates; the only grants it takes away are partner editors' on lessons that are no
longer their partner's.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, Locale, Page

from cms.models import Partner

from .models import RoleGroup
from .partners import ensure_partner_team, sync_partner_lessons
from .permissions import MEDIA_ALL, PAGE_ALL, grant_collection, grant_page, model_permissions, permissions
from .workflow import ensure_course_review_workflow

ADMIN_ACCESS = "wagtailadmin.access_admin"

SITE_ADMINISTRATOR_PERMISSIONS = [
    ADMIN_ACCESS,
    *model_permissions("auth", "user", "group"),
    *model_permissions("wagtailcore", "locale", "site", "workflow", "task"),
    *model_permissions("wagtailredirects", "redirect"),
    *model_permissions("progress", "completionrule"),
    *model_permissions("progress", "certificate", actions=("view", "change")),
]
COORDINATOR_PERMISSIONS = [
    ADMIN_ACCESS,
    "wagtail_localize.submit_translation",
    *model_permissions("cms", "partner", "expert", "learningoutcome", "competence"),
    *model_permissions("progress", "completionrule"),  # certificate rules and revoking
    *model_permissions("progress", "certificate", actions=("view", "change")),
]
REVIEWER_PERMISSIONS = [ADMIN_ACCESS]
TRANSLATOR_PERMISSIONS = [ADMIN_ACCESS, "wagtail_localize.submit_translation"]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]


def locale_roots(locale=None):
    """The top page of each language's tree (the site homes), where tree-wide grants go."""
    roots = Page.objects.filter(depth=2)
    return roots.filter(locale=locale) if locale is not None else roots


def fixed_group(role: str) -> Group:
    name = str(dict(RoleGroup.ROLES)[role])
    record = RoleGroup.objects.filter(role=role, partner=None, locale=None).select_related("group").first()
    if record is None:
        group, _ = Group.objects.get_or_create(name=name)
        RoleGroup.objects.create(group=group, role=role)
        return group
    if record.group.name != name:
        record.group.name = name
        record.group.save(update_fields=["name"])
    return record.group


def translator_group(locale: Locale) -> Group:
    name = f"Translators: {locale.get_display_name()}"
    record = (
        RoleGroup.objects.filter(role=RoleGroup.TRANSLATOR, locale=locale).select_related("group").first()
    )
    if record is None:
        group, _ = Group.objects.get_or_create(name=name)
        RoleGroup.objects.create(group=group, role=RoleGroup.TRANSLATOR, locale=locale)
        return group
    if record.group.name != name:
        record.group.name = name
        record.group.save(update_fields=["name"])
    return record.group


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or complete every group, grant and the review workflow; return the fixed groups."""
    groups = {
        role: fixed_group(role)
        for role in (RoleGroup.SITE_ADMINISTRATOR, RoleGroup.COORDINATOR, RoleGroup.REVIEWER)
    }
    groups[RoleGroup.SITE_ADMINISTRATOR].permissions.add(*permissions(*SITE_ADMINISTRATOR_PERMISSIONS))
    groups[RoleGroup.REVIEWER].permissions.add(*permissions(*REVIEWER_PERMISSIONS))

    coordinators = groups[RoleGroup.COORDINATOR]
    coordinators.permissions.add(*permissions(*COORDINATOR_PERMISSIONS))
    for root in locale_roots():
        grant_page(coordinators, root, PAGE_ALL)
    grant_collection(coordinators, Collection.get_first_root_node(), MEDIA_ALL)

    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        group = translator_group(locale)
        group.permissions.add(*permissions(*TRANSLATOR_PERMISSIONS))
        for root in locale_roots(locale):
            grant_page(group, root, TRANSLATOR_PAGE_PERMISSIONS)

    for partner in Partner.objects.all():
        ensure_partner_team(partner)
        sync_partner_lessons(partner)

    ensure_course_review_workflow(
        reviewers=groups[RoleGroup.REVIEWER], coordinators=coordinators, roots=locale_roots()
    )
    return groups
