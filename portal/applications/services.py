"""Writes for the application engine, as noun_verb(*, ...) functions. Views call these; nothing here
reads a request. Every write to an application checks its version (optimistic locking)."""

import hashlib
import json
import logging
import uuid
from datetime import timedelta

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from portal.accounts import crypto
from portal.audit.services import audit_record
from portal.background.broker import publish

from . import hooks
from .definitions import FlowDef, flow_problems
from .field_types import FIELD_TYPES
from .models import Application, ApplicationDocument, Flow, FlowSource, FlowVersion, StatusEvent
from .notifications import draft_expiry_remind, status_change_announce
from .prefill import META_KEY, PrefillDecision, prefill_meta, prefill_value_digest, registers_of
from .receipts import receipt_get_or_create
from .references import reference_generate
from .registry import code_flow_definitions
from .scanning import scan_state
from .selectors import application_missing_steps, flow_catalogue_problems, receipts_pending
from .status import Channel, Source, Status, transition_allowed
from .text import localised
from .uploads import describe

logger = logging.getLogger(__name__)


class StaleApplication(Exception):
    """Someone (another tab, another device) changed the application since this page was loaded."""


class NotADraft(Exception):
    pass


class ApplicationIncomplete(Exception):
    def __init__(self, missing_steps):
        super().__init__(missing_steps)
        self.missing_steps = missing_steps


class AlreadySubmitted(Exception):
    def __init__(self, application):
        super().__init__(application.reference)
        self.application = application


class TransitionNotAllowed(Exception):
    pass


def retention_days():
    return settings.APPLICATION_DRAFT_RETENTION_DAYS


def reminder_days():
    return settings.APPLICATION_DRAFT_REMINDER_DAYS


# Flows ---------------------------------------------------------------------------------------------------


def _hash(definition):
    return hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def flow_version_publish(*, flow, definition, actor=None):
    """Store `definition` as the flow's newest version, unless it is what the newest already holds.
    Drafts keep the version they started on, so publishing never changes an application in progress."""
    flow_def = FlowDef.from_dict(definition)
    problems = flow_problems(flow_def)
    if problems:
        raise ValidationError(problems)
    definition = flow_def.to_dict()
    digest = _hash(definition)
    with transaction.atomic():
        latest = FlowVersion.objects.select_for_update().filter(flow=flow).order_by("-number").first()
        if latest and latest.definition_hash == digest:
            return latest, False
        version = FlowVersion.objects.create(
            flow=flow,
            number=(latest.number + 1) if latest else 1,
            definition=definition,
            definition_hash=digest,
            created_by=actor,
        )
    return version, True


def flows_load_from_code(*, actor=None):
    """Create or update every code-defined flow (registry.py); returns [(key, version number, created)]."""
    results = []
    for key, definition in code_flow_definitions().items():
        title = definition["title"]
        flow, _ = Flow.objects.update_or_create(
            key=key,
            defaults={
                "source": FlowSource.CODE,
                "title_zh": localised(title, "zh-hans"),
                "title_en": localised(title, "en"),
                "estimated_minutes": definition.get("estimated_minutes") or 10,
                "task_list": bool(definition.get("task_list")),
            },
        )
        version, created = flow_version_publish(flow=flow, definition=definition, actor=actor)
        results.append((key, version.number, created))
    return results


def _text(zh, en):
    return {"zh-hans": zh or "", "en": en or ""} if (zh or en) else None


def _condition(block):
    if not block or not block.get("field"):
        return []
    value = block.get("value") or ""
    if block.get("op") in ("in", "not_in"):
        value = [part.strip() for part in value.split(",") if part.strip()]
    return [{"field": block["field"], "op": block.get("op") or "equals", "value": value}]


