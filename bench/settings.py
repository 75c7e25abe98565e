"""Benchmark settings: the demo stack, DEBUG off, on a throw-away SQLite file unless DATABASE_URL is set."""

import os
import tempfile

from cms.settings.dev import *  # noqa: F403

BENCH_DIR = os.environ.setdefault("LECTERN_BENCH_DIR", tempfile.mkdtemp(prefix="lectern-bench-"))
DEBUG = False
ALLOWED_HOSTS = ["*"]
# A throw-away SQLite file, or the database DATABASE_URL names (PostgreSQL runs).
if not os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(BENCH_DIR, "db.sqlite3")}
    }
MEDIA_ROOT = os.path.join(BENCH_DIR, "media")
# The static baseline is served by the same WhiteNoise middleware as the site's assets.
WHITENOISE_ROOT = os.path.join(BENCH_DIR, "static-root")
os.makedirs(WHITENOISE_ROOT, exist_ok=True)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
