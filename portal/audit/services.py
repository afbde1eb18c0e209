"""The one way to write an audit event: audit_record(). Each row's hash is SHA-256 over the previous row's
hash and a canonical JSON of its own fields, so editing or deleting a row breaks the chain (audit_verify)."""

import hashlib
import json

from django.db import connection, transaction
from django.utils import timezone

from .middleware import current_request_id
from .models import AuditEvent

GENESIS = "0" * 64
_LOCK_ID = 74_201_905  # PostgreSQL advisory lock: one writer extends the chain at a time


def canonical(event):
    row = {
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id, "actor_name": event.actor_name, "on_behalf_of_id": event.on_behalf_of_id,
        "action": event.action, "object_type": event.object_type, "object_id": event.object_id,
        "request_id": event.request_id, "details": event.details,
    }
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(previous_hash, event):
    return hashlib.sha256(f"{previous_hash}\n{canonical(event)}".encode()).hexdigest()


def _id(user):
    return getattr(user, "pk", user) if user is not None else None


def audit_record(*, action, actor=None, on_behalf_of=None, obj=None, object_type="", object_id="", details=None,
                 request_id=None):
    """Appends one event. `obj` (a model instance) gives object_type and object_id when they are not given."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            created_at=timezone.now(), actor_id=_id(actor), actor_name=str(actor)[:100] if actor is not None else "",
            on_behalf_of_id=_id(on_behalf_of), action=action, object_type=object_type, object_id=str(object_id),
            request_id=request_id if request_id is not None else current_request_id(), details=details or {},
            previous_hash=last or GENESIS)
        # Store the JSON as the database will give it back, so the hash can be recomputed from the row.
        event.details = json.loads(json.dumps(event.details, default=str))
        event.hash = event_hash(event.previous_hash, event)
        event.save()
    return event


def audit_verify():
    """[(event id or None, problem)] for every break in the chain; empty when the chain is whole."""
    problems = []
    previous = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.previous_hash != previous:
            problems.append((event.id, "previous hash does not match: a row before it was deleted or changed"))
        if event_hash(event.previous_hash, event) != event.hash:
            problems.append((event.id, "hash does not match the row: it was edited"))
        previous = event.hash
    return problems
