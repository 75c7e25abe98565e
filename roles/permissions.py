"""Small helpers to grant Django, page and collection permissions without duplicates."""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PAGE_EDIT = ["add_page", "change_page"]
PAGE_ALL = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
MEDIA_UPLOAD = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
MEDIA_ALL = MEDIA_UPLOAD + [
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
]


def permissions(*labels: str) -> list[Permission]:
    """Permission objects for ``app_label.codename`` labels; a missing one is an error, not a skip."""
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def model_permissions(app_label: str, *models: str, actions=("add", "change", "delete")) -> list[str]:
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


def grant_page(group, page, codenames) -> None:
    for permission in permissions(*(f"wagtailcore.{codename}" for codename in codenames)):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection(group, collection: Collection, labels) -> None:
    for permission in permissions(*labels):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
