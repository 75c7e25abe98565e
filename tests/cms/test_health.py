"""/healthz says the process answers; /readyz says what it depends on is there, and names what is not."""

import json

import pytest
from django.core.cache import caches

from tests.support.local_s3 import LocalS3Server, create_bucket
from tests.support.servers import RedisServer, required_on_ci

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_probes_are_answered_before_the_https_redirect_and_the_host_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["learn.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


@pytest.fixture
def stoppable_services(settings):
    """A Redis with a password and an S3 endpoint of the test's own, both of which it may stop."""
    redis = RedisServer(required_on_ci("redis-server", "the readiness check of the cache"))
    redis.password = "redis-secret-pw"
    redis.start()
    s3 = LocalS3Server()
    s3.start()
    create_bucket(s3.url, "lectern-ready")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://:{redis.password}@127.0.0.1:{redis.port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.AWS_S3_ENDPOINT_URL = s3.url
    settings.AWS_STORAGE_BUCKET_NAME = "lectern-ready"
    settings.STORAGES = {**settings.STORAGES}  # makes Django build the storage again from these settings
    yield redis, s3
    redis.stop()
    s3.stop()
    caches["default"].close()


def test_readyz_names_a_stopped_redis_and_a_stopped_file_store_and_answers_503(client, stoppable_services):
    redis, s3 = stoppable_services
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.content
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok", "file_store": "ok", "search": "ok"}

    redis.stop()
    s3.stop()
    failing = client.get("/readyz")
    assert failing.status_code == 503
    body = failing.json()
    assert body["status"] == "failing"
    assert body["failed"] == ["cache", "file_store"]
    assert body["checks"]["database"] == "ok"
    text = json.dumps(body)
    assert redis.password not in text and str(redis.port) not in text and str(s3.port) not in text
