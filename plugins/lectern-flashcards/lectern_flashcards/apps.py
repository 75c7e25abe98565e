from django.apps import AppConfig


class FlashcardsConfig(AppConfig):
    name = "lectern_flashcards"
    verbose_name = "Flashcards (Lectern plugin)"

    def ready(self):
        from blocks.registry import registry

        from .blocks import FlashcardsBlock

        if "flashcards" not in registry:
            registry.register("flashcards", FlashcardsBlock)
