"""The admin of the learner side: certificate rules per course, and certificates to revoke.

Both are snippets, so Wagtail checks the model permissions that ``roles`` grants to
coordinators and site administrators; nobody adds a certificate by hand.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Certificate, CompletionRule


class CompletionRuleViewSet(SnippetViewSet):
    model = CompletionRule
    icon = "tasks"
    menu_label = _("Certificate rules")
    add_to_admin_menu = True
    menu_order = 700
    list_display = ["course", "topics_percent", "exercises_percent"]
    panels = [
        PageChooserPanel("course", page_type="cms.CoursePage"),
        FieldPanel("topics_percent"),
        FieldPanel("exercises_percent"),
    ]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    add_to_admin_menu = True
    menu_order = 701
    list_display = ["course_title", "holder_name", "issued_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["holder_name", "course_title", "code"]
    panels = [
        FieldPanel("holder_name", read_only=True),
        FieldPanel("course_title", read_only=True),
        FieldPanel("revoked_reason"),
    ]


register_snippet(CompletionRuleViewSet)
register_snippet(CertificateViewSet)
