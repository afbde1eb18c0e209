"""Writes at the back-office boundary, as noun_verb(*, ...) functions.

Outbound: deliveries_create() writes one Delivery row per matching connector inside the submission's
transaction (a transactional outbox). Workers — Celery when configured, otherwise the embedded
`manage.py worker`, portal/background — claim due rows and call delivery_attempt(). A row is claimed with a lease;
the attempt counter grows at the claim, so a worker killed mid-request still counts, and the lease running
out lets another worker send it again, under the same idempotency key, which the receiver deduplicates.

Inbound: status_update_receive() checks a back office's signed status update and applies it through
applications' application_transition(source=connector).

Prefill: prefill_lookup() asks a register, with the citizen's consent, and records every look-up.

The application engine calls none of this by name: deliveries_create is its submission listener, registered in
ConnectorsConfig.ready (portal/applications/hooks.py). Tasks are published by name (background.broker)."""

import contextvars
import logging
import random
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import mail_admins
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from portal.applications.models import Application, ApplicationDocument
from portal.applications.prefill import prefill_value_digest
from portal.applications.services import StaleApplication, TransitionNotAllowed, application_transition
from portal.applications.status import Source, status_path
from portal.audit.services import audit_record
from portal.background.broker import publish
from portal.jsonsafe import JSONRejected, parse_json
from services_catalog.models import ServicePage

from . import signing
from .base import DeliveryError
from .models import (
    DUE_STATES,
    ConnectorConfig,
    Delivery,
    DeliveryAction,
    DeliveryState,
    InboundOutcome,
    InboundStatusEvent,
    PrefillLookup,
    PrefillOutcome,
)
from .registry import connector_class, prefill_class

logger = logging.getLogger(__name__)
# A status update is one flat object; the view refuses bodies over 64 KB before they get here.
INBOUND_MAX_BYTES = 64 * 1024
INBOUND_MAX_DEPTH = 8


# Outbox ---------------------------------------------------------------------------------------------------


def connectors_for_application(application):
    """The enabled connectors whose scope covers this application's service."""
    department_id = None
    if application.service_page_id:
        department_id = (
            ServicePage.objects.filter(pk=application.service_page_id).values_list("department_id", flat=True).first()
        )
    matching = []
    for config in ConnectorConfig.objects.filter(enabled=True).order_by("pk"):
        codes = config.service_code_list
        if not codes and config.department_id is None:
            matching.append(config)
        elif application.service_code in codes or (department_id and config.department_id == department_id):
            matching.append(config)
    return matching


def deliveries_create(*, application):
    """The engine's submission listener (hooks.submission_listener_register), called inside application_submit's
    transaction: one pending Delivery per matching connector. The rows commit or roll back with the submission;
    once committed, they are handed to the queue (if any)."""
    now = timezone.now()
    created = []
    for config in connectors_for_application(application):
        delivery, made = Delivery.objects.get_or_create(
            application=application,
            connector=config,
            defaults={"state": DeliveryState.PENDING, "next_attempt_at": now, "created_at": now, "updated_at": now},
        )
        if made:
            created.append(delivery.pk)
    if created:
        transaction.on_commit(lambda: deliveries_enqueue(delivery_ids=created))
    return created


def deliveries_enqueue(*, delivery_ids, countdown=None):
    """Hand rows to Celery, when it is used. Never raises: if the broker is down the rows stay due in the outbox
    and the periodic sweep (or the embedded worker) sends them later."""
    if not delivery_ids:
        return 0
    try:
        return publish(
            "connectors.delivery_send", [(delivery_id,) for delivery_id in delivery_ids], countdown=countdown
        )
    except Exception as error:
        logger.warning(
            "could not enqueue %d deliveries (%s); the sweep will send them",
            len(delivery_ids),
            error.__class__.__name__,
        )
        return 0


def _due_filter(now):
    """Due: waiting and its time has come, or in progress with its lease run out. A disabled connector's
    rows wait (disabling pauses a connector; nothing is dropped)."""
    return Q(connector__enabled=True) & (
        Q(state__in=DUE_STATES, next_attempt_at__lte=now) | Q(state=DeliveryState.IN_PROGRESS, locked_until__lt=now)
    )


def deliveries_due_ids(*, now=None, limit=500):
    now = now or timezone.now()
    return list(
        Delivery.objects.filter(_due_filter(now)).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
    )


