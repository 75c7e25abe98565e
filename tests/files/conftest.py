import urllib.error
import urllib.request

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def s3_bucket(settings):
    """The bucket the test run stores files in (moto_server, or a real one from the environment)."""
    from files import s3

    if not s3.is_configured():
        pytest.skip("these tests need S3 storage (the default test settings start moto_server)")
    return s3.client(), s3.bucket_name()


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


def fetch(url, **headers):
    """A plain HTTP GET, as a browser makes it, outside Django."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture
def own_s3_server(settings, s3_bucket):
    """A moto_server of the test's own, with an empty bucket, which the test may stop."""
    from tests.support.local_s3 import LocalS3Server, create_bucket

    server = LocalS3Server()
    server.start()
    create_bucket(server.url, "lectern-own")
    settings.AWS_S3_ENDPOINT_URL = server.url
    settings.AWS_STORAGE_BUCKET_NAME = "lectern-own"
    settings.STORAGES = {**settings.STORAGES}  # makes Django build the storage again from these settings
    yield server
    server.stop()
