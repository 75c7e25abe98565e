from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


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
