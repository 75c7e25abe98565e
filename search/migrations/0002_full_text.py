"""The full-text structures of the database engine, per database.

SQLite: an external-content FTS5 table over IndexEntry (accents folded, so "genere"
finds "généré"), kept in step by triggers. PostgreSQL: a generated tsvector column
built with the text-search configuration of each document's language, and a GIN
index on it.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE lectern_search_fts USING fts5(
        title, text, content='lectern_search_indexentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')""",
    """CREATE TRIGGER lectern_search_fts_insert AFTER INSERT ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER lectern_search_fts_delete AFTER DELETE ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(lectern_search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER lectern_search_fts_update AFTER UPDATE ON lectern_search_indexentry BEGIN
        INSERT INTO lectern_search_fts(lectern_search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO lectern_search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER lectern_search_fts_update",
    "DROP TRIGGER lectern_search_fts_delete",
    "DROP TRIGGER lectern_search_fts_insert",
    "DROP TABLE lectern_search_fts",
]

# Each language's stemming configuration; 'simple' where PostgreSQL has none. A frozen
# copy, as a migration must keep: search/languages.py is the live table (and since
# migration 0005 the vector is built from stems made in Python).
CONFIG = """CASE language
    WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig WHEN 'hu' THEN 'hungarian'::regconfig
    WHEN 'el' THEN 'greek'::regconfig ELSE 'simple'::regconfig END"""
POSTGRESQL = [
    f"""ALTER TABLE lectern_search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector({CONFIG}, coalesce(title, '')), 'A') ||
        setweight(to_tsvector({CONFIG}, coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX lectern_search_vector_gin ON lectern_search_indexentry USING GIN (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX lectern_search_vector_gin",
    "ALTER TABLE lectern_search_indexentry DROP COLUMN search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("lectern_search", "0001_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
