"""Mandate writes. Every change is an audit event; both people are told."""

import logging
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.accounts import throttle
from portal.accounts.crypto import mask_phone, mask_resident_id
from portal.accounts.sms import sms_send
from portal.accounts.validators import normalise_mobile, normalise_resident_id
from portal.audit.services import audit_record
from portal.language import active_language

from . import selectors
from .models import EstablishedBy, Mandate, MandateState

logger = logging.getLogger(__name__)

AUDIT_LABELS = {
    "mandate.person_looked_up": gettext_lazy("Looked you up by your name and number, to ask to act for you"),
    "mandate.person_looked_up_in_person": gettext_lazy(
        "Looked you up by your name and ID number at a service hall, to record permission to act for someone"
    ),
    "mandate.look_up_missed": gettext_lazy("Looked for someone by name and number, and found nobody"),
}

# Looking a person up by name and number confirms whether the number is theirs, so every look-up counts, found
# or not, against the person looking and against their client (IP address). Asking to act for a relative needs
# few; staff recording mandates in person look up two people each time.
LOOK_UPS = {
    # purpose: (throttle scope, look-ups per person, window in seconds, audit action of a hit)
    "ask": ("mandate-look-up", 5, 15 * 60, "mandate.person_looked_up"),
    "in_person": ("mandate-in-person-look-up", 20, 10 * 60, "mandate.person_looked_up_in_person"),
}


class MandateNotAllowed(Exception):
    pass


class TooManyLookUps(Exception):
    """The person (or their client) has used up their look-ups; `minutes`: the window to wait."""

    def __init__(self, minutes):
        super().__init__(minutes)
        self.minutes = minutes


def _masked(identifier):
    """(kind, masked): 3701**********1234 or 139****5678, for the audit trail."""
    kind = selectors.identifier_kind(identifier)
    if kind == "resident_id":
        return kind, mask_resident_id(normalise_resident_id(identifier))
    phone = normalise_mobile(identifier)
    return kind, mask_phone(phone)