def _claim_one(candidate, now):
    """Compare-and-set: take the row only if nobody changed it since we read it."""
    lease = timedelta(seconds=settings.CONNECTORS_LEASE_SECONDS)
    updated = (
        Delivery.objects.filter(pk=candidate["pk"], state=candidate["state"], attempts=candidate["attempts"])
        .filter(_due_filter(now))
        .update(
            state=DeliveryState.IN_PROGRESS,
            attempts=F("attempts") + 1,
            locked_until=now + lease,
            last_attempt_at=now,
            updated_at=now,
        )
    )
    return updated == 1


def deliveries_claim(*, limit=10, now=None):
    """Claim up to `limit` due rows for this worker; returns their ids. On PostgreSQL the candidates are
    read with SELECT … FOR UPDATE SKIP LOCKED, so concurrent workers take different rows without waiting;
    on SQLite (which has one writer at a time anyway) each row is taken by a compare-and-set UPDATE in its
    own statement. Either way a row is claimed by exactly one worker."""
    now = now or timezone.now()
    fields = ("pk", "state", "attempts")
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            locked = Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            candidates = list(locked.filter(_due_filter(now)).order_by("next_attempt_at", "pk").values(*fields)[:limit])
            return [c["pk"] for c in candidates if _claim_one(c, now)]
    candidates = list(
        Delivery.objects.filter(_due_filter(now)).order_by("next_attempt_at", "pk").values(*fields)[:limit]
    )
    return [c["pk"] for c in candidates if _claim_one(c, now)]


def delivery_claim(*, delivery_id, now=None):
    """Claim one given row (a Celery task names its row); False if it is not due or someone has it."""
    now = now or timezone.now()
    candidate = Delivery.objects.filter(pk=delivery_id).values("pk", "state", "attempts").first()
    return bool(candidate) and _claim_one(candidate, now)


def backoff_seconds(attempts, *, rng=random):
    """Capped exponential backoff with jitter: between half and all of min(cap, base * 2^(attempts-1))."""
    base = settings.CONNECTORS_BACKOFF_BASE_SECONDS
    cap = settings.CONNECTORS_BACKOFF_CAP_SECONDS
    ceiling = min(cap, base * (2 ** max(0, attempts - 1)))
    return ceiling / 2 + rng.random() * ceiling / 2  # noqa: S311 (jitter, not security)


def delivery_payload(delivery):
    """What a back office receives: the application, its answers and its documents' descriptions."""
    application = Application.objects.select_related("applicant", "submitted_by").get(pk=delivery.application_id)
    applicant = application.applicant
    slug = delivery.connector.slug
    return {
        "delivery_id": str(delivery.idempotency_key),
        "application_id": str(application.pk),
        "reference": application.reference,
        "service_code": application.service_code,
        "channel": application.channel,
        "submitted_at": application.submitted_at.isoformat() if application.submitted_at else None,
        "language": application.language,
        "applicant": {
            "name": applicant.real_name,
            "resident_id": applicant.resident_id if applicant.resident_id_encrypted else None,
            "phone": applicant.phone,
            "email": applicant.email,
        },
        "submitted_by_applicant": application.submitted_by_id == application.applicant_id,
        "mandate_reference": application.mandate_reference,
        "assist_session_reference": application.assist_session_reference,
        "answers": application.answers,
        "documents": [
            {
                "id": str(d.pk),
                "field": d.field_key,
                "name": d.original_name,
                "content_type": d.content_type,
                "size": d.size,
                "sha256": d.sha256,
                # Fetched with a request signed like a status update (docs/connectors.md, "Fetching documents").
                "url": settings.PORTAL_BASE_URL
                + reverse("connectors:document_fetch", kwargs={"slug": slug, "document_id": d.pk}),
            }
            for d in application.documents.all()
        ],
    }


def _attempt_window_start(delivery):
    last_retry = delivery.actions.filter(kind=DeliveryAction.Kind.RETRY).values_list("created_at", flat=True).first()
    return max(delivery.created_at, last_retry) if last_retry else delivery.created_at


