"""Topic keys as small numbers, computed by the database.

Reports read tens of thousands of (learner, topic) pairs; turning every UUID into a
Python object costs more than the query. A CASE expression numbers the course's
topics in SQL instead, so rows arrive as plain integers.
"""

from django.db.models import Case, IntegerField, Value, When


def topic_number(keys, field="topic_key"):
    """CASE topic_key WHEN <key 0> THEN 0 … END, for ``keys`` in order."""
    return Case(
        *(When(**{field: key}, then=Value(number)) for number, key in enumerate(keys)),
        default=Value(-1),
        output_field=IntegerField(),
    )
