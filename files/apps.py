from django.apps import AppConfig


class FilesConfig(AppConfig):
    """Where course files live: local disk or any S3 API, checked, private when they must be."""

    name = "files"
    verbose_name = "Course files"
