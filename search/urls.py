from django.urls import path

from . import views

# The search page speaks the learner's language: it lives under /<lang>/ (cms/urls.py).
page_urlpatterns = [path("search/", views.search_page, name="search")]

# The JSON API takes its language as a parameter (?lang=) and has one address.
urlpatterns = [
    path("api/search/", views.search_api, name="search-api"),
    path("api/search/suggest/", views.suggest_api, name="search-suggest"),
]
