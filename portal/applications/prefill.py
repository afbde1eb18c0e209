"""Once-only prefill from public registers, the engine's side (reads). A question may name a register
(FieldDef.register); when a step asks such questions and they are not answered yet, the step first asks the
applicant whether we may look them up (views.step). What they chose and what was found is kept on the draft,
under META_KEY in its answers (effective_answers and submission ignore it):

    {"declined": [plugin ids the applicant said no to: not offered again in this application],
     "asked": {question key: "found" | "not_found" | "failed" | "declined"},
     "pending": {question key: stored value found, the question's starting value until the step is saved},
     "sources": {question key: {"plugin", "at" (ISO time of the look-up), "digest" (of the value found)}}}

The write is services.application_prefill_decide(); the registers, and the look-up itself with its record the
applicant can see, are what another app registers (hooks.public_registers: connectors' prefill plugins)."""

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from accessibility.forms import lower_first
from portal.templatetags.portal_format import local_date

from .field_types import FIELD_TYPES
from .hooks import public_registers

META_KEY = "_prefill"


@dataclass
class PrefillDecision:
    """What came of the applicant's answer to the look-up offer (services.application_prefill_decide)."""

    filled: list[str] = field(default_factory=list)  # question keys now holding a value from a register
    not_found: list[str] = field(default_factory=list)  # question keys the register had no usable value for
    failed: list[str] = field(default_factory=list)  # register ids that could not be asked just now


def prefill_meta(answers):
    meta = (answers or {}).get(META_KEY) or {}
    return {
        "declined": list(meta.get("declined") or []),
        "asked": dict(meta.get("asked") or {}),
        "pending": dict(meta.get("pending") or {}),
        "sources": dict(meta.get("sources") or {}),
    }


def prefill_value_digest(value):
    """A keyed digest of a value found in a register: kept with the answer (never the value twice), it tells
    whether the applicant has changed it since."""
    key = hashlib.sha256(("prefill:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(
        key, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode(), hashlib.sha256
    ).hexdigest()


def register_label(plugin_id):
    register = public_registers().get(plugin_id)
    return str(register.label or plugin_id) if register is not None else plugin_id


def register_questions(flow, step, answers, context):
    """The questions of `step`, visible now, that a register can fill in."""
    return [
        field_def
        for field_def in flow.visible_fields(step, answers)
        if field_def.register
        and FIELD_TYPES[field_def.type].register_ok
        and not FIELD_TYPES[field_def.type].shown_read_only(field_def, context)
        and public_registers().get(field_def.register_plugin) is not None
    ]


def prefill_offer(flow, step, answers, context, on_page=None):
    """The questions of `step` to offer to look up now: never answered, never offered, from a register the
    applicant has not declined. With `on_page` (the keys of the questions on the page, in elder mode one),
    nothing is offered until the page asks one of them; the offer then covers the whole step."""
    meta = prefill_meta(answers)
    offer = [
        field_def
        for field_def in register_questions(flow, step, answers, context)
        if field_def.key not in answers
        and field_def.key not in meta["asked"]
        and field_def.register_plugin not in meta["declined"]
    ]
    if on_page is not None and not any(field_def.key in on_page for field_def in offer):
        return []
    return offer


def registers_of(field_defs):
    """The plugin ids named by `field_defs`, in order, once each."""
    return list(dict.fromkeys(field_def.register_plugin for field_def in field_defs))


def registers_phrase(plugin_ids):
    """ "the household register (demo) and the social insurance record (demo)" for a sentence."""
    return _(" and ").join(lower_first(register_label(plugin_id)) for plugin_id in plugin_ids)


def pending_values(answers):
    """{question key: stored value} found in a register and not yet confirmed by saving the question."""
    return {key: value for key, value in prefill_meta(answers)["pending"].items() if key not in (answers or {})}


def value_is_from_register(meta, key, stored):
    """True when `stored` is still exactly what the register gave for question `key`."""
    source = meta["sources"].get(key)
    return bool(source) and stored is not None and prefill_value_digest(stored) == source.get("digest")


def source_note(meta, key):
    """ "From the household register (demo), looked up on 24 November 2026." for question `key`."""
    source = meta["sources"].get(key)
    if not source:
        return ""
    try:
        when = datetime.datetime.fromisoformat(source["at"])
        day = timezone.localtime(when).date() if timezone.is_aware(when) else when.date()
    except (KeyError, TypeError, ValueError):
        day = None
    register = lower_first(register_label(source.get("plugin", "")))
    if day is None:
        return _("From the %(register)s.") % {"register": register}
    return _("From the %(register)s, looked up on %(date)s.") % {"register": register, "date": local_date(day)}
