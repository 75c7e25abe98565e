from django.core.management.base import BaseCommand, CommandError

from cms.course_format import CourseFormatError
from cms.course_format.importer import CourseImporter


class Command(BaseCommand):
    help = "Create or update a course from a course folder (see docs/course-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The course folder, the one holding course.yaml.")

    def handle(self, path, **options):
        importer = CourseImporter(path)
        try:
            course = importer.run()
        except CourseFormatError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        report_import(self.stdout, self.style, course, importer.counts)


def report_import(stdout, style, course, counts):
    if counts:
        for label, count in sorted(counts.items()):
            stdout.write(f"  {label}: {count}")
        stdout.write(style.SUCCESS(f"Imported course '{course.title}' ({course.url_path})."))
    else:
        stdout.write(style.SUCCESS(f"Course '{course.title}' is already up to date; nothing changed."))
