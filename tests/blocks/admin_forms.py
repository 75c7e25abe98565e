"""Build the POST data of the admin's topic form, and read a body as the database holds it."""

import json

from django.db import connection
from wagtail.test.utils.form_data import inline_formset, nested_form_data


def list_block(items):
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data.update(
            {f"{index}-value": item, f"{index}-deleted": "", f"{index}-order": index, f"{index}-id": ""}
        )
    return data


def topic_form(title, slug, body_items):
    body = {"count": len(body_items)}
    for index, (block_type, value, block_id) in enumerate(body_items):
        body.update(
            {
                f"{index}-type": block_type,
                f"{index}-value": value,
                f"{index}-deleted": "",
                f"{index}-order": index,
                f"{index}-id": block_id,
            }
        )
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "",
            "body": body,
            "estimated_minutes": 20,
            "authors": inline_formset([]),
            "action-publish": "publish",
        }
    )


def stored_body(topic):
    """The body exactly as the database holds it, read past the ORM."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM cms_topicpage WHERE page_ptr_id = %s", [topic.pk])
        raw = cursor.fetchone()[0]
    return json.loads(raw) if isinstance(raw, str) else raw
