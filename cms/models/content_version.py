from django.db import models


class ContentVersion(models.Model):
    """A site-wide counter that moves whenever anything a learner page shows changes.

    Learner pages cache their rendered content under a key holding this number, so a
    publish, a move or an edited author name anywhere makes every cached fragment
    stale at once. It lives in the database rather than in the cache so that every
    web process sees the same number, whatever cache backend is configured.
    """

    version = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=models.F("version") + 1):
            cls.objects.get_or_create(pk=1)
