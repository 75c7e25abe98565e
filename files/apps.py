from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Where course files live: local disk or any S3 API, checked, private when they must be."""

    name = "files"
    verbose_name = _("Course files")
