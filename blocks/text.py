"""How Lectern compares and names what an editor or a learner typed.

One place decides when two texts "say the same thing" (a repeated list item, a
learner's answer against the accepted ones) and how a title becomes an anchor, so
that every block, core or plugin, judges and links alike.
"""

import unicodedata

from django.utils.text import slugify


def comparable_text(text: str, *, case_matters: bool = False, accents_matter: bool = True) -> str:
    """The text as Lectern compares it: spacing never matters; case and accents as asked.

    ``comparable_text("  Digital   Twin") == comparable_text("digital twin")``; with
    ``accents_matter=False`` "Numérique" and "numerique" compare equal too.
    """
    text = " ".join(text.split())
    if not accents_matter:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text if case_matters else text.casefold()


def same_text(a: str, b: str) -> bool:
    """Whether two texts an editor typed say the same thing (case and spacing aside)."""
    return comparable_text(a) == comparable_text(b)


def anchor(text: str, *, prefix: str = "", fallback: str = "section") -> str:
    """The ``id`` a heading gets from its text: ``<prefix>-<slug>``, Unicode kept.

    Greek and Hungarian titles keep their letters, so two sections stay distinct; a
    title with nothing to slug gets the fallback.
    """
    slug = slugify(text or "", allow_unicode=True) or fallback
    return f"{prefix}-{slug}" if prefix else slug