def delivery_attempt(*, delivery_id):
    """Send one claimed row. Returns the new state. Only the claim that is still current may write the
    outcome (a worker whose lease ran out and whose row was taken again cannot overwrite it), except that
    "delivered" always wins: the back office has it."""
    delivery = Delivery.objects.select_related("connector").get(pk=delivery_id)
    if delivery.state != DeliveryState.IN_PROGRESS:
        return delivery.state
    claimed_attempts = delivery.attempts
    config = delivery.connector
    try:
        plugin = connector_class(config.plugin)(config)
        result = plugin.deliver(delivery=delivery, payload=delivery_payload(delivery))
    except Exception as error:
        permanent = isinstance(error, DeliveryError) and error.permanent
        message = f"{error.__class__.__name__}: {error}"[:2000]
        return _delivery_failed(delivery, claimed_attempts, message, permanent=permanent)
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).exclude(state=DeliveryState.DELIVERED).update(
        state=DeliveryState.DELIVERED,
        delivered_at=now,
        updated_at=now,
        locked_until=None,
        next_attempt_at=None,
        last_error="",
        external_reference=(result.external_reference or "")[:200] if result else "",
    )
    logger.info(
        "delivery %s of application %s to %s delivered after %d attempts",
        delivery.pk,
        delivery.application_id,
        config.slug,
        claimed_attempts,
    )
    return DeliveryState.DELIVERED


def _delivery_failed(delivery, claimed_attempts, message, *, permanent):
    now = timezone.now()
    config = delivery.connector
    max_attempts = config.max_attempts or settings.CONNECTORS_MAX_ATTEMPTS
    too_old = now - _attempt_window_start(delivery) > timedelta(seconds=settings.CONNECTORS_MAX_AGE_SECONDS)
    current = Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.IN_PROGRESS, attempts=claimed_attempts)
    if permanent or claimed_attempts >= max_attempts or too_old:
        if current.update(
            state=DeliveryState.DEAD,
            dead_at=now,
            updated_at=now,
            locked_until=None,
            next_attempt_at=None,
            last_error=message,
        ):
            _operator_alert(delivery, message, claimed_attempts)
        return DeliveryState.DEAD
    delay = backoff_seconds(claimed_attempts)
    next_at = now + timedelta(seconds=delay)
    if current.update(
        state=DeliveryState.FAILED, updated_at=now, locked_until=None, next_attempt_at=next_at, last_error=message
    ):
        logger.warning(
            "delivery %s to %s failed (attempt %d), next in %.1fs: %s",
            delivery.pk,
            config.slug,
            claimed_attempts,
            delay,
            message,
        )
        deliveries_enqueue(delivery_ids=[delivery.pk], countdown=delay)
    return DeliveryState.FAILED


def _operator_alert(delivery, message, attempts):
    logger.error(
        "delivery %s of application %s to %s is dead after %d attempts: %s",
        delivery.pk,
        delivery.application_id,
        delivery.connector.slug,
        attempts,
        message,
    )
    try:
        mail_admins(
            f"Delivery to {delivery.connector.name} gave up",
            f"Delivery {delivery.pk} of application {delivery.application_id} to {delivery.connector.name} "
            f"({delivery.connector.slug}) gave up after {attempts} attempts.\n\nLast error: {message}\n\n"
            "Retry or cancel it in the deliveries admin.",
        )
    except Exception:
        logger.exception("could not e-mail the administrators about delivery %s", delivery.pk)


def delivery_process(*, delivery_id):
    """Claim and send one row (what a Celery task does). Returns the state, or None if not claimable."""
    if not delivery_claim(delivery_id=delivery_id):
        return None
    return delivery_attempt(delivery_id=delivery_id)


def deliveries_run_once(*, limit=None):
    """One pass of the embedded worker: claim what is due and send it. Returns how many were tried."""
    ids = deliveries_claim(limit=limit or settings.CONNECTORS_BATCH)
    for delivery_id in ids:
        try:
            delivery_attempt(delivery_id=delivery_id)
        except Exception:  # never stop the worker; the lease will free the row
            logger.exception("delivery %s: unexpected error", delivery_id)
    return len(ids)


def deliveries_sweep(*, limit=500):
    """Celery beat: re-enqueue every due row (a lost message, a broker outage, an expired lease). A row
    enqueued twice is harmless: only one task can claim it."""
    ids = deliveries_due_ids(limit=limit)
    return deliveries_enqueue(delivery_ids=ids) if ids else 0


