"""Writes for assisted mode and the department workbench, as noun_verb(*, ...) functions. Every action is an
audit event naming both people: the member of staff (actor) and the citizen (on_behalf_of)."""

import secrets
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts import throttle
from portal.accounts.services import user_register
from portal.applications.models import Application
from portal.applications.scanning import scan_state
from portal.applications.services import StaleApplication, TransitionNotAllowed, application_transition
from portal.applications.status import Source, Status
from portal.applications.uploads import describe
from portal.audit.services import audit_record
from portal.representation.selectors import SESSION_KEY as ACTING_KEY
from portal.representation.services import acting_stop

from . import selectors
from .models import AssistSession, AssistState, MoreInformationAnswer, MoreInformationDocument

AUDIT_LABELS = {
    "assist.citizen_looked_up": _("Looked you up by your ID number at a service hall"),
    "assist.citizen_registered": _("Created your account at a service hall"),
    "assist.session_started": _("Started helping you at a service hall"),
    "assist.checks_recorded": _(
        "Recorded that you were there in person, your ID card was checked and you agreed to be helped"
    ),
    "assist.session_resumed": _("Carried on helping you at a service hall"),
    "assist.session_ended": _("Finished helping you at a service hall"),
    "review.started": _("Started reviewing your application"),
    "review.more_information_requested": _("Asked you for more information"),
    "review.approved": _("Approved your application"),
    "review.rejected": _("Did not approve your application"),
    "review.completed": _("Closed your application"),
    "application.more_information_answered": _("Answered a request for more information for you"),
}

_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a counter

# Look-ups by resident ID number: at most this many per member of staff in this many seconds (a busy counter
# needs far fewer; more looks like working through a list of numbers).
LOOK_UP_LIMIT = 30
LOOK_UP_WINDOW_SECONDS = 10 * 60


class AssistNotAllowed(Exception):
    pass


class TooManyLookUps(Exception):
    """The member of staff has looked up LOOK_UP_LIMIT ID numbers within LOOK_UP_WINDOW_SECONDS."""


class AssistSessionAlreadyActive(Exception):
    def __init__(self, session):
        super().__init__(session.reference)
        self.session = session


class BackOfficeDrivesStatus(Exception):
    """The department has a back-office system connected: it, not the workbench, moves the status."""


def _reference():
    today = timezone.localdate()
    for _attempt in range(20):
        code = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))
        reference = f"BB{today:%Y%m%d}{code}"
        if not AssistSession.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("could not find a free assist session reference")


def _audit(session, action, **details):
    audit_record(
        action=action,
        actor=session.staff,
        on_behalf_of=session.citizen_id,
        obj=session,
        details={"session": session.reference, "hall": session.hall_id, **details},
    )


# Assisted mode --------------------------------------------------------------------------------------------


def citizen_look_up(*, staff, resident_id):
    """The active account holding `resident_id`, or None. Every look-up counts against the member of staff's
    limit, found or not (TooManyLookUps beyond it); a match is audited, so the citizen sees who looked them up."""
    scope = "assist-look-up"
    if throttle.is_throttled(scope, identifier=staff.pk, limit=LOOK_UP_LIMIT):
        raise TooManyLookUps()
    throttle.record_failure(scope, identifier=staff.pk, window=LOOK_UP_WINDOW_SECONDS)  # per person, not per IP
    citizen = selectors.citizen_by_resident_id(resident_id)
    if citizen is not None:
        audit_record(
            action="assist.citizen_looked_up",
            actor=staff,
            on_behalf_of=citizen,
            obj=citizen,
            details={"by": "hall staff"},
        )
    return citizen


def citizen_register_at_hall(*, staff, real_name, resident_id, phone, email=""):
    """An account for a walk-in citizen, with no password: they claim it later with a reset by text message
    (or e-mail), as the portal's own "forgotten password" pages already allow."""
    with transaction.atomic():
        citizen = user_register(real_name=real_name, password=None, phone=phone, email=email, resident_id=resident_id)
        audit_record(
            action="assist.citizen_registered",
            actor=staff,
            on_behalf_of=citizen,
            obj=citizen,
            details={"by": "hall staff"},
        )
    return citizen


def assist_session_start(
    *, staff, citizen, hall, presence_confirmed, id_checked, consent_recorded, citizen_registered=False
):
    """Start helping `citizen` at `hall`: only with all three checks recorded, only at one of the member of
    staff's own halls, and one session at a time."""
    if not (presence_confirmed and id_checked and consent_recorded):
        raise AssistNotAllowed("presence, ID check and consent must all be recorded")
    if citizen.pk == staff.pk:
        raise AssistNotAllowed("staff do not assist themselves")
    if hall.pk not in {h.pk for h in selectors.halls_for_staff(staff)}:
        raise PermissionDenied("not a hall of this member of staff")
    with transaction.atomic():
        for expired in selectors.assist_sessions_expired(staff=staff):  # not yet ended by the worker
            assist_session_end(session=expired, actor=None, reason="expired")
        current = selectors.assist_sessions_active(staff).select_for_update().first()
        if current is not None:
            raise AssistSessionAlreadyActive(current)
        session = AssistSession.objects.create(
            reference=_reference(),
            staff=staff,
            hall=hall,
            citizen=citizen,
            citizen_registered=citizen_registered,
            presence_confirmed=True,
            id_checked=True,
            consent_recorded=True,
            started_at=timezone.now(),
        )
        _audit(session, "assist.session_started")
        _audit(session, "assist.checks_recorded", presence_confirmed=True, id_checked=True, consent_recorded=True)
    return session


