from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex


@hooks.register("before_serve_document")
def documents_of_private_pages(document, request):
    """A document used only on private pages is private too.

    Wagtail protects documents by collection; a video or worksheet placed on a page
    that only partners may see must be protected the same way, wherever its
    collection is. If at least one live page using it may be seen by this visitor,
    it is served (or redirected to a short-lived presigned URL on S3).
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = list(Page.objects.live().filter(pk__in={int(pk) for pk in page_ids}))
    if not pages:
        return None
    for page in pages:
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return None
    if request.user.is_authenticated:
        from django.utils.translation import gettext as _

        return HttpResponseForbidden(_("This file belongs to pages you may not see."))
    return redirect_to_login(request.get_full_path())  # LOGIN_URL: the learners' login page


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
