"""Keep the index in step with published content, without ever losing a change.

A change is first written as a PendingChange in the same transaction as the page
change; after the commit it is applied to the engine. If the engine is down, the
change stays pending (publishing is not blocked) and is replayed without any worker
process: by the next change that finds the engine up, by the next search request once
the change has waited ``LECTERN_SEARCH_REPLAY_AFTER`` seconds (see ``replay_if_due``),
or by ``manage.py search_index --pending``.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .engines import get_engine
from .indexer import documents_for_page, indexable
from .models import PendingChange

logger = logging.getLogger(__name__)

REPLAY_CHECK_KEY = "lectern-search-replay-check"


def replay_after() -> int:
    """Seconds a change waits before a search request replays it (and between two checks)."""
    return getattr(settings, "LECTERN_SEARCH_REPLAY_AFTER", 30)


def replay_batch() -> int:
    """At most this many changes are replayed at once, so no request pays for a long outage."""
    return getattr(settings, "LECTERN_SEARCH_REPLAY_BATCH", 200)


def page_changed(page, action=PendingChange.INDEX) -> None:
    """Record that a page (and its search documents) changed; apply it after commit."""
    PendingChange.objects.create(page_id=page.pk, action=action)
    transaction.on_commit(partial(process_pending, limit=replay_batch()))


def replay_if_due() -> tuple[int, int] | None:
    """Replay changes kept while the engine was down, from an ordinary request.

    Cheap enough to call on every search: the cache lets one request per
    ``replay_after()`` seconds (per cache, so per site with a shared cache) look at the
    queue at all; only changes older than that are taken, so a change whose own
    after-commit update may still be running is left to it. Returns None when it did
    not look or found nothing due.
    """
    if not cache.add(REPLAY_CHECK_KEY, True, timeout=replay_after()):
        return None
    due = timezone.now() - timedelta(seconds=replay_after())
    if not PendingChange.objects.filter(created_at__lte=due).exists():
        return None
    return process_pending(limit=replay_batch())


def process_pending(limit: int | None = None) -> tuple[int, int]:
    """Apply pending changes in order; returns (applied, still pending)."""
    engine = get_engine()
    applied = 0
    changes = PendingChange.objects.order_by("id")
    for change in changes[:limit] if limit else changes:
        try:
            _apply(engine, change)
        except Exception as error:  # the engine is down or refused: keep the change for later
            PendingChange.objects.filter(pk=change.pk).update(
                attempts=change.attempts + 1, last_error=str(error)[:2000]
            )
            logger.warning("Search index update for page %s postponed: %s", change.page_id, error)
            break
        change.delete()
        applied += 1
    return applied, PendingChange.objects.count()


def _apply(engine, change) -> None:
    page = Page.objects.filter(pk=change.page_id).specific().first()
    if change.action == PendingChange.DELETE or page is None or not page.live or not indexable(page):
        engine.delete([change.page_id])
    else:
        engine.index([page.pk], documents_for_page(page))


def rebuild(progress=None) -> dict:
    """Index every live topic from scratch; returns the number of documents per kind."""
    from collections import Counter

    counts = Counter()
    pages = [page for page in Page.objects.live().specific() if indexable(page)]
    everything = []
    for number, page in enumerate(pages, start=1):
        documents = documents_for_page(page)
        everything.extend(documents)
        counts.update(document.kind for document in documents)
        if progress:
            progress(number, len(pages))
    get_engine().rebuild(everything)
    PendingChange.objects.all().delete()
    return dict(counts)
