"""Flow definitions: what an application asks, step by step. One shape for every flow, whether an
editor built it in the Wagtail admin or a developer wrote it in code (registry.py); both are stored as
JSON in a FlowVersion and read back into these dataclasses.

Text shown to citizens is a {language code: text} dict (content, translated by editors), or a plain
string. Conditions (`show_if`, all must hold) refer only to earlier questions: a step's to questions of
earlier steps; a question's to those and to the questions before it in its own step. Every page works
without JavaScript: a question revealed by an answer on the same page is asked when that page is saved
(or, in elder mode, one question per page, on the next page).

A question may be filled in from the applicant's account (`from_account`, an account attribute, confirmed on the
page) or, with the applicant's consent asked on the step, from a public register (`register`:
{"plugin": a public register's id, "attribute": one of its attributes}; see hooks.public_registers).

A choice question may take its answers from a maintained reference list (`reference`: "banks", see
reference_lists.py) instead of, or before, its own options.

A flow may declare cross-field rules (`rules`): one answer compared with another (a discharge date on or after
the admission date; an amount not more than another). The engine checks them whenever either answer is given
(StepForm.clean): the error goes on `field` with `message` when that question is on the page, else on `other`
with `other_message` (elder mode asks one question per page, and a Change link may reopen either). Rules are
defined in code only: the Wagtail flow editor does not edit them yet.
"""

import datetime
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import reference_lists
from .field_types import FIELD_TYPES
from .hooks import public_registers
from .text import localised

LANGUAGES = ("zh-hans", "en")


def t(en, zh):
    """Bilingual content for code-defined flows: t("English", "中文")."""
    return {"en": en, "zh-hans": zh}


OPERATORS = {
    "equals": _("is"),
    "not_equals": _("is not"),
    "in": _("is one of"),
    "not_in": _("is none of"),
    "contains": _("includes"),
    "answered": _("has an answer"),
    "not_answered": _("has no answer"),
    "gte": _("is at least"),
    "lte": _("is at most"),
}


def _is_answered(value):
    return value not in (None, "", [], {}, False)


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Condition:
    field: str
    op: str = "equals"
    value: Any = None

    def holds(self, answers):
        answer = answers.get(self.field)
        op = self.op
        if op == "answered":
            return _is_answered(answer)
        if op == "not_answered":
            return not _is_answered(answer)
        if op == "equals":
            return answer == self.value or (isinstance(answer, bool) and str(answer).lower() == str(self.value).lower())
        if op == "not_equals":
            return not Condition(self.field, "equals", self.value).holds(answers)
        if op == "in":
            return answer in (self.value or [])
        if op == "not_in":
            return answer not in (self.value or [])
        if op == "contains":
            return isinstance(answer, list) and self.value in answer
        if op in ("gte", "lte"):
            left, right = _number(answer), _number(self.value)
            if left is None or right is None:
                return False
            return left >= right if op == "gte" else left <= right
        raise ValueError(f"unknown operator {op!r}")

    @classmethod
    def from_dict(cls, data):
        return cls(field=data["field"], op=data.get("op", "equals"), value=data.get("value"))


def conditions_hold(conditions, answers):
    return all(condition.holds(answers) for condition in conditions)


@dataclass
class Option:
    value: str
    label: Any

    @classmethod
    def from_dict(cls, data):
        return cls(value=str(data["value"]), label=data.get("label") or data["value"])


@dataclass
class FieldDef:
    key: str
    type: str
    label: Any
    hint: Any = None
    required: bool = True
    options: list = field(default_factory=list)
    show_if: list = field(default_factory=list)
    from_account: str = ""  # real_name, resident_id, phone, email, address: known from the account, confirmed
    register: dict = field(default_factory=dict)  # {"plugin", "attribute"}: a public register, with consent
    answered_by: str = ""  # "acting_for": answered by who applies (channel_notes.ANSWERED_BY), shown and never asked
    autocomplete: str = ""
    min_value: Any = None
    max_value: Any = None
    max_length: int | None = None
    date_rule: str = ""  # "past", "future" or "" (any)
    allowed_types: list = field(default_factory=list)  # for files: pdf, jpeg, png
    max_size_mb: float | None = None
    max_files: int = 1
    reference: str = ""  # a reference list the options come from (reference_lists.py): "banks"
    material: str = ""  # for an upload: the code of the service's material it collects (ServiceMaterial.code)

    @classmethod
    def from_dict(cls, data):
        data = dict(data)
        data["options"] = [Option.from_dict(option) for option in data.get("options") or []]
        data["show_if"] = [Condition.from_dict(c) for c in data.get("show_if") or []]
        data["register"] = register_source(data.get("register"))
        known = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in data.items() if key in known})

    @property
    def register_plugin(self):
        return (self.register or {}).get("plugin", "")

    @property
    def register_attribute(self):
        return (self.register or {}).get("attribute", "")


