"""Forms built from a flow step's definition, drawn by the accessible renderer."""

import uuid

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accessibility.forms import AccessibleForm, Checkbox

from .definitions import localised
from .field_types import FIELD_TYPES
from .prefill import pending_values, prefill_meta, source_note, value_is_from_register


class StepForm(AccessibleForm):
    """The questions of one step (or, with `only`, of one question: elder mode asks one per page).
    `version` carries the optimistic lock through the round trip (a page that sends none is refused as stale).

    Starting values: the answer already given; else a value found in a public register that the applicant
    agreed to look up (shown with its source, prefill.py); else what the account knows. A question that
    depends on an earlier question of the same step is checked against the answer given on this page: when
    that answer hides it, whatever it holds is ignored."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, flow, step, answers, context, only=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.flow, self.step, self.answers, self.context = flow, step, answers, context
        visible = flow.visible_fields(step, answers)
        # A question the portal shows but does not ask (a known ID number) is kept with every question of the
        # step, unseen when another question has the page, so that saving any of them keeps its value.
        self.unrendered = set()
        if only is not None:
            shown_only = [f for f in visible if FIELD_TYPES[f.type].shown_read_only(f, context)]
            self.unrendered = {f.key for f in shown_only if f.key != only}
            visible = [f for f in visible if f.key == only or f.key in self.unrendered]
            self.page_heading = only
        self.field_defs = visible
        self.prefill_meta = prefill_meta(answers)
        pending = pending_values(answers)
        for field_def in self.field_defs:
            field_type = FIELD_TYPES[field_def.type]
            self.fields[field_def.key] = field_type.form_field(field_def, context)
            if self.fields[field_def.key].disabled:
                continue
            if field_def.key in answers and not field_type.is_file:
                self.initial[field_def.key] = field_type.to_initial(field_def, answers[field_def.key])
            elif field_def.key in pending:
                self.initial[field_def.key] = field_type.to_initial(field_def, pending[field_def.key])
            else:
                known = field_type.account_value(field_def, context.applicant)
                if known is not None:
                    self.initial[field_def.key] = field_type.to_initial(field_def, known)
        self.order_fields([*[f.key for f in self.field_defs], "version"])

    def clean(self):
        cleaned = super().clean()
        hidden = self.hidden_by_answers()
        for key in hidden:
            self.errors.pop(key, None)  # hidden by an answer on this page: not asked, so no error either
            cleaned.pop(key, None)
        self.check_rules(cleaned, hidden)
        return cleaned

    def check_rules(self, cleaned, hidden):
        """The flow's cross-field rules (definitions.RuleDef) that involve a question on this page, checked
        against the answers as they would be saved; the error goes on the question of the page the rule names.
        A rule one of whose answers on this page is already wrong waits until that answer is right."""
        asked = {f.key for f in self.field_defs if f.key not in self.unrendered and f.key not in hidden}
        if not asked or not self.flow.rules:
            return
        with_errors = {key for key in asked if key in self.errors}
        for key, message in self.flow.rule_errors(self.answers_with(cleaned), asked=asked).items():
            rule_keys = {
                key,
                *[r.other if r.field == key else r.field for r in self.flow.rules if key in (r.field, r.other)],
            }
            if rule_keys & with_errors:
                continue
            self.add_error(key, message)

    def answers_with(self, cleaned_data):
        """The draft's answers as they would be with `cleaned_data` saved (files aside)."""
        answers = dict(self.answers)
        for field_def in self.field_defs:
            field_type = FIELD_TYPES[field_def.type]
            if field_def.key in cleaned_data and not field_type.is_file:
                answers[field_def.key] = field_type.to_storage(field_def, cleaned_data[field_def.key])
        return answers

    def hidden_by_answers(self):
        """Keys of this form's questions that the answers given on it hide (a condition on the same step)."""
        if not any(field_def.show_if for field_def in self.field_defs):
            return set()
        now_visible = {f.key for f in self.flow.visible_fields(self.step, self.answers_with(self.cleaned_data))}
        return {field_def.key for field_def in self.field_defs if field_def.key not in now_visible}

    @cached_property
    def source_notes(self):
        """{question key: where its value came from} for the values that are still the register's: shown
        before the page is sent, and after it is sent only when the value sent is the register's."""
        notes = {}
        for field_def in self.field_defs:
            if field_def.key not in self.prefill_meta["sources"]:
                continue
            if self.is_bound:
                cleaned = getattr(self, "cleaned_data", {})
                if field_def.key not in cleaned or self.errors.get(field_def.key):
                    continue
                value = FIELD_TYPES[field_def.type].to_storage(field_def, cleaned[field_def.key])
            elif field_def.key in self.answers:
                value = self.answers[field_def.key]
            else:
                value = self.prefill_meta["pending"].get(field_def.key)
            if value_is_from_register(self.prefill_meta, field_def.key, value):
                notes[field_def.key] = source_note(self.prefill_meta, field_def.key)
        return notes

    def get_context(self):
        context = super().get_context()
        if self.unrendered:
            context["fields"] = [
                (bound, errors) for bound, errors in context["fields"] if bound.name not in self.unrendered
            ]
        return context


class DeclarationForm(AccessibleForm):
    declaration = forms.BooleanField(
        widget=Checkbox, error_messages={"required": _("Tick the box to confirm the declaration")}
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, declaration_text="", **kwargs):
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["declaration"].label = declaration_text or _(
            "I declare that the information I have given is true and complete."
        )


def declaration_text(flow):
    return localised(flow.declaration)


class ConfirmForm(AccessibleForm):
    """A form with nothing but the lock: withdraw, delete a draft, the look-up offer. A page that sends no version
    is refused like a stale one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
