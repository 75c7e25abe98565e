"""S3 settings from the environment, and the one boto3 client the project uses.

With ``AWS_STORAGE_BUCKET_NAME`` set, every uploaded or generated file goes to that
bucket through django-storages; ``AWS_S3_ENDPOINT_URL`` points it at MinIO, Ceph or
any other S3 API. Objects are private: every URL handed out is presigned and
short-lived (``LECTERN_PRESIGNED_URL_EXPIRY`` seconds).
"""

import functools
import os

from botocore.config import Config


def storage_settings(environ=os.environ) -> dict:
    """The settings to add when a bucket is configured (empty when it is not)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {}
    endpoint = environ.get("AWS_S3_ENDPOINT_URL") or None
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": environ.get("AWS_S3_REGION_NAME", "us-east-1"),
        "AWS_S3_SIGNATURE_VERSION": "s3v4",
        # MinIO, Ceph and local endpoints want path-style addressing; AWS is fine with either.
        "AWS_S3_ADDRESSING_STYLE": "path" if endpoint else "auto",
        "AWS_DEFAULT_ACL": None,  # never public-read: the bucket policy blocks public access
        "AWS_QUERYSTRING_AUTH": True,
        "AWS_QUERYSTRING_EXPIRE": int(environ.get("LECTERN_PRESIGNED_URL_EXPIRY", "900")),
        "AWS_S3_FILE_OVERWRITE": False,
        "AWS_S3_MAX_MEMORY_SIZE": 8 * 1024 * 1024,
        # Fail fast when the endpoint is unreachable rather than hold a learner's request.
        "AWS_S3_CLIENT_CONFIG": Config(
            connect_timeout=float(environ.get("LECTERN_S3_CONNECT_TIMEOUT", "3")),
            read_timeout=60,
            retries={"max_attempts": 2, "mode": "standard"},
            signature_version="s3v4",
        ),
        "LECTERN_S3_UPLOAD_PREFIX": environ.get("LECTERN_S3_UPLOAD_PREFIX", "uploads/"),
    }


def client():
    """The boto3 S3 client for the configured bucket, made as django-storages makes it.

    django-storages keeps one connection per thread, and a threaded server starts a
    thread per request: asking it for a client would build a new boto3 session on
    every request (tens of milliseconds and megabytes each). boto3 clients are
    thread-safe, so one is kept per endpoint and bucket.
    """
    from django.conf import settings

    return _client_for(settings.AWS_S3_ENDPOINT_URL, settings.AWS_STORAGE_BUCKET_NAME)


@functools.lru_cache(maxsize=8)
def _client_for(endpoint, bucket):
    from django.core.files.storage import default_storage

    return default_storage.connection.meta.client


def bucket_name() -> str:
    from django.conf import settings

    return settings.AWS_STORAGE_BUCKET_NAME


def is_configured() -> bool:
    from django.conf import settings

    return bool(getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""))
