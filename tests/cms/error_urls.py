"""The site's addresses plus one view that fails, for the tests of error logging."""

from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug the operator must be able to find")


urlpatterns = [path("failing/", failing_view), *site_urlpatterns]
