from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "lectern_search"
    verbose_name = "Course search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
