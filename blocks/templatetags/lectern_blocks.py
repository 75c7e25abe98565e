from django import template
from django.utils.html import format_html

from ..csrf import PLACEHOLDER

register = template.Library()


@register.simple_tag
def csrf_placeholder():
    """A CSRF field safe to cache: the middleware fills in each learner's token."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', PLACEHOLDER)
