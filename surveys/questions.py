"""The question types of a survey and the form fields they become.

Every choice is posted and stored under a stable key — its position in the list, or
the number on a scale — never under its label, so a French and an English answer to
the same question count together however the labels were translated. A posted key
that is not one of the question's choices is refused by the form (a forged choice).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.forms import FormBuilder

LIKERT = "likert"
SINGLE_CHOICE = "radio"
MULTIPLE_CHOICE = "checkboxes"
RATING = "rating"
FREE_TEXT = "multiline"

QUESTION_TYPES = [
    (LIKERT, _("Likert scale (1 to 5)")),
    (SINGLE_CHOICE, _("Single choice")),
    (MULTIPLE_CHOICE, _("Multiple choice")),
    (RATING, _("Rating (0 to 10)")),
    (FREE_TEXT, _("Free text")),
]
NUMERIC_TYPES = (LIKERT, RATING)
CHOICE_TYPES = (LIKERT, SINGLE_CHOICE, MULTIPLE_CHOICE, RATING)
FREE_TEXT_MAX_LENGTH = 2000


def likert_default_labels():
    return [
        pgettext_lazy("survey scale", "Strongly disagree"),
        pgettext_lazy("survey scale", "Disagree"),
        pgettext_lazy("survey scale", "Neither agree nor disagree"),
        pgettext_lazy("survey scale", "Agree"),
        pgettext_lazy("survey scale", "Strongly agree"),
    ]


def split_choices(text: str) -> list[str]:
    """One choice a line (or comma-separated on one line), as Wagtail's form builder reads them."""
    lines = [line.strip().rstrip(",").strip() for line in (text or "").strip().splitlines()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",")]
    return [line for line in lines if line]


def question_choices(question) -> list[tuple[str, str]]:
    """(stable key, label in the page's language) for every answer the question allows."""
    if question.field_type == LIKERT:
        labels = split_choices(question.choices)
        if len(labels) != 5:
            labels = likert_default_labels()
        return [(str(point), f"{point} – {label}") for point, label in enumerate(labels, start=1)]
    if question.field_type == RATING:
        return [(str(point), str(point)) for point in range(11)]
    return [(str(index), label) for index, label in enumerate(split_choices(question.choices), start=1)]


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder, with the survey's scales and keyed choices."""

    def create_likert_field(self, question, options):
        return forms.ChoiceField(choices=question_choices(question), widget=forms.RadioSelect, **options)

    def create_rating_field(self, question, options):
        return forms.ChoiceField(choices=question_choices(question), widget=forms.RadioSelect, **options)

    def create_radio_field(self, question, options):
        return forms.ChoiceField(choices=question_choices(question), widget=forms.RadioSelect, **options)

    def create_checkboxes_field(self, question, options):
        options.pop("initial", None)
        return forms.MultipleChoiceField(
            choices=question_choices(question), widget=forms.CheckboxSelectMultiple, **options
        )

    def create_multiline_field(self, question, options):
        return forms.CharField(widget=forms.Textarea, max_length=FREE_TEXT_MAX_LENGTH, **options)

    def get_field_options(self, question):
        options = super().get_field_options(question)
        options.pop("initial", None)  # a survey suggests no answer
        return options
