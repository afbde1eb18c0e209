"""A one-time step: re-chain the audit events written before the chain was keyed.

Those rows were hashed with plain SHA-256, which anyone with the database can recompute. Rather than verify two
schemes for ever, and have to protect the point where one gives way to the other (a row marked "old scheme" is
exactly what someone rewriting the chain would write), this migration checks the existing chain the old way once,
then re-chains every row with the audit key (AUDIT_HMAC_KEY), so that every row verifies the same way afterwards.

A chain that already fails the old check is not re-chained silently, since that would launder the tampering: the
migration stops, naming the broken events, until the operator has looked into them and sets
AUDIT_RECHAIN_ACCEPT_BREAKS=1. Either way it ends with a signed anchor of the new head, recording the old head and
any breaks, in the log stream and the anchor file, so the evidence outlives the old hashes.

Run it with the previous release stopped (its processes would go on writing unkeyed rows). Going back leaves the
keyed hashes in place: the previous release's audit_verify would report every row."""

import hashlib
import json
import logging
import os

from django.db import migrations

GENESIS = "0" * 64
BATCH = 500
_LOCK_ID = 74_201_905  # the chain's lock (services.py): no event is written while the chain is re-keyed

logger = logging.getLogger("portal.audit.anchor")


def _legacy_canonical(event):  # frozen copy of the canonical row the plain SHA-256 chain was computed over
    row = {
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id, "actor_name": event.actor_name, "on_behalf_of_id": event.on_behalf_of_id,
        "action": event.action, "object_type": event.object_type, "object_id": event.object_id,
        "request_id": event.request_id, "details": event.details,
    }
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _in_batches(AuditEvent):
    last = 0
    while True:
        rows = list(AuditEvent.objects.filter(id__gt=last).order_by("id")[:BATCH])
        if not rows:
            return
        yield rows
        last = rows[-1].id


def rechain(apps, schema_editor):
    from portal.audit.services import anchor_emit, anchor_line, event_hash, keyring

    AuditEvent = apps.get_model("audit", "AuditEvent")
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
    if not AuditEvent.objects.filter(key_id="").exists():
        return

    breaks, previous, count = [], GENESIS, 0
    for rows in _in_batches(AuditEvent):
        for event in rows:
            digest = hashlib.sha256(f"{event.previous_hash}\n{_legacy_canonical(event)}".encode()).hexdigest()
            if event.previous_hash != previous or digest != event.hash:
                breaks.append(event.id)
            previous, count = event.hash, count + 1
    legacy_head = previous
    if breaks and os.environ.get("AUDIT_RECHAIN_ACCEPT_BREAKS") != "1":
        shown = ", ".join(map(str, breaks[:20])) + (" …" if len(breaks) > 20 else "")
        raise RuntimeError(
            f"The audit chain is already broken at {len(breaks)} event(s) ({shown}), checked the way it was written "
            "(plain SHA-256). Re-chaining it with the audit key would hide that. Look into it (the previous "
            "release's `manage.py audit_verify` lists the breaks), then run the migration again with "
            "AUDIT_RECHAIN_ACCEPT_BREAKS=1; the breaks are then recorded in the signed anchor it writes.")

    _keys, key = keyring()
    previous, last_id = GENESIS, None
    for rows in _in_batches(AuditEvent):
        for event in rows:
            event.previous_hash, event.key_id = previous, key.id
            event.hash = event_hash(previous, event, key=key)
            previous, last_id = event.hash, event.id
        AuditEvent.objects.bulk_update(rows, ["previous_hash", "hash", "key_id"])

    line = anchor_line(last_id=last_id, last_hash=previous, count=count, legacy_head=legacy_head,
                       legacy_breaks=breaks)
    try:
        anchor_emit(line)
    except OSError as error:  # the line is in the log stream; the anchor job appends the next one to the file
        logger.warning("could not append the re-chaining anchor to the anchor file: %s", error)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_auditevent_key_id"),
    ]

    operations = [
        migrations.RunPython(rechain, migrations.RunPython.noop, elidable=False),
    ]
