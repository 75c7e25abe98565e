"""The test run: SQLite by default, PostgreSQL when DATABASE_URL is set."""

import os
import warnings

# Files go to a real S3 HTTP endpoint: a moto_server this process starts, unless the
# environment names a bucket already (then the same tests run against that bucket).
if not os.environ.get("AWS_STORAGE_BUCKET_NAME") and os.environ.get("LECTERN_TEST_STORAGE") != "local":
    from files import local_s3

    os.environ.update(local_s3.environment())
    local_s3.create_bucket(os.environ["AWS_S3_ENDPOINT_URL"], os.environ["AWS_STORAGE_BUCKET_NAME"])

from .base import *  # noqa: E402, F403

# WhiteNoise serves assets straight from the app and site folders (no collectstatic),
# and would otherwise warn that STATIC_ROOT has not been collected.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# WhiteNoise's manifest would need collectstatic before every run.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
