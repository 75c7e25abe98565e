"""allauth's login form, with a label that tells a learner what to type."""

from allauth.account.forms import LoginForm
from django.utils.translation import gettext_lazy as _


class LearnerLoginForm(LoginForm):
    """Learners log in with their email; accounts made in the admin may use their username."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email or username")
        self.fields["login"].widget.attrs.update(placeholder="", autocomplete="email")
