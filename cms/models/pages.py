"""The course tree: Course > Module > Lesson > Topic.

The tree rules (``parent_page_types``/``subpage_types``) are what the Wagtail admin
enforces when an editor adds a page; the roll-ups (minutes, outcomes) are computed
from the live topics below a page so that they can never drift from the content.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from blocks.fields import LessonBodyField

from ..forms import TopicPageForm
from ..outline import CourseOutline, topic_neighbours
from ..routing import DirectDescendantRoutingMixin
from .content_version import ContentVersion


class HomePage(DirectDescendantRoutingMixin, Page):
    """The catalogue at the root of a site: every course it hosts."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CoursePage"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.child_of(self).live().public().specific()
        return context

    def descendant_model_at(self, levels_down):
        return {1: CoursePage, 2: ModulePage, 3: LessonPage, 4: TopicPage}.get(levels_down, Page)

    def own_view_owner_at(self, levels_down):
        return CoursePage if levels_down == 1 else None


class CoursePage(DirectDescendantRoutingMixin, RoutablePageMixin, Page):
    """A course: its home page lists the modules; ``outline/`` shows the whole tree."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage", "wagtailcore.Page"]
    subpage_types = ["cms.ModulePage"]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "cms/course_page.html"

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = CourseOutline.for_course(self)
        return context

    @path("glossary/")
    def glossary_view(self, request):
        """Every term of every vocab sheet of the course, A–Z, linking back to its topic."""
        from ..course_index import glossary

        return self.render(
            request,
            template="cms/glossary.html",
            context_overrides={
                "letters": glossary(self, request),
                "outline": CourseOutline.for_course(self),
            },
        )

    @path("tools/")
    def tool_library_view(self, request):
        """Every tool sheet of the course, in course order."""
        from ..course_index import blocks_of_kind

        return self.render(
            request,
            template="cms/tool_library.html",
            context_overrides={
                "tools": blocks_of_kind(self, "tool_sheet", request),
                "outline": CourseOutline.for_course(self),
            },
        )

    def descendant_model_at(self, levels_down):
        return {1: ModulePage, 2: LessonPage, 3: TopicPage}.get(levels_down, Page)

    @path("progress/")
    def progress_view(self, request):
        """The signed-in learner's progress through this course."""
        from progress.views import course_progress

        return course_progress(request, self)

    @path("outline/")
    def outline_view(self, request):
        """The joint curriculum: every module, lesson and topic with times and outcomes."""
        return self.render(
            request,
            template="cms/course_outline.html",
            context_overrides={"outline": CourseOutline.for_course(self, with_outcomes=True)},
        )


def breadcrumb_pages(page):
    """The live pages above ``page`` from its course down, for the breadcrumb trail (lazy)."""
    return page.get_ancestors().live().filter(depth__gt=2).specific(defer=True)


class RollUpMixin:
    """Minutes a module or lesson takes: its node of the course outline, which sums the
    live topics a learner can reach (none under an unpublished page)."""

    @property
    def estimated_minutes(self):
        outline = CourseOutline.for_page(self)
        node = outline.find(self.pk) if outline else None
        return node.minutes if node else 0


class ModulePage(RollUpMixin, Page):
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = ["cms.LessonPage"]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "cms/module_page.html"

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = CourseOutline.for_page(self, with_outcomes=True)
        context["outline"] = outline
        context["module"] = outline.find(self.pk) if outline else None
        context["breadcrumbs"] = breadcrumb_pages(self)
        return context


