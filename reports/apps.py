from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    label = "reports"
    verbose_name = _("Reports for coordinators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blocks.signals import exercise_graded

        from .misses import record_wrong_answers

        exercise_graded.connect(record_wrong_answers, dispatch_uid="lectern-reports-wrong-answers")
