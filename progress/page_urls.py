"""The learner side's pages under /<lang>/, included by cms/urls.py by name (the course
never imports the learner side) before Wagtail's pages, so that ``<course>/progress/``
reaches the learner side."""

from django.urls import path, re_path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("my-learning/", views.my_learning, name="learner_space"),
    path("my-learning/certificates/<str:code>.pdf", views.certificate_download, name="certificate_pdf"),
    path("certificates/", RedirectView.as_view(pattern_name="learner_space")),  # where a learner's are listed
    path("certificates/<str:code>/", views.certificate_page, name="certificate_in_language"),
    re_path(r"^(?P<course_path>[-\w/]+)/progress/$", views.course_progress, name="course_progress"),
]
