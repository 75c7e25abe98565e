"""Search engines behind one interface; views never know which one is configured."""

from django.conf import settings
from django.utils.module_loading import import_string

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}


def get_engine():
    name = getattr(settings, "LECTERN_SEARCH_ENGINE", "database")
    return import_string(ENGINES.get(name, name))()
