from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import SearchDocument, TitledSectionBlock
from .text import anchor, same_text


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    anchor: str
    abbreviation: str = ""


class VocabTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=120, label=_("Term"))
    abbreviation = blocks.CharBlock(required=False, default="", max_length=30, label=_("Abbreviation"))
    synonyms = blocks.ListBlock(blocks.CharBlock(max_length=120), default=[], label=_("Synonyms"))
    definition = blocks.TextBlock(label=_("Definition"))
    related = blocks.ListBlock(blocks.CharBlock(max_length=120), default=[], label=_("Related terms"))


def term_anchor(term: str) -> str:
    return anchor(term, prefix="term", fallback="entry")


class VocabSheetBlock(TitledSectionBlock, blocks.StructBlock):
    """Terms with their definitions; each term has its own link, gathered in the glossary."""

    anchor_prefix, anchor_fallback = "vocab", "terms"
    kind = "vocab_sheet"
    search_kinds = {"vocab_term": _("Vocabulary")}

    title = blocks.CharBlock(max_length=200, default="Key terms", label=_("Title"))
    introduction = blocks.TextBlock(required=False, default="", label=_("Introduction"))
    terms = blocks.ListBlock(VocabTermBlock(), min_num=1, label=_("Terms"))

    class Meta:
        icon = "list-ul"
        template = "blocks/vocab_sheet.html"
        label = _("Vocab sheet")
        description = _("Terms with definitions, abbreviations and related terms.")
        preview_value = {
            "title": "Key terms",
            "terms": [
                {"term": "Digital twin", "definition": "A virtual model kept in step with a real asset."}
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["entries"] = [dict(term, anchor=term_anchor(term["term"])) for term in value["terms"]]
        return context

    def clean(self, value):
        """Each term once: a second one would repeat the first's anchor, so its link and the
        glossary's would open the first."""
        value = super().clean(value)
        first_by_anchor, errors = {}, {}
        for index, entry in enumerate(value["terms"]):
            term, anchor = entry["term"], term_anchor(entry["term"])
            if anchor not in first_by_anchor:
                first_by_anchor[anchor] = term
                continue
            first = first_by_anchor[anchor]
            if same_text(term, first):
                message = gettext("“%(term)s” is already in this sheet.") % {"term": term}
            else:
                message = gettext("“%(term)s” would share its link with “%(other)s”: reword one of them.") % {
                    "term": term,
                    "other": first,
                }
            errors[index] = StructBlockValidationError({"term": ValidationError(message)})
        if errors:
            raise StructBlockValidationError({"terms": ListBlockValidationError(block_errors=errors)})
        return value

    def glossary_entries(self, value):
        return [
            GlossaryEntry(term["term"], term["definition"], term_anchor(term["term"]), term["abbreviation"])
            for term in value["terms"]
        ]

    def search_documents(self, value, context):
        return [
            SearchDocument(
                "vocab_term",
                term["term"],
                term["definition"],
                "#" + term_anchor(term["term"]),
                keywords=tuple(name for name in (term["abbreviation"], *term["synonyms"]) if name),
                prominence=1,  # the entry that defines the term comes before what shares its name
            )
            for term in value["terms"]
        ]
