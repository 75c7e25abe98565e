from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from cms.content_checks import publishing_blockers


class RoleGroup(models.Model):
    """Which group plays which role (for which partner or language).

    ``setup_roles`` finds its groups through this record rather than by name, so
    renaming a partner renames its group and collection instead of leaving the old
    ones behind with the lessons' permissions.
    """

    SITE_ADMINISTRATOR = "site_administrator"
    COORDINATOR = "coordinator"
    REVIEWER = "reviewer"
    PARTNER_EDITOR = "partner_editor"
    TRANSLATOR = "translator"
    ROLES = [
        (SITE_ADMINISTRATOR, _("Site administrators")),
        (COORDINATOR, _("Coordinators")),
        (REVIEWER, _("Reviewers")),
        (PARTNER_EDITOR, _("Partner editors")),
        (TRANSLATOR, _("Translators")),
    ]

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="lectern_role")
    role = models.CharField(max_length=30, choices=ROLES)
    partner = models.OneToOneField(
        "cms.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="editor_team"
    )
    locale = models.OneToOneField(
        "wagtailcore.Locale", null=True, blank=True, on_delete=models.CASCADE, related_name="translator_team"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(partner__isnull=True, locale__isnull=True),
                name="one_group_per_fixed_role",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.group.name}"


class CourseReviewTask(GroupApprovalTask):
    """A group approval step that will not approve content which cannot go live.

    Approving the last step publishes the page's latest revision (Wagtail's
    ``publish_workflow_state``), and the workflow action endpoint never passes through
    the edit form and its content checks. So every approval checks the revision that
    would go live; with missing alt text or captions it is refused, the page stays
    where it is, and the approver is sent to a page that says why.

    A proxy: the Course review steps keep their rows, groups and task states;
    ``setup_roles`` only points their content type here.
    """

    class Meta:
        proxy = True
        verbose_name = _("Course review step")
        verbose_name_plural = _("Course review steps")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.id:  # Task sets the concrete model's type; a proxy must name itself
            self.content_type = ContentType.objects.get_for_model(self, for_concrete_model=False)

    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object.specific
        if action_name == "approve" and publishing_blockers(page.get_latest_revision_as_object()):
            return reverse("lectern_roles:approval_refused", args=[page.pk])
        next_url = super().on_action(task_state, user, action_name, **kwargs)
        if next_url is None and not may_review_or_edit(type(page).objects.get(pk=page.pk), user):
            # Wagtail would send them back to the page's editor, which this step no
            # longer opens to them: the dashboard shows the message and what is left.
            return reverse("wagtailadmin_home")
        return next_url


def may_review_or_edit(page, user) -> bool:
    """Whether the user may open the page's editor: they may edit it, or review its current step."""
    task = page.current_workflow_task
    return page.permissions_for_user(user).can_edit() or (
        task is not None and task.specific.user_can_access_editor(page, user)
    )
