"""The one accessible form renderer: every form on the portal is drawn by these templates
(accessibility/templates/accessibility/), never by hand.

GOV.UK Design System patterns: a label (or a legend for groups) above its hint and error message;
`aria-describedby` links an input, or its fieldset, to both; radios, checkboxes, date parts and
addresses are fieldsets; no HTML5 `required` (the server's messages are clearer and consistent);
errors are summarised at the top of the page (accessibility/error_summary.html via `form.error_summary`).

A form may also say where a field's starting value came from (`form.source_notes`, {field name: text}, for
example a public register): the note is shown under the hint and is part of the field's description. And it
may make one field's label (or legend) the page's heading (`form.page_heading`, a field name), for pages that
ask one question.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from . import validators


class AccessibleBoundField(BoundField):
    @property
    def aria_describedby(self):
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(f"{self.auto_id}_helptext")
            if self.source_note:
                ids.append(f"{self.auto_id}_source")
            if self.errors:
                ids.append(f"{self.auto_id}_error")
        return " ".join(ids)

    @property
    def error_anchor(self):
        """Where an error-summary link takes focus: the input itself, or the first in a group."""
        if isinstance(self.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{self.auto_id}_0"
        return self.id_for_label or self.auto_id

    @property
    def is_checkbox(self):
        return isinstance(self.field.widget, forms.CheckboxInput)

    @property
    def is_read_only_value(self):
        return isinstance(self.field.widget, ReadOnlyValue)

    @property
    def source_note(self):
        """Where the value shown came from ("From the household register, looked up on …"), or ""."""
        return (getattr(self.form, "source_notes", None) or {}).get(self.name, "")

    @property
    def is_page_heading(self):
        return getattr(self.form, "page_heading", None) == self.name


class AccessibleFormRenderer(DjangoTemplates):
    form_template_name = "accessibility/forms/form.html"
    field_template_name = "accessibility/forms/field.html"
    bound_field_class = AccessibleBoundField


class AccessibleFormMixin:
    """Mix into any Form or ModelForm."""

    default_renderer = AccessibleFormRenderer
    use_required_attribute = False
    template_name = "accessibility/forms/form.html"
    source_notes = {}  # field name -> where its starting value came from
    page_heading = None  # the name of the field whose label is the page's h1

    @property
    def error_summary(self):
        """[{"href": "#id", "message": text}] in the order of the fields, non-field errors first."""
        if not self.is_bound or not self.errors:
            return []
        items = [{"href": f"#{self.non_field_anchor}", "message": error} for error in self.non_field_errors()]
        for bound_field in self:
            for error in bound_field.errors:
                items.append({"href": f"#{bound_field.error_anchor}", "message": error})
        return items

    @property
    def non_field_anchor(self):
        first = next(iter(self), None)
        return first.error_anchor if first is not None else "main"


def lower_first(text):
    """'Your date of birth' -> 'your date of birth' for the middle of a sentence; 'ID number' stays."""
    text = str(text or "")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def error_summary(*forms_):
    return [item for form in forms_ if form is not None for item in form.error_summary]


class AccessibleForm(AccessibleFormMixin, forms.Form):
    pass


# Widgets -----------------------------------------------------------------------------------------------


class TextInput(forms.TextInput):
    template_name = "accessibility/widgets/input.html"

    def __init__(self, attrs=None, prefix="", suffix="", width=""):
        attrs = {"class": "input" + (f" input--{width}" if width else ""), "spellcheck": "false", **(attrs or {})}
        super().__init__(attrs)
        self.prefix, self.suffix = prefix, suffix

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["prefix"], context["widget"]["suffix"] = self.prefix, self.suffix
        return context


class EmailInput(TextInput):
    input_type = "email"


class PasswordInput(forms.PasswordInput):
    template_name = "accessibility/widgets/input.html"

    def __init__(self, attrs=None, render_value=False):
        super().__init__({"class": "input", "spellcheck": "false", **(attrs or {})}, render_value=render_value)


class Textarea(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__({"class": "textarea", "rows": 5, **(attrs or {})})


class Select(forms.Select):
    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "select", **(attrs or {})}, choices)


class Radios(forms.RadioSelect):
    template_name = "accessibility/widgets/radios.html"
    option_template_name = "accessibility/widgets/choice_option.html"

    def __init__(self, attrs=None, choices=(), inline=False):
        super().__init__(attrs, choices)
        self.inline = inline

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["inline"] = self.inline
        return context


class Checkboxes(forms.CheckboxSelectMultiple):
    template_name = "accessibility/widgets/checkboxes.html"
    option_template_name = "accessibility/widgets/choice_option.html"


class Checkbox(forms.CheckboxInput):
    """A single checkbox (a declaration or a yes/no consent); the field template puts its label beside it."""

    def __init__(self, attrs=None, check_test=None):
        super().__init__({"class": "choice__input", **(attrs or {})}, check_test)


class FileInput(forms.ClearableFileInput):
    template_name = "accessibility/widgets/file.html"

    def __init__(self, attrs=None):
        super().__init__({"class": "file-input", **(attrs or {})})

    def format_value(self, value):
        return None  # a browser cannot be told which file to send again


class ReadOnlyValue(forms.Widget):
    """Shows what the portal already knows (for example a masked ID number) instead of asking again."""

    template_name = "accessibility/widgets/read_only.html"

    def __init__(self, display="", note="", attrs=None):
        super().__init__(attrs)
        self.display, self.note = display, note

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["display"], context["widget"]["note"] = self.display, self.note
        return context

    def value_from_datadict(self, data, files, name):
        return None


class DateParts(forms.MultiWidget):
    """Year, month and day as three short text boxes in one fieldset (GOV.UK date input)."""

    template_name = "accessibility/widgets/date.html"
    use_fieldset = True

    def __init__(self, attrs=None, autocomplete_prefix=""):
        def part(width, autocomplete):
            part_attrs = {"class": f"input input--{width}", "inputmode": "numeric", "spellcheck": "false"}
            if autocomplete_prefix:
                part_attrs["autocomplete"] = f"{autocomplete_prefix}-{autocomplete}"
            return forms.TextInput(part_attrs)

        super().__init__([part("4", "year"), part("2", "month"), part("2", "day")], attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.date):
            return [value.year, value.month, value.day]
        return [None, None, None]

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_


def district_groups(city_choices, district_choices):
    """[(city code, city name, [(district code, label)])]: the districts grouped under their city (matched by the
    group's label, the city's name), each labelled with its city too where the same district name is used in
    another city (市中区 in 济南 and in 枣庄), because a list narrowed to one city, or read by a screen reader
    that does not announce groups, would otherwise offer two identical names."""
    by_name = {str(name): code for code, name in city_choices}
    groups = [(by_name.get(str(city), ""), str(city), list(districts)) for city, districts in district_choices]
    counts = {}
    for _code, _city, districts in groups:
        for _district_code, name in districts:
            counts[str(name)] = counts.get(str(name), 0) + 1
    labelled = []
    for code, city, districts in groups:
        labelled.append(
            (
                code,
                city,
                [
                    (
                        district_code,
                        _("%(district)s (%(city)s)") % {"district": name, "city": city}
                        if counts[str(name)] > 1
                        else str(name),
                    )
                    for district_code, name in districts
                ],
            )
        )
    return labelled


class Address(forms.MultiWidget):
    """Province (fixed), city, district and street in one fieldset. Without JavaScript, the district list is
    grouped by city until a city is chosen, then (on the next page shown) narrowed to that city's districts;
    the server checks that the two belong together. With JavaScript (static/js/address.js) the list is
    narrowed in place as soon as the city changes, from the full list kept in a <template>."""

    template_name = "accessibility/widgets/address.html"
    use_fieldset = True

    def __init__(self, city_choices=(), district_choices=(), province_name="", attrs=None):
        self.province_name = province_name
        self.groups = district_groups(city_choices, district_choices)
        widgets = [
            forms.Select(
                attrs={"class": "select", "autocomplete": "address-level2"},
                choices=[("", _("Choose a city")), *city_choices],
            ),
            forms.Select(attrs={"class": "select", "autocomplete": "address-level3"}, choices=self.all_districts()),
            forms.TextInput(attrs={"class": "input", "autocomplete": "address-line1"}),
        ]
        super().__init__(widgets, attrs)

    def all_districts(self):
        return [("", _("Choose a district or county")), *[(city, districts) for _code, city, districts in self.groups]]

    def districts_of(self, city_code):
        for code, _city, districts in self.groups:
            if code and code == city_code:
                return [("", _("Choose a district or county")), *districts]
        return self.all_districts()

    def get_context(self, name, value, attrs):
        values = value if isinstance(value, list | tuple) else self.decompress(value)
        city = str(values[0] or "") if values else ""
        self.widgets[1].choices = self.districts_of(city)
        context = super().get_context(name, value, attrs)
        context["widget"]["province_name"] = self.province_name
        context["widget"]["district_groups"] = self.groups
        return context

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("city"), value.get("district"), value.get("line")]
        return [None, None, None]

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_


# Fields ------------------------------------------------------------------------------------------------


class TextField(forms.CharField):
    """A CharField whose length is checked by the server, with a message, and never by a `maxlength` in the
    browser: maxlength silently cuts off what is pasted or typed with spaces (a card number, an ID number
    written in groups), and what is cut off then passes validation."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs.pop("minlength", None)
        return attrs


