from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from files import webvtt
from files.renditions import rendition_or_none

from . import previews
from .base import ContentIssue, SearchDocument, TitledSectionBlock
from .captions import cues_for, read_document
from .prefetch import PrefetchingDocumentChooserBlock, PrefetchingImageChooserBlock


def caption_languages():
    """The site's languages (settings.LANGUAGES): a new language needs no change here."""
    return list(settings.LANGUAGES)


def start_time(request) -> float | None:
    """The ``?t=<seconds>`` of the request if it is a sane time (under a day), else None."""
    try:
        start = float(request.GET.get("t", ""))
    except ValueError:
        return None
    return start if 0 <= start < 24 * 3600 else None


class CaptionTrackBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=caption_languages, default="en", label=_("Language"))
    file = PrefetchingDocumentChooserBlock(label=_("WebVTT file"))

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None:
            try:
                webvtt.parse(read_document(document))
            except webvtt.WebVTTError as error:
                raise StructBlockValidationError(
                    {
                        "file": ValidationError(
                            # Translators: a caption file's title and what is wrong in it, e.g. "Captions (EN), line 6: …".
                            gettext("%(file)s, %(problem)s") % {"file": document.title, "problem": error}
                        )
                    }
                ) from error
            except OSError as error:
                raise StructBlockValidationError(
                    {"file": ValidationError(gettext("The caption file could not be read from storage."))}
                ) from error
        return value


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    start = blocks.FloatBlock(min_value=0, label=_("Starts at (seconds)"))


class VideoBlock(TitledSectionBlock, blocks.StructBlock):
    """A video with captions per language, a transcript made from them, and chapters.

    It plays in the browser's own player with no JavaScript. ``?t=<seconds>`` on the
    page URL starts it there (a media fragment on the source), so every transcript
    cue and chapter is a plain link; the script only makes those links seek in place.
    """

    anchor_prefix, anchor_fallback = "video", "player"
    kind = "video"
    search_kinds = {"video": _("Video"), "transcript": _("Video moment")}

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    description = blocks.TextBlock(required=False, default="", label=_("Description"))
    video_file = PrefetchingDocumentChooserBlock(
        required=False, label=_("Video file"), help_text=_("MP4 or WebM, uploaded as a document.")
    )
    video_url = blocks.URLBlock(
        required=False, label=_("…or video URL"), help_text=_("A direct link to an MP4 or WebM file.")
    )
    poster = PrefetchingImageChooserBlock(required=False, label=_("Poster image"))
    duration = blocks.FloatBlock(min_value=0.1, label=_("Duration (seconds)"))
    captions = blocks.ListBlock(CaptionTrackBlock(), default=[], label=_("Captions"))
    chapters = blocks.ListBlock(ChapterBlock(), default=[], label=_("Chapters"))

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("A video with captions, a transcript and chapters.")
        preview_value = {
            "title": "Additive manufacturing in five minutes",
            "description": "How layer-by-layer production works, and when it pays off.",
            "duration": 300,
            "chapters": [{"title": "What it is", "start": 0}, {"title": "When it pays off", "start": 120}],
        }

    def get_preview_value(self):
        value = self.meta.preview_value
        return self.to_python(
            {
                **value,
                "video_file": previews.first_video_pk(),
                "chapters": previews.with_ids(value["chapters"]),
            }
        )

    def content_issues(self, value):
        if any(track.get("file") for track in value.get("captions") or []):
            return []
        message = gettext("The video “%(title)s” has no captions.") % {"title": value.get("title", "")}
        return [ContentIssue(message, blocking=True, field="captions")]

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("video_file")) == bool(value.get("video_url")):
            errors["video_file"] = ValidationError(
                gettext("Choose a video file or give a video URL (one of the two).")
            )
        languages = [track["language"] for track in value["captions"]]
        duplicates = {lang for lang in languages if languages.count(lang) > 1}
        if duplicates:
            errors["captions"] = ListBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        gettext("One caption file per language (%(langs)s twice).")
                        % {"langs": ", ".join(sorted(duplicates))}
                    ]
                )
            )
        late = [chapter["title"] for chapter in value["chapters"] if chapter["start"] >= value["duration"]]
        if late:
            errors["chapters"] = ListBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        gettext("Chapter starts after the end of the video: %(titles)s.")
                        % {"titles": ", ".join(late)}
                    ]
                )
            )
        if errors:
            raise StructBlockValidationError(errors)
        return value

    def tracks(self, value, language):
        tracks = [track for track in value["captions"] if track.get("file")]
        chosen = next((t for t in tracks if t["language"] == language), tracks[0] if tracks else None)
        return tracks, chosen

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        language = (parent_context or {}).get("LANGUAGE_CODE") or "en"
        tracks, default = self.tracks(value, language)
        context["tracks"] = [
            {
                "language": t["language"],
                "label": dict(settings.LANGUAGES).get(t["language"], t["language"]),
                "url": reverse("lectern-caption-track", args=[t["file"].pk]),
                "default": t is default,
            }
            for t in tracks
        ]
        context["cues"] = cues_for(default["file"]) if default else []
        context["poster"] = rendition_or_none(value.get("poster"), "width-800")
        context["source"] = value["video_file"].url if value.get("video_file") else value.get("video_url")
        context["start"] = self.requested_start(parent_context, context.get("block_id"))
        context["duration_label"] = webvtt.seconds_label(value["duration"])
        return context

    @staticmethod
    def requested_start(parent_context, block_id):
        request = (parent_context or {}).get("request")
        if request is None:
            return None
        wanted = request.GET.get("v")
        if wanted and wanted != block_id:
            return None
        return start_time(request)

    def search_documents(self, value, context):
        documents = [SearchDocument(self.kind, value["title"], value.get("description") or "")]
        language = (context or {}).get("language", "en")
        _tracks, default = self.tracks(value, language)
        if default:
            documents += [
                SearchDocument(
                    "transcript",
                    value["title"],
                    cue.text,
                    f"?t={int(cue.start)}",
                    timestamp=cue.start,
                    prominence=-1,  # one moment under the video's title, never before the video itself
                )
                for cue in cues_for(default["file"])
            ]
        return documents
