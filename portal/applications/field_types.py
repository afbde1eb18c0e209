"""The question types an application can ask. Each knows how to build its form field (drawn by the
accessible renderer), how to store an answer as JSON, and how to show it back to people.

Adding a type: subclass FieldType, give it a key, and add it to FIELD_TYPES.

A value from a public register (definitions.FieldDef.register) is turned into the stored shape by
from_register(); it is then only the question's starting value, which the applicant confirms or changes.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y
from accessibility import validators as a11y_validators
from portal.accounts import crypto, regions
from portal.accounts.validators import (
    normalise_mobile,
    normalise_resident_id,
    resident_id_birth_date,
    validate_mobile,
    validate_resident_id,
)
from portal.templatetags.portal_format import local_date, local_money, local_number

from . import reference_lists, uploads
from .channel_notes import account_note, channel_answer, channel_note
from .text import localised


@dataclass
class FieldContext:
    """What a field needs to know about the application it is asked in."""

    applicant: object = None
    documents: dict = field(default_factory=dict)  # field key -> [ApplicationDocument]
    places: list | None = None  # cities and districts, read once per form
    channel: str = ""  # who fills it in: "online" (the applicant), "proxy" or "assisted" (see channel_notes.py)


def _label(fdef):
    return localised(fdef.label)


def _common(fdef, required_message):
    label = _label(fdef)
    return {
        "label": label,
        "help_text": localised(fdef.hint),
        "required": fdef.required,
        "error_messages": {"required": required_message % {"label": a11y.lower_first(label)}},
    }


class FieldType:
    key = ""
    name = ""
    needs_options = False
    is_file = False
    register_ok = True  # may be filled in from a public register
    required_message = _("Enter %(label)s")

    def form_field(self, fdef, ctx):
        raise NotImplementedError

    def to_storage(self, fdef, value):
        return value

    def to_initial(self, fdef, stored):
        return stored

    def display(self, fdef, stored, ctx):
        return "" if stored in (None, "") else str(stored)

    def display_on_paper(self, fdef, stored, ctx):
        """The answer on a receipt, which leaves the portal (printed, e-mailed, left on a counter)."""
        return self.display(fdef, stored, ctx)

    def shown_read_only(self, fdef, ctx):
        """True when the question is not asked but shown, because the portal already knows the answer."""
        return bool(getattr(fdef, "answered_by", ""))  # answered by the channel (channel_notes.ANSWERED_BY)

    def from_register(self, fdef, value):
        """A register's value in the stored shape, or None when it cannot be used for this question."""
        if not self.register_ok or isinstance(value, (dict, list, bool)) or value is None:
            return None
        text = str(value).strip()
        return text or None

    def account_value(self, fdef, applicant):
        """The answer the applicant's account already holds (FieldDef.from_account), as stored, or None."""
        if not applicant or not fdef.from_account:
            return None
        source = fdef.from_account
        if source == "real_name":
            return applicant.real_name or None
        if source == "phone":
            return applicant.phone or None
        if source == "email":
            return applicant.email or None
        if source == "birth_date":
            birth = resident_id_birth_date(applicant.resident_id) if applicant.resident_id_encrypted else None
            return birth.isoformat() if birth else None
        if source == "address" and applicant.address_region_code and applicant.address_line:
            code = applicant.address_region_code
            return {"city": code[:4] + "00", "district": code, "line": applicant.address_line}
        return None


class TextType(FieldType):
    key, name = "text", _("Short text")
    widget_class = a11y.TextInput
    default_max_length = 200

    def widget(self, fdef):
        attrs = {"autocomplete": fdef.autocomplete} if fdef.autocomplete else {}
        return self.widget_class(attrs)

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        max_length = fdef.max_length or self.default_max_length
        kwargs["error_messages"]["max_length"] = gettext("%(label)s must be %(max)s characters or fewer") % {
            "label": kwargs["label"],
            "max": max_length,
        }
        return a11y.TextField(max_length=max_length, widget=self.widget(fdef), **kwargs)


class NameType(FieldType):
    """A person's name: Chinese (2 to 20 characters, · between the parts of a minority name) or Latin (a foreign
    resident's: letters, spaces, hyphens, apostrophes, dots). An ID number or a phone number is refused."""

    key, name = "name", _("Person's name")

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        return a11y.PersonNameField(
            widget=a11y.TextInput({"autocomplete": fdef.autocomplete or "off"}, width="20"), **kwargs
        )

    def from_register(self, fdef, value):
        text = super().from_register(fdef, value)
        return a11y_validators.normalise_person_name(text) if text else None


