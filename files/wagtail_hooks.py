from wagtail import hooks

from .privacy import refusal_for_private_pages


@hooks.register("before_serve_document")
def documents_of_private_pages(document, request):
    """A document used only on private pages is private too, wherever its collection is.

    If at least one live page using it may be seen by this visitor, it is served (or
    redirected to a short-lived presigned URL on S3); see ``files.privacy``.
    """
    return refusal_for_private_pages(document, request)


@hooks.register("register_admin_urls")
def large_upload_urls():
    from django.urls import include, path

    from . import admin_views

    return [path("files/", include(admin_views.urlpatterns))]


@hooks.register("register_admin_menu_item")
def large_upload_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    from .admin_views import document_policy

    class UploadMenuItem(MenuItem):
        def is_shown(self, request):
            return document_policy().user_has_permission(request.user, "add")

    return UploadMenuItem(
        _("Upload a large video"), reverse("lectern_large_upload"), icon_name="media", order=410
    )
