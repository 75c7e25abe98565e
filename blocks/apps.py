from django.apps import AppConfig

CORE_BLOCKS = [
    ("heading", "blocks.heading.HeadingBlock"),
    ("rich_text", "blocks.rich_text.RichTextBlock"),
    ("callout", "blocks.callout.CalloutBlock"),
    ("image", "blocks.image.ImageBlock"),
    ("document", "blocks.course_document.CourseDocumentBlock"),
]


class BlocksConfig(AppConfig):
    """Registers the core learning blocks, in a fixed order, before any plugin."""

    name = "blocks"
    verbose_name = "Learning blocks"

    def ready(self):
        from django.utils.module_loading import import_string

        from .registry import registry

        for name, dotted_path in CORE_BLOCKS:
            if name not in registry:
                registry.register(name, import_string(dotted_path))
