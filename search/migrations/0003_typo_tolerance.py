"""Typo tolerance on PostgreSQL: pg_trgm and a vocabulary of the indexed words.

A query that finds nothing is corrected word by word against this vocabulary by
trigram similarity ("digtal" -> "digital"); see search/engines/spelling.py. The words
are unstemmed (the 'simple' configuration) and come from public documents only. A
no-op on SQLite, which keeps prefix matching.

pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from django.db import migrations

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE lectern_search_word (
        language varchar(10) NOT NULL,
        word text COLLATE "C" NOT NULL,
        PRIMARY KEY (language, word))""",
    "CREATE INDEX lectern_search_word_trgm ON lectern_search_word USING GIN (word gin_trgm_ops)",
    """INSERT INTO lectern_search_word (language, word)
        SELECT DISTINCT e.language, w.word FROM lectern_search_indexentry e
        CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', e.title || ' ' || e.text))) AS w(word)
        WHERE e.public AND char_length(w.word) BETWEEN 3 AND 40 AND w.word !~ '[0-9_]'
        ON CONFLICT DO NOTHING""",
]
POSTGRESQL_REVERSE = ["DROP TABLE lectern_search_word"]  # pg_trgm stays: others may use it


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("lectern_search", "0002_full_text")]

    operations = [
        migrations.RunPython(_run({"postgresql": POSTGRESQL}), _run({"postgresql": POSTGRESQL_REVERSE}))
    ]
