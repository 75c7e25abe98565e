from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlashcardsConfig(AppConfig):
    name = "lectern_flashcards"
    verbose_name = _("Flashcards (Lectern plugin)")

    def ready(self):
        from blocks.api import registry

        from .blocks import FlashcardsBlock

        if "flashcards" not in registry:
            registry.register("flashcards", FlashcardsBlock)
