from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseMedia(models.Model):
    """Remembers which image or document a course-folder file became.

    A course import names media by their path inside the folder
    (``media/images/value-chain.png``); this record lets a second import reuse the
    same image instead of uploading a duplicate, and lets an export write the same
    path back.
    """

    path = models.CharField(max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    image = models.OneToOneField("wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE)
    document = models.OneToOneField("wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("course media")
        verbose_name_plural = _("course media")

    def __str__(self):
        return self.path
