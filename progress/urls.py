from django.urls import path

from . import views

urlpatterns = [path("progress/topic/<int:page_id>/", views.mark_topic, name="lectern-progress-topic")]
