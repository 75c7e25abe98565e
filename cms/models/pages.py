"""The course tree: Course > Module > Lesson > Topic.

The tree rules (``parent_page_types``/``subpage_types``) are what the Wagtail admin
enforces when an editor adds a page; the roll-ups (minutes, outcomes) are computed
from the live topics below a page so that they can never drift from the content.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
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
from .privacy import ViewRestrictionsInFewQueries


class HomePage(ViewRestrictionsInFewQueries, DirectDescendantRoutingMixin, Page):
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


class CoursePage(ViewRestrictionsInFewQueries, DirectDescendantRoutingMixin, RoutablePageMixin, Page):
    """A course: its home page lists the modules; ``outline/`` shows the whole tree."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage", "wagtailcore.Page"]
    # Surveys live in their own (learner-side) app, named by string so cms never imports it.
    subpage_types = ["cms.ModulePage", "surveys.SurveyPage"]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "cms/course_page.html"

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the course's own views (glossary, tools, outline) put theirs in its place.
        context["outline"] = SimpleLazyObject(lambda: CourseOutline.for_course(self))
        return context

    @path("glossary/")
    def glossary_view(self, request):
        """Every term of every vocab sheet of the course, A–Z, linking back to its topic."""
        from ..course_index import glossary

        return self.render(
            request,
            template="cms/glossary.html",
            context_overrides=self.course_index_context(letters=lambda: glossary(self, request)),
        )

    @path("tools/")
    def tool_library_view(self, request):
        """Every tool sheet of the course, in course order."""
        from ..course_index import blocks_of_kind

        return self.render(
            request,
            template="cms/tool_library.html",
            context_overrides=self.course_index_context(
                tools=lambda: blocks_of_kind(self, "tool_sheet", request)
            ),
        )

    def course_index_context(self, **indexes):
        """The glossary and tool library read every topic's body: their list is built lazily,
        only when its cached fragment is stale (a publish moves the content version), as
        a topic's article is."""
        from ..outline import OutlineNode

        return {
            **{name: SimpleLazyObject(build) for name, build in indexes.items()},
            "outline": CourseOutline(OutlineNode(self.pk, self.title, self.url), {}),  # the course links
            "content_version": ContentVersion.current(),
            "fragment_seconds": settings.LECTERN_FRAGMENT_CACHE_SECONDS,
        }

    def descendant_model_at(self, levels_down):
        return {1: ModulePage, 2: LessonPage, 3: TopicPage}.get(levels_down, Page)

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


class ModulePage(ViewRestrictionsInFewQueries, RollUpMixin, Page):
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


class LessonPage(ViewRestrictionsInFewQueries, RollUpMixin, Page):
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


class TopicPage(ViewRestrictionsInFewQueries, Page):
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
        # Read once per request, before rendering, by cms.http_cache; else here. Kept on the
        # page too: the glossary's term map is cached under the same number.
        self._content_version = getattr(request, "lectern_content_version", None) or ContentVersion.current()
        context["content_version"] = self._content_version
        context["media_start"] = media_start_key(request)
        context["fragment_seconds"] = settings.LECTERN_FRAGMENT_CACHE_SECONDS
        context["breadcrumbs"] = SimpleLazyObject(lambda: self.trail)
        return context

    @cached_property
    def glossary_linker(self):
        """Links the first mention of each of the course's terms in this topic's text.

        Read by the text blocks while the cached article is built (``page`` in their
        context), so a cached page never runs it.
        """
        from blocks.api import GlossaryLinker

        from ..glossary_terms import course_terms

        version = getattr(self, "_content_version", None) or ContentVersion.current()
        language, terms = course_terms(self, version)
        return GlossaryLinker(terms, language)

    @cached_property
    def trail(self) -> list:
        """The live pages above the topic from its course down: the breadcrumbs, and the
        course of the course navigation, in one query run only when their cache is stale."""
        return list(breadcrumb_pages(self))

    @cached_property
    def course_nav(self):
        """Just the course's title and address, for its outline, glossary and tool links."""
        from ..outline import OutlineNode

        course = next((page for page in self.trail if isinstance(page, CoursePage)), None)
        return CourseOutline(OutlineNode(course.pk, course.title, course.url), {}) if course else None

    @cached_property
    def neighbours(self):
        """(previous, next) live topics of the course, across lessons and modules."""
        return topic_neighbours(self)

    def search_place(self):
        """Where search files this topic's documents (search.protocols.Searchable)."""
        from search.protocols import CoursePlace

        above = {type(page): page for page in self.get_ancestors().specific(defer=True)}
        return CoursePlace(above.get(CoursePage), above.get(ModulePage), above.get(LessonPage))

    def search_blocks(self):
        return self.body

    def search_introduction(self) -> str:
        return self.introduction

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
