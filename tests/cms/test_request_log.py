"""One log line per request, readable by a log collector, and a request id that ties an error to its response."""

import io
import json
import logging

import pytest
from django.test import Client

from cms.request_log import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines():
    """What the request and error loggers write, formatted as LOG_FORMAT=json formats it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger("lectern.requests"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)


def test_each_request_is_one_json_line_with_its_duration_and_without_the_user_agent(client, home, json_lines):
    response = client.get(home.url, HTTP_USER_AGENT="PrivateBrowser/9.9 (learner laptop)")
    assert response.status_code == 200
    (line,) = json_lines()
    assert line["path"] == home.url and line["status"] == 200 and line["method"] == "GET"
    assert isinstance(line["duration_ms"], float)
    assert line["request_id"] == response["X-Request-ID"]
    assert "PrivateBrowser" not in json.dumps(line)


def test_a_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(client, json_lines):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-5f2a9c31")["X-Request-ID"] == "nginx-5f2a9c31"
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


@pytest.mark.urls("tests.cms.error_urls")
def test_a_server_error_is_logged_with_the_request_id_the_response_carries(json_lines):
    response = Client(raise_request_exception=False).get("/failing/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    lines = json_lines()
    error = next(line for line in lines if line["level"] == "ERROR")
    assert error["request_id"] == request_id
    assert "a bug the operator must be able to find" in error["error"]
    assert any(line.get("status") == 500 and line["request_id"] == request_id for line in lines)
