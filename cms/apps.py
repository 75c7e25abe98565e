from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The course content model: pages, snippets and the course import/export."""

    name = "cms"
    verbose_name = _("Course content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals, translated_privacy  # noqa: F401 - checks registers the start-up warnings

        signals.connect()
        translated_privacy.connect()
