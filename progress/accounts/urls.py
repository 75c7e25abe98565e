"""Routes under the language prefix (``/<lang>/accounts/…``), included from ``cms.urls``."""

from django.urls import include, path, re_path

from . import views
from .confirm_email import LearnerConfirmEmailView

urlpatterns = [
    path("accounts/profile/", views.profile, name="learner_profile"),
    path("accounts/profile/my-data.json", views.export_my_data, name="learner_data_export"),
    path("accounts/delete/", views.delete_account, name="learner_delete_account"),
    re_path(
        r"^accounts/confirm-email/(?P<key>[-:\w]+)/$",
        LearnerConfirmEmailView.as_view(),
        name="account_confirm_email",
    ),
    path("accounts/", include("allauth.urls")),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
]
