"""The people and the curriculum vocabulary a course refers to.

Each snippet carries a stable ``key`` or ``code`` so that a course folder can name it
and an import can find it again (see docs/course-format.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from blocks.countries import COUNTRIES


@register_snippet
class Partner(index.Indexed, models.Model):
    """A partner organisation that writes and is responsible for lessons."""

    # Translators: a short, stable identifier of a partner or expert, used by course folders.
    key = models.SlugField(max_length=80, unique=True, verbose_name=_("key"))
    name = models.CharField(max_length=200, verbose_name=_("name"))
    country = models.CharField(max_length=2, choices=COUNTRIES, verbose_name=_("country"))

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("country")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.name} ({self.country})"


class Expert(TranslatableMixin, index.Indexed, models.Model):
    """A contributing expert, shown as an author of the topics they wrote.

    Learners read the role, so it is translated like a learning outcome (snippet
    translation, or ``translations/<lang>/experts.po`` in a course folder); the name,
    key and partner are the same in every language. Topics always link the English
    expert; templates show its translation in the learner's language.
    """

    key = models.SlugField(max_length=80, verbose_name=_("key"))
    name = models.CharField(max_length=200, verbose_name=_("name"))
    # Translators: an expert's job title or function, e.g. "Cluster manager".
    role = models.CharField(max_length=200, verbose_name=_("role"))
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="experts", verbose_name=_("partner")
    )

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("role"), FieldPanel("partner")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # A translation copies all but the role, and translators cannot override the copies.
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("name", overridable=False),
        TranslatableField("role"),
        SynchronizedField("partner", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [models.UniqueConstraint(fields=["key", "locale"], name="one_expert_key_per_language")]

    def __str__(self):
        return f"{self.name}, {self.role}"


register_snippet(Expert, viewset="cms.snippet_choosers.OriginalsChosenSnippetViewSet")


@register_snippet
class Competence(index.Indexed, models.Model):
    """A competence need of cluster managers that the curriculum answers."""

    # Translators: the reference code of a competence or learning outcome, e.g. "C1" or "LO1.2".
    code = models.CharField(max_length=20, unique=True, verbose_name=_("code"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    description = models.TextField(blank=True, verbose_name=_("description"))

    panels = [FieldPanel("code"), FieldPanel("title"), FieldPanel("description")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self):
        return f"{self.code} {self.title}"


@register_snippet
class LearningOutcome(TranslatableMixin, index.Indexed, ClusterableModel):
    """What a learner can do after a topic, mapped to the competences it builds.

    Learners read the text, so it is translated (wagtail-localize's snippet
    translation, or ``translations/<lang>/outcomes.po`` in a course folder). Pages
    always link the English outcome; templates show its translation in the learner's
    language (``cms.translations.localized``). The code is the same in every language.
    """

    code = models.CharField(max_length=30, verbose_name=_("code"))
    text = models.CharField(max_length=300, verbose_name=_("text"))
    competences = ParentalManyToManyField(
        Competence, blank=True, related_name="outcomes", verbose_name=_("competences")
    )

    panels = [FieldPanel("code"), FieldPanel("text"), FieldPanel("competences")]
    search_fields = [index.SearchField("text"), index.AutocompleteField("code")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["code"]
        verbose_name = _("learning outcome")
        verbose_name_plural = _("learning outcomes")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="one_outcome_code_per_language")
        ]

    def __str__(self):
        return f"{self.code} {self.text}"
