"""The one way to write an audit event: audit_record(); and the two ways to hold the chain to account:
audit_anchor() and audit_verify().

Each row stores the previous row's hash, and its own hash is an HMAC-SHA256, under AUDIT_HMAC_KEY, of that previous
hash and a canonical JSON of its own fields. The key is kept outside the database, so someone who can write to the
database can neither edit a row nor recompute the chain after an edit without audit_verify() noticing.

Deleting the newest rows leaves a shorter chain that is still whole, and someone who also holds the key could
recompute the chain. So the head is anchored outside the database: audit_anchor() (a background job, and
`manage.py audit_anchor`) writes a signed line with the newest event's id and hash and the number of events to the
"portal.audit.anchor" log stream and appends it to the file AUDIT_ANCHOR_PATH; audit_verify() checks the chain
against every anchor.

Key rotation: each row records the id of the key that signed it (key_id, a fingerprint, never the key). A new
AUDIT_HMAC_KEY signs every row from its first use; the old key moves to AUDIT_HMAC_RETIRED_KEYS so that the rows
and anchors it signed still verify. Keys only move forward along the chain: a row signed with a retired key after
a row signed with a newer one is reported. Rows hashed with plain SHA-256, before the chain was keyed, are
re-chained once by migration 0003 (see there and docs/audit.md)."""

import functools
import hashlib
import hmac
import json
import logging
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .middleware import current_request_id
from .models import AuditEvent

GENESIS = "0" * 64
_LOCK_ID = 74_201_905  # PostgreSQL advisory lock: one writer extends the chain at a time
ANCHOR_KIND = "audit-anchor"
anchor_logger = logging.getLogger("portal.audit.anchor")


# ---- keys ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    id: str
    secret: bytes = field(repr=False)
    rank: int  # its place in the rotation: retired keys first, oldest first; the current key last


def _key_id(secret):
    return hmac.new(secret, b"portal.audit key id", hashlib.sha256).hexdigest()[:12]


@functools.lru_cache(maxsize=8)
def _keyring(current, retired, secret_key):
    # Unset (dev and test only: production refuses to start without it), the key is derived from SECRET_KEY.
    current = current.encode() if current else hashlib.sha256(f"audit-hmac:{secret_key}".encode()).digest()
    keys = {}
    for rank, secret in enumerate([*(key.encode() for key in retired), current]):
        keys[_key_id(secret)] = Key(_key_id(secret), secret, rank)  # a key listed twice keeps its newest place
    return keys, keys[_key_id(current)]


def keyring():
    """({key id: Key} of every key that may have signed a row or an anchor, the key that signs new ones)."""
    return _keyring(settings.AUDIT_HMAC_KEY or "", tuple(settings.AUDIT_HMAC_RETIRED_KEYS), settings.SECRET_KEY)


# ---- the chain -------------------------------------------------------------------------------------------------


def canonical(event):
    row = {
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "on_behalf_of_id": event.on_behalf_of_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "request_id": event.request_id,
        "details": event.details,
    }
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(previous_hash, event, *, key):
    return hmac.new(key.secret, f"{previous_hash}\n{canonical(event)}".encode(), hashlib.sha256).hexdigest()


def _id(user):
    return getattr(user, "pk", user) if user is not None else None


