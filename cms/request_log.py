"""One log line per request, and a request id that ties an error to the response.

A log collector wants one record per request with its status and duration, and an
operator who gets a complaint wants to find the error behind it: every response
carries ``X-Request-ID`` (the proxy's own id when it sent a sane one), and every log
record written while the request runs carries the same id. The user agent, the query
string and the user are left out: they say more about a learner than operations need.
"""

import contextvars
import json
import logging
import re
import time
import uuid

logger = logging.getLogger("lectern.requests")
current_request_id = contextvars.ContextVar("lectern_request_id", default="-")
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"


def request_id_for(request) -> str:
    """The id nginx or a load balancer gave the request, else a new one."""
    offered = request.headers.get(HEADER, "")
    return offered if SANE_ID.match(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        token = current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            logger.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds the running request's id to every record (``-`` outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


FIELDS = ("method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """One JSON object per line, the shape log collectors (Loki, ELK, CloudWatch) read."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", current_request_id.get()),
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
