"""PostgreSQL: one GIN index over (language, search_vector).

A search runs in one language by default: ``language = 'fr' AND search_vector @@ …``.
With btree_gin both conditions are answered inside one GIN lookup, so a small
language is never found by scanning every document of it, nor a common word by
reading every language's rows; a condition on search_vector alone still uses it. It
replaces the GIN index on search_vector alone and the btree on language (which the
planner would otherwise prefer for a common language and then read every document of
it). On SQLite only that btree goes: FTS5 finds the matches there. The indexes are
dropped by name rather than by AlterField, which on SQLite would remake the table and
lose the FTS5 triggers of migration 0002.

btree_gin is a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from django.db import migrations, models

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX lectern_search_language_vector_gin ON lectern_search_indexentry "
    "USING GIN (language, search_vector)",
    "DROP INDEX lectern_search_vector_gin",
    "DROP INDEX IF EXISTS lectern_search_indexentry_language_50bbbbdf",
    "DROP INDEX IF EXISTS lectern_search_indexentry_language_50bbbbdf_like",
]
SQLITE = ["DROP INDEX IF EXISTS lectern_search_indexentry_language_50bbbbdf"]
SQLITE_REVERSE = [
    "CREATE INDEX lectern_search_indexentry_language_50bbbbdf ON lectern_search_indexentry (language)"
]
POSTGRESQL_REVERSE = [
    "CREATE INDEX lectern_search_indexentry_language_50bbbbdf ON lectern_search_indexentry (language)",
    "CREATE INDEX lectern_search_vector_gin ON lectern_search_indexentry USING GIN (search_vector)",
    "DROP INDEX lectern_search_language_vector_gin",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("lectern_search", "0003_typo_tolerance")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="indexentry", name="language", field=models.CharField(max_length=10)
                )
            ],
            database_operations=[
                migrations.RunPython(
                    _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
                    _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
                )
            ],
        )
    ]
