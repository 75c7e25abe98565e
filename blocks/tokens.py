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
    """The items in a stable order drawn from a keyed hash of ``key(item)``.

    Like any shuffle (Moodle shuffles each attempt), the result may equal the stored
    order by chance. It must never be *prevented* from doing so: an order that always
    differs from the right one gives the answer away (two items would always be
    shown reversed).
    """
    return sorted(items, key=lambda item: option_token(key(item), "order"))
