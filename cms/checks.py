"""A start-up warning when several web processes would each keep their own cache.

With a local-memory cache, every gunicorn worker has its own: rate limits and
lock-outs are counted per worker, and a page stored by one worker is unknown to the
next. ``REDIS_URL`` gives them one cache (docs/deployment.md).
"""

import logging
import os
import shlex
import sys

from django.conf import settings
from django.core.checks import Tags, Warning, register

logger = logging.getLogger("lectern.checks")
PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")


def _count(text: str) -> int:
    return int(text) if text.isdigit() else 1


def workers_option(arguments) -> int:
    """The ``-w N`` / ``--workers N`` / ``--workers=N`` of a gunicorn command line, or 1."""
    for index, argument in enumerate(arguments):
        if argument.startswith("--workers="):
            return _count(argument.split("=", 1)[1])
        if argument in ("-w", "--workers") and index + 1 < len(arguments):
            return _count(arguments[index + 1])
        if argument.startswith("-w") and argument[2:].isdigit():
            return int(argument[2:])
    return 1


def web_workers(environ=os.environ, argv=sys.argv) -> int:
    """How many web processes this deployment runs, as far as its environment says."""
    counts = [workers_option(shlex.split(environ.get("GUNICORN_CMD_ARGS", "")))]
    if argv and "gunicorn" in os.path.basename(argv[0]):
        counts.append(workers_option(argv[1:]))
    if environ.get("WEB_CONCURRENCY", "").isdigit():
        counts.append(int(environ["WEB_CONCURRENCY"]))
    return max(counts)


@register(Tags.caches)
def shared_cache_for_several_workers(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    workers = web_workers()
    if workers > 1 and backend.endswith(PER_PROCESS_CACHES):
        return [
            Warning(
                f"{workers} web workers each keep their own cache ({backend.rsplit('.', 1)[-1]}).",
                hint="Set REDIS_URL so that lock-outs, rate limits and cached pages are shared.",
                id="lectern.W001",
            )
        ]
    return []


def warn_at_start():
    """gunicorn does not run Django's checks: log this one when a worker loads the site."""
    for message in shared_cache_for_several_workers(None):
        logger.warning("%s %s", message.msg, message.hint)
