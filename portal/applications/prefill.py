"""Once-only prefill from public registers, the engine's side (reads). A question may name a register
(FieldDef.register); when a step asks such questions and they are not answered yet, the step first asks the
applicant whether we may look them up (views.step). What they chose and what was found is kept on the draft,
under META_KEY in its answers (effective_answers and submission ignore it):

    {"declined": [plugin ids the applicant said no to: not offered again in this application],
     "asked": {question key: "found" | "not_found" | "failed" | "declined"},
     "pending": {question key: stored value found, the question's starting value until the step is saved},
     "sources": {question key: {"plugin", "at" (ISO time of the look-up), "digest" (of the value found)}}}

The write is services.application_prefill_decide(); the look-up itself, with its record the applicant can
see, is portal.connectors.services.prefill_lookup()."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from accessibility.forms import lower_first
from portal.templatetags.portal_format import local_date

from .field_types import FIELD_TYPES

META_KEY = "_prefill"


def prefill_meta(answers):
    meta = (answers or {}).get(META_KEY) or {}
    return {"declined": list(meta.get("declined") or []), "asked": dict(meta.get("asked") or {}),
            "pending": dict(meta.get("pending") or {}), "sources": dict(meta.get("sources") or {})}


def register_label(plugin_id):
    from portal.connectors.registry import UnknownPlugin, prefill_class

    try:
        return str(prefill_class(plugin_id).label or plugin_id)
    except UnknownPlugin:
        return plugin_id


def _known_plugin(plugin_id):
    from portal.connectors.registry import UnknownPlugin, prefill_class

    try:
        prefill_class(plugin_id)
    except UnknownPlugin:
        return False
    return True


def register_questions(flow, step, answers, context):
    """The questions of `step`, visible now, that a register can fill in."""
    return [field_def for field_def in flow.visible_fields(step, answers)
            if field_def.register and FIELD_TYPES[field_def.type].register_ok
            and not FIELD_TYPES[field_def.type].shown_read_only(field_def, context)
            and _known_plugin(field_def.register_plugin)]


def prefill_offer(flow, step, answers, context, on_page=None):
    """The questions of `step` to offer to look up now: never answered, never offered, from a register the
    applicant has not declined. With `on_page` (the keys of the questions on the page, in elder mode one),
    nothing is offered until the page asks one of them; the offer then covers the whole step."""
    meta = prefill_meta(answers)
    offer = [field_def for field_def in register_questions(flow, step, answers, context)
             if field_def.key not in answers and field_def.key not in meta["asked"]
             and field_def.register_plugin not in meta["declined"]]
    if on_page is not None and not any(field_def.key in on_page for field_def in offer):
        return []
    return offer


def registers_of(field_defs):
    """The plugin ids named by `field_defs`, in order, once each."""
    return list(dict.fromkeys(field_def.register_plugin for field_def in field_defs))


def registers_phrase(plugin_ids):
    """"the household register (demo) and the social insurance record (demo)" for a sentence."""
    return _(" and ").join(lower_first(register_label(plugin_id)) for plugin_id in plugin_ids)


def pending_values(answers):
    """{question key: stored value} found in a register and not yet confirmed by saving the question."""
    return {key: value for key, value in prefill_meta(answers)["pending"].items() if key not in (answers or {})}


def value_is_from_register(meta, key, stored):
    """True when `stored` is still exactly what the register gave for question `key`."""
    from portal.connectors.services import prefill_value_digest

    source = meta["sources"].get(key)
    return bool(source) and stored is not None and prefill_value_digest(stored) == source.get("digest")


def source_note(meta, key):
    """"From the household register (demo), looked up on 24 November 2026." for question `key`."""
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


# Whom the form is filled in for -------------------------------------------------------------------------------
# FieldContext.channel says who fills the form in: the applicant themselves ("online"), someone acting for them
# under a mandate ("proxy"), or hall staff helping them ("assisted"). Account answers always come from the
# applicant's (the principal's) record; the notes below say whose account that is.

FILLED_IN_BY_SOMEONE_ELSE = ("proxy", "assisted")

# FieldDef.answered_by: questions the channel answers, so they are shown (with why) and never asked.
# "acting_for": yes when someone acts for the applicant under their mandate (the proxy channel), no when the
# applicant applies themselves (online, or with a member of staff's help at a hall).
ANSWERED_BY = {"acting_for": lambda ctx: "yes" if getattr(ctx, "channel", "") == "proxy" else "no"}


def for_someone_else(ctx):
    """True when the person filling in the form is not the applicant (a proxy, or hall staff)."""
    return getattr(ctx, "channel", "") in FILLED_IN_BY_SOMEONE_ELSE


def _applicant_name(ctx):
    applicant = getattr(ctx, "applicant", None)
    return (applicant.get_full_name() if applicant is not None else "") or ""


def account_note(ctx):
    """Where an answer known from the account came from: "From your account." to the applicant, "From 张秀英's
    account." to whoever fills the form in for them."""
    if not for_someone_else(ctx):
        return _("From your account. To change it, update your account details.")
    name = _applicant_name(ctx)
    if not name:
        return _("From the account of the person you act for. Only they can change it.")
    return _("From %(name)s’s account. Only they can change it.") % {"name": name}


def channel_answer(fdef, ctx):
    """The answer the channel gives to a question declared `answered_by`, or None when it answers none."""
    answer = ANSWERED_BY.get(getattr(fdef, "answered_by", "") or "")
    return answer(ctx) if answer else None


def channel_note(fdef, ctx):
    """Why a question answered by the channel is not asked."""
    if channel_answer(fdef, ctx) == "yes":
        name = _applicant_name(ctx)
        if name:
            return _("You are applying for %(name)s with their permission, so this is answered for you.") % {
                "name": name}
        return _("You are applying for someone with their permission, so this is answered for you.")
    if not for_someone_else(ctx):
        return _("You are applying for yourself, so this is answered for you.")
    return _("The applicant is applying for themselves, so this is answered for you.")
