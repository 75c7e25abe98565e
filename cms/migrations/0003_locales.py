"""The five languages of the site, each kept in step with English.

Wagtail creates the default locale; this adds the others and tells wagtail-localize
to mirror the English tree into each of them, so every page has an address in every
language from the start (an untranslated page is an alias of the English one).
"""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        if code == default.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_content_version"),
        ("wagtailcore", "0001_initial"),
        ("wagtail_localize", "0012_localesynchronization"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
