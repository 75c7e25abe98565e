"""Forms of the learner's account: the extra sign-up field, the profile, deleting the account.

allauth imports ``LearnerSignupForm`` (``ACCOUNT_SIGNUP_FORM_CLASS``) while building its
own forms, so this module must not import ``allauth.account.forms``.
"""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from progress.models import LearnerProfile

from .profiles import create_profile


class LearnerSignupForm(forms.Form):
    """Asks the name for the certificates; the profile takes the sign-up page's language."""

    field_order = ["full_name", "email", "password1", "password2"]

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As it should appear on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Please type your name."))
        return name

    def signup(self, request, user):
        create_profile(user, self.cleaned_data["full_name"], translation.get_language())


class ProfileForm(forms.ModelForm):
    class Meta:
        model = LearnerProfile
        fields = ["full_name", "language", "partner"]


class DeleteAccountForm(forms.Form):
    """Deleting is for good: the learner proves it is them with their password."""

    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
