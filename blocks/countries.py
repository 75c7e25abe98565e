"""The countries partners and case studies come from (ISO 3166 codes)."""

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("FR", _("France")),
    ("HU", _("Hungary")),
    ("ES", _("Spain")),
    ("GB", _("United Kingdom")),
    ("GR", _("Greece")),
    ("DE", _("Germany")),
    ("IT", _("Italy")),
    ("PT", _("Portugal")),
    ("PL", _("Poland")),
    ("BE", _("Belgium")),
    ("NL", _("Netherlands")),
]