class LessonPage(RollUpMixin, Page):
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    partner = models.ForeignKey(
        "cms.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        verbose_name=_("partner"),
        help_text=_("The partner organisation responsible for this lesson."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("partner")]
    parent_page_types = ["cms.ModulePage"]
    subpage_types = ["cms.TopicPage"]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "cms/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = CourseOutline.for_page(self, with_outcomes=True)
        context["outline"] = outline
        context["lesson"] = outline.find(self.pk) if outline else None
        context["breadcrumbs"] = breadcrumb_pages(self)
        return context


def in_source_language():
    """Limit a choice of translatable snippets to the originals, in the default language."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class TopicPage(Page):
    """One unit of study: an introduction, the lesson body and what it teaches."""

    introduction = models.TextField(
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Two or three sentences shown under the title."),
    )
    body = LessonBodyField(blank=True)
    estimated_minutes = models.PositiveIntegerField(
        default=30,
        verbose_name=_("estimated minutes"),
        help_text=_("Reading, videos, exercises and practice, in minutes."),
    )
    outcomes = ParentalManyToManyField(
        "cms.LearningOutcome",
        blank=True,
        related_name="topics",
        verbose_name=_("learning outcomes"),
        limit_choices_to=in_source_language,  # translations are shown, never chosen
    )
    competences = ParentalManyToManyField(
        "cms.Competence", blank=True, related_name="topics", verbose_name=_("competences")
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    curriculum_panels = [
        FieldPanel("estimated_minutes"),
        FieldPanel("outcomes"),
        FieldPanel("competences"),
        MultiFieldPanel([InlinePanel("authors", label=_("Author"))], heading=_("Authors")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.LessonPage"]
    subpage_types = []
    template = "cms/topic_page.html"
    base_form_class = TopicPageForm  # content checks before publishing

    class Meta:
        verbose_name = _("topic")

    @classmethod
    def get_edit_handler(cls):
        from wagtail.admin.panels import ObjectList, TabbedInterface

        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Content")),
                ObjectList(cls.curriculum_panels, heading=_("Curriculum")),
                # Translators: the Wagtail editor tab with the slug, SEO title and search description.
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        ).bind_to_model(cls)

    @cached_property
    def table_of_contents(self):
        """(level, text, anchor) for every heading in the body, in order."""
        entries = []
        for child in self.body:
            toc_entries = getattr(child.block, "toc_entries", None)
            if toc_entries:
                entries.extend(toc_entries(child.value))
        return entries

    def get_context(self, request, *args, **kwargs):
        """Everything but the content version is lazy: a cached page runs none of it."""
        context = super().get_context(request, *args, **kwargs)
        # Read once per request, before rendering, by cms.http_cache; else here.
        context["content_version"] = (
            getattr(request, "lectern_content_version", None) or ContentVersion.current()
        )
        context["media_start"] = media_start_key(request)
        context["fragment_seconds"] = settings.LECTERN_FRAGMENT_CACHE_SECONDS
        context["breadcrumbs"] = breadcrumb_pages(self)
        return context

    @cached_property
    def neighbours(self):
        """(previous, next) live topics of the course, across lessons and modules."""
        return topic_neighbours(self)

    def author_experts(self):
        from ..translations import localized

        links = self.authors.select_related("expert__partner").order_by("sort_order")
        return localized([link.expert for link in links], "partner")

    def outcome_list(self):
        from ..translations import localized

        return localized(self.outcomes.order_by("code"))


def media_start_key(request) -> str:
    """The part of the cache key for ``?t=<seconds>&v=<block>``: whole seconds, or ''.

    Videos start at ``?t`` (see VideoBlock), so the cached article varies with it; the
    key keeps only a sane whole number so that arbitrary query strings cannot fill
    the cache with copies.
    """
    from blocks.video import start_time

    seconds = start_time(request)
    return "" if seconds is None else f"{seconds:.3f}:{request.GET.get('v', '')[:40]}"


class TopicAuthor(Orderable):
    """An expert credited on a topic, in the order the authors chose."""

    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="authors")
    expert = models.ForeignKey(
        "cms.Expert",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("expert"),
        limit_choices_to=in_source_language,  # translations are shown, never chosen
    )

    panels = [FieldPanel("expert")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "expert")]
        verbose_name = _("topic author")
        verbose_name_plural = _("topic authors")