class BankAccountType(FieldType):
    """A bank card or account number: typed as printed (spaces, hyphens), kept as its 16 to 19 digits with the
    check digit checked where the card has one, and shown back in groups of four."""

    key, name = "bank_account", _("Bank card number")
    register_ok = False

    def form_field(self, fdef, ctx):
        return a11y.BankAccountField(**_common(fdef, self.required_message))

    def display(self, fdef, stored, ctx):
        return a11y_validators.group_in_fours(stored) if stored else ""

    def display_on_paper(self, fdef, stored, ctx):
        return "*" * (len(stored) - 4) + stored[-4:] if stored else ""  # the last four, as the ID is masked


class TextareaType(TextType):
    key, name = "textarea", _("Long text")
    widget_class = a11y.Textarea
    default_max_length = 2000


class NumberType(FieldType):
    key, name = "number", _("Whole number")

    def form_field(self, fdef, ctx):
        return a11y.WholeNumberField(
            min_value=fdef.min_value, max_value=fdef.max_value, **_common(fdef, self.required_message)
        )

    def display(self, fdef, stored, ctx):
        return local_number(stored)

    def from_register(self, fdef, value):
        try:
            return int(str(value).strip())
        except (TypeError, ValueError):
            return None


class DateType(FieldType):
    key, name = "date", _("Date")

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        kwargs.pop("error_messages")
        prefix = "bday" if fdef.autocomplete == "bday" or fdef.from_account == "birth_date" else ""
        return a11y.DatePartsField(date_rule=fdef.date_rule, autocomplete_prefix=prefix, **kwargs)

    def to_storage(self, fdef, value):
        return value.isoformat() if value else None

    def display(self, fdef, stored, ctx):
        try:
            return local_date(datetime.date.fromisoformat(stored)) if stored else ""
        except ValueError:
            return ""

    def from_register(self, fdef, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            return None


class ChoiceType(FieldType):
    key, name = "choice", _("Choose one")
    needs_options = True
    required_message = _("Select %(label)s")

    LONG_LIST = 12  # more options than this: a drop-down list rather than radios

    def options(self, fdef, offered_only=True):
        listed = reference_lists.options(fdef.reference, offered_only=offered_only) if fdef.reference else []
        return [
            *[(item["value"], item["label"]) for item in listed],
            *[(option.value, option.label) for option in fdef.options],
        ]

    def choices(self, fdef):
        return [(value, localised(label)) for value, label in self.options(fdef)]

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        kwargs["error_messages"]["invalid_choice"] = kwargs["error_messages"]["required"]
        choices = self.choices(fdef)
        if len(choices) > self.LONG_LIST:
            widget = a11y.Select(choices=[("", gettext("Choose from the list")), *choices])
            return forms.ChoiceField(choices=[("", gettext("Choose from the list")), *choices], widget=widget, **kwargs)
        return forms.ChoiceField(choices=choices, widget=a11y.Radios, **kwargs)

    def display(self, fdef, stored, ctx):
        labels = {value: localised(label) for value, label in self.options(fdef, offered_only=False)}
        return labels.get(stored, stored or "")

    def from_register(self, fdef, value):
        value = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        return value if value in dict(self.choices(fdef)) else None


class MultipleChoiceType(ChoiceType):
    key, name = "multiple_choice", _("Choose any")
    required_message = _("Select at least one option for %(label)s")

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        kwargs["error_messages"]["invalid_choice"] = kwargs["error_messages"]["required"]
        return forms.MultipleChoiceField(choices=self.choices(fdef), widget=a11y.Checkboxes, **kwargs)

    def to_storage(self, fdef, value):
        return list(value or [])

    def display(self, fdef, stored, ctx):
        labels = dict(self.choices(fdef))
        return "\n".join(labels.get(value, value) for value in stored or [])

    def from_register(self, fdef, value):
        known = dict(self.choices(fdef))
        values = [str(v) for v in value if str(v) in known] if isinstance(value, (list, tuple)) else []
        return values or None


class YesNoType(ChoiceType):
    key, name = "yes_no", _("Yes or no")
    needs_options = False

    def options(self, fdef, offered_only=True):
        return [("yes", gettext("Yes")), ("no", gettext("No"))]

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, _("Select yes if %(label)s"))
        kwargs["error_messages"]["required"] = gettext("Select yes or no")
        kwargs["error_messages"]["invalid_choice"] = kwargs["error_messages"]["required"]
        answer = channel_answer(fdef, ctx)
        if answer is not None:  # answered by the channel (acting for someone, or not): shown, never asked
            kwargs["help_text"] = ""
            return forms.ChoiceField(
                choices=self.choices(fdef),
                disabled=True,
                initial=answer,
                widget=(a11y.ReadOnlyValue(display=dict(self.choices(fdef))[answer], note=channel_note(fdef, ctx))),
                **kwargs,
            )
        return forms.ChoiceField(choices=self.choices(fdef), widget=a11y.Radios(inline=True), **kwargs)

    def from_register(self, fdef, value):
        if isinstance(value, bool):
            return "yes" if value else "no"
        return super().from_register(fdef, value)


