from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "lectern_search"
    verbose_name = "Course search"
