"""The learner side's language-neutral routes: form posts, the beacon, and the
certificate link printed in QR codes (see ``page_urls`` for the /<lang>/ pages)."""

from django.urls import path

from . import views

urlpatterns = [
    path("progress/topic/<int:page_id>/", views.mark_topic, name="lectern-progress-topic"),
    path("progress/visit/", views.visit, name="lectern-progress-visit"),
    path("certificates/<str:code>/", views.certificate_page, name="certificate"),
]
