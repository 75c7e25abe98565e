from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import SearchDocument, TitledSectionBlock
from .countries import COUNTRIES
from .text import same_text
from .validation import repeated_items_error

ORGANISATION_TYPES = [
    ("cluster", _("Cluster organisation")),
    ("sme", _("SME")),
    ("large_company", _("Large company")),
    ("public_body", _("Public body")),
    ("research", _("Research or technology organisation")),
]
SECTIONS = [
    ("context", _("Context")),
    ("challenge", _("Challenge")),
    ("approach", _("Approach")),
    ("results", _("Results")),
    ("lessons_learned", _("Lessons learned")),
]


class CaseStudyBlock(TitledSectionBlock, blocks.StructBlock):
    """A real-world story told in a fixed shape, ending with questions to discuss."""

    anchor_prefix, anchor_fallback = "case", "study"
    kind = "case_study"
    search_kinds = {"case_study": _("Case study")}

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    organisation_type = blocks.ChoiceBlock(choices=ORGANISATION_TYPES, default="sme", label=_("Organisation"))
    sector = blocks.CharBlock(max_length=100, label=_("Sector"))
    country = blocks.ChoiceBlock(choices=COUNTRIES, label=_("Country"))
    context = blocks.TextBlock(label=_("Context"))
    challenge = blocks.TextBlock(label=_("Challenge"))
    approach = blocks.TextBlock(label=_("Approach"))
    results = blocks.TextBlock(label=_("Results"))
    lessons_learned = blocks.TextBlock(label=_("Lessons learned"))
    discussion_questions = blocks.ListBlock(
        blocks.CharBlock(max_length=300), default=[], label=_("Questions to discuss")
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/case_study.html"
        label = _("Case study")
        description = _("Context, challenge, approach, results, lessons and questions.")
        preview_value = {
            "title": "A metalworking cluster pilots predictive maintenance",
            "organisation_type": "cluster",
            "sector": "Metalworking",
            "country": "HU",
            "context": "Forty machine shops share one region and many of the same customers.",
            "challenge": "Unplanned stops cost each shop days of output a year.",
            "approach": "The cluster ran a shared retrofit pilot with five volunteers.",
            "results": "Three shops kept the sensors and extended them to more machines.",
            "lessons_learned": "Start with a problem the owners already feel.",
            "discussion_questions": ["Which of your members would volunteer first, and why?"],
        }

    def clean(self, value):
        """No section pasted into another one, no question asked twice."""
        value = super().clean(value)
        errors = {}
        for index, (name, _label) in enumerate(SECTIONS):
            earlier = next(
                (label for other, label in SECTIONS[:index] if same_text(value[other], value[name])), None
            )
            if earlier:
                errors[name] = ValidationError(
                    gettext("This repeats the %(section)s word for word.") % {"section": str(earlier).lower()}
                )
        if questions := repeated_items_error(value["discussion_questions"]):
            errors["discussion_questions"] = questions
        if errors:
            raise StructBlockValidationError(errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["sections"] = [(label, value[name]) for name, label in SECTIONS]
        context["organisation_label"] = dict(ORGANISATION_TYPES).get(value["organisation_type"], "")
        context["country_label"] = dict(COUNTRIES).get(value["country"], value["country"])
        return context

    def search_documents(self, value, context):
        text = " ".join(
            [value["sector"], *(value[name] for name, _label in SECTIONS), *value["discussion_questions"]]
        )
        return [SearchDocument(self.kind, value["title"], text, "#" + self.anchor_for(value))]
