"""Demo registers for prefill: they answer from what the portal already holds about the person plus
made-up but stable values, so forms can be tried locally. A person whose name or user name contains
"unavailable" makes them fail, as a register that is down would."""

import hashlib

from django.utils.translation import gettext_lazy as _

from portal.connectors.base import PrefillAnswer, PrefillError, PrefillPlugin
from portal.connectors.registry import register_prefill


def _unavailable_for(subject):
    return "unavailable" in (subject.real_name or "").lower() or "unavailable" in (subject.username or "")


def _seed(subject):
    return hashlib.sha256(f"demo:{subject.pk}".encode()).hexdigest()


@register_prefill("demo-household")
class DemoHouseholdRegister(PrefillPlugin):
    label = _("Household register (demo)")
    attributes = {
        "name": _("Your name"),
        "householder.name": _("The name of the head of your household"),
        "address": _("Your registered address (district and street)"),
        "address.region_code": _("Your registered district"),
        "address.line": _("Your registered address"),
        "household.number": _("Your household registration number"),
        "social_insurance.number": _("Your social insurance number"),
        "disability.certificate_number": _("Your disability certificate number"),
    }

    def lookup(self, *, subject, attributes):
        if _unavailable_for(subject):
            raise PrefillError("demo register unavailable")
        seed = _seed(subject)
        region = subject.address_region_code or "370102"
        line = subject.address_line or "经十路 100 号"
        known = {
            "name": subject.real_name,
            "householder.name": subject.real_name,
            "address": {"district": region, "line": line},
            "address.region_code": region,
            "address.line": line,
            "household.number": "37" + str(int(seed[:10], 16))[:10],
            "social_insurance.number": "SD" + str(int(seed[10:20], 16))[:12],
        }
        return PrefillAnswer(values={key: known[key] for key in attributes if known.get(key)})


@register_prefill("demo-social-insurance")
class DemoSocialInsuranceRecord(PrefillPlugin):
    label = _("Social insurance record (demo)")
    attributes = {
        "number": _("Your social insurance number"),
        "scheme": _("Your medical insurance scheme"),
    }

    def lookup(self, *, subject, attributes):
        if _unavailable_for(subject):
            raise PrefillError("demo register unavailable")
        seed = _seed(subject)
        known = {
            "number": "SD" + str(int(seed[10:20], 16))[:12],
            "scheme": "employee" if int(seed[20], 16) % 2 else "resident",
        }
        return PrefillAnswer(values={key: known[key] for key in attributes if known.get(key)})
