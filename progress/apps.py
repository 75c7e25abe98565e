from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "progress"
    label = "progress"
    verbose_name = _("Learner progress")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blocks.signals import exercise_graded

        from .records import record_attempt

        exercise_graded.connect(record_attempt, dispatch_uid="lectern-progress-attempts")

        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from .certificates import forget_holder

        pre_delete.connect(forget_holder, sender=get_user_model(), dispatch_uid="lectern-certificate-holder")

        from .accounts import admin_lockouts, privacy_sections  # noqa: F401  (admin menu and hooks)

        privacy_sections.register()

        from . import privacy_records

        privacy_records.register()
