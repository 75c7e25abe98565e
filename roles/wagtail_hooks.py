from django.urls import include, path
from wagtail import hooks

from . import views

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
