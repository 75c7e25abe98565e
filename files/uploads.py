"""Large files go from the editor's browser straight to S3, in parts.

Django only signs: it starts a multipart upload, signs a URL for each part once
the browser has computed the part's CRC32 (so S3 refuses a part damaged on the
way, and completes the upload without re-reading it), and, when the browser
reports the parts done, completes the upload, checks
the stored object's size and first bytes, and only then creates the document. It
never holds the file. The state of an upload travels in a signed token, so nothing
is written to the database before the file is complete and checked.
"""

from __future__ import annotations

import math
import re
import uuid

from django.core import signing
from django.utils.translation import gettext as _

from . import s3
from .validation import KINDS, UploadRefused, check_upload, extension_of, safe_filename

PART_SIZE = 16 * 1024 * 1024  # S3 allows 10,000 parts: 16 MB parts cover 156 GB
MIN_PART_SIZE = 5 * 1024 * 1024
SIGNING_SALT = "lectern.files.large-upload"
TOKEN_MAX_AGE = 24 * 3600
HEAD_BYTES = 8192


class UploadFailed(Exception):
    """The storage refused or could not be reached; the message is for the editor."""


def part_size_for(size: int) -> int:
    return max(PART_SIZE, math.ceil(size / 10_000 / MIN_PART_SIZE) * MIN_PART_SIZE)


def start(user, filename: str, size: int, title: str, collection_id: int) -> dict:
    name = safe_filename(filename, "video")
    if not isinstance(size, int) or size <= 0:
        raise UploadRefused(_("The file size is missing."))
    check_upload(name, size, head=_plausible_head(name), allowed_kinds={"video", "document"})
    key = f"documents/large/{uuid.uuid4().hex}/{name}"
    client = s3.client()
    try:
        upload_id = client.create_multipart_upload(
            Bucket=s3.bucket_name(), Key=key, ChecksumAlgorithm="CRC32"
        )["UploadId"]
    except Exception as error:
        raise UploadFailed(
            _("The file store did not accept the upload (%(error)s). Nothing was saved.")
            % {"error": _short(error)}
        ) from error
    part_size = part_size_for(size)
    state = {
        "key": key,
        "upload_id": upload_id,
        "size": size,
        "name": name,
        "title": title or name,
        "collection": collection_id,
        "user": user.pk,
        "part_size": part_size,
    }
    return {
        "token": signing.dumps(state, salt=SIGNING_SALT),
        "part_size": part_size,
        "parts": math.ceil(size / part_size),
    }


CRC32_BASE64 = re.compile(r"^[A-Za-z0-9+/]{6}==$")


def sign_part(state: dict, number, crc32) -> dict:
    """A URL for one part, bound to that part's CRC32: S3 refuses bytes that do not match."""
    parts = math.ceil(state["size"] / state["part_size"])
    if not isinstance(number, int) or not 1 <= number <= parts:
        raise UploadRefused(_("Part %(number)s does not exist in this upload.") % {"number": number})
    if not isinstance(crc32, str) or not CRC32_BASE64.match(crc32):
        raise UploadRefused(_("A part's checksum is its CRC32 in base64."))
    url = s3.client().generate_presigned_url(
        "upload_part",
        Params={
            "Bucket": s3.bucket_name(),
            "Key": state["key"],
            "UploadId": state["upload_id"],
            "PartNumber": number,
            "ChecksumAlgorithm": "CRC32",
            "ChecksumCRC32": crc32,
        },
        ExpiresIn=3600,
    )
    return {"url": url, "headers": {"x-amz-checksum-crc32": crc32, "x-amz-sdk-checksum-algorithm": "CRC32"}}


def read_token(token: str, user) -> dict:
    try:
        state = signing.loads(token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:
        raise UploadRefused(_("This upload is unknown or has expired; start it again.")) from error
    if state["user"] != user.pk:
        raise UploadRefused(_("This upload was started by someone else."))
    return state


def complete(state: dict, parts: list[dict]):
    """Finish the upload, check what S3 now holds, and create the document."""
    _check_parts(state, parts)
    client = s3.client()
    bucket, key = s3.bucket_name(), state["key"]
    stored, head = _assemble(client, bucket, key, state["upload_id"], parts)
    try:
        if stored["ContentLength"] != state["size"]:
            raise UploadRefused(
                _("The stored file is %(got)d bytes, not the %(want)d announced.")
                % {"got": stored["ContentLength"], "want": state["size"]}
            )
        check_upload(state["name"], stored["ContentLength"], head, allowed_kinds={"video", "document"})
    except UploadRefused:
        _delete_quietly(client, bucket, key)
        raise
    return _create_document(state, stored["ContentLength"])


def _check_parts(state: dict, parts: list[dict]) -> None:
    expected = math.ceil(state["size"] / state["part_size"])
    numbers = sorted(part.get("PartNumber") for part in parts if isinstance(part, dict))
    if numbers != list(range(1, expected + 1)) or not all(
        isinstance(p.get("ETag"), str) and isinstance(p.get("ChecksumCRC32"), str) for p in parts
    ):
        raise UploadRefused(_("The upload is missing parts; it cannot be completed."))


def _assemble(client, bucket: str, key: str, upload_id: str, parts: list[dict]):
    """Ask S3 to join the parts; return the stored object's metadata and first bytes."""
    try:
        client.complete_multipart_upload(
            Bucket=bucket,
            Key=key,
            UploadId=upload_id,
            MultipartUpload={
                "Parts": [
                    {"PartNumber": p["PartNumber"], "ETag": p["ETag"], "ChecksumCRC32": p["ChecksumCRC32"]}
                    for p in sorted(parts, key=lambda p: p["PartNumber"])
                ]
            },
        )
        stored = client.head_object(Bucket=bucket, Key=key)
        head = client.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{HEAD_BYTES - 1}")["Body"].read()
    except Exception as error:
        raise UploadFailed(
            _("The file store could not complete the upload (%(error)s). Nothing was saved.")
            % {"error": _short(error)}
        ) from error
    return stored, head


def _create_document(state: dict, size: int):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(
        title=state["title"], collection=Collection.objects.get(pk=state["collection"])
    )
    document.file.name = state["key"]
    document.file_size = size
    document.uploaded_by_user_id = state["user"]
    document.save()
    return document


def abort(state: dict) -> None:
    try:
        s3.client().abort_multipart_upload(
            Bucket=s3.bucket_name(), Key=state["key"], UploadId=state["upload_id"]
        )
    except Exception as error:
        raise UploadFailed(
            _("The file store could not cancel the upload (%(error)s).") % {"error": _short(error)}
        ) from error


def _delete_quietly(client, bucket, key):
    try:
        client.delete_object(Bucket=bucket, Key=key)
    except Exception:  # a lifecycle rule removes leftovers (docs/storage.md)
        pass


def _plausible_head(name: str) -> bytes:
    """Before any byte is sent only the name can be checked; the content is checked at the end."""
    kind = KINDS.get(extension_of(name))
    if kind and kind.signatures:
        offset, magic = kind.signatures[0]
        return b"\0" * offset + magic
    return b"text"


def _short(error: Exception) -> str:
    return type(error).__name__ if not str(error) else str(error)[:200]
