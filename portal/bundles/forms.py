from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility.forms import AccessibleForm, Checkbox


class ChooseForm(AccessibleForm):
    """Which optional services to include: one checkbox each, labelled with the service and when to choose it."""

    def __init__(self, *args, optional=(), **kwargs):
        super().__init__(*args, **kwargs)
        for member in optional:
            self.fields[f"include_{member['service_code']}"] = forms.BooleanField(
                label=member["title"], help_text=member["condition"], required=False, widget=Checkbox
            )

    def chosen(self):
        return [name.removeprefix("include_") for name, value in self.cleaned_data.items() if value]


class SendForm(AccessibleForm):
    declaration = forms.BooleanField(
        label=_("I declare that the information I have given for every service is true and complete."),
        widget=Checkbox,
        error_messages={"required": _("Tick the box to confirm the declaration")},
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
