"""Answers, kept apart from the language they were given in and, when anonymous, from the learner.

A response is keyed by the survey's translation key and each answer by the question's
translation key and the choice's stable key, so French and English answers count
together. An anonymous response carries no user, a random id and only the day it was
given; whether a learner answered is a separate ``AnsweredMarker`` with a random id
and no date, so no id order or timestamp links the two.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey_key = models.UUIDField(_("survey"), db_index=True)
    language = models.CharField(_("language"), max_length=12)
    submitted_on = models.DateField(_("answered on"), db_index=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("learner"),
        help_text=_("Only for surveys that are not anonymous."),
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_key", "learner"],
                condition=models.Q(learner__isnull=False),
                name="one_linked_response_per_learner",
            )
        ]

    def __str__(self):
        return f"{self.survey_key} ({self.language}, {self.submitted_on})"


class SurveyAnswer(models.Model):
    """One answer to one question: a choice key (one row per choice ticked), a number, or text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question_key = models.UUIDField(_("question"), db_index=True)
    choice = models.CharField(_("choice"), max_length=20, blank=True)
    number = models.SmallIntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self):
        return self.choice or self.text[:40]


class AnsweredMarker(models.Model):
    """That a learner answered (or dismissed the invitation to) a survey, and nothing else."""

    ANSWERED = "answered"
    DISMISSED = "dismissed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    survey_key = models.UUIDField(_("survey"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=[(ANSWERED, _("answered")), (DISMISSED, _("invitation dismissed"))],
    )

    class Meta:
        verbose_name = _("survey answered")
        verbose_name_plural = _("surveys answered")
        constraints = [
            models.UniqueConstraint(fields=["learner", "survey_key"], name="one_marker_per_survey")
        ]

    def __str__(self):
        return f"{self.learner} {self.state} {self.survey_key}"
