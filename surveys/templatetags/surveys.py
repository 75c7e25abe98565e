"""``{% survey_invitations course %}``: the personal invitations, outside any cached fragment."""

from django import template

from ..invitations import open_invitations

register = template.Library()


@register.inclusion_tag("surveys/invitations.html", takes_context=True)
def survey_invitations(context, course):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "invitations": open_invitations(user, course),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
