"""The learner's account pages: profile, "Download my data", "Delete my account", privacy notice."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from progress import privacy
from progress.models import LearnerProfile

from .forms import DeleteAccountForm, ProfileForm
from .profiles import display_name, supported_language


@login_required
def profile(request):
    """Name and interface language here; email and password on allauth's own pages."""
    instance = LearnerProfile.objects.filter(user=request.user).first() or LearnerProfile(
        user=request.user, full_name=display_name(request.user), language=translation.get_language()
    )
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("learner_profile")
    return TemplateResponse(request, "progress/account/profile.html", {"form": form})


@login_required
def export_my_data(request):
    """Everything registered in ``progress.privacy``, as a JSON file to keep."""
    data = {"exported_at": timezone.now().isoformat(), **privacy.export_data(request.user)}
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-lectern-data.json"'
    return response


@login_required
def delete_account(request):
    """Confirmed with the password; every app's eraser runs, then the learner is logged out."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        language = supported_language(translation.get_language())
        privacy.erase_learner(request.user)
        logout(request)
        messages.success(request, _("Your account and everything it held have been deleted."))
        return redirect(f"/{language}/")
    return TemplateResponse(request, "progress/account/delete.html", {"form": form})


def privacy_notice(request):
    return TemplateResponse(
        request, "progress/account/privacy.html", {"export_url": reverse("learner_data_export")}
    )