def register_source(value):
    """{"plugin", "attribute"} from a dict or from the editor's "plugin:attribute" string; {} for none."""
    if isinstance(value, str):
        plugin, _sep, attribute = value.partition(":")
        value = {"plugin": plugin, "attribute": attribute}
    if not isinstance(value, dict) or not value.get("plugin") or not value.get("attribute"):
        return {}
    return {"plugin": str(value["plugin"]), "attribute": str(value["attribute"])}


@dataclass
class StepDef:
    key: str
    title: Any
    fields: list = field(default_factory=list)
    description: Any = None
    show_if: list = field(default_factory=list)

    @classmethod
    def from_dict(cls, data):
        return cls(
            key=data["key"],
            title=data["title"],
            description=data.get("description"),
            fields=[FieldDef.from_dict(f) for f in data.get("fields") or []],
            show_if=[Condition.from_dict(c) for c in data.get("show_if") or []],
        )


RULE_OPERATORS = ("gte", "lte", "gt", "lt")  # the first answer is on or after (not less than) the other, ...


def _comparable(value):
    """A stored answer as something to compare: a date (ISO string) or a number (amounts are strings)."""
    if value in (None, "", [], {}):
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


@dataclass
class RuleDef:
    """`field` must be `op` (gte, lte, gt, lt) the answer to `other`; checked only when both are answered."""

    field: str
    op: str
    other: str
    message: Any = None
    other_message: Any = None

    @classmethod
    def from_dict(cls, data):
        return cls(
            field=data["field"],
            op=data.get("op", "gte"),
            other=data["other"],
            message=data.get("message"),
            other_message=data.get("other_message"),
        )

    def broken(self, answers):
        left, right = _comparable(answers.get(self.field)), _comparable(answers.get(self.other))
        if left is None or right is None or type(left) is not type(right):
            return False
        holds = {"gte": left >= right, "lte": left <= right, "gt": left > right, "lt": left < right}[self.op]
        return not holds


TASK_LIST_THRESHOLD = 8  # flows with this many steps or more show a task list


@dataclass
class FlowDef:
    key: str
    title: Any
    steps: list = field(default_factory=list)
    estimated_minutes: int = 10
    declaration: Any = None
    next_steps: Any = None
    task_list: bool | None = None
    rules: list = field(default_factory=list)

    @classmethod
    def from_dict(cls, data):
        return cls(
            key=data["key"],
            title=data["title"],
            steps=[StepDef.from_dict(s) for s in data.get("steps") or []],
            estimated_minutes=data.get("estimated_minutes") or 10,
            declaration=data.get("declaration"),
            next_steps=data.get("next_steps"),
            task_list=data.get("task_list"),
            rules=[RuleDef.from_dict(rule) for rule in data.get("rules") or []],
        )

    def to_dict(self):
        return asdict(self)

    # Navigation -----------------------------------------------------------------------------------
    @property
    def uses_task_list(self):
        return self.task_list if self.task_list is not None else len(self.steps) >= TASK_LIST_THRESHOLD

    def step(self, key):
        return next((step for step in self.steps if step.key == key), None)

    def step_of(self, field_key):
        """The step that asks the question `field_key`, or None."""
        return next((step for step in self.steps if any(f.key == field_key for f in step.fields)), None)

    def field(self, key):
        for step in self.steps:
            for field_def in step.fields:
                if field_def.key == key:
                    return field_def
        return None

    def materials(self):
        """{material code: question key} of the upload questions that say which of the service's materials they
        collect (the catalogue's flow_material_codes reads the same from a stored definition)."""
        return {
            field_def.material: field_def.key for step in self.steps for field_def in step.fields if field_def.material
        }

    def effective_answers(self, answers):
        """The answers that count: those to fields the applicant can see, given the answers before them.
        An answer left behind on a step or field that a later change hid is ignored."""
        effective = {}
        for step in self.steps:
            if not conditions_hold(step.show_if, effective):
                continue
            for field_def in step.fields:
                if field_def.key in answers and conditions_hold(field_def.show_if, effective):
                    effective[field_def.key] = answers[field_def.key]
        return effective

    def visible_steps(self, answers):
        effective, visible = {}, []
        for step in self.steps:
            if not conditions_hold(step.show_if, effective):
                continue
            visible.append(step)
            for field_def in step.fields:
                if field_def.key in answers and conditions_hold(field_def.show_if, effective):
                    effective[field_def.key] = answers[field_def.key]
        return visible

    def visible_fields(self, step, answers):
        effective = self.effective_answers(answers)
        return [field_def for field_def in step.fields if conditions_hold(field_def.show_if, effective)]

    def rule_errors(self, answers, asked=None):
        """{question key: message} for the cross-field rules the answers break, counting only the answers
        that count (effective_answers). With `asked` (the keys of the questions on a page), only rules that
        involve one of them, each error put on a question of the page: `field` when it is there, else `other`."""
        effective = self.effective_answers(answers)
        errors = {}
        for rule in self.rules:
            if asked is not None and rule.field not in asked and rule.other not in asked:
                continue
            if not rule.broken(effective):
                continue
            if asked is None or rule.field in asked:
                errors.setdefault(rule.field, self._rule_message(rule, rule.message, rule.field, rule.other))
            else:
                errors.setdefault(
                    rule.other, self._rule_message(rule, rule.other_message or rule.message, rule.other, rule.field)
                )
        return errors

    def _rule_message(self, rule, message, key, other_key):
        if message:
            return localised(message)
        this, other = self.field(key), self.field(other_key)
        return str(
            _("%(label)s does not agree with your answer to “%(other)s”")
            % {"label": localised(this.label) if this else key, "other": localised(other.label) if other else other_key}
        )