def flow_definition_from_editor(flow):
    """The definition dict of a flow built in the admin (its StreamField of steps)."""
    steps = []
    for block in flow.steps:
        value = block.value
        fields = []
        for question in value["questions"]:
            options = []
            for line in (question.get("options") or "").splitlines():
                parts = [part.strip() for part in line.split("|")]
                if parts and parts[0]:
                    zh = parts[1] if len(parts) > 1 else parts[0]
                    en = parts[2] if len(parts) > 2 else ""
                    options.append({"value": parts[0], "label": {"zh-hans": zh, "en": en}})
            fields.append(
                {
                    "key": question["key"],
                    "type": question["type"],
                    "label": _text(question["label_zh"], question.get("label_en")),
                    "hint": _text(question.get("hint_zh"), question.get("hint_en")),
                    "required": bool(question.get("required")),
                    "options": options,
                    "from_account": question.get("from_account") or "",
                    "register": question.get("register") or "",
                    "min_value": float(question["min_value"]) if question.get("min_value") is not None else None,
                    "max_value": float(question["max_value"]) if question.get("max_value") is not None else None,
                    "max_length": question.get("max_length"),
                    "date_rule": question.get("date_rule") or "",
                    "allowed_types": list(question.get("allowed_types") or []),
                    "max_size_mb": question.get("max_size_mb"),
                    "max_files": question.get("max_files") or 1,
                    "material": question.get("material") or "",
                    "show_if": _condition(question.get("show_if")),
                }
            )
        steps.append(
            {
                "key": value["key"],
                "title": _text(value["title_zh"], value.get("title_en")),
                "description": _text(value.get("description_zh"), value.get("description_en")),
                "fields": fields,
                "show_if": _condition(value.get("show_if")),
            }
        )
    return {
        "key": flow.key,
        "title": _text(flow.title_zh, flow.title_en),
        "steps": steps,
        "estimated_minutes": flow.estimated_minutes,
        "declaration": _text(flow.declaration_zh, flow.declaration_en),
        "next_steps": _text(flow.next_steps_zh, flow.next_steps_en),
        "task_list": flow.task_list or None,
    }


def flow_publish_from_editor(*, flow, actor=None):
    """Publish what an editor built, unless it collects a material that a service using the flow does not list (or
    says the portal fetches): the service page is the one list of materials."""
    if flow.source == FlowSource.CODE:
        return None, False
    definition = flow_definition_from_editor(flow)
    problems = flow_catalogue_problems(flow.key, FlowDef.from_dict(definition).materials())
    if problems:
        raise ValidationError(problems)
    return flow_version_publish(flow=flow, definition=definition, actor=actor)


# Applications ------------------------------------------------------------------------------------------


def _record_event(*, application, from_status, to_status, source, actor, note="", at=None):
    event = StatusEvent.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        source=source,
        actor=actor,
        note=note,
        created_at=at or timezone.now(),
    )
    if from_status:  # a status change (not the draft's creation) is announced to the applicant
        transaction.on_commit(lambda: status_change_announce(event_id=event.pk))
    return event


def application_start(
    *,
    flow_version,
    applicant,
    actor,
    service_code,
    service_page=None,
    language="zh-hans",
    channel=Channel.ONLINE,
    mandate_reference=None,
    assist_session_reference=None,
    source=Source.PORTAL,
):
    now = timezone.now()
    with transaction.atomic():
        application = Application.objects.create(
            service_code=service_code,
            service_page=service_page,
            flow_version=flow_version,
            applicant=applicant,
            submitted_by=actor,
            channel=channel,
            mandate_reference=mandate_reference,
            assist_session_reference=assist_session_reference,
            language=language,
            created_at=now,
            updated_at=now,
            expires_at=now + timedelta(days=retention_days()),
        )
        _record_event(
            application=application, from_status="", to_status=Status.DRAFT, source=source, actor=actor, at=now
        )
        _audit_for_someone_else(application, actor, "application.started")
    return application


def _audit_for_someone_else(application, actor, action, **details):
    """Everything done to an application by someone other than its applicant goes into the audit chain."""
    if actor is None or actor.pk == application.applicant_id:
        return
    audit_record(
        action=action,
        actor=actor,
        on_behalf_of=application.applicant_id,
        obj=application,
        details={"channel": application.channel, "mandate": application.mandate_reference or "", **details},
    )


def _bump(application, expected_version, **changes):
    """Write `changes` only if nobody wrote since `expected_version`; raise StaleApplication otherwise."""
    now = timezone.now()
    changes.setdefault("updated_at", now)
    updated = Application.objects.filter(pk=application.pk, version=expected_version, status=Status.DRAFT).update(
        version=F("version") + 1, **changes
    )
    if not updated:
        current = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
        if current != Status.DRAFT:
            raise NotADraft()
        raise StaleApplication()
    for name, value in changes.items():
        setattr(application, name, value)
    application.version = expected_version + 1


