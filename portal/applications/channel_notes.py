"""Whom the form is filled in for. FieldContext.channel says who fills it in: the applicant themselves
("online"), someone acting for them under a mandate ("proxy"), or hall staff helping them ("assisted"). Account
answers always come from the applicant's (the principal's) record; the notes below say whose account that is,
and why a question the channel answers (FieldDef.answered_by) is shown and not asked."""

from django.utils.translation import gettext as _

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
                "name": name
            }
        return _("You are applying for someone with their permission, so this is answered for you.")
    if not for_someone_else(ctx):
        return _("You are applying for yourself, so this is answered for you.")
    return _("The applicant is applying for themselves, so this is answered for you.")
