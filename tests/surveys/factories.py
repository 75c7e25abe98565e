"""Surveys for tests: one of every question type, and its French translation."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from cms.translations import apply_po, page_po, sync_locale_trees
from surveys.models import SurveyPage, SurveyQuestion
from tests import factories

QUESTIONS = [
    # (label, type, choices, required)
    ("The content was clear", "likert", "", True),
    ("Which module helped you most?", "radio", "Module one\nModule two\nModule three", True),
    ("What did you use?", "checkboxes", "Videos\nExercises\nCase studies", False),
    ("How likely are you to recommend the course?", "rating", "", True),
    ("What should we improve?", "multiline", "", False),
]


def survey(course, *, title="Course validation", anonymous=False, questions=QUESTIONS, **fields):
    page = SurveyPage(
        title=title,
        slug=fields.pop("slug", "validation"),
        introduction="Tell us what you think.",
        thank_you_text="Thank you for helping us improve the course.",
        anonymous=anonymous,
        **fields,
    )
    page.form_fields = [
        SurveyQuestion(
            label=label, field_type=kind, choices=choices, required=required, help_text="", sort_order=number
        )
        for number, (label, kind, choices, required) in enumerate(questions)
    ]
    return factories.publish(course, page)


def french(text: str) -> str:
    return "FR " + text


def translate_to_french(page):
    """The survey's French translation made through wagtail-localize, as a translator would."""
    sync_locale_trees()
    fr = Locale.objects.get(language_code="fr")
    po = page_po(page, fr, blank=True)
    for entry in po:
        entry.msgstr = "<br/>".join(french(line) for line in entry.msgid.split("<br/>"))
    apply_po(page, fr, po)
    return page.get_translation(fr).specific


def learner(username="learner", **extra):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.set_password("pw-" + username)
    user.save()
    return user


def answers(**overrides):
    """A complete, valid submission to a survey of QUESTIONS, by field name and choice key."""
    data = {
        "the_content_was_clear": "4",
        "which_module_helped_you_most": "2",
        "what_did_you_use": ["1", "3"],
        "how_likely_are_you_to_recommend_the_course": "9",
        "what_should_we_improve": "More case studies.",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}