def _document_store(*, application, field_key, upload, actor, document_id=None):
    kind, content_type, digest = describe(upload)
    document = ApplicationDocument(
        id=document_id or uuid.uuid4(),
        application=application,
        field_key=field_key,
        original_name=(upload.name or "upload")[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest,
        scan_state=scan_state(upload),
        uploaded_by=actor,
    )
    document.file.save(f"{document.id.hex}", upload, save=False)
    document.save()
    return document


@transaction.atomic
def application_step_save(*, application, step_key, cleaned_data, expected_version, actor, complete=True):
    """Keep the answers given on one step (and any file uploaded with them), mark the step done (unless
    `complete` is False: elder mode saves a step one question at a time)."""
    if application.status != Status.DRAFT:
        raise NotADraft()
    flow = application.flow
    step = flow.step(step_key)
    answers = dict(application.answers)
    uploads = []
    for field_def in flow.visible_fields(step, answers):
        field_type = FIELD_TYPES[field_def.type]
        if field_type.is_file:
            existing = [str(x) for x in answers.get(field_def.key) or []]
            if cleaned_data.get(field_def.key):
                new_id = uuid.uuid4()
                uploads.append((field_def.key, cleaned_data[field_def.key], new_id))
                existing.append(str(new_id))
            answers[field_def.key] = existing
        elif field_def.key in cleaned_data:
            answers[field_def.key] = field_type.to_storage(field_def, cleaned_data[field_def.key])
    completed = list(application.completed_steps)
    if complete and step_key not in completed:
        completed.append(step_key)
    now = timezone.now()
    _bump(
        application,
        expected_version,
        answers=answers,
        completed_steps=completed,
        updated_at=now,
        expires_at=now + timedelta(days=retention_days()),
        reminder_sent_at=None,
    )
    for field_key, upload, document_id in uploads:
        _document_store(
            application=application, field_key=field_key, upload=upload, actor=actor, document_id=document_id
        )
    _audit_for_someone_else(application, actor, "application.step_saved", step=step_key)
    return application


def application_prefill_decide(*, application, field_defs, consent, expected_version, actor):
    """The applicant's answer to "may we fill in these questions from the register(s) they name?". Yes: the
    public registers (hooks.public_registers) are asked about the applicant (never anyone else: the subject is
    the application's applicant, whoever acts) and record each look-up; the values found become the questions'
    starting values, shown with their source, until the applicant saves them. No: the register is not offered
    again in this application. Either way the choice is kept on the draft (prefill.META_KEY).
    Returns a PrefillDecision."""
    if application.status != Status.DRAFT:
        raise NotADraft()
    if application.version != expected_version:
        raise StaleApplication()  # before asking any register: the page the applicant answered is out of date
    meta = prefill_meta(application.answers)
    result = PrefillDecision()
    registers = registers_of(field_defs)
    if not consent:
        meta["declined"] = list(dict.fromkeys([*meta["declined"], *registers]))
        meta["asked"].update(dict.fromkeys((field_def.key for field_def in field_defs), "declined"))
        registers = []
    asked_of = {
        register_id: [field_def for field_def in field_defs if field_def.register_plugin == register_id]
        for register_id in registers
    }
    found = (
        hooks.public_registers().look_up(
            application=application,
            actor=actor,
            wanted={
                register_id: {field_def.key: field_def.register_attribute for field_def in asked}
                for register_id, asked in asked_of.items()
            },
        )
        if asked_of
        else {}
    )
    for register_id, asked in asked_of.items():
        answer = found.get(register_id)
        if answer is None or answer.failed:
            result.failed.append(register_id)
            meta["asked"].update(dict.fromkeys((field_def.key for field_def in asked), "failed"))
            continue
        for field_def in asked:
            value = answer.values.get(field_def.key)
            stored = FIELD_TYPES[field_def.type].from_register(field_def, value) if value is not None else None
            if stored is None:
                result.not_found.append(field_def.key)
                meta["asked"][field_def.key] = "not_found"
                continue
            result.filled.append(field_def.key)
            meta["asked"][field_def.key] = "found"
            meta["pending"][field_def.key] = stored
            meta["sources"][field_def.key] = {
                "plugin": register_id,
                "at": answer.at.isoformat(),
                "digest": prefill_value_digest(stored),
            }
    answers = dict(application.answers)
    answers[META_KEY] = meta
    _bump(application, expected_version, answers=answers)
    return result


@transaction.atomic
def document_remove(*, application, document, expected_version, actor):
    if document.application_id != application.pk:
        raise ValueError("document of another application")
    answers = dict(application.answers)
    answers[document.field_key] = [x for x in answers.get(document.field_key) or [] if x != str(document.pk)]
    _bump(application, expected_version, answers=answers)
    name = document.file.name
    storage = document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


def application_draft_delete(*, application, actor, expected_version):
    """A draft that the applicant no longer wants: removed with its files. Refused when it has been sent
    (NotADraft) or changed since the page that asked was loaded (StaleApplication); a draft already deleted
    (a second click) is left at that."""
    with transaction.atomic():
        current = Application.objects.select_for_update().filter(pk=application.pk).first()
        if current is None:
            return
        if current.status != Status.DRAFT:
            raise NotADraft()
        if current.version != expected_version:
            raise StaleApplication()
        _application_purge(current)


def _application_purge(application):
    files = [(d.file.storage, d.file.name) for d in application.documents.all()]
    files += [(r.file.storage, r.file.name) for r in application.receipts.all()]
    with transaction.atomic():
        application.delete()

        def remove_files():
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(remove_files)


REFERENCE_ATTEMPTS = 20


def _sent_with_a_new_reference(application_id, expected_version, **changes):
    """Mark the draft sent under a newly drawn reference number; a number another application took first (the
    unique constraint says so) is drawn again. Returns the reference, or None when the draft is no longer there,
    at that version, to send."""
    for _attempt in range(REFERENCE_ATTEMPTS):
        reference = reference_generate()
        try:
            with transaction.atomic():
                updated = Application.objects.filter(
                    pk=application_id, status=Status.DRAFT, version=expected_version
                ).update(reference=reference, **changes)
        except IntegrityError:
            if Application.objects.filter(reference=reference).exclude(pk=application_id).exists():
                continue  # the number is taken: draw another
            raise
        return reference if updated else None
    raise RuntimeError("could not find a free reference number")


def application_submit(*, application, actor, idempotency_key, expected_version, source=Source.PORTAL):
    """Send a draft, in one transaction with whatever the submission listeners write (hooks: connectors' outbox
    rows). The same idempotency key (a double click, a replayed request) returns the application already sent
    instead of sending twice; another key for a sent one raises AlreadySubmitted, and a draft changed since
    `expected_version` (another tab, another device) raises StaleApplication."""
    key = uuid.UUID(str(idempotency_key))
    with transaction.atomic():
        current = Application.objects.select_for_update().select_related("flow_version").get(pk=application.pk)
        if current.status != Status.DRAFT:
            if current.idempotency_key == key:
                return current
            raise AlreadySubmitted(current)
        if current.version != expected_version:
            raise StaleApplication()
        missing = application_missing_steps(current)
        if missing:
            raise ApplicationIncomplete(missing)
        flow = current.flow
        effective = flow.effective_answers(current.answers)
        now = timezone.now()
        reference = _sent_with_a_new_reference(
            current.pk,
            expected_version,
            status=Status.SUBMITTED,
            idempotency_key=key,
            submitted_at=now,
            updated_at=now,
            answers=effective,
            expires_at=None,
            version=F("version") + 1,
        )
        if reference is None:
            current = Application.objects.get(pk=current.pk)
            if current.idempotency_key == key:
                return current
            raise AlreadySubmitted(current)
        kept = {str(x) for key_ in effective for x in (effective[key_] if isinstance(effective[key_], list) else [])}
        orphans = list(current.documents.exclude(pk__in=[x for x in kept if _is_uuid(x)]))
        for document in orphans:  # files for questions a later answer made irrelevant
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))
        _record_event(
            application=current,
            from_status=Status.DRAFT,
            to_status=Status.SUBMITTED,
            source=source,
            actor=actor,
            at=now,
        )
        _audit_for_someone_else(current, actor, "application.submitted", reference=reference)
        current.status, current.reference = Status.SUBMITTED, reference
        for listener in hooks.submission_listeners():  # e.g. the outbox: delivery rows commit with the submission
            listener(application=current)
        application_id, language = current.pk, current.language
        transaction.on_commit(lambda: _after_submit(application_id, language))
    current.refresh_from_db()
    return current


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
        return True
    except ValueError:
        return False


