from django.urls import include, path
from wagtail import hooks

from . import publishing_checks, translation_editor, views  # noqa: F401 - publishing_checks registers hooks

urlpatterns = [
    path("approval-refused/<int:page_id>/", views.approval_refused, name="approval_refused"),
    path("translations/<int:translation_id>/submit/", views.submit_translation, name="submit_translation"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("roles/", include((urlpatterns, "lectern_roles"), namespace="lectern_roles"))]


@hooks.register("after_load_demo_course", order=0)
def set_up_demo_roles(demo):
    """Roles come first: the demo's learners and surveys are added after them."""
    from .demo import create_demo_users
    from .teams import setup_roles

    setup_roles()
    demo.say("Roles set up: groups, permissions and the 'Course review' workflow.")
    if demo.create_logins:
        for username, group, password in create_demo_users():
            demo.login(group, username, password)


@hooks.register("register_admin_urls")
def translation_editor_urls():
    """Two of wagtail-localize's addresses, answered here first (roles comes before it in INSTALLED_APPS)."""
    return [
        path("localize/submit/page/<int:page_id>/", translation_editor.OwnLocalesTranslateView.as_view()),
        path("localize/page/<int:page_id>/convert_to_alias/", translation_editor.convert_to_alias),
    ]


@hooks.register("construct_page_action_menu")
def no_convert_to_alias_for_translators(menu_items, request, context):
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
