"""Check a course folder's media files before anything is stored.

An import copies each file into the site's storage. A file the site would refuse or
could not use — a corrupt PNG, a "PDF" that is not one, a caption track that is not
WebVTT — is named here with its problem, before the database is touched. Documents,
videos and captions follow the admin's upload rules (``files.validation``: extension,
first bytes, size); images are opened and verified as Wagtail would decode them.
"""

from pathlib import Path

from django.conf import settings
from PIL import Image, UnidentifiedImageError

from files import webvtt
from files.validation import UploadRefused, check_upload, extension_of, size_limit

from .errors import CourseFormatError

HEAD = 8192
# The Pillow format each image extension must hold (Wagtail refuses a mismatch too).
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP", "avif": "AVIF"}


def check_media_file(root: Path, path: str, is_image: bool) -> None:
    """Raise CourseFormatError naming ``path`` if the file cannot become what it claims to be."""
    file = Path(root) / path
    try:
        if is_image:
            _check_image(file)
        else:
            _check_document(file)
    except UploadRefused as error:
        raise CourseFormatError(path, str(error)) from error


def _check_image(file: Path) -> None:
    extension = extension_of(file.name)
    allowed = getattr(settings, "WAGTAILIMAGES_EXTENSIONS", list(IMAGE_FORMATS))
    if extension not in allowed or extension not in IMAGE_FORMATS:
        raise UploadRefused(f"“.{extension}” images are not accepted. Accepted: {', '.join(allowed)}.")
    if file.stat().st_size > size_limit("image"):
        raise UploadRefused(f"images may be at most {size_limit('image') // (1024 * 1024)} MB.")
    try:
        with Image.open(file) as image:
            found = image.format
            image.verify()  # reads the whole file: a truncated or damaged one fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UploadRefused(f"not a readable image ({error})") from error
    if found != IMAGE_FORMATS[extension]:
        raise UploadRefused(f"the file is a {found} image, not the .{extension} its name says")


def _check_document(file: Path) -> None:
    with file.open("rb") as handle:
        head = handle.read(HEAD)
    kind = check_upload(file.name, file.stat().st_size, head)
    if kind.name == "caption":
        try:
            webvtt.parse(file.read_bytes())
        except webvtt.WebVTTError as error:
            raise UploadRefused(f"not a valid WebVTT caption file: {error}") from error