def _after_submit(application_id, language):
    """Once the submission is committed: with Celery, hand the receipt to a worker at once. Never raises and
    never renders here: without a broker, or if it is down, the periodic receipts_render_pending job of the
    worker renders it, and a download before then renders it on demand."""
    try:
        publish("applications.receipt_render", [(str(application_id), language)])
    except Exception as error:
        logger.warning(
            "could not enqueue the receipt of application %s (%s); the worker's sweep will render it",
            application_id,
            error.__class__.__name__,
        )


# Receipts -------------------------------------------------------------------------------------------------


def receipt_render_for(*, application_id, language):
    """Render and store the standard receipt of a submitted application, unless it exists. None for a draft
    or an application that is gone."""
    application = (
        Application.objects.filter(pk=application_id)
        .exclude(status=Status.DRAFT)
        .select_related("flow_version", "applicant")
        .first()
    )
    if application is None or not application.reference:
        return None
    return receipt_get_or_create(application=application, language=language, large_print=False)


def receipts_render_pending(*, limit=20):
    """A background job: render the receipts of recent submissions that have none in their language yet
    (without Celery this is how every receipt is made; with it, this catches lost messages). Returns how
    many it rendered."""
    pending = receipts_pending().order_by("submitted_at").values_list("pk", "language")[:limit]
    rendered = 0
    for application_id, language in pending:
        try:
            if receipt_render_for(application_id=application_id, language=language):
                rendered += 1
        except Exception:  # one bad receipt must not stop the others; it is tried again next time
            logger.exception("could not render the receipt of application %s", application_id)
    return rendered


