"""A demo register for prefill: answers from what the portal already holds about the person plus
made-up but stable values, so forms can be tried locally. Names containing "unavailable" make it fail."""

import hashlib

from django.utils.translation import gettext_lazy as _

from ...base import PrefillAnswer, PrefillError, PrefillPlugin
from ...registry import register_prefill


@register_prefill("demo-household")
class DemoHouseholdRegister(PrefillPlugin):
    label = _("Household register (demo)")
    attributes = {
        "name": _("Your name"),
        "address.region_code": _("Your registered district"),
        "address.line": _("Your registered address"),
        "household.number": _("Your household registration number"),
        "social_insurance.number": _("Your social insurance number"),
        "disability.certificate_number": _("Your disability certificate number"),
    }

    def lookup(self, *, subject, attributes):
        if "unavailable" in (subject.real_name or "").lower() or "unavailable" in (subject.username or ""):
            raise PrefillError("demo register unavailable")
        seed = hashlib.sha256(f"demo:{subject.pk}".encode()).hexdigest()
        known = {
            "name": subject.real_name,
            "address.region_code": subject.address_region_code or "370102",
            "address.line": subject.address_line or "经十路 100 号",
            "household.number": "37" + str(int(seed[:10], 16))[:10],
            "social_insurance.number": "SD" + str(int(seed[10:20], 16))[:12],
        }
        return PrefillAnswer(values={key: known[key] for key in attributes if known.get(key)})
