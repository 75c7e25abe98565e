"""Search engines behind one interface; views never know which one is configured."""

from django.conf import settings
from django.utils.module_loading import import_string

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",  # a factory: SQLite's or PostgreSQL's
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}


def engine_class():
    """The configured engine's class (the database one picks its vendor's when made)."""
    name = getattr(settings, "LECTERN_SEARCH_ENGINE", "database")
    return import_string(ENGINES.get(name, name))


def get_engine():
    return engine_class()()


def available_engines() -> list:
    """Every engine the settings make usable here: the database one always, Elasticsearch with a URL.

    The engine contract suite runs against each of them.
    """
    classes = [import_string(ENGINES["database"])]
    if getattr(settings, "ELASTICSEARCH_URL", None):
        classes.append(import_string(ENGINES["elasticsearch"]))
    return classes
