"""Stemmed, weighted fields and a vocabulary for typo tolerance, on SQLite and PostgreSQL.

The engine now stems in Python (search/text.py), the same way on both databases, and
stores the stems per field: title, keywords (abbreviation, synonyms), text.

- SQLite: the FTS5 table is remade over the three stemmed columns (BM25 weighs them),
  and a vocabulary of indexed words gets an FTS5 trigram table for typo correction.
- PostgreSQL: ``search_vector`` becomes the three stemmed columns under the 'simple'
  configuration with weights A, B, C (nothing is dropped as a stop word: "AM" stays),
  under the same (language, search_vector) GIN index as migration 0004.

The FTS5 table and triggers are dropped before the columns are added and made again
after, so no table rebuild can lose them. Run ``search_index --rebuild`` afterwards.
"""

from django.db import migrations, models

SQLITE_BEFORE = [
    "DROP TRIGGER IF EXISTS lectern_search_fts_update",
    "DROP TRIGGER IF EXISTS lectern_search_fts_delete",
    "DROP TRIGGER IF EXISTS lectern_search_fts_insert",
    "DROP TABLE IF EXISTS lectern_search_fts",
]
COLUMNS = "title_terms, keyword_terms, text_terms"
SQLITE_AFTER = [
    f"""CREATE VIRTUAL TABLE lectern_search_fts USING fts5({COLUMNS},
        content='lectern_search_indexentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')""",
    f"""CREATE TRIGGER lectern_search_fts_insert AFTER INSERT ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title_terms, new.keyword_terms, new.text_terms); END""",
    f"""CREATE TRIGGER lectern_search_fts_delete AFTER DELETE ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(lectern_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.keyword_terms, old.text_terms); END""",
    f"""CREATE TRIGGER lectern_search_fts_update AFTER UPDATE ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(lectern_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.keyword_terms, old.text_terms);
        INSERT INTO lectern_search_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title_terms, new.keyword_terms, new.text_terms); END""",
    "INSERT INTO lectern_search_fts(lectern_search_fts) VALUES ('rebuild')",
    """CREATE TABLE IF NOT EXISTS lectern_search_word (
        language varchar(10) NOT NULL, word text NOT NULL, PRIMARY KEY (language, word))""",
    "CREATE INDEX IF NOT EXISTS lectern_search_word_word ON lectern_search_word (word)",
    """CREATE VIRTUAL TABLE lectern_search_word_trigrams USING fts5(word, language UNINDEXED,
        content='lectern_search_word', tokenize='trigram')""",
    """CREATE TRIGGER lectern_search_word_insert AFTER INSERT ON lectern_search_word BEGIN
        INSERT INTO lectern_search_word_trigrams(rowid, word, language)
        VALUES (new.rowid, new.word, new.language); END""",
    """CREATE TRIGGER lectern_search_word_delete AFTER DELETE ON lectern_search_word BEGIN
        INSERT INTO lectern_search_word_trigrams(lectern_search_word_trigrams, rowid, word, language)
        VALUES ('delete', old.rowid, old.word, old.language); END""",
]
POSTGRESQL_BEFORE = ["ALTER TABLE lectern_search_indexentry DROP COLUMN search_vector"]  # drops its GIN index
POSTGRESQL_AFTER = [
    """ALTER TABLE lectern_search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A') ||
        setweight(to_tsvector('simple', keyword_terms), 'B') ||
        setweight(to_tsvector('simple', text_terms), 'C')) STORED""",
    "CREATE INDEX lectern_search_language_vector_gin ON lectern_search_indexentry "
    "USING GIN (language, search_vector)",
    "CREATE INDEX IF NOT EXISTS lectern_search_word_word ON lectern_search_word (word)",
    "TRUNCATE lectern_search_word",  # refilled by the engine from now on: run search_index --rebuild
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def _text(name):
    return migrations.AddField("indexentry", name, models.TextField(blank=True, default=""))


class Migration(migrations.Migration):
    dependencies = [("lectern_search", "0004_language_gin")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE_BEFORE, "postgresql": POSTGRESQL_BEFORE}), migrations.RunPython.noop),
        _text("keywords"),
        migrations.AddField("indexentry", "prominence", models.SmallIntegerField(default=0)),
        _text("title_terms"),
        _text("keyword_terms"),
        _text("text_terms"),
        migrations.AddField("indexentry", "title_key", models.CharField(blank=True, default="", max_length=300)),
        _text("keyword_keys"),
        migrations.RunPython(_run({"sqlite": SQLITE_AFTER, "postgresql": POSTGRESQL_AFTER}), migrations.RunPython.noop),
    ]