class OperatorActionRefused(Exception):
    pass


def delivery_retry(*, delivery, actor, note=""):
    """An operator sends a failed, dead or cancelled delivery again now; the attempt count starts afresh."""
    now = timezone.now()
    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.state not in (DeliveryState.FAILED, DeliveryState.DEAD, DeliveryState.CANCELLED, DeliveryState.PENDING):
            raise OperatorActionRefused(row.state)
        DeliveryAction.objects.create(
            delivery=row,
            kind=DeliveryAction.Kind.RETRY,
            actor=actor,
            from_state=row.state,
            note=note or f"attempts before: {row.attempts}",
            created_at=now,
        )
        Delivery.objects.filter(pk=row.pk).update(
            state=DeliveryState.PENDING,
            attempts=0,
            next_attempt_at=now,
            locked_until=None,
            dead_at=None,
            updated_at=now,
        )
        transaction.on_commit(lambda: deliveries_enqueue(delivery_ids=[row.pk]))
    logger.info("delivery %s retried by user %s", row.pk, getattr(actor, "pk", None))


def delivery_cancel(*, delivery, actor, note=""):
    """An operator stops a delivery that is not in flight (e.g. the application went by another route)."""
    now = timezone.now()
    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.state not in (DeliveryState.PENDING, DeliveryState.FAILED, DeliveryState.DEAD):
            raise OperatorActionRefused(row.state)
        DeliveryAction.objects.create(
            delivery=row, kind=DeliveryAction.Kind.CANCEL, actor=actor, from_state=row.state, note=note, created_at=now
        )
        Delivery.objects.filter(pk=row.pk).update(
            state=DeliveryState.CANCELLED, next_attempt_at=None, locked_until=None, updated_at=now
        )
    logger.info("delivery %s cancelled by user %s", row.pk, getattr(actor, "pk", None))


# Inbound status updates -----------------------------------------------------------------------------------


class InboundRefused(Exception):
    def __init__(self, http_status, code, detail=""):
        super().__init__(code)
        self.http_status, self.code, self.detail = http_status, code, detail


def _refuse(connector_slug, http_status, code, detail="", event_id=""):
    logger.warning(
        "inbound request refused: connector=%s event=%s code=%s %s", connector_slug, event_id[:100], code, detail
    )
    return InboundRefused(http_status, code, detail)


def _authenticated_connector(connector_slug, *, timestamp, signature, message):
    """The enabled connector `connector_slug` whose secret signed `message` within the window; InboundRefused
    otherwise (404 unknown, 401 signature)."""
    config = ConnectorConfig.objects.filter(slug=connector_slug, enabled=True).first()
    if config is None:
        raise _refuse(connector_slug, 404, "unknown_connector")
    try:
        secret = connector_class(config.plugin)(config).secret()
    except DeliveryError:
        secret = ""
    try:
        signing.verify(
            secret,
            timestamp=timestamp,
            signature=signature,
            body=message,
            window=settings.CONNECTORS_WEBHOOK_WINDOW_SECONDS,
        )
    except signing.SignatureError as error:
        raise _refuse(connector_slug, 401, "signature", str(error)) from None
    return config


def document_for_back_office(*, connector_slug, document_id, path, timestamp, signature):
    """A citizen's document, for the back office the application was sent to. The request is signed like a
    status update, over "GET <path>" (signing.request_message). Another connector, or this one for an
    application it was never sent, gets 404 whether or not the document exists. Each fetch is audited for the
    applicant."""
    config = _authenticated_connector(
        connector_slug, timestamp=timestamp, signature=signature, message=signing.request_message("GET", path)
    )
    # A signed GET has no event id to refuse twice: the signature itself is used once (headers copied from a proxy's
    # log would otherwise fetch the file again for the whole window).
    if not cache.add(f"connectors:fetch:{config.slug}:{signature}", 1, 2 * settings.CONNECTORS_WEBHOOK_WINDOW_SECONDS):
        raise _refuse(connector_slug, 401, "replayed", str(document_id))
    document = ApplicationDocument.objects.select_related("application").filter(pk=document_id).first()
    if document is None or not Delivery.objects.filter(connector=config, application=document.application).exists():
        raise _refuse(connector_slug, 404, "unknown_document", str(document_id))
    audit_record(
        action="document.fetched_by_back_office",
        on_behalf_of=document.application.applicant_id,
        obj=document.application,
        details={"connector": config.slug, "document": str(document.pk)},
    )
    return document


