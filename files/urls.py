from django.conf import settings
from django.urls import path

from . import media, views

urlpatterns = [
    path("captions/<int:document_id>.vtt", views.caption_track, name="lectern-caption-track"),
]

if settings.MEDIA_URL.startswith("/"):  # files on this server's disk: always through the checks
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_media, name="lectern-media")
    )
