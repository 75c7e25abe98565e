from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="search-api"),
    path("api/search/suggest/", views.suggest_api, name="search-suggest"),
]