def _parse_time(value):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class _Refusal(Exception):
    def __init__(self, http_status, outcome, code, detail="", application=None):
        super().__init__(code)
        self.http_status, self.outcome, self.code, self.detail = http_status, outcome, code, detail
        self.application = application


def _status_update_apply(*, event, config, note):
    reference, mapped, occurred_at = event.application_reference, event.mapped_status, event.occurred_at
    with transaction.atomic():
        lookup = Q(reference=reference)
        try:
            lookup |= Q(pk=uuid.UUID(reference))
        except ValueError:
            pass
        # Only an application this connector was sent; locked, so two updates for it apply one after the other.
        application = (
            Application.objects.select_for_update()
            .filter(lookup)
            .filter(pk__in=Delivery.objects.filter(connector=config).values("application_id"))
            .first()
        )
        if application is None:
            raise _Refusal(404, InboundOutcome.NOT_FOUND, "unknown_application")
        if not mapped:
            raise _Refusal(422, InboundOutcome.UNKNOWN_STATUS, "unknown_status", event.remote_status, application)
        if application.status == mapped:
            raise _Refusal(409, InboundOutcome.BACKWARDS, "already_in_status", mapped, application)
        if (
            occurred_at is not None
            and InboundStatusEvent.objects.filter(
                application=application, outcome=InboundOutcome.APPLIED, occurred_at__gt=occurred_at
            ).exists()
        ):
            raise _Refusal(409, InboundOutcome.STALE, "stale_event", mapped, application)
        path = status_path(application.status, mapped, Source.CONNECTOR)
        if path is None:
            raise _Refusal(
                409, InboundOutcome.BACKWARDS, "transition_not_allowed", f"{application.status} → {mapped}", application
            )
        try:
            for step in path:
                application_transition(
                    application=application,
                    to_status=step,
                    actor=None,
                    source=Source.CONNECTOR,
                    note=note if step == mapped else "",
                )
        except (TransitionNotAllowed, StaleApplication) as error:
            raise _Refusal(409, InboundOutcome.BACKWARDS, "transition_not_allowed", str(error), application) from None
        InboundStatusEvent.objects.filter(pk=event.pk).update(application=application)
    return application


def status_update_receive(*, connector_slug, body, timestamp, signature):
    """Check and apply one status update. Returns (http status, response dict); raises InboundRefused.

    Body: {"event_id", "application" (our reference or id), "status" (the back office's name), "note",
    "occurred_at" (ISO 8601)}. Refused: an unknown connector or a bad signature or stale timestamp (401,
    not stored), a malformed body (400), a replayed event ID (409), an application this connector was never
    sent (404), an unknown status name (422), a move backwards or older than one already applied (409).
    A body that is not JSON is refused before it is parsed, with its reason as the code (400): too_large,
    not_utf8, too_deep (nested deeper than INBOUND_MAX_DEPTH) or malformed (also: a field missing)."""
    config = _authenticated_connector(connector_slug, timestamp=timestamp, signature=signature, message=body)
    plugin = connector_class(config.plugin)(config)
    try:
        data = parse_json(body, max_bytes=INBOUND_MAX_BYTES, max_depth=INBOUND_MAX_DEPTH)
    except JSONRejected as rejected:  # the code is the reason: too_large, not_utf8, too_deep or malformed
        raise _refuse(connector_slug, 400, rejected.reason, rejected.detail) from None
    try:
        event_id = str(data["event_id"])[:100]
        reference = str(data["application"])[:100]
        remote_status = str(data["status"])[:60]
    except (KeyError, TypeError):
        raise _refuse(connector_slug, 400, "malformed") from None
    if not event_id or not reference:
        raise _refuse(connector_slug, 400, "malformed")
    note = str(data.get("note") or "")[:2000]
    occurred_at = _parse_time(data.get("occurred_at"))
    now = timezone.now()
    status_map = {**plugin.default_status_map, **(config.status_map or {})}
    mapped = status_map.get(remote_status, "")

    event = InboundStatusEvent(
        connector=config,
        event_id=event_id,
        application_reference=reference,
        remote_status=remote_status,
        mapped_status=mapped,
        occurred_at=occurred_at,
        outcome=InboundOutcome.APPLIED,
        received_at=now,
    )
    try:
        with transaction.atomic():
            event.save()  # the event ID is kept whatever comes of it: a replay is refused
    except IntegrityError:
        raise _refuse(connector_slug, 409, "replayed_event", event_id=event_id) from None
    try:
        application = _status_update_apply(event=event, config=config, note=note)
    except _Refusal as refusal:
        InboundStatusEvent.objects.filter(pk=event.pk).update(
            outcome=refusal.outcome, detail=refusal.detail[:2000], application=refusal.application
        )
        raise _refuse(connector_slug, refusal.http_status, refusal.code, refusal.detail, event_id) from None
    except Exception:
        event.delete()  # not our refusal but our fault: let the back office send it again
        raise
    logger.info(
        "status update applied: connector=%s event=%s application=%s → %s",
        connector_slug,
        event_id,
        application.pk,
        mapped,
    )
    return 200, {"result": "applied", "status": mapped}


