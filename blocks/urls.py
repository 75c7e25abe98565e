from django.urls import path

from . import views

urlpatterns = [
    path("grade/<int:page_id>/<str:block_id>/", views.grade, name="lectern-grade"),
]