def assist_session_enter(*, request, session, resumed=False):
    """This browser session works in `session` from now on (the banner shows it; applications started are
    the citizen's). Acting for a relative stops: one person at a time."""
    if not session.is_active or session.staff_id != request.user.pk:
        raise AssistNotAllowed("not an active session of this member of staff")
    if request.session.get(ACTING_KEY):
        acting_stop(request=request)
    request.session[selectors.SESSION_KEY] = session.reference
    if resumed:
        _audit(session, "assist.session_resumed")


def assist_session_end(*, session, actor, request=None, reason=""):
    """End `session` (once: False when it had already ended). `actor` None and `reason` "expired" when it ran
    past ASSIST_SESSION_MAX_HOURS and the portal ends it."""
    now = timezone.now()
    with transaction.atomic():
        ended = AssistSession.objects.filter(pk=session.pk, state=AssistState.ACTIVE).update(
            state=AssistState.ENDED, ended_at=now
        )
        if ended:
            session.state, session.ended_at = AssistState.ENDED, now
            count = selectors.session_application_count(session)
            details = {"session": session.reference, "hall": session.hall_id, "applications": count}
            audit_record(
                action="assist.session_ended",
                actor=actor,
                on_behalf_of=session.citizen_id,
                obj=session,
                details={**details, "reason": reason} if reason else details,
            )
    if request is not None and request.session.get(selectors.SESSION_KEY) == session.reference:
        request.session.pop(selectors.SESSION_KEY, None)
    return bool(ended)


def assist_sessions_expire(*, now=None):
    """End every session past ASSIST_SESSION_MAX_HOURS that nobody ended (for the background worker, every
    10 minutes), audited with no actor and reason "expired". Idempotent; returns how many it ended."""
    return sum(
        assist_session_end(session=session, actor=None, reason="expired")
        for session in selectors.assist_sessions_expired(now=now)
    )


def assist_browser_session_leave(*, request):
    """Forget the assist session in this browser (it has ended elsewhere): the staff member acts as themself."""
    request.session.pop(selectors.SESSION_KEY, None)


# The department workbench ---------------------------------------------------------------------------------


def _check(application, expected_status):
    if selectors.back_office_connectors(application):
        raise BackOfficeDrivesStatus()
    current = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
    if expected_status and current != expected_status:
        raise StaleApplication()
    return current


def _review_audit(application, actor, action, **details):
    audit_record(
        action=action,
        actor=actor,
        on_behalf_of=application.applicant_id,
        obj=application,
        details={"reference": application.reference, **details},
    )


def review_start(*, application, actor, expected_status=""):
    """Sent (or received) → being reviewed, through "received" when the department had not yet said so."""
    with transaction.atomic():
        current = _check(application, expected_status)
        if current == Status.SUBMITTED:
            application = application_transition(
                application=application, to_status=Status.RECEIVED, actor=actor, source=Source.STAFF
            )
            current = Status.RECEIVED
        if current != Status.RECEIVED:
            raise TransitionNotAllowed(f"{current} → {Status.IN_REVIEW}")
        application = application_transition(
            application=application, to_status=Status.IN_REVIEW, actor=actor, source=Source.STAFF
        )
        _review_audit(application, actor, "review.started")
    return application


def review_request_more_information(*, application, actor, note, expected_status=""):
    with transaction.atomic():
        _check(application, expected_status)
        application = application_transition(
            application=application, to_status=Status.MORE_INFO_REQUESTED, actor=actor, source=Source.STAFF, note=note
        )
        _review_audit(application, actor, "review.more_information_requested")
    return application


def review_decide(*, application, actor, approve, reason, expected_status=""):
    to_status = Status.APPROVED if approve else Status.REJECTED
    with transaction.atomic():
        _check(application, expected_status)
        application = application_transition(
            application=application, to_status=to_status, actor=actor, source=Source.STAFF, note=reason
        )
        _review_audit(application, actor, "review.approved" if approve else "review.rejected")
    return application


def review_complete(*, application, actor, note="", expected_status=""):
    with transaction.atomic():
        _check(application, expected_status)
        application = application_transition(
            application=application, to_status=Status.COMPLETED, actor=actor, source=Source.STAFF, note=note
        )
        _review_audit(application, actor, "review.completed")
    return application


def more_information_answer(*, application, actor, text, uploads=()):
    """The citizen's (or their proxy's) answer, with any files: kept with the application, which goes back to
    the department's review (source: the portal)."""
    now = timezone.now()
    with transaction.atomic():
        current = (
            Application.objects.select_for_update().filter(pk=application.pk).values_list("status", flat=True).first()
        )
        if current != Status.MORE_INFO_REQUESTED:
            raise TransitionNotAllowed(f"{current}: no request for more information is open")
        answer = MoreInformationAnswer.objects.create(
            application=application,
            request_event=selectors.more_information_request_latest(application),
            text=text,
            answered_by=actor,
            created_at=now,
        )
        for upload in uploads:
            _kind, content_type, digest = describe(upload)
            document = MoreInformationDocument(
                id=uuid.uuid4(),
                answer=answer,
                original_name=(upload.name or "upload")[-200:],
                content_type=content_type,
                size=upload.size,
                sha256=digest,
                scan_state=scan_state(upload),
            )
            document.file.save(document.id.hex, upload, save=False)
            document.save()
        application = application_transition(
            application=application, to_status=Status.IN_REVIEW, actor=actor, source=Source.PORTAL
        )
        if actor.pk != application.applicant_id:
            audit_record(
                action="application.more_information_answered",
                actor=actor,
                on_behalf_of=application.applicant_id,
                obj=application,
                details={"channel": application.channel},
            )
    return answer
