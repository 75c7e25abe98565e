from django.apps import AppConfig


class RolesConfig(AppConfig):
    """Who may do what: the groups of a course team, their permissions and the review workflow."""

    name = "roles"
    verbose_name = "Roles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals, translation_editor

        signals.connect()
        translation_editor.install()
