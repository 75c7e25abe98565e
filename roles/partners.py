"""Partner editors: one group and one media collection per partner, grants on its lessons.

A lesson belongs to the partner named on it (``LessonPage.partner``). Its editors may
add and edit pages inside the lesson in the course's source language, never publish;
translations of the lesson are the translators' work. Saving a lesson with another
partner moves the grant (see ``signals``).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupPagePermission

from cms.models import LessonPage, Partner

from .models import RoleGroup
from .permissions import MEDIA_UPLOAD, PAGE_EDIT, grant_collection, grant_page, permissions

PARTNERS_COLLECTION = "Partners"


def group_name(partner: Partner) -> str:
    return f"Partner editors: {partner.name}"


def _child_collection(parent: Collection, name: str, current: Collection | None = None) -> Collection:
    if current is not None and current.get_parent().pk == parent.pk:
        if current.name != name:
            current.name = name
            current.save(update_fields=["name"])
        return current
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def partner_collection(partner: Partner, current: Collection | None = None) -> Collection:
    """``Partners/<partner name>``, made if missing (and renamed with the partner)."""
    partners = _child_collection(Collection.get_first_root_node(), PARTNERS_COLLECTION)
    return _child_collection(partners, partner.name, current)


def ensure_partner_team(partner: Partner) -> RoleGroup:
    """The partner's editor group and collection, with their standing permissions."""
    record = RoleGroup.objects.filter(partner=partner).select_related("group", "collection").first()
    if record is None:
        name = group_name(partner)
        if RoleGroup.objects.filter(group__name=name).exists():  # two partners of one name
            name = f"{name} ({partner.key})"
        group, _ = Group.objects.get_or_create(name=name)
        record = RoleGroup.objects.create(group=group, role=RoleGroup.PARTNER_EDITOR, partner=partner)
    elif not record.group.name.startswith(group_name(partner)):
        record.group.name = group_name(partner)
        record.group.save(update_fields=["name"])
    collection = partner_collection(partner, record.collection)
    if record.collection_id != collection.pk:
        record.collection = collection
        record.save(update_fields=["collection"])
    record.group.permissions.add(*permissions("wagtailadmin.access_admin"))
    grant_collection(record.group, collection, MEDIA_UPLOAD)
    return record


def source_lessons():
    """Lessons in the course's source language; aliases and translations are left out."""
    return LessonPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)


def _page_edit_grants():
    return GroupPagePermission.objects.filter(
        permission__content_type__app_label="wagtailcore", permission__codename__in=PAGE_EDIT
    )


def sync_partner_lessons(partner: Partner) -> None:
    """Grant the partner's editors exactly the lessons that are the partner's."""
    group = ensure_partner_team(partner).group
    lessons = list(source_lessons().filter(partner=partner))
    for lesson in lessons:
        grant_page(group, lesson, PAGE_EDIT)
    _page_edit_grants().filter(group=group).exclude(page__in=[lesson.pk for lesson in lessons]).delete()


def sync_lesson(lesson: LessonPage) -> None:
    """After a lesson is saved: its partner's editors, and nobody else's, may work on it."""
    if lesson.alias_of_id or lesson.locale.language_code != settings.LANGUAGE_CODE:
        return
    others = _page_edit_grants().filter(page=lesson, group__lectern_role__role=RoleGroup.PARTNER_EDITOR)
    team = RoleGroup.objects.filter(partner_id=lesson.partner_id).select_related("group").first()
    if lesson.partner_id and team is not None:  # before setup_roles there is no team to grant
        grant_page(team.group, lesson, PAGE_EDIT)
        others = others.exclude(group=team.group)
    others.delete()
