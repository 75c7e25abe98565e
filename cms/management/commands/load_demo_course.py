import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from cms.course_format import CourseFormatError
from cms.course_format.importer import CourseImporter
from roles.demo import create_demo_users
from roles.teams import setup_roles

from .import_course import report_import

DEMO_COURSE = settings.BASE_DIR / "demo" / "cluster4smart"


class Command(BaseCommand):
    help = "Load (or update) the demo course: Smart Clusters, leading SMEs into Industry 4.0."

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-admin",
            action="store_true",
            help=(
                "Also create the 'admin' superuser and one login per role (coordinator, reviewer, "
                "partner editors, translator, site administrator) with new random passwords, "
                "and print them (demo only)."
            ),
        )

    def handle(self, create_admin=False, **options):
        importer = CourseImporter(DEMO_COURSE)
        try:
            course = importer.run()
        except CourseFormatError as error:
            raise CommandError(f"The demo course could not be loaded. {error}") from error
        report_import(self.stdout, self.style, course, importer.counts)
        setup_roles()
        self.stdout.write("Roles set up: groups, permissions and the 'Course review' workflow.")
        if create_admin:
            self._create_admin()
            self._create_role_users()
        self._run_demo_hooks(course, create_admin)

    def _create_admin(self):
        if not settings.DEBUG:
            raise CommandError("--create-admin is for the demo only (DEBUG settings).")
        password = secrets.token_urlsafe(9)
        user, _ = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.WARNING(f"Demo admin login: admin / {password}  (http://127.0.0.1:8000/admin/)")
        )

    def _run_demo_hooks(self, course, create_logins):
        """Apps that add to the demo (the learner side's demo learners) without the course
        importing them: each ``lectern_demo_course_loaded`` hook returns lines to print."""
        for hook in hooks.get_hooks("lectern_demo_course_loaded"):
            for line in hook(course, create_logins=create_logins) or []:
                self.stdout.write(self.style.WARNING(line) if " login: " in line else line)

    def _create_role_users(self):
        for username, group, password in create_demo_users():
            self.stdout.write(self.style.WARNING(f"Demo {group} login: {username} / {password}"))
