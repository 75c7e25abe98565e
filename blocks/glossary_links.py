"""The glossary links itself: the first mention of a course's term in a topic's prose
becomes a link to its definition, which shows on hover and on keyboard focus.

The page hands over the course's terms (``term, url, definition``) once; matching is
one pass over the words of each text, so the cost does not grow with the number of
terms beyond a dictionary look-up. Matching forgives case, accents and a plural
ending, per language, which is what a reader does.
"""

from __future__ import annotations

import html
import re

from django.utils.html import escape, format_html

from .text import comparable_text

WORD = re.compile(r"\w+")
#: What may separate the words of one term in running text: spaces, hyphens, elision.
JOIN = re.compile(r"[\s\-\u2010\u2011'’]*")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
#: Never link inside these: a link in a link is invalid, a heading is a title, not prose.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "code", "button", "script", "style"}


def light_stem(word: str, language: str) -> str:
    """A word without its plural ending: cheap, and enough for a glossary term's mentions."""
    if len(word) <= 3:
        return word
    if language == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "xes", "ches", "shes")):
            return word[:-2]
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if language == "fr":
        return word[:-1] if word.endswith(("s", "x")) else word
    if language == "es":
        if word.endswith("es") and word[-3] not in "aeiou":
            return word[:-2]
        return word[:-1] if word.endswith("s") else word
    return word


class GlossaryLinker:
    """Links the first mention of each term in the prose of one page, in document order."""

    def __init__(self, terms, language: str):
        self.language = language
        self._word_keys: dict[str, str] = {}
        self.terms = {}
        for term, url, definition in terms:
            key = tuple(self._key(word) for word in WORD.findall(term))
            if key:
                self.terms.setdefault(key, (url, definition))
        self.first_words = {key[0] for key in self.terms}
        self.longest = max((len(key) for key in self.terms), default=0)
        self.linked: set[tuple] = set()
        self.assets_sent = False  # the stylesheet and script go with the first link only

    def link(self, markup: str) -> str:
        """The HTML with glossary links added to its text, outside links and headings."""
        if not self.terms:
            return markup
        pieces, skipped = [], 0
        for piece in TAG.split(markup):
            if piece.startswith("<"):
                name = TAG_NAME.match(piece)
                if name and name.group(1).lower() in SKIPPED and not piece.endswith("/>"):
                    skipped = max(0, skipped - 1) if piece.startswith("</") else skipped + 1
                pieces.append(piece)
            else:
                pieces.append(piece if skipped else self._link_text(piece))
        return "".join(pieces)

    def _link_text(self, escaped: str) -> str:
        text = html.unescape(escaped)
        found = self._mentions(text)
        if not found:
            return escaped
        pieces, position = [], 0
        for start, end, number, (url, definition) in found:
            pieces += [escape(text[position:start]), self._markup(text[start:end], number, url, definition)]
            position = end
        return "".join(pieces) + escape(text[position:])

    def _key(self, word: str) -> str:
        """The word as terms are matched: case, accents and the plural folded (remembered)."""
        key = self._word_keys.get(word)
        if key is None:
            key = light_stem(comparable_text(word, accents_matter=False), self.language)
            self._word_keys[word] = key
        return key

    def _mentions(self, text: str) -> list:
        """(start, end, number, (url, definition)) of each term's first mention in the text."""
        words = list(WORD.finditer(text))
        keys, found, index = [self._key(word.group()) for word in words], [], 0
        while index < len(keys):
            size = self._term_at(text, words, keys, index) if keys[index] in self.first_words else 0
            if size:
                key = tuple(keys[index : index + size])
                self.linked.add(key)
                found.append(
                    (words[index].start(), words[index + size - 1].end(), len(self.linked), self.terms[key])
                )
            index += size or 1
        return found

    def _term_at(self, text, words, keys, index) -> int:
        """How many words from ``index`` make the longest term not yet linked, or 0."""
        for size in range(min(self.longest, len(keys) - index), 0, -1):
            key = tuple(keys[index : index + size])
            if (
                key in self.terms
                and key not in self.linked
                and self._joined(text, words[index : index + size])
            ):
                return size
        return 0

    @staticmethod
    def _joined(text: str, run) -> bool:
        """Whether the words follow each other as one term would (not across a full stop)."""
        return all(JOIN.fullmatch(text[a.end() : b.start()]) for a, b in zip(run, run[1:], strict=False))

    @staticmethod
    def _markup(mention: str, number: int, url: str, definition: str) -> str:
        tip = f"glossary-definition-{number}"
        return format_html(
            '<span class="glossary"><a class="glossary__link" href="{}" aria-describedby="{}">{}</a>'
            '<span class="glossary__definition" id="{}" role="tooltip">{}</span></span>',
            url,
            tip,
            mention,
            tip,
            definition,
        )


def linked_prose(rich_text, parent_context) -> tuple[str, bool]:
    """(HTML, whether to send the glossary's stylesheet and script) for a block's rich text.

    The page offers the linker (``page.glossary_linker``) while its article is built;
    without one (an admin preview, another page type) the text is returned as it is.
    """
    markup = rich_text.__html__()
    linker = getattr((parent_context or {}).get("page"), "glossary_linker", None)
    if linker is None:
        return markup, False
    linked = linker.link(markup)
    first = linked != markup and not linker.assets_sent
    linker.assets_sent = linker.assets_sent or linked != markup
    return linked, first
