"""The default engine: full-text search in the site's own database, one class per vendor.

``DatabaseEngine()`` gives the engine for the default connection's vendor (SQLite or
PostgreSQL), the way Wagtail's database search backends are chosen; the shared
behaviour — stemming, ranking, collapsing a video's moments, typo correction — lives in
``base``, the vendor's SQL in ``sqlite`` and ``postgresql``.
"""

from .base import DatabaseEngine, max_counted

__all__ = ["DatabaseEngine", "max_counted"]