class ResidentIdField(forms.CharField):
    def to_python(self, value):
        return normalise_resident_id(super().to_python(value))


class ResidentIdType(FieldType):
    """An 18-character resident ID number: checksum, birth date and region checked; stored encrypted;
    shown masked. When the account already holds it, it is shown masked and not asked again."""

    key, name = "resident_id", _("Resident ID number")
    register_ok = False  # the applicant's own comes from the account; nobody else's is looked up

    def shown_read_only(self, fdef, ctx):
        return bool(self.account_value(fdef, ctx.applicant))

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        known = self.account_value(fdef, ctx.applicant)
        if known:  # shown_read_only
            kwargs["help_text"] = ""
            return forms.CharField(
                disabled=True,
                initial=known,
                widget=a11y.ReadOnlyValue(display=crypto.mask_resident_id(known), note=account_note(ctx)),
                **kwargs,
            )
        widget = a11y.TextInput({"autocomplete": "off"}, width="20")  # no maxlength: it cuts off spaced numbers
        return ResidentIdField(validators=[validate_resident_id], widget=widget, **kwargs)

    def account_value(self, fdef, applicant):
        if fdef.from_account == "resident_id" and applicant is not None and applicant.resident_id_encrypted:
            return applicant.resident_id
        return None

    def to_storage(self, fdef, value):
        return {"encrypted": crypto.encrypt(value)} if value else None

    def to_initial(self, fdef, stored):
        return self.clear(stored)

    @staticmethod
    def clear(stored):
        if isinstance(stored, dict) and stored.get("encrypted"):
            return crypto.decrypt(stored["encrypted"])
        return stored or ""

    def display(self, fdef, stored, ctx):
        return crypto.mask_resident_id(self.clear(stored))


class PhoneField(forms.CharField):
    def to_python(self, value):
        return normalise_mobile(super().to_python(value))


class PhoneType(FieldType):
    key, name = "phone", _("Mobile phone number")

    def form_field(self, fdef, ctx):
        widget = a11y.TextInput({"autocomplete": fdef.autocomplete or "tel-national"}, width="20")
        widget.input_type = "tel"
        return PhoneField(validators=[validate_mobile], widget=widget, **_common(fdef, self.required_message))

    def from_register(self, fdef, value):
        text = super().from_register(fdef, value)
        return normalise_mobile(text) if text else None


class EmailType(FieldType):
    key, name = "email", _("E-mail address")

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        kwargs["error_messages"]["invalid"] = gettext(
            "Enter an e-mail address in the correct format, like name@example.com"
        )
        return forms.EmailField(widget=a11y.EmailInput({"autocomplete": "email"}), **kwargs)


class AddressType(FieldType):
    key, name = "address", _("Address in the province")

    def form_field(self, fdef, ctx):
        places = ctx.places if ctx.places is not None else regions.cities()
        kwargs = _common(fdef, self.required_message)
        kwargs.pop("error_messages")
        return a11y.AddressField(
            city_choices=regions.city_choices(places),
            district_choices=regions.district_choices(places),
            province_name=regions.province_name(),
            consistent=lambda city, district: regions.address_is_consistent(city, district, places),
            **kwargs,
        )

    def display(self, fdef, stored, ctx):
        if not isinstance(stored, dict):
            return ""
        city, district = regions.names_for(stored.get("city"), stored.get("district"), ctx.places)
        return " ".join(part for part in (regions.province_name(), city, district, stored.get("line", "")) if part)

    def from_register(self, fdef, value):
        """{"district" (or "region_code"): a 6-digit district code, "line": the street address}."""
        if not isinstance(value, dict):
            return None
        district = str(value.get("district") or value.get("region_code") or "")
        line = str(value.get("line") or "").strip()
        if len(district) != 6 or not district.isdigit() or not line:
            return None
        return {"city": district[:4] + "00", "district": district, "line": line}


