"""Experts become translatable (their role is shown to learners in their language).

Existing experts are the English (default-language) originals, each with its own key;
topics keep linking them, and editors choose among the originals only.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import cms.models.pages


def originals_in_the_default_language(apps, schema_editor):
    Expert = apps.get_model("cms", "Expert")
    Locale = apps.get_model("wagtailcore", "Locale")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for expert in Expert.objects.all():
        expert.translation_key = uuid.uuid4()
        expert.locale = default
        expert.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_outcomes_in_source_language"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="expert",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="expert",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(originals_in_the_default_language, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="expert",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="expert",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="expert",
            name="key",
            field=models.SlugField(max_length=80, verbose_name="key"),
        ),
        migrations.AlterUniqueTogether(name="expert", unique_together={("translation_key", "locale")}),
        migrations.AddConstraint(
            model_name="expert",
            constraint=models.UniqueConstraint(fields=("key", "locale"), name="one_expert_key_per_language"),
        ),
        migrations.AlterField(
            model_name="topicauthor",
            name="expert",
            field=models.ForeignKey(
                limit_choices_to=cms.models.pages.in_source_language,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="cms.expert",
                verbose_name="expert",
            ),
        ),
    ]