def flow_problems(flow, field_types=None):
    """What is wrong with a definition, as a list of messages; empty when it can be published."""
    field_types = field_types or FIELD_TYPES
    problems, seen_steps, earlier_fields, all_fields = [], set(), set(), set()
    if not flow.steps:
        problems.append(_("A flow needs at least one step."))
    for step in flow.steps:
        if step.key in seen_steps:
            problems.append(_("Two steps have the key “%(key)s”.") % {"key": step.key})
        seen_steps.add(step.key)
        if not step.fields:
            problems.append(_("Step “%(key)s” has no questions.") % {"key": step.key})
        for condition in step.show_if:
            if condition.field not in earlier_fields:
                problems.append(
                    _("Step “%(step)s” depends on “%(field)s”, which is not asked in an earlier step.")
                    % {"step": step.key, "field": condition.field}
                )
        asked_before = set(earlier_fields)  # earlier steps, then the questions before this one in the step
        for field_def in step.fields:
            if field_def.key in all_fields:
                problems.append(_("Two questions have the key “%(key)s”.") % {"key": field_def.key})
            all_fields.add(field_def.key)
            if field_def.type not in field_types:
                problems.append(
                    _("Question “%(key)s” has an unknown type “%(type)s”.")
                    % {"key": field_def.key, "type": field_def.type}
                )
            elif field_def.reference and not field_types[field_def.type].needs_options:
                problems.append(_("Question “%(key)s” cannot take its answers from a list.") % {"key": field_def.key})
            elif field_def.reference and field_def.reference not in reference_lists.names():
                problems.append(
                    _("Question “%(key)s” names an unknown list “%(list)s”.")
                    % {"key": field_def.key, "list": field_def.reference}
                )
            elif field_types[field_def.type].needs_options and not (field_def.options or field_def.reference):
                problems.append(_("Question “%(key)s” needs options to choose from.") % {"key": field_def.key})
            for condition in field_def.show_if:
                if condition.field not in asked_before:
                    problems.append(
                        _("Question “%(key)s” depends on “%(field)s”, which is not asked before it.")
                        % {"key": field_def.key, "field": condition.field}
                    )
            for condition in [*step.show_if, *field_def.show_if]:
                if condition.op not in OPERATORS:
                    problems.append(_("Unknown condition “%(op)s”.") % {"op": condition.op})
            if field_def.material and field_def.type in field_types and not field_types[field_def.type].is_file:
                problems.append(
                    _("Question “%(key)s” names a material, but only an upload question collects one.")
                    % {"key": field_def.key}
                )
            if field_def.register and field_def.type in field_types:
                problems.extend(_register_problems(field_def, field_types[field_def.type]))
            asked_before.add(field_def.key)
        earlier_fields |= {field_def.key for field_def in step.fields}
    problems.extend(_next_steps_problems(flow.next_steps))
    for rule in flow.rules:
        if rule.op not in RULE_OPERATORS:
            problems.append(_("Unknown comparison “%(op)s” in a rule.") % {"op": rule.op})
        for key in (rule.field, rule.other):
            if key not in all_fields:
                problems.append(_("A rule compares “%(key)s”, which is not a question of the flow.") % {"key": key})
    return [str(problem) for problem in problems]


# A number of days, as an editor would write it in either language: 10个工作日, 3日内, 5 working days, 2 days.
STATED_DAYS = re.compile(r"\d+\s*(个)?(工作日|自然日|日|天)|\d+\s*(working\s+|calendar\s+)?days?\b", re.IGNORECASE)


def _next_steps_problems(next_steps):
    """What happens next must not say how long it takes: the time limits are the service page's, and one flow may
    serve services that promise different ones (the confirmation and receipt show the service's own)."""
    texts = next_steps.values() if isinstance(next_steps, dict) else [next_steps or ""]
    if any(STATED_DAYS.search(text or "") for text in texts):
        return [
            _(
                "“What happens next” states a number of days. Leave it out: the confirmation and the receipt show "
                "the time limit from the service page."
            )
        ]
    return []


def _register_problems(field_def, field_type):
    if not field_type.register_ok:
        return [_("Question “%(key)s” cannot be filled in from a register.") % {"key": field_def.key}]
    register = public_registers().get(field_def.register_plugin)
    if register is None:
        return [
            _("Question “%(key)s” names an unknown register “%(register)s”.")
            % {"key": field_def.key, "register": field_def.register_plugin}
        ]
    if field_def.register_attribute not in register.attributes:
        return [
            _("The register “%(register)s” does not know “%(attribute)s” (question “%(key)s”).")
            % {"register": field_def.register_plugin, "attribute": field_def.register_attribute, "key": field_def.key}
        ]
    return []
