"""Preview values for the blocks that show a file, for the admin's block picker.

A preview shows the first suitable file of the library, or none at all on a fresh
site: every such block's template renders without its file.
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

VIDEO_EXTENSIONS = ("mp4", "webm")
NOT_COURSE_DOCUMENTS = ("vtt", *VIDEO_EXTENSIONS)  # caption tracks and videos


def _ending_in(extensions) -> Q:
    query = Q()
    for extension in extensions:
        query |= Q(file__iendswith=f".{extension}")
    return query


def first_image_pk() -> int | None:
    return get_image_model().objects.order_by("pk").values_list("pk", flat=True).first()


def first_video_pk() -> int | None:
    documents = get_document_model().objects.filter(_ending_in(VIDEO_EXTENSIONS))
    return documents.order_by("pk").values_list("pk", flat=True).first()


def first_course_document_pk() -> int | None:
    documents = get_document_model().objects.exclude(_ending_in(NOT_COURSE_DOCUMENTS))
    return documents.order_by("pk").values_list("pk", flat=True).first()


def with_ids(items: list[dict]) -> list[dict]:
    """List items in the stored shape, with ids (popovers and form fields are named by them)."""
    return [{"type": "item", "value": item, "id": f"preview-{n}"} for n, item in enumerate(items, 1)]
