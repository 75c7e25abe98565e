"""The demo and local development: SQLite, local files, the database search engine."""

import warnings

from .base import *  # noqa: F403

# WhiteNoise serves assets straight from the app and site folders (no collectstatic),
# and would otherwise warn that STATIC_ROOT has not been collected.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

DEBUG = True
SECRET_KEY = "demo-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
