"""The document upload form: caption files are checked as they are uploaded."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from . import webvtt


class CourseDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and getattr(upload, "name", "").lower().endswith(".vtt"):
            upload.seek(0)
            try:
                webvtt.parse(upload.read())
            except webvtt.WebVTTError as error:
                raise ValidationError(
                    _("This caption file is not valid WebVTT: %(problem)s") % {"problem": error}
                ) from error
            finally:
                upload.seek(0)
        return upload
