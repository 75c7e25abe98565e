"""The test run: SQLite by default, PostgreSQL when DATABASE_URL is set."""

import os
import warnings

from files.s3 import storage_settings

from .base import *  # noqa: F403

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

# Files go to a real S3 HTTP endpoint. These settings only declare the bucket: the test
# session starts moto_server and fills in its address (conftest.py, pytest_configure).
# A bucket already named in the environment is used as it is, endpoint and all.
LECTERN_TEST_STARTS_S3 = (
    not os.environ.get("AWS_STORAGE_BUCKET_NAME") and os.environ.get("LECTERN_TEST_STORAGE") != "local"
)
if LECTERN_TEST_STARTS_S3:
    globals().update(
        storage_settings(
            {"AWS_STORAGE_BUCKET_NAME": "lectern-test", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:1"}
        )
    )
    AWS_S3_ACCESS_KEY_ID = "testing"
    AWS_S3_SECRET_ACCESS_KEY = "testing"  # noqa: S105 - moto accepts any key
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    LECTERN_FRAGMENT_CACHE_SECONDS = min(24 * 3600, AWS_QUERYSTRING_EXPIRE // 2)  # noqa: F405
