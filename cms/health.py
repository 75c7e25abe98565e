"""Liveness and readiness probes for orchestrators and load balancers.

``/healthz`` says the process answers (nothing else is touched, so a slow database
never gets a healthy process restarted). ``/readyz`` says whether this process can
serve learners: it checks the database, the cache, the file store and the search
engine side by side, gives up on any of them after ``LECTERN_READY_TIMEOUT`` seconds,
and answers 503 naming what failed. It reports only a check's name and the kind of
error, never an address or an exception message, which may hold a password.

Both are answered before the HTTPS redirect and the host check: probes come over
plain HTTP from inside the network, with the machine's own address as the host.
"""

import threading
import time
from pathlib import Path

from django.conf import settings
from django.http import JsonResponse

PROBES = {"/healthz": "live", "/readyz": "ready"}


def check_database():
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()  # each probe runs in its own thread: leave no connection behind


def check_cache():
    from django.core.cache import cache

    key = f"lectern-ready-{threading.get_ident()}-{time.monotonic_ns()}"
    cache.set(key, "yes", timeout=10)
    if cache.get(key) != "yes":
        raise LookupError("cache did not keep a value")
    cache.delete(key)


def check_file_store():
    from files import s3

    if s3.is_configured():
        s3.client().head_bucket(Bucket=s3.bucket_name())
    elif not Path(settings.MEDIA_ROOT).is_dir():
        raise FileNotFoundError("MEDIA_ROOT is missing")


def check_search():
    from search.engines import get_engine

    engine = get_engine()
    client = getattr(engine, "client", None)  # Elasticsearch: ask the cluster, not an index
    if client is not None:
        client.info()
    else:
        engine.suggest("ready", limit=1)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "file_store": check_file_store,
    "search": check_search,
}


def run_check(check, results, name):
    try:
        check()
        results[name] = "ok"
    except Exception as error:  # any failure means "not ready"; its type says which
        results[name] = f"failed ({type(error).__name__})"


def readiness(checks=None, timeout=None) -> dict:
    """Each check's outcome, ``timed out`` for those still running at the deadline."""
    checks = checks or CHECKS
    timeout = settings.LECTERN_READY_TIMEOUT if timeout is None else timeout
    results = {}
    threads = [
        threading.Thread(target=run_check, args=(check, results, name), daemon=True)
        for name, check in checks.items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0, deadline - time.monotonic()))
    return {name: results.get(name, "timed out") for name in checks}


def probe_response(kind):
    if kind == "live":
        return JsonResponse({"status": "ok"})
    checks = readiness()
    failed = sorted(name for name, outcome in checks.items() if outcome != "ok")
    body = {"status": "failing" if failed else "ok", "failed": failed, "checks": checks}
    return JsonResponse(body, status=503 if failed else 200)


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = PROBES.get(request.path_info.rstrip("/"))
        if kind is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = probe_response(kind)
        response["Cache-Control"] = "no-store"
        return response