class PersonNameField(TextField):
    """A person's name: Chinese (with · for minority names) or Latin (foreign residents); validators.py."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", TextInput({"autocomplete": "name"}, width="20"))
        super().__init__(**kwargs)

    def to_python(self, value):
        return validators.normalise_person_name(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        problem = validators.person_name_problem(value, self.label)
        if problem:
            raise ValidationError(problem, code="invalid_name")


class BankAccountField(TextField):
    """A bank card number as printed, with spaces or hyphens: kept as its digits, 16 to 19 of them, with the
    check digit checked where the card has one; shown back in groups of four."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", TextInput({"inputmode": "numeric", "autocomplete": "off"}, width="20"))
        super().__init__(**kwargs)

    def to_python(self, value):
        return validators.normalise_bank_account(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        problem = validators.bank_account_problem(value, self.label)
        if problem:
            raise ValidationError(problem, code="invalid_bank_account")


class DatePartsField(forms.MultiValueField):
    """A date from three parts, with GOV.UK's messages: what is missing, or that it is not a real date."""

    widget = DateParts

    def __init__(self, *, label="", date_rule="", autocomplete_prefix="", **kwargs):
        self.date_rule = date_rule
        part = forms.CharField(required=False)
        kwargs.setdefault("widget", DateParts(autocomplete_prefix=autocomplete_prefix))
        super().__init__(fields=[part, part, part], require_all_fields=False, label=label, **kwargs)

    def clean(self, value):
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        label = self.label
        if not any(parts):
            if self.required:
                raise ValidationError(_("Enter %(label)s") % {"label": lower_first(label)}, code="required")
            return None
        names = [_("a year"), _("a month"), _("a day")]
        missing = [str(name) for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            parts_missing = _(" and ").join(missing)
            raise ValidationError(
                _("%(label)s must include %(parts)s") % {"label": label, "parts": parts_missing}, code="incomplete"
            )
        if not all(re.fullmatch(r"\d{1,4}", part) for part in parts) or len(parts[0]) != 4:
            raise ValidationError(
                _("%(label)s must be a real date, with a 4-digit year") % {"label": label}, code="invalid"
            )
        try:
            value = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            raise ValidationError(_("%(label)s must be a real date") % {"label": label}, code="invalid") from None
        today = datetime.date.today()
        if self.date_rule == "past" and value > today:
            raise ValidationError(_("%(label)s must be today or in the past") % {"label": label}, code="future")
        if self.date_rule == "future" and value < today:
            raise ValidationError(_("%(label)s must be today or in the future") % {"label": label}, code="past")
        if value.year < 1900:
            raise ValidationError(_("%(label)s must be after 1900") % {"label": label}, code="too_early")
        return value

    def compress(self, data_list):  # clean() does the work
        return data_list


class AddressField(forms.MultiValueField):
    def __init__(self, *, label="", city_choices=(), district_choices=(), province_name="", consistent=None, **kwargs):
        self.consistent = consistent
        kwargs.setdefault("widget", Address(city_choices, district_choices, province_name))
        part = forms.CharField(required=False)
        super().__init__(fields=[part, part, part], require_all_fields=False, label=label, **kwargs)

    def clean(self, value):
        city, district, line = [str(v or "").strip() for v in (value or ["", "", ""])]
        if not (city or district or line):
            if self.required:
                raise ValidationError(_("Enter %(label)s") % {"label": lower_first(self.label)}, code="required")
            return None
        errors = []
        if not city:
            errors.append(ValidationError(_("Choose the city"), code="city"))
        if not district:
            errors.append(ValidationError(_("Choose the district or county"), code="district"))
        if not line:
            errors.append(ValidationError(_("Enter the street, building and flat or house number"), code="line"))
        elif len(line) > 200:
            errors.append(ValidationError(_("The street address must be 200 characters or fewer"), code="line"))
        if not errors and self.consistent and not self.consistent(city, district):
            errors.append(ValidationError(_("The district you chose is not in the city you chose"), code="mismatch"))
        if errors:
            raise ValidationError(errors)
        return {"city": city, "district": district, "line": line}

    def compress(self, data_list):
        return data_list


class MoneyField(forms.CharField):
    """Yuan and fen, entered as text (never type=number): '1200', '1,200.50' or '¥1200'."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        self.min_value = Decimal(str(min_value)) if min_value is not None else Decimal("0")
        self.max_value = Decimal(str(max_value)) if max_value is not None else None
        kwargs.setdefault("widget", TextInput({"inputmode": "decimal"}, prefix="¥", width="10"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        text = re.sub(r"[\s,，¥￥元]", "", value)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                _("%(label)s must be an amount of money, like 1200 or 1200.50") % {"label": self.label}, code="invalid"
            ) from None
        if not amount.is_finite() or amount.as_tuple().exponent < -2:
            raise ValidationError(
                _("%(label)s must be in yuan and fen, with at most 2 decimal places") % {"label": self.label},
                code="invalid",
            )
        if amount < self.min_value:
            raise ValidationError(
                _("%(label)s must be ¥%(min)s or more") % {"label": self.label, "min": self.min_value}, code="min"
            )
        if self.max_value is not None and amount > self.max_value:
            raise ValidationError(
                _("%(label)s must be ¥%(max)s or less") % {"label": self.label, "max": self.max_value}, code="max"
            )
        return amount.quantize(Decimal("0.01"))


class WholeNumberField(forms.CharField):
    """A whole number entered as text with inputmode=numeric (GOV.UK avoids type=number)."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        kwargs.setdefault("widget", TextInput({"inputmode": "numeric"}, width="10"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        text = re.sub(r"[\s,，]", "", value)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise ValidationError(_("%(label)s must be a whole number, like 3") % {"label": self.label}, code="invalid")
        number = int(text)
        if self.min_value is not None and number < int(self.min_value):
            raise ValidationError(
                _("%(label)s must be %(min)s or more") % {"label": self.label, "min": self.min_value}, code="min"
            )
        if self.max_value is not None and number > int(self.max_value):
            raise ValidationError(
                _("%(label)s must be %(max)s or less") % {"label": self.label, "max": self.max_value}, code="max"
            )
        return number
