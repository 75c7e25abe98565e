from django.core.management.base import BaseCommand

from roles.models import RoleGroup
from roles.teams import setup_roles


class Command(BaseCommand):
    help = (
        "Create or complete the course team's groups, their page, collection, snippet and "
        "locale permissions, and the 'Course review' workflow. Safe to run again."
    )

    def handle(self, **options):
        setup_roles()
        for record in RoleGroup.objects.select_related("group").order_by("role", "group__name"):
            self.stdout.write(f"  {record.group.name}")
        self.stdout.write(self.style.SUCCESS("Roles are set up."))
