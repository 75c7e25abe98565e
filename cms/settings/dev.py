"""The demo and local development: SQLite, local files, the database search engine."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "demo-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
