import tempfile
import zipfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Locale

from cms.course_format.exporter import CourseExporter
from cms.models import CoursePage


class Command(BaseCommand):
    help = (
        "Write a course in the course format (see docs/course-format.md): to a folder, "
        "or with --to-storage as a zip file in the site's file storage (the S3 bucket when one is set)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The course page's slug.")
        parser.add_argument("path", nargs="?", help="The folder to write; created if missing.")
        parser.add_argument(
            "--to-storage",
            action="store_true",
            help="Write exports/<slug>/<slug>-<time>.zip to the default storage instead of a folder.",
        )

    def handle(self, slug, path=None, to_storage=False, **options):
        if bool(path) == bool(to_storage):
            raise CommandError("Give either a folder to write or --to-storage (not both).")
        course = self._course(slug)
        if to_storage:
            name = export_to_storage(course)
            self.stdout.write(self.style.SUCCESS(f"Exported course '{slug}' to the file storage as {name}."))
            return
        folder = Path(path)
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty; export into a new folder.")
        CourseExporter(course, folder).run()
        self.stdout.write(self.style.SUCCESS(f"Exported course '{slug}' to {folder}."))

    def _course(self, slug):
        # A course is exported from its source language; its translations go with it.
        source_courses = CoursePage.objects.filter(locale=Locale.get_default())
        courses = source_courses.filter(slug=slug)
        if not courses.exists():
            known = ", ".join(source_courses.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No course with the slug {slug!r}. Courses: {known}.")
        if courses.count() > 1:
            raise CommandError(f"Several courses have the slug {slug!r}; rename one first.")
        return courses.get()


def export_to_storage(course) -> str:
    """Zip the course folder and save it in the default storage; returns its storage name.

    The zip is built in a temporary file (never in memory) and streamed to the storage,
    so a course with gigabytes of video exports without growing the process.
    """
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / course.slug
        CourseExporter(course, folder).run()
        with tempfile.TemporaryFile() as archive:
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
                for file in sorted(folder.rglob("*")):
                    if file.is_file():
                        zipped.write(file, Path(course.slug) / file.relative_to(folder))
            archive.seek(0)
            return default_storage.save(f"exports/{course.slug}/{course.slug}-{stamp}.zip", File(archive))
