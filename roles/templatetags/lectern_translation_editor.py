from django import template

from roles.translation_editor import for_translators

register = template.Library()

register.filter("for_translators", for_translators)
