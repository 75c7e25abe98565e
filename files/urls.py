from django.urls import path

from . import views

urlpatterns = [
    path("captions/<int:document_id>.vtt", views.caption_track, name="lectern-caption-track"),
]