def application_transition(*, application, to_status, actor, source, note=""):
    """Move an application to `to_status`, if TRANSITIONS allows that move from its current status for
    this source. Records a StatusEvent and announces it to the applicant."""
    if to_status == Status.SUBMITTED:
        raise TransitionNotAllowed("use application_submit")
    with transaction.atomic():
        from_status = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
        if not transition_allowed(from_status, to_status, source):
            raise TransitionNotAllowed(f"{from_status} → {to_status} by {source}")
        now = timezone.now()
        updated = Application.objects.filter(pk=application.pk, status=from_status).update(
            status=to_status, updated_at=now, version=F("version") + 1
        )
        if not updated:
            raise StaleApplication()
        _record_event(
            application=application,
            from_status=from_status,
            to_status=to_status,
            source=source,
            actor=actor,
            note=note,
            at=now,
        )
    application.refresh_from_db()
    return application


def application_withdraw(*, application, actor, expected_version, note=""):
    """The applicant (or whoever acts for them) withdraws a sent application, which they may do until the review
    starts (TransitionNotAllowed after that, and for a draft, which is deleted instead). Refused with
    StaleApplication when it changed since `expected_version`: they decided on what they saw."""
    with transaction.atomic():
        status, version = (
            Application.objects.select_for_update().filter(pk=application.pk).values_list("status", "version").get()
        )
        if status == Status.DRAFT:
            raise TransitionNotAllowed("a draft is deleted, not withdrawn")
        if version != expected_version:
            raise StaleApplication()
        application = application_transition(
            application=application, to_status=Status.WITHDRAWN, actor=actor, source=Source.PORTAL, note=note
        )
        _audit_for_someone_else(application, actor, "application.withdrawn")
    return application


# Retention -----------------------------------------------------------------------------------------------


def drafts_remind(*, now=None):
    """Remind applicants of drafts that will be deleted soon; each draft is reminded once."""
    now = now or timezone.now()
    due = Application.objects.filter(
        status=Status.DRAFT,
        reminder_sent_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + timedelta(days=reminder_days()),
    ).select_related("applicant", "flow_version")
    count = 0
    for application in due:
        draft_expiry_remind(application=application)
        Application.objects.filter(pk=application.pk).update(reminder_sent_at=now)
        count += 1
    return count


def answers_resident_ids_reencrypt(*, batch_size=500):
    """Every resident ID number kept in applications' answers ({"encrypted": token}, ResidentIdType) under the
    current encryption key. Returns (how many applications changed, the ids of those holding a number no
    configured key can read). Each row is written only if nobody wrote it since it was read (its version), and
    the version is left alone so that no open page becomes stale; a row written meanwhile is picked up by the
    next run, which is why the command is run until it re-encrypts nothing."""
    changed, unreadable = 0, []
    applications = Application.objects.filter(answers__icontains='"encrypted"').only("pk", "answers", "version")
    for application in applications.order_by("pk").iterator(chunk_size=batch_size):
        answers, touched = dict(application.answers), False
        for key, stored in answers.items():
            if not (isinstance(stored, dict) and set(stored) == {"encrypted"}):
                continue
            try:
                token = crypto.reencrypted(stored["encrypted"])
            except InvalidToken:
                unreadable.append(application.pk)
                break
            if token:
                answers[key], touched = {"encrypted": token}, True
        if touched:
            changed += Application.objects.filter(pk=application.pk, version=application.version).update(
                answers=answers
            )
    return changed, unreadable


def drafts_purge_expired(*, now=None):
    """Delete drafts past their retention date, with their files. Logged (counts only, no personal data)."""
    now = now or timezone.now()
    expired = list(Application.objects.filter(status=Status.DRAFT, expires_at__lte=now))
    for application in expired:
        _application_purge(application)
    if expired:
        logger.info("purged %d expired draft applications", len(expired))
    return len(expired)
