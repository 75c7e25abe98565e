import sys

from django.core.management.base import BaseCommand, CommandError

from search.models import PendingChange
from search.queue import process_pending
from search.queue import rebuild as rebuild_everything


class Command(BaseCommand):
    help = "Rebuild the search index, or replay the changes kept while the engine was down."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Index every published topic from scratch.")
        group.add_argument("--pending", action="store_true", help="Apply the changes still waiting.")

    def handle(self, rebuild=False, pending=False, **options):
        if pending:
            waiting = PendingChange.objects.count()
            applied, left = process_pending()
            if left:
                last = PendingChange.objects.order_by("id").first()
                raise CommandError(
                    f"Applied {applied} of {waiting} changes; {left} still wait: {last.last_error}"
                )
            self.stdout.write(self.style.SUCCESS(f"Applied {applied} pending change(s); none left."))
            return
        counts = rebuild_index(self.stdout)
        total = sum(counts.values())
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"  {kind:<12} {count:>7}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} documents."))


def rebuild_index(stdout):
    def progress(done, total):
        width = 30
        filled = width * done // total
        stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} topics", ending="")
        if done == total:
            stdout.write("")
        sys.stdout.flush()

    return rebuild_everything(progress=progress)
