"""Services the whole test run shares, started here rather than when settings are imported.

The test settings only declare an S3 bucket; this starts the moto_server behind it
(for every test path, the example plugin's tests included) and points the settings,
and any server a test starts as a subprocess, at it.
"""

import os

import pytest


def pytest_configure(config):
    from django.conf import settings

    if not settings.configured or not getattr(settings, "LECTERN_TEST_STARTS_S3", False):
        return
    from tests.support import local_s3

    environment = local_s3.environment(settings.AWS_STORAGE_BUCKET_NAME)
    os.environ.update(environment)  # boto3 clients the tests make, and servers they start
    local_s3.create_bucket(environment["AWS_S3_ENDPOINT_URL"], environment["AWS_STORAGE_BUCKET_NAME"])
    settings.AWS_S3_ENDPOINT_URL = environment["AWS_S3_ENDPOINT_URL"]
    # Storages built while Django started hold the declared address: let Django build them again.
    import django.test.signals  # noqa: F401 - connects the receiver that forgets built storages
    from django.test.signals import setting_changed

    setting_changed.send(sender=type(settings), setting="STORAGES", value=settings.STORAGES, enter=True)


def pytest_unconfigure(config):
    from tests.support import local_s3

    local_s3.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A real redis-server for the tests that need a cache shared between processes."""
    from tests.support.servers import RedisServer, required_on_ci

    server = RedisServer(required_on_ci("redis-server", "a cache shared between processes")).start()
    yield server
    server.stop()
