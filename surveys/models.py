"""A survey a coordinator places in a course, built on Wagtail's form builder.

The page and its questions are translated with wagtail-localize like any page: the
questions are ``TranslatableMixin`` children, so a translation keeps each question's
``translation_key``. Answers are stored under the survey's and the question's
translation keys (see ``responses``), so every language counts in one total.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .questions import QUESTION_TYPES, SurveyFormBuilder
from .responses import AnsweredMarker, SurveyAnswer, SurveyResponse  # noqa: F401 (models)


class SurveyQuestion(TranslatableMixin, AbstractFormField):
    """One question; its label, help text and choice labels are translated, nothing else."""

    page = ParentalKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(verbose_name=_("question type"), max_length=16, choices=QUESTION_TYPES)
    competence = models.ForeignKey(
        "cms.Competence",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("competence measured"),
        help_text=_("For a needs analysis: the competence whose need this question rates."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("competence"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("competence", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.label


class SurveyPage(AbstractForm):
    """A survey: introduction, questions, thank-you text, opening dates, anonymity, invitation."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    thank_you_text = models.TextField(blank=True, verbose_name=_("thank-you text"))
    opens_at = models.DateTimeField(null=True, blank=True, verbose_name=_("opens at"))
    closes_at = models.DateTimeField(null=True, blank=True, verbose_name=_("closes at"))
    anonymous = models.BooleanField(
        default=False,
        verbose_name=_("anonymous answers"),
        help_text=_(
            "Anonymous: nothing ties an answer to the learner's account. "
            "Otherwise each learner answers once and the answer is kept with their account."
        ),
    )
    invite_after_percent = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        # xgettext:no-python-format (a literal percent sign)
        verbose_name=_("invite after (% of the course done)"),
        help_text=_("Learners who have done this share of the course are invited. Empty: no invitation."),
    )

    form_builder = SurveyFormBuilder
    content_panels = AbstractForm.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = AbstractForm.settings_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("anonymous"),
                FieldPanel("invite_after_percent"),
            ],
            heading=_("Answering"),
        )
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page_landing.html"

    class Meta:
        verbose_name = _("survey")

    @property
    def survey_key(self):
        """The same in every language: answers are counted under it."""
        return self.translation_key

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and (
            self.closes_at is None or now < self.closes_at
        )

    def measures_needs(self) -> bool:
        return any(question.competence_id for question in self.get_form_fields())

    def serve(self, request, *args, **kwargs):
        from .views import serve_survey

        return serve_survey(self, request)

    def process_form_submission(self, form):
        raise NotImplementedError("Answers are kept by surveys.views.keep_answers, with the learner.")