def audit_record(
    *, action, actor=None, on_behalf_of=None, obj=None, object_type="", object_id="", details=None, request_id=None
):
    """Appends one event. `obj` (a model instance) gives object_type and object_id when they are not given."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    _keys, key = keyring()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            created_at=timezone.now(),
            actor_id=_id(actor),
            actor_name=str(actor)[:100] if actor is not None else "",
            on_behalf_of_id=_id(on_behalf_of),
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            request_id=request_id if request_id is not None else current_request_id(),
            details=details or {},
            previous_hash=last or GENESIS,
            key_id=key.id,
        )
        # Store the JSON as the database will give it back, so the hash can be recomputed from the row.
        event.details = json.loads(json.dumps(event.details, default=str))
        event.hash = event_hash(event.previous_hash, event, key=key)
        event.save()
    return event


# ---- anchors ---------------------------------------------------------------------------------------------------


def _signature(payload, key):
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key.secret, f"portal.audit.anchor\n{body}".encode(), hashlib.sha256).hexdigest()


def anchor_line(*, last_id, last_hash, count, **extra):
    """One signed JSON line fixing the chain's head: the newest event's id and hash, and how many events there are."""
    _keys, key = keyring()
    payload = {
        "kind": ANCHOR_KIND,
        "at": timezone.now().isoformat(timespec="seconds"),
        "last_id": last_id,
        "last_hash": last_hash,
        "count": count,
        "key_id": key.id,
        **extra,
    }
    payload["sig"] = _signature(payload, key)
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def anchor_store_path():
    return settings.AUDIT_ANCHOR_PATH or ""


def anchor_emit(line, *, path=None):
    """Sends an anchor line to the log stream and appends it to the anchor file (one write, then fsync)."""
    anchor_logger.info("%s", line)
    path = anchor_store_path() if path is None else path
    if not path:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _last_line(path):
    try:
        with open(path, "rb") as file:
            file.seek(0, os.SEEK_END)
            file.seek(max(0, file.tell() - 8192))
            lines = file.read().decode(errors="replace").splitlines()
    except FileNotFoundError:
        return ""
    return next((line for line in reversed(lines) if line.strip()), "")


def audit_anchor(*, force=False):
    """Anchors the chain's head (the background job; `manage.py audit_anchor`). Returns the anchor written, or
    None when there is nothing to anchor: no events, or the head is the one the anchor file already ends with."""
    head = AuditEvent.objects.order_by("-id").values("id", "hash").first()
    if head is None:
        return None
    path = anchor_store_path()
    if path and not force:
        last = _parse_anchor(_last_line(path))
        if last and (last.get("last_id"), last.get("last_hash")) == (head["id"], head["hash"]):
            return None
    # Rows up to the head never change (they are only appended, in id order, under the chain's lock), so this
    # count belongs with the head even though it is a second query.
    count = AuditEvent.objects.filter(id__lte=head["id"]).count()
    line = anchor_line(last_id=head["id"], last_hash=head["hash"], count=count)
    anchor_emit(line, path=path)
    return json.loads(line)


def _parse_anchor(line):
    """The anchor in a line of the anchor file or of the log stream (text before the JSON is skipped), or None."""
    start = line.find("{")
    if start < 0:
        return None
    try:
        payload = json.loads(line[start:])
    except ValueError:
        return None
    if not isinstance(payload, dict) or payload.get("kind") != ANCHOR_KIND:
        return None
    return payload


# ---- verification ----------------------------------------------------------------------------------------------

TRUNCATED, DELETED, REWRITTEN = "TRUNCATED", "DELETED", "REWRITTEN"
EDITED, BROKEN_LINK, UNKNOWN_KEY, KEY_ORDER, FORGED_ANCHOR = (
    "EDITED",
    "BROKEN LINK",
    "UNKNOWN KEY",
    "KEY ORDER",
    "FORGED ANCHOR",
)


@dataclass(frozen=True)
class Problem:
    event_id: int | None
    kind: str
    message: str

    def __str__(self):
        where = f"audit event {self.event_id}: " if self.event_id is not None else ""
        return f"{where}{self.kind}: {self.message}"


@dataclass
class Verification:
    events: int = 0
    anchors: int = 0
    anchor_path: str = ""
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def summary(self):
        return ", ".join(f"{kind} ×{n}" for kind, n in Counter(p.kind for p in self.problems).items())


@dataclass(frozen=True)
class _Anchor:
    line: int
    at: str
    last_id: int
    last_hash: str
    count: int


def _anchors_read(path, keys, problems):
    """The anchors of the file whose signature holds; a FORGED ANCHOR problem for every other line."""
    anchors = []
    with open(path, encoding="utf-8", errors="replace") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            where = f"anchor line {number} of {path}"
            payload = _parse_anchor(line)
            if payload is None:
                problems.append(Problem(None, FORGED_ANCHOR, f"{where} is not an audit anchor."))
                continue
            signature = payload.pop("sig", "")
            key = keys.get(payload.get("key_id"))
            if key is None:
                problems.append(
                    Problem(
                        None,
                        FORGED_ANCHOR,
                        (
                            f"{where} is signed with a key this portal does not have "
                            f"(key id {payload.get('key_id')!r}): "
                            "it was forged, or a retired key is missing from AUDIT_HMAC_RETIRED_KEYS."
                        ),
                    )
                )
                continue
            if not isinstance(signature, str) or not hmac.compare_digest(signature, _signature(payload, key)):
                problems.append(
                    Problem(
                        None,
                        FORGED_ANCHOR,
                        (f"{where}: the signature does not match its content: the anchor was forged or altered."),
                    )
                )
                continue
            try:
                anchors.append(
                    _Anchor(
                        number,
                        str(payload["at"]),
                        int(payload["last_id"]),
                        str(payload["last_hash"]),
                        int(payload["count"]),
                    )
                )
            except (KeyError, TypeError, ValueError):
                problems.append(Problem(None, FORGED_ANCHOR, f"{where} is signed but incomplete."))
    return anchors


def audit_verify(*, anchor_path=None):
    """Checks every row's link and keyed hash, then the chain against every anchor (AUDIT_ANCHOR_PATH, or the
    file named, e.g. an export of the "portal.audit.anchor" log stream). Returns a Verification."""
    keys, _current = keyring()
    path = anchor_store_path() if anchor_path is None else anchor_path
    result = Verification(anchor_path=path)
    problems = result.problems
    anchors = []
    if not path:
        result.notes.append(
            "No anchor store is configured (AUDIT_ANCHOR_PATH): the chain was checked with the key "
            "only, so deleting the newest events could not be noticed."
        )
    elif not os.path.exists(path):
        result.notes.append(f"There are no anchors yet ({path} does not exist).")
    else:
        anchors = _anchors_read(path, keys, problems)
    result.anchors = len(anchors)
    by_id = defaultdict(list)
    for anchor in anchors:
        by_id[anchor.last_id].append(anchor)
    anchored_ids = sorted(by_id)
    next_anchored = 0
    disagreeing = []  # (anchor, event id, what differs)

    previous, rank, last_id, count, count_at_newest_anchor = GENESIS, -1, None, 0, 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        while next_anchored < len(anchored_ids) and anchored_ids[next_anchored] < event.id:
            gone = anchored_ids[next_anchored]
            first = by_id[gone][0]
            problems.append(
                Problem(
                    gone,
                    DELETED,
                    (
                        f"the anchor of {first.at} (line {first.line}) recorded this event, and it is missing: "
                        "events up to it were deleted, and the chain went on from where it was cut."
                    ),
                )
            )
            next_anchored += 1
        if event.previous_hash != previous:
            problems.append(
                Problem(
                    event.id,
                    BROKEN_LINK,
                    (
                        "its previous hash is not the hash of the event before it: an event before it was deleted or "
                        "changed."
                    ),
                )
            )
        key = keys.get(event.key_id)
        if key is None:
            problems.append(
                Problem(
                    event.id,
                    UNKNOWN_KEY,
                    (
                        f"signed with a key this portal does not have (key id {event.key_id!r}): "
                        "written outside the portal, "
                        "or a retired key is missing from AUDIT_HMAC_RETIRED_KEYS."
                    ),
                )
            )
        else:
            if key.rank < rank:
                problems.append(
                    Problem(
                        event.id,
                        KEY_ORDER,
                        (
                            "signed with a key retired before the key of an earlier event: written outside the portal "
                            "with an old key."
                        ),
                    )
                )
            rank = max(rank, key.rank)
            if event_hash(event.previous_hash, event, key=key) != event.hash:
                problems.append(
                    Problem(
                        event.id,
                        EDITED,
                        (
                            "its hash does not match its content under the audit key: it was edited, or the chain was "
                            "re-hashed without the key."
                        ),
                    )
                )
        if next_anchored < len(anchored_ids) and anchored_ids[next_anchored] == event.id:
            for anchor in by_id[event.id]:
                if anchor.last_hash != event.hash:
                    disagreeing.append(
                        (
                            anchor,
                            event.id,
                            (
                                f"its hash is {event.hash[:16]}…, but the anchor of {anchor.at} (line {anchor.line}) "
                                f"recorded {anchor.last_hash[:16]}…: the chain was rewritten up to here (recomputed, "
                                "perhaps with the audit key)."
                            ),
                        )
                    )
                elif anchor.count != count:
                    disagreeing.append(
                        (
                            anchor,
                            event.id,
                            (
                                f"it is event number {count} of the chain, "
                                f"but the anchor of {anchor.at} (line {anchor.line}) "
                                f"counted {anchor.count}: events before it were deleted or inserted."
                            ),
                        )
                    )
            next_anchored += 1
            count_at_newest_anchor = count
        previous, last_id = event.hash, event.id
    result.events = count

    if disagreeing:  # the earliest disagreement shows where the rewriting starts to show; the rest follow from it
        anchor, event_id, message = min(disagreeing, key=lambda item: (item[1], item[0].line))
        others = len(disagreeing) - 1
        problems.append(
            Problem(
                event_id,
                REWRITTEN,
                message + (f" {others} later anchor(s) disagree with the chain too." if others else ""),
            )
        )
    beyond = anchored_ids[next_anchored:]
    if beyond:
        newest = max((anchor for ident in beyond for anchor in by_id[ident]), key=lambda a: (a.last_id, a.count))
        ends = f"ends at event {last_id}" if last_id is not None else "is empty"
        problems.append(
            Problem(
                newest.last_id,
                TRUNCATED,
                (
                    f"the chain {ends} ({count} events), but the anchor of {newest.at} (line {newest.line}) recorded "
                    f"event {newest.last_id} with {newest.count} events: the newest events were deleted."
                ),
            )
        )
    if anchors and not beyond and count > count_at_newest_anchor:
        result.notes.append(
            f"{count - count_at_newest_anchor} event(s) were written after the newest anchor; "
            "until the next anchor only the key covers them."
        )
    return result