# Prefill --------------------------------------------------------------------------------------------------


class ConsentRequired(Exception):
    pass


@dataclass
class PrefillResult:
    outcome: str
    values: dict = field(default_factory=dict)  # form field key → value
    lookup: PrefillLookup | None = None


def prefill_timeout_seconds():
    return settings.CONNECTORS_PREFILL_TIMEOUT_SECONDS


def _lookup_within_time(plugin, subject, attributes):
    """plugin.lookup(), given at most prefill_timeout_seconds(): the citizen is waiting on the page. A plugin
    should time out by itself (an HTTP time-out); this bounds one that does not. It runs in a worker thread,
    which is left to finish on its own if it overruns."""

    def call():
        try:
            return plugin.lookup(subject=subject, attributes=attributes)
        finally:
            connection.close()  # the worker thread's own database connection, if the plugin opened one

    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"prefill-{plugin.id}")
    try:
        # In the request's context, so that the register's log lines carry the request id.
        return executor.submit(contextvars.copy_context().run, call).result(timeout=prefill_timeout_seconds())
    except FutureTimeout:
        raise TimeoutError(f"prefill look-up {plugin.id} took longer than {prefill_timeout_seconds()}s") from None
    finally:
        executor.shutdown(wait=False)


def prefill_lookup(*, actor, subject, plugin_id, fields, consent, application=None):
    """Ask the register `plugin_id` about `subject` for `fields` ({form field key: register attribute}),
    only with consent. Every look-up, found or not, is recorded (PrefillLookup) and visible to the citizen.
    A failure (the plugin raises, or takes longer than CONNECTORS_PREFILL_TIMEOUT_SECONDS) never blocks the
    form: the result is empty and the citizen types the values."""
    if not consent:
        raise ConsentRequired()
    plugin = prefill_class(plugin_id)()
    now = timezone.now()
    values, filled = {}, {}
    try:
        answer = _lookup_within_time(plugin, subject, sorted(set(fields.values())))
        found = answer.values if answer is not None else {}
        for field_key, attribute in fields.items():
            if found.get(attribute) not in (None, ""):
                values[field_key] = found[attribute]
                filled[field_key] = {"attribute": attribute, "digest": prefill_value_digest(found[attribute])}
        outcome = (
            PrefillOutcome.FOUND
            if len(values) == len(fields)
            else PrefillOutcome.PARTLY
            if values
            else PrefillOutcome.NOT_FOUND
        )
    except Exception as error:  # the register is down or answered nonsense: fall back to typing
        logger.warning("prefill look-up %s failed: %s", plugin_id, error.__class__.__name__)
        values, filled, outcome = {}, {}, PrefillOutcome.FAILED
    lookup = PrefillLookup.objects.create(
        actor=actor,
        subject=subject,
        application=application,
        plugin=plugin_id,
        fields=sorted(fields),
        filled=filled,
        outcome=outcome,
        consent=True,
        created_at=now,
    )
    # Also in the tamper-evident audit log, about the citizen (who sees it there when someone else asked).
    audit_record(
        action="prefill.looked_up",
        actor=actor,
        on_behalf_of=subject,
        obj=lookup,
        details={"register": plugin_id, "outcome": str(outcome), "fields": sorted(fields)},
    )
    return PrefillResult(outcome=outcome, values=values, lookup=lookup)
