"""Forms built from a flow step's definition, drawn by the accessible renderer."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility.forms import AccessibleForm, Checkbox

from .definitions import localised
from .field_types import FIELD_TYPES


class StepForm(AccessibleForm):
    """The questions of one step. `version` carries the optimistic lock through the round trip."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, flow, step, answers, context, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.field_defs = flow.visible_fields(step, answers)
        for field_def in self.field_defs:
            field_type = FIELD_TYPES[field_def.type]
            self.fields[field_def.key] = field_type.form_field(field_def, context)
            if self.fields[field_def.key].disabled:
                continue
            if field_def.key in answers and not field_type.is_file:
                self.initial[field_def.key] = field_type.to_initial(field_def, answers[field_def.key])
            else:
                known = field_type.prefill(field_def, context.applicant)
                if known is not None:
                    self.initial[field_def.key] = field_type.to_initial(field_def, known)
        self.order_fields([*[f.key for f in self.field_defs], "version"])


class DeclarationForm(AccessibleForm):
    declaration = forms.BooleanField(
        widget=Checkbox, error_messages={"required": _("Tick the box to confirm the declaration")})
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, declaration_text="", **kwargs):
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["declaration"].label = declaration_text or _(
            "I declare that the information I have given is true and complete.")


def declaration_text(flow):
    return localised(flow.declaration)


class ConfirmForm(AccessibleForm):
    """A form with nothing but the lock: withdraw, delete a draft, start."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