class MoneyType(FieldType):
    key, name = "money", _("Amount of money")

    def form_field(self, fdef, ctx):
        return a11y.MoneyField(
            min_value=fdef.min_value, max_value=fdef.max_value, **_common(fdef, self.required_message)
        )

    def to_storage(self, fdef, value):
        return str(value) if value is not None else None

    def display(self, fdef, stored, ctx):
        return local_money(Decimal(stored)) if stored else ""

    def from_register(self, fdef, value):
        try:
            amount = Decimal(str(value).strip())
        except (ArithmeticError, ValueError):
            return None
        return str(amount.quantize(Decimal("0.01"))) if amount.is_finite() else None


class UploadField(forms.FileField):
    """One file per submission; `existing` files already attached count towards `required`."""

    def __init__(self, *, fdef, existing, **kwargs):
        self.fdef, self.existing = fdef, existing
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if not data:
            if self.required and not self.existing:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if len(self.existing) >= max(self.fdef.max_files, 1):
            raise ValidationError(
                gettext("You can upload at most %(n)s files here. Remove one before adding another")
                % {"n": max(self.fdef.max_files, 1)},
                code="too_many",
            )
        problem = uploads.upload_problem(
            data,
            allowed=self.fdef.allowed_types or uploads.DEFAULT_ALLOWED,
            max_size_mb=self.fdef.max_size_mb or uploads.DEFAULT_MAX_SIZE_MB,
        )
        if problem:
            raise ValidationError(problem, code="invalid_file")
        return data


class FileType(FieldType):
    key, name = "file", _("File upload")
    is_file = True
    register_ok = False
    required_message = _("Upload %(label)s")

    def form_field(self, fdef, ctx):
        kinds = fdef.allowed_types or uploads.DEFAULT_ALLOWED
        kwargs = _common(fdef, self.required_message)
        size = fdef.max_size_mb or uploads.DEFAULT_MAX_SIZE_MB
        rule = gettext("%(types)s, smaller than %(size)s MB.") % {
            "types": uploads.kinds_label(kinds),
            "size": f"{size:g}",
        }
        kwargs["help_text"] = f"{kwargs['help_text']} {rule}".strip()
        kwargs["required"] = fdef.required
        return UploadField(
            fdef=fdef,
            existing=ctx.documents.get(fdef.key, []),
            widget=a11y.FileInput({"accept": uploads.accept_attribute(kinds)}),
            **kwargs,
        )

    def to_storage(self, fdef, value):
        return value  # the list of document ids is kept by the service, not the form

    def display(self, fdef, stored, ctx):
        return "\n".join(document.original_name for document in ctx.documents.get(fdef.key, []))


class DeclarationType(FieldType):
    key, name = "declaration", _("Declaration (tick to confirm)")
    register_ok = False  # only the applicant can declare
    required_message = _("Tick the box to confirm: %(label)s")

    def form_field(self, fdef, ctx):
        kwargs = _common(fdef, self.required_message)
        kwargs["error_messages"]["required"] = gettext("Tick the box to confirm the declaration")
        return forms.BooleanField(widget=a11y.Checkbox, **kwargs)

    def display(self, fdef, stored, ctx):
        return gettext("Confirmed") if stored else ""


FIELD_TYPES = {
    field_type.key: field_type
    for field_type in (
        TextType(),
        NameType(),
        TextareaType(),
        NumberType(),
        DateType(),
        ChoiceType(),
        MultipleChoiceType(),
        YesNoType(),
        ResidentIdType(),
        PhoneType(),
        EmailType(),
        AddressType(),
        MoneyType(),
        BankAccountType(),
        FileType(),
        DeclarationType(),
    )
}
ACCOUNT_SOURCES = {
    "": _("Nothing"),
    "real_name": _("Real name"),
    "resident_id": _("Resident ID number"),
    "birth_date": _("Date of birth (from the ID number)"),
    "phone": _("Mobile phone"),
    "email": _("E-mail address"),
    "address": _("Address"),
}


def field_type(key):
    return FIELD_TYPES[key]
