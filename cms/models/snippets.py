"""The people and the curriculum vocabulary a course refers to.

Each snippet carries a stable ``key`` or ``code`` so that a course folder can name it
and an import can find it again (see docs/course-format.md).
"""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from blocks.countries import COUNTRIES


@register_snippet
class Partner(index.Indexed, models.Model):
    """A partner organisation that writes and is responsible for lessons."""

    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2, choices=COUNTRIES)

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("country")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.country})"


@register_snippet
class Expert(index.Indexed, models.Model):
    """A contributing expert, shown as an author of the topics they wrote."""

    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="experts")

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("role"), FieldPanel("partner")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.role}"


@register_snippet
class Competence(index.Indexed, models.Model):
    """A competence need of cluster managers that the curriculum answers."""

    code = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    panels = [FieldPanel("code"), FieldPanel("title"), FieldPanel("description")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"


@register_snippet
class LearningOutcome(index.Indexed, ClusterableModel):
    """What a learner can do after a topic, mapped to the competences it builds."""

    code = models.CharField(max_length=30, unique=True)
    text = models.CharField(max_length=300)
    competences = ParentalManyToManyField(Competence, blank=True, related_name="outcomes")

    panels = [FieldPanel("code"), FieldPanel("text"), FieldPanel("competences")]
    search_fields = [index.SearchField("text"), index.AutocompleteField("code")]

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.text}"
