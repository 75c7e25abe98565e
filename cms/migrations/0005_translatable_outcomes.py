"""Learning outcomes become translatable: a language and a translation key per row.

Existing outcomes are the English (default-language) originals, each with its own key.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def originals_in_the_default_language(apps, schema_editor):
    LearningOutcome = apps.get_model("cms", "LearningOutcome")
    Locale = apps.get_model("wagtailcore", "Locale")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for outcome in LearningOutcome.objects.all():
        outcome.translation_key = uuid.uuid4()
        outcome.locale = default
        outcome.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_interface_verbose_names"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningoutcome",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="learningoutcome",
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
            model_name="learningoutcome",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="learningoutcome",
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
            model_name="learningoutcome",
            name="code",
            field=models.CharField(max_length=30, verbose_name="code"),
        ),
        migrations.AlterUniqueTogether(
            name="learningoutcome", unique_together={("translation_key", "locale")}
        ),
        migrations.AddConstraint(
            model_name="learningoutcome",
            constraint=models.UniqueConstraint(
                fields=("code", "locale"), name="one_outcome_code_per_language"
            ),
        ),
    ]
