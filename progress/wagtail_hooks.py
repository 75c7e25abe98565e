"""The admin of the learner side: certificate rules per course, and certificates to revoke.

Both are snippets, so Wagtail checks the model permissions that ``roles`` grants to
coordinators and site administrators; nobody adds a certificate by hand.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
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


class IssuedNotAddedPolicy(ModelPermissionPolicy):
    """Certificates are issued by the completion rule, never typed in: nobody may add one."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


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


register_permission_policy(Certificate, IssuedNotAddedPolicy(Certificate), exact_class=True)
register_snippet(CompletionRuleViewSet)
register_snippet(CertificateViewSet)


@hooks.register("lectern_demo_course_loaded")
def load_demo_learners(course, create_logins=False):
    """75 demo learners with progress and certificates (see progress/demo.py)."""
    from .demo import load_demo_learners

    return load_demo_learners(course, create_login=create_logins)
