"""Forms for mandates. They check what was typed, never whom it names: finding the person is
services.person_look_up, which counts and audits every look-up."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y
from portal.accounts.forms import ResidentIdField
from portal.accounts.validators import normalise_mobile, validate_mobile, validate_resident_id

from . import selectors
from .models import Relationship

DURATIONS = [("30", _("30 days")), ("365", _("1 year")), ("1095", _("3 years"))]
SCOPES = [("all", _("All services")), ("chosen", _("Only the services I choose"))]


class ScopeMixin(forms.Form):
    """Who the other person is, which services, for how long. Services are chosen by name: `service_search`
    lists the services whose name matches (the page is sent again with the "find" button, no JavaScript needed),
    each with a checkbox; those already ticked stay listed. Their service codes are what is stored."""

    relationship = forms.ChoiceField(
        label=_("They are your:"),
        choices=Relationship.choices,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose how you are related")},
    )
    scope = forms.ChoiceField(
        label=_("Which services?"),
        choices=SCOPES,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose which services")},
    )
    service_search = forms.CharField(
        label=_("Find services by name"),
        required=False,
        max_length=50,
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        help_text=_(
            "If you chose “Only the services I choose”: type part of a service’s name, then choose “Find services”"
        ),
    )
    service_codes = forms.MultipleChoiceField(
        label=_("Services"),
        required=False,
        widget=a11y.Checkboxes(),
        error_messages={"invalid_choice": _("Choose services from the list")},
    )
    days = forms.ChoiceField(
        label=_("For how long?"),
        choices=DURATIONS,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose for how long")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        chosen = source.getlist("service_codes") if hasattr(source, "getlist") else source.get("service_codes")
        self.chosen_codes = [str(code) for code in (chosen or [])]
        self.search_text = " ".join(str(source.get("service_search") or "").split())[:50]
        found = selectors.services_to_choose(chosen=self.chosen_codes, search=self.search_text)
        self.search_found_nothing = bool(self.search_text) and not any(
            service.code not in self.chosen_codes for service in found
        )
        self.fields["service_codes"].choices = [(service.code, service.label) for service in found]
        if not found:  # nothing to tick yet: the list is not shown at all
            self.fields["service_codes"].widget = forms.MultipleHiddenInput()

    def clean(self):
        cleaned = super().clean()
        codes = list(cleaned.get("service_codes") or [])
        if cleaned.get("scope") == "chosen" and not codes and "service_codes" not in self.errors:
            field = "service_codes" if self.fields["service_codes"].choices else "service_search"
            self.add_error(field, _("Find the services by name and tick at least one"))
        cleaned["codes"] = codes if cleaned.get("scope") == "chosen" else []
        return cleaned


def _check_field(label, required_message):
    return forms.BooleanField(label=label, widget=a11y.Checkbox(), error_messages={"required": required_message})


class MandateRequestForm(a11y.AccessibleFormMixin, ScopeMixin):
    principal_name = forms.CharField(
        label=_("Their full name"),
        max_length=100,
        widget=a11y.TextInput({"autocomplete": "off"}),
        error_messages={"required": _("Enter their full name")},
    )
    principal_identifier = forms.CharField(
        label=_("Their resident ID number or mobile phone number"),
        max_length=30,
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        help_text=_("They must have an account on this portal"),
        error_messages={"required": _("Enter their resident ID number or mobile phone number")},
    )
    field_order = [
        "principal_name",
        "principal_identifier",
        "relationship",
        "scope",
        "service_search",
        "service_codes",
        "days",
    ]

    NOT_FOUND = _(
        "We could not find an account with this name and number. Check them, or ask them to create an account first"
    )

    def clean_principal_identifier(self):
        """An ID number (checked as one) or a mobile number; anything else is neither."""
        value = re.sub(r"\s+", "", self.cleaned_data["principal_identifier"])
        if re.fullmatch(r"\d{17}[\dXx]", value):
            validate_resident_id(value)
            return value.upper()
        try:
            validate_mobile(value)
        except forms.ValidationError:
            raise forms.ValidationError(self.fields["principal_identifier"].error_messages["required"]) from None
        return normalise_mobile(value)


class InPersonMandateForm(a11y.AccessibleFormMixin, ScopeMixin):
    principal_name = forms.CharField(
        label=_("Full name of the person acted for"),
        max_length=100,
        widget=a11y.TextInput({"autocomplete": "off"}),
        error_messages={"required": _("Enter the full name")},
    )
    principal_id = ResidentIdField(
        label=_("Their resident ID number"),
        max_length=30,
        validators=[validate_resident_id],
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        error_messages={"required": _("Enter the resident ID number")},
    )
    agent_name = forms.CharField(
        label=_("Full name of the person acting"),
        max_length=100,
        widget=a11y.TextInput({"autocomplete": "off"}),
        error_messages={"required": _("Enter the full name")},
    )
    agent_id = ResidentIdField(
        label=_("Their resident ID number"),
        max_length=30,
        validators=[validate_resident_id],
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        error_messages={"required": _("Enter the resident ID number")},
    )
    hall = forms.TypedChoiceField(
        label=_("Service hall"),
        coerce=int,
        widget=a11y.Select(),
        error_messages={
            "required": _("Choose the service hall"),
            "invalid_choice": _("Choose one of the service halls where you work"),
        },
    )
    evidence = forms.CharField(
        label=_("Evidence seen"),
        widget=a11y.Textarea(),
        help_text=_("For example: both ID cards, the household register"),
        error_messages={"required": _("Describe the evidence you checked")},
    )
    # The three checks, each a separate, explicit tick (as in assisted mode), recorded on the mandate.
    presence_confirmed = _check_field(
        _("Both people are here in person at the counter"), _("Confirm that both people are here in person")
    )
    id_checked = _check_field(
        _("I have checked both people's ID cards in person"), _("Confirm that you checked both ID cards")
    )
    consent_recorded = _check_field(
        _("The person acted for agrees that the person acting may act for them"),
        _("Confirm that the person acted for agrees"),
    )
    relationship = forms.ChoiceField(
        label=_("The person acted for is the person acting’s:"),
        choices=Relationship.choices,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose how they are related")},
    )
    field_order = [
        "principal_name",
        "principal_id",
        "agent_name",
        "agent_id",
        "relationship",
        "scope",
        "service_search",
        "service_codes",
        "days",
        "hall",
        "evidence",
        "presence_confirmed",
        "id_checked",
        "consent_recorded",
    ]

    NOT_FOUND = _("No account has this name and resident ID number")

    def __init__(self, *args, halls, **kwargs):
        """`halls`: the member of staff's own (selectors.halls_for_in_person); any other is refused."""
        super().__init__(*args, **kwargs)
        self.halls = {hall.pk: hall for hall in halls}
        self.fields["hall"].choices = [("", "")] + [(hall.pk, str(hall)) for hall in halls]
        if len(halls) == 1:
            self.fields["hall"].initial = halls[0].pk

    def clean_hall(self):
        return self.halls[self.cleaned_data["hall"]]
