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
