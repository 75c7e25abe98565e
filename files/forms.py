"""The admin's upload forms: every document and image is checked before it is stored."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from files import webvtt

from .validation import UploadRefused, check_upload, safe_filename, size_limit

SAMPLE = 8192


def _head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(SAMPLE)
    upload.seek(0)
    return head


class OwnCollectionsOnly:
    """Refuse a file sent into a collection the editor may not add to.

    When an editor may use a single collection, Wagtail drops the collection field and
    stores every upload there, whatever collection the request named: a partner
    editor posting into another partner's collection was told "success" while the
    file quietly landed in their own. The refusal is put on the file, so that the
    multiple uploader shows it beside the file instead of storing it.
    """

    def clean(self):
        cleaned_data = super().clean()
        wanted = self.data.get("collection")
        if wanted and str(wanted) not in {str(collection.pk) for collection in self.collections}:
            names = ", ".join(collection.name for collection in self.collections)
            self.add_error(
                "file" if "file" in self.fields else None,
                _("You may not add files to that collection. Collections you may use: %(names)s.")
                % {"names": names},
            )
        return cleaned_data


class CourseDocumentForm(OwnCollectionsOnly, BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "size") or getattr(upload, "_committed", False):
            return upload  # unchanged on edit
        upload.name = safe_filename(upload.name, "document")
        try:
            kind = check_upload(upload.name, upload.size, _head(upload))
        except UploadRefused as error:
            raise ValidationError(str(error)) from error
        if kind.name == "caption":
            try:
                upload.seek(0)
                webvtt.parse(upload.read())
            except webvtt.WebVTTError as error:
                raise ValidationError(
                    _("This caption file is not valid WebVTT: %(problem)s") % {"problem": error}
                ) from error
            finally:
                upload.seek(0)
        return upload

    def _post_clean(self):
        # A refused file never reached the instance: validating the model as well would
        # add a second, misleading error ("File extension '' is not allowed").
        if "file" in self._errors:
            return
        super()._post_clean()


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, which also refuses an image it cannot decode.

    Wagtail reads only an image's header when it is uploaded; a damaged file (a JPEG
    cut short, a PNG header with no picture behind it) then fails inside its pixel
    count with a server error, or later when a rendition is made. Here the whole
    picture is decoded once, and any failure is the editor's form error.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            _decode(f)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError… for bad data
            raise ValidationError(
                _(
                    "This file could not be read as an image: it may be damaged or incomplete. "
                    "Save it again from your image editor and upload the new copy."
                ),
                code="invalid_image",
            ) from error


def _decode(f) -> None:
    """Decode every pixel (after Wagtail's pixel-count check has bounded the cost)."""
    f.seek(0)
    with PILImage.open(f) as picture:
        picture.load()
    f.seek(0)


class CourseImageForm(OwnCollectionsOnly, BaseImageForm):
    """Wagtail already checks that an image is one (by decoding it); names and sizes are ours."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.fields.get("file")
        if current is not None and not isinstance(current, ReadableImageField):
            self.fields["file"] = ReadableImageField(
                label=current.label,
                required=current.required,
                widget=current.widget,
                help_text=current.help_text,
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "size") and not getattr(upload, "_committed", False):
            upload.name = safe_filename(upload.name, "image")
            if upload.size > size_limit("image"):
                raise ValidationError(
                    _("Images may be at most %(mb)d MB.") % {"mb": size_limit("image") // (1024 * 1024)}
                )
        return upload
