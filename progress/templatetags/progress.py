"""The personal part of a topic page: outside its cached article."""

from django import template

from .. import records

register = template.Library()


@register.inclusion_tag("progress/topic_status.html", takes_context=True)
def topic_status(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "page": page,
        "request": request,
        "signed_in": bool(user and user.is_authenticated),
        "done": bool(user and records.is_completed(user, page)),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def done_in(node, progress):
    return progress.topic_done(node)


@register.filter
def count_done(node, progress):
    return progress.count_done(node)


@register.filter
def percent_done(node, progress):
    return progress.percent(node)


@register.filter
def best_score(node, progress):
    return progress.best_scores.get(node.translation_key)
