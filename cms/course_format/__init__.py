"""A course as a folder of files: import, export, and the format both share.

The format is documented in docs/course-format.md. Reading is separated from writing
so that a broken folder is refused before the database is touched.
"""

from .errors import CourseFormatError

__all__ = ["CourseFormatError"]
