"""Every StreamField page model lives here, so a block change migrates one app."""

from .content_version import ContentVersion
from .media import CourseMedia
from .pages import CoursePage, HomePage, LessonPage, ModulePage, TopicAuthor, TopicPage
from .snippets import Competence, Expert, LearningOutcome, Partner

__all__ = [
    "Competence",
    "ContentVersion",
    "CourseMedia",
    "CoursePage",
    "Expert",
    "HomePage",
    "LearningOutcome",
    "LessonPage",
    "ModulePage",
    "Partner",
    "TopicAuthor",
    "TopicPage",
]
