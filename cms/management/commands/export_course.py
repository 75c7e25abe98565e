from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.course_format.exporter import CourseExporter
from cms.models import CoursePage


class Command(BaseCommand):
    help = "Write a course to a folder in the course format (see docs/course-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The course page's slug.")
        parser.add_argument("path", help="The folder to write; created if missing.")

    def handle(self, slug, path, **options):
        # A course is exported from its source language; its translations go with it.
        source_courses = CoursePage.objects.filter(locale=Locale.get_default())
        courses = source_courses.filter(slug=slug)
        if not courses.exists():
            known = ", ".join(source_courses.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No course with the slug {slug!r}. Courses: {known}.")
        if courses.count() > 1:
            raise CommandError(f"Several courses have the slug {slug!r}; rename one first.")
        folder = Path(path)
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty; export into a new folder.")
        CourseExporter(courses.get(), folder).run()
        self.stdout.write(self.style.SUCCESS(f"Exported course '{slug}' to {folder}."))
