from django.core.management.base import BaseCommand

from cms.translations import ensure_locales, sync_locale_trees


class Command(BaseCommand):
    help = (
        "Give every language in settings.LANGUAGES a Wagtail locale kept in step with the default "
        "language, and an alias of every page not yet translated into it. Run after adding a language."
    )

    def handle(self, **options):
        ensure_locales()
        sync_locale_trees()
        self.stdout.write("Every language has its locale and its page tree.")
