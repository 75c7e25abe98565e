"""What a learner has done, kept per topic *translation key*.

A topic and its translations share one translation key, so a topic completed in
French is completed in English too, and an exercise attempted in Greek counts as an
attempt at the same exercise everywhere (blocks keep their ids across translations).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TopicCompletion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic_key = models.UUIDField(_("topic"), db_index=True)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed topic")
        verbose_name_plural = _("completed topics")
        constraints = [models.UniqueConstraint(fields=["user", "topic_key"], name="one_completion_per_topic")]

    def __str__(self):
        return f"{self.user} completed {self.topic_key}"


class ExerciseAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic_key = models.UUIDField(_("topic"))
    block_id = models.CharField(_("exercise"), max_length=64)
    language = models.CharField(_("language"), max_length=12)
    score = models.PositiveSmallIntegerField(_("score"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exercise attempt")
        verbose_name_plural = _("exercise attempts")
        indexes = [models.Index(fields=["user", "topic_key", "block_id"], name="attempts_by_exercise")]

    def __str__(self):
        return f"{self.user}: {self.score}% on {self.block_id}"


class LearnerProfile(models.Model):
    """Who the learner says they are: the name on their certificates and their language.

    Made at sign-up. ``language`` is the interface language the learner chose: emails
    sent without a page to take the language from, and the page after logging in, use
    it; the language in a page's address still wins over it while browsing.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile")
    full_name = models.CharField(
        _("full name"), max_length=150, help_text=_("As it should appear on your certificates.")
    )
    language = models.CharField(_("interface language"), max_length=12, choices=settings.LANGUAGES, default="en")
    partner = models.ForeignKey(
        "cms.Partner",
        verbose_name=_("organisation that invited you"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.full_name