def person_look_up(*, actor, request, identifier, name, purpose):
    """The active account with this full name and this resident ID number (or mobile number), or None.
    `purpose`: "ask" (a citizen asking to act for someone) or "in_person" (staff recording a mandate at a hall).
    Raises TooManyLookUps beyond the limit, even when the details are right. A miss is audited with the number
    masked and no name; a hit on behalf of the person found, so they see who looked them up."""
    scope, limit, window, found_action = LOOK_UPS[purpose]
    if throttle.is_throttled(scope, identifier=actor.pk, request=request, limit=limit):
        raise TooManyLookUps(window // 60)
    throttle.record_failure(scope, identifier=actor.pk, request=request, window=window)
    person = selectors.person_by_name_and_number(identifier, name)
    if person is None:
        kind, masked = _masked(identifier)
        audit_record(
            action="mandate.look_up_missed",
            actor=actor,
            details={"purpose": purpose, "kind": kind, "identifier": masked},
        )
    else:
        audit_record(action=found_action, actor=actor, on_behalf_of=person, obj=person, details={"purpose": purpose})
    return person


def _notify(person, subject, body):
    with translation.override(person.preferred_language or active_language()):
        subject, body = str(subject), str(body)
    try:
        if person.email:
            send_mail(subject, body, None, [person.email])
        if person.phone:
            sms_send(phone=person.phone, message=body)
    except Exception:  # a failed message never undoes the change it announces
        logger.exception("could not notify user %s", person.pk)


def _audit(mandate, action, actor, **details):
    audit_record(
        action=action,
        actor=actor,
        on_behalf_of=mandate.principal_id,
        obj=mandate,
        details={"agent": mandate.agent_id, "state": mandate.state, **details},
    )


def _scope(all_services, service_codes):
    return bool(all_services), [] if all_services else sorted({c.strip().upper() for c in service_codes if c.strip()})


def mandate_request(*, agent, principal, relationship, all_services, service_codes=(), days=365, now=None):
    if agent.pk == principal.pk:
        raise MandateNotAllowed("nobody acts for themself")
    now = now or timezone.now()
    all_services, codes = _scope(all_services, service_codes)
    with transaction.atomic():
        mandate = Mandate.objects.create(
            principal=principal,
            agent=agent,
            relationship=relationship,
            all_services=all_services,
            service_codes=codes,
            valid_from=now,
            valid_until=now + timedelta(days=days),
            requested_at=now,
        )
        _audit(mandate, "mandate.requested", agent, days=days)
    transaction.on_commit(
        lambda: _notify(
            principal,
            _("Someone asks to act for you"),
            _(
                "%(agent)s asks to apply for services on your behalf. Sign in to agree or decline: go to "
                "“People who can act for you”."
            )
            % {"agent": agent},
        )
    )
    return mandate


def _decide(*, mandate, principal, to_state):
    if mandate.principal_id != principal.pk or mandate.state != MandateState.REQUESTED:
        raise MandateNotAllowed("only the principal answers a request, once")
    now = timezone.now()
    with transaction.atomic():
        updated = Mandate.objects.filter(pk=mandate.pk, state=MandateState.REQUESTED).update(
            state=to_state,
            decided_at=now,
            established_by=EstablishedBy.ONLINE_CONSENT if to_state == MandateState.ACTIVE else "",
        )
        if not updated:
            raise MandateNotAllowed("already answered")
        mandate.refresh_from_db()
        _audit(mandate, "mandate.consented" if to_state == MandateState.ACTIVE else "mandate.declined", principal)
    return mandate


def mandate_consent(*, mandate, principal):
    mandate = _decide(mandate=mandate, principal=principal, to_state=MandateState.ACTIVE)
    message = _("%(principal)s has agreed that %(agent)s may act for them.") % {
        "principal": mandate.principal,
        "agent": mandate.agent,
    }
    for person in (mandate.principal, mandate.agent):
        transaction.on_commit(lambda p=person: _notify(p, _("Permission to act for someone"), message))
    return mandate


def mandate_decline(*, mandate, principal):
    mandate = _decide(mandate=mandate, principal=principal, to_state=MandateState.DECLINED)
    transaction.on_commit(
        lambda: _notify(
            mandate.agent,
            _("Your request was declined"),
            _("%(principal)s has declined your request to act for them.") % {"principal": mandate.principal},
        )
    )
    return mandate


def mandate_revoke(*, mandate, actor):
    """The principal withdraws it (or the agent gives it up), at any time; it stops working at once."""
    if actor.pk not in (mandate.principal_id, mandate.agent_id):
        raise MandateNotAllowed("only the two people concerned can end a mandate")
    with transaction.atomic():
        updated = Mandate.objects.filter(pk=mandate.pk, state__in=[MandateState.REQUESTED, MandateState.ACTIVE]).update(
            state=MandateState.REVOKED, ended_at=timezone.now(), ended_by=actor
        )
        if not updated:
            raise MandateNotAllowed("already ended")
        mandate.refresh_from_db()
        _audit(mandate, "mandate.revoked", actor)
    message = _("%(agent)s can no longer act for %(principal)s.") % {
        "agent": mandate.agent,
        "principal": mandate.principal,
    }
    for person in (mandate.principal, mandate.agent):
        transaction.on_commit(lambda p=person: _notify(p, _("Permission to act for someone has ended"), message))
    return mandate


def mandate_establish_in_person(
    *,
    staff,
    principal,
    agent,
    relationship,
    all_services,
    service_codes=(),
    days=365,
    hall,
    evidence,
    presence_confirmed,
    id_checked,
    consent_recorded,
):
    """Staff at a service hall record the mandate, active at once: only with the hall-staff permission, at one of
    their own halls, and with the three checks recorded (both people there in person, both ID cards checked, the
    person acted for agrees)."""
    if not (presence_confirmed and id_checked and consent_recorded):
        raise MandateNotAllowed("presence, both ID checks and consent must all be recorded")
    if hall.pk not in {h.pk for h in selectors.halls_for_in_person(staff)}:
        raise PermissionDenied("not a hall of this member of staff")
    if agent.pk == principal.pk:
        raise MandateNotAllowed("nobody acts for themself")
    now = timezone.now()
    all_services, codes = _scope(all_services, service_codes)
    with transaction.atomic():
        mandate = Mandate.objects.create(
            principal=principal,
            agent=agent,
            relationship=relationship,
            all_services=all_services,
            service_codes=codes,
            valid_from=now,
            valid_until=now + timedelta(days=days),
            requested_at=now,
            decided_at=now,
            state=MandateState.ACTIVE,
            established_by=EstablishedBy.IN_PERSON,
            verified_by=staff,
            hall=hall,
            evidence=evidence,
            verified_at=now,
            presence_confirmed=True,
            id_checked=True,
            consent_recorded=True,
        )
        _audit(
            mandate,
            "mandate.established_in_person",
            staff,
            hall=hall.pk,
            evidence=evidence,
            presence_confirmed=True,
            id_checked=True,
            consent_recorded=True,
        )
    message = _("At %(hall)s, it was recorded that %(agent)s may act for %(principal)s.") % {
        "hall": hall,
        "agent": agent,
        "principal": principal,
    }
    for person in (principal, agent):
        transaction.on_commit(lambda p=person: _notify(p, _("Permission to act for someone"), message))
    return mandate


def mandates_expire(*, now=None):
    """Marks as ended the mandates whose time is up (they stopped working at that moment anyway)."""
    now = now or timezone.now()
    ended = 0
    for mandate in Mandate.objects.filter(state=MandateState.ACTIVE, valid_until__lte=now):
        with transaction.atomic():
            if Mandate.objects.filter(pk=mandate.pk, state=MandateState.ACTIVE).update(
                state=MandateState.EXPIRED, ended_at=now
            ):
                mandate.state = MandateState.EXPIRED
                _audit(mandate, "mandate.expired", None)
                ended += 1
    return ended


def acting_start(*, request, mandate):
    request.session[selectors.SESSION_KEY] = str(mandate.pk)
    _audit(mandate, "acting.started", request.user)


def acting_stop(*, request):
    """Back to acting for oneself. Returns why the permission had stopped working ("" when it still worked)."""
    mandate = selectors.acting_mandate(request)
    reason = selectors.acting_ended_reason(request) if mandate is None else ""
    request.session.pop(selectors.SESSION_KEY, None)
    request.session.pop(ENDED_TOLD_KEY, None)
    if mandate is not None:
        _audit(mandate, "acting.stopped", request.user)
    return reason


ENDED_TOLD_KEY = "acting_for_ended_told"


def acting_ended_tell(*, request):
    """The first page after the permission the session acts under stopped working says why, once, as a message
    (the banner keeps saying that nothing more can be done in their name until they continue as themselves).
    Returns the reason ("" when it still works)."""
    reason = selectors.acting_ended_reason(request)
    mandate_id = request.session.get(selectors.SESSION_KEY)
    if reason and request.session.get(ENDED_TOLD_KEY) != mandate_id:
        request.session[ENDED_TOLD_KEY] = mandate_id
        messages.warning(request, reason)
    return reason
