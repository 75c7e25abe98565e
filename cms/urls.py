from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from files.serving import serve_document
from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Range requests (seeking in videos) first; everything else is Wagtail's own view.
    path("documents/<int:document_id>/<str:document_filename>", serve_document, name="lectern_document"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("blocks.urls")),
    path("", include("files.urls")),
    path("", include("search.urls")),
    path("", include("progress.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Learner-facing pages carry their language: /en/…, /fr/…; a bare path is redirected
# to the visitor's language (Accept-Language, else English) by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("", include(search_urls.page_urlpatterns)),
    # Learner accounts (sign-up, login, profile, privacy): /en/accounts/login/, …
    path("", include("progress.accounts.urls")),
    # The learner side (my-learning, <course>/progress/, certificates): named, not imported.
    path("", include("progress.page_urls")),
    path("", include(wagtail_urls)),
)
