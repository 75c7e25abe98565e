"""The admin form a coordinator revokes a certificate with."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm


class RevokeCertificateForm(WagtailAdminModelForm):
    """Giving a reason revokes the certificate (now); clearing it makes it valid again."""

    def save(self, commit=True):
        certificate = super().save(commit=False)
        reason = (certificate.revoked_reason or "").strip()
        if reason and certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
        elif not reason:
            certificate.revoked_at = None
        if commit:
            certificate.save()
        return certificate
