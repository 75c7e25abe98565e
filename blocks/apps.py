from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CORE_BLOCKS = [
    ("heading", "blocks.heading.HeadingBlock"),
    ("rich_text", "blocks.rich_text.RichTextBlock"),
    ("callout", "blocks.callout.CalloutBlock"),
    ("image", "blocks.image.ImageBlock"),
    ("video", "blocks.video.VideoBlock"),
    ("infographic", "blocks.infographic.InfographicBlock"),
    ("exercise", "blocks.exercise.ExerciseBlock"),
    ("case_study", "blocks.case_study.CaseStudyBlock"),
    ("vocab_sheet", "blocks.vocab_sheet.VocabSheetBlock"),
    ("tool_sheet", "blocks.tool_sheet.ToolSheetBlock"),
    ("document", "blocks.course_document.CourseDocumentBlock"),
]


class BlocksConfig(AppConfig):
    """Registers the core learning blocks, in a fixed order, before any plugin."""

    name = "blocks"
    verbose_name = _("Learning blocks")

    def ready(self):
        import mimetypes

        from django.utils.module_loading import import_string

        from .registry import registry

        mimetypes.add_type("text/vtt", ".vtt")  # caption tracks must be served as WebVTT
        for name, dotted_path in CORE_BLOCKS:
            if name not in registry:
                registry.register(name, import_string(dotted_path))
