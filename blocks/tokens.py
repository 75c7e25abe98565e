"""Opaque names for the options of a question.

Options, items and pairs are named in the page by a keyed hash of their ids rather
than the ids themselves: the ids of imported content are predictable, and the order
or pairing of ids must never let a learner read the answer from the HTML.
"""

import hashlib
import hmac

from django.conf import settings


def option_token(item_id: str, purpose: str = "option") -> str:
    message = f"lectern-exercise:{purpose}:{item_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:12]


def shuffled(items, key):
    """A stable order unrelated to the stored one (sorted by a keyed hash), never the stored order itself."""
    items = list(items)
    ordered = sorted(items, key=lambda item: option_token(key(item), "order"))
    if len(ordered) > 1 and ordered == items:
        ordered = ordered[1:] + ordered[:1]
    return ordered
