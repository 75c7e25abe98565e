"""The course reports in Wagtail's Reports menu, each shown only to those who may open it."""

from django.urls import include, path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .access import may_see


class CourseReportMenuItem(MenuItem):
    def __init__(self, *args, partner_scoped=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner_scoped = partner_scoped

    def is_shown(self, request):
        return may_see(request.user, self.partner_scoped)


REPORTS = [
    # (label, url name, icon, partner editors too)
    (pgettext_lazy("reports", "Learners"), "learners", "group", False),
    (pgettext_lazy("reports", "Completion"), "completion", "tasks", True),
    (pgettext_lazy("reports", "Exercises"), "exercises", "form", True),
    (pgettext_lazy("reports", "Certificates"), "certificates", "success", False),
    (pgettext_lazy("reports", "Surveys"), "surveys", "doc-full", False),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/course/", include(urls, namespace="lectern_reports"))]


def menu_item(label, name, icon, partner_scoped, order):
    return CourseReportMenuItem(
        label,
        reverse(f"lectern_reports:{name}"),
        name=f"course-{name}",
        icon_name=icon,
        order=order,
        partner_scoped=partner_scoped,
    )


for _order, (_label, _name, _icon, _scoped) in enumerate(REPORTS):
    hooks.register(
        "register_reports_menu_item",
        lambda label=_label, name=_name, icon=_icon, scoped=_scoped, order=_order: menu_item(
            label, name, icon, scoped, 50 + order
        ),
    )
