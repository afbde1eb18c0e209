import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y
from portal.accounts.crypto import lookup_hash
from portal.accounts.validators import normalise_mobile, normalise_resident_id

from .models import Relationship

DURATIONS = [("30", _("30 days")), ("365", _("1 year")), ("1095", _("3 years"))]
SCOPES = [("all", _("All services")), ("chosen", _("Only the services I list"))]
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,39}$")


def find_person(identifier, name):
    """The account with this resident ID number or mobile number AND this full name, or None."""
    identifier = (identifier or "").strip()
    users = get_user_model()._default_manager.filter(is_active=True)
    if re.fullmatch(r"\d{17}[\dXx]", normalise_resident_id(identifier)):
        users = users.filter(resident_id_hash=lookup_hash(normalise_resident_id(identifier)))
    else:
        users = users.filter(phone=normalise_mobile(identifier))
    found = users.first()
    return found if found is not None and found.real_name.strip() == (name or "").strip() else None


class ScopeMixin(forms.Form):
    relationship = forms.ChoiceField(label=_("How are you related?"), choices=Relationship.choices,
                                     widget=a11y.Radios(), error_messages={"required": _("Choose how you are related")})
    scope = forms.ChoiceField(label=_("Which services?"), choices=SCOPES, widget=a11y.Radios(),
                              error_messages={"required": _("Choose which services")})
    service_codes = forms.CharField(
        label=_("Service codes"), required=False, widget=a11y.TextInput({"autocomplete": "off"}),
        help_text=_("Only if you chose to list them. Separate them with commas, like 3700-RS-001, 3700-GA-002"))
    days = forms.ChoiceField(label=_("For how long?"), choices=DURATIONS, widget=a11y.Radios(),
                             error_messages={"required": _("Choose for how long")})

    def clean(self):
        cleaned = super().clean()
        codes = [c.strip().upper() for c in (cleaned.get("service_codes") or "").split(",") if c.strip()]
        if cleaned.get("scope") == "chosen":
            if not codes:
                self.add_error("service_codes", _("Enter at least one service code"))
            elif not all(_CODE.match(c) for c in codes):
                self.add_error("service_codes", _("Enter service codes like 3700-RS-001, separated by commas"))
        cleaned["codes"] = codes
        return cleaned


class MandateRequestForm(a11y.AccessibleFormMixin, ScopeMixin):
    principal_name = forms.CharField(label=_("Their full name"), max_length=100,
                                     widget=a11y.TextInput({"autocomplete": "off"}),
                                     error_messages={"required": _("Enter their full name")})
    principal_identifier = forms.CharField(
        label=_("Their resident ID number or mobile phone number"), max_length=30,
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        help_text=_("They must have an account on this portal"),
        error_messages={"required": _("Enter their resident ID number or mobile phone number")})
    field_order = ["principal_name", "principal_identifier", "relationship", "scope", "service_codes", "days"]

    def __init__(self, *args, agent=None, **kwargs):
        self.agent = agent
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("principal_identifier") and cleaned.get("principal_name"):
            person = find_person(cleaned["principal_identifier"], cleaned["principal_name"])
            if person is None or person.pk == getattr(self.agent, "pk", None):
                self.add_error("principal_identifier", _("We could not find an account with this name and number. "
                                                         "Check them, or ask them to create an account first"))
            cleaned["principal"] = person
        return cleaned


class InPersonMandateForm(a11y.AccessibleFormMixin, ScopeMixin):
    principal_name = forms.CharField(label=_("Full name of the person acted for"), max_length=100,
                                     widget=a11y.TextInput({"autocomplete": "off"}),
                                     error_messages={"required": _("Enter the full name")})
    principal_id = forms.CharField(label=_("Their resident ID number"), max_length=30,
                                   widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
                                   error_messages={"required": _("Enter the resident ID number")})
    agent_name = forms.CharField(label=_("Full name of the person acting"), max_length=100,
                                 widget=a11y.TextInput({"autocomplete": "off"}),
                                 error_messages={"required": _("Enter the full name")})
    agent_id = forms.CharField(label=_("Their resident ID number"), max_length=30,
                               widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
                               error_messages={"required": _("Enter the resident ID number")})
    hall = forms.ChoiceField(label=_("Service hall"), widget=a11y.Select(),
                             error_messages={"required": _("Choose the service hall")})
    evidence = forms.CharField(label=_("Evidence seen"), widget=a11y.Textarea(),
                               help_text=_("For example: both ID cards, the household register"),
                               error_messages={"required": _("Describe the evidence you checked")})
    checked = forms.BooleanField(label=_("I have checked both people's ID cards in person"), widget=a11y.Checkbox(),
                                 error_messages={"required": _("Confirm that you checked both ID cards")})
    field_order = ["principal_name", "principal_id", "agent_name", "agent_id", "relationship", "scope",
                   "service_codes", "days", "hall", "evidence", "checked"]

    def __init__(self, *args, halls=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.halls = {str(h.pk): h for h in halls}
        self.fields["hall"].choices = [("", "")] + [(str(h.pk), str(h)) for h in halls]

    def clean(self):
        cleaned = super().clean()
        for prefix in ("principal", "agent"):
            if cleaned.get(f"{prefix}_id") and cleaned.get(f"{prefix}_name"):
                person = find_person(cleaned[f"{prefix}_id"], cleaned[f"{prefix}_name"])
                if person is None:
                    self.add_error(f"{prefix}_id", _("No account has this name and resident ID number"))
                cleaned[prefix] = person
        cleaned["hall_object"] = self.halls.get(cleaned.get("hall"))
        return cleaned
