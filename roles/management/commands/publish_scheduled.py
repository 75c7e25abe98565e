"""Wagtail's ``publish_scheduled``, which leaves a revision that could not go live unpublished.

A revision was checked when it was scheduled, but what it shows can change before
its time comes (a caption file deleted, say). Each due revision of a page is checked
again; one with blocking problems is taken off the schedule, said so in the output,
and the rest go live as Wagtail publishes them. (``roles`` comes before ``wagtail`` in
INSTALLED_APPS, so this command is the one ``manage.py`` runs.)
"""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Page, Revision

from cms.content_checks import cannot_go_live_message, publishing_blockers


def blocked_revisions():
    """(revision, blockers) for each due page revision whose content could not go live."""
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
    found = []
    for revision in due:
        if issubclass(revision.content_type.model_class() or object, Page):
            blockers = publishing_blockers(revision.as_object())
            if blockers:
                found.append((revision, blockers))
    return found


class Command(WagtailCommand):
    def handle(self, *args, **options):
        for revision, blockers in blocked_revisions():
            self.stderr.write(
                f"Not published: {revision.object_str} (revision {revision.pk}): "
                f"{cannot_go_live_message(blockers)}"
            )
            if not options["dryrun"]:
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
        super().handle(*args, **options)
