"""What the exercise report needs and attempts do not keep: which questions were missed.

One row per question answered wrong, with no learner: the report counts them per
exercise and question, and may filter them by language and date.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WrongAnswer(models.Model):
    topic_key = models.UUIDField(_("topic"))
    block_id = models.CharField(_("exercise"), max_length=64)
    question_id = models.CharField(_("question"), max_length=64)
    prompt = models.CharField(_("question text"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=12)
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("question answered wrong")
        verbose_name_plural = _("questions answered wrong")
        indexes = [models.Index(fields=["topic_key", "block_id"], name="misses_by_exercise")]

    def __str__(self):
        return f"{self.block_id}/{self.question_id}"
