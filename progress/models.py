"""What a learner has done, kept per topic *translation key*.

A topic and its translations share one translation key, so a topic completed in
French is completed in English too, and an exercise attempted in Greek counts as an
attempt at the same exercise everywhere (blocks keep their ids across translations).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .forms import RevokeCertificateForm


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


class CourseVisit(models.Model):
    """Where a learner last was in a course, so that "Resume" opens it again.

    Kept per course translation key (one row per learner and course, in any language)
    and written at most once a minute from a page view: see ``progress.visits``.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_key = models.UUIDField(_("course"))
    topic_key = models.UUIDField(_("topic"))
    anchor = models.CharField(_("place in the topic"), max_length=80, blank=True)
    updated_at = models.DateTimeField(_("last visited"), auto_now=True)

    class Meta:
        verbose_name = _("course visit")
        verbose_name_plural = _("course visits")
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="one_visit_per_course")]

    def __str__(self):
        return f"{self.user} in {self.course_key}"


class CompletionRule(models.Model):
    """What a learner must do in a course to earn its certificate; set by a coordinator.

    Kept here, keyed by the course's translation key, so that the course model knows
    nothing of certificates and one rule serves the course in every language.
    """

    course = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
        limit_choices_to={"depth__gte": 2},
    )
    course_key = models.UUIDField(_("course"), unique=True, editable=False)
    topics_percent = models.PositiveSmallIntegerField(
        _("topics to mark as done (%)"),
        default=100,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("100 means every topic of the course."),
    )
    exercises_percent = models.PositiveSmallIntegerField(
        _("exercises to pass (%)"),
        default=100,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Passed at each exercise's own pass mark. 100 means every exercise."),
    )

    class Meta:
        verbose_name = _("certificate rule")
        verbose_name_plural = _("certificate rules")

    def __str__(self):
        return str(self.course)

    def save(self, *args, **kwargs):
        self.course_key = self.course.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        from cms.models import CoursePage

        if self.course_id and not isinstance(self.course.specific, CoursePage):
            raise ValidationError({"course": _("Choose a course, not a module, lesson or topic.")})


def new_certificate_code() -> str:
    """16 URL-safe characters (96 random bits): printed on the certificate, never guessed."""
    return secrets.token_urlsafe(12)


class Certificate(models.Model):
    """Proof that a learner completed a course, verifiable by anyone holding its code.

    The holder's name, the course title and its hours are copied when it is issued, so
    the certificate keeps saying what it said even if the course or the account changes.
    """

    code = models.CharField(
        _("code"), max_length=32, unique=True, default=new_certificate_code, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    holder_name = models.CharField(_("holder's name"), max_length=200, blank=True)
    course = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    course_title = models.CharField(_("course title"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    language = models.CharField(_("language"), max_length=12)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True, db_index=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"],
                condition=models.Q(user__isnull=False),
                name="one_certificate_per_learner_and_course",
            )
        ]

    base_form_class = RevokeCertificateForm

    def __str__(self):
        return f"{self.course_title} — {self.holder_name or self.code}"

    def get_absolute_url(self):
        return reverse("certificate", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


class LearnerProfile(models.Model):
    """Who the learner says they are: the name on their certificates and their language.

    Made at sign-up. ``language`` is the interface language the learner chose: emails
    sent without a page to take the language from, and the page after logging in, use
    it; the language in a page's address still wins over it while browsing.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    full_name = models.CharField(
        _("full name"), max_length=150, help_text=_("As it should appear on your certificates.")
    )
    language = models.CharField(
        _("interface language"), max_length=12, choices=settings.LANGUAGES, default="en"
    )
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
