"""Benchmark settings: the demo stack on a throw-away SQLite file, DEBUG off."""

import os
import tempfile

from cms.settings.dev import *  # noqa: F403

BENCH_DIR = os.environ.setdefault("LECTERN_BENCH_DIR", tempfile.mkdtemp(prefix="lectern-bench-"))
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(BENCH_DIR, "db.sqlite3")}
}
MEDIA_ROOT = os.path.join(BENCH_DIR, "media")
# The static baseline is served by the same WhiteNoise middleware as the site's assets.
WHITENOISE_ROOT = os.path.join(BENCH_DIR, "static-root")
os.makedirs(WHITENOISE_ROOT, exist_ok=True)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
