"""A tamper-evident audit chain. On a copy of the database, someone who can write to it deletes the newest rows,
or edits a row and recomputes the chain (with the portal's old plain SHA-256, or even with the audit key):
`manage.py audit_verify` reports each, because rows are keyed with a secret kept outside the database
(AUDIT_HMAC_KEY) and the head of the chain is anchored outside it (signed lines in AUDIT_ANCHOR_PATH and the
"portal.audit.anchor" log)."""

import hashlib
import hmac
import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal.audit.models import AuditEvent
from portal.audit.services import audit_record, canonical

pytestmark = pytest.mark.django_db

KEY = "audit-key-for-the-tests-0123456789abcdef"
TABLE = AuditEvent._meta.db_table
GENESIS = "0" * 64


@pytest.fixture
def anchor_file(settings, tmp_path):
    settings.AUDIT_HMAC_KEY = KEY
    settings.AUDIT_HMAC_RETIRED_KEYS = []
    settings.AUDIT_ANCHOR_PATH = str(tmp_path / "anchors" / "audit.jsonl")  # the directory is made when needed
    return tmp_path / "anchors" / "audit.jsonl"


def _record(n, start=0):
    return [
        audit_record(
            action="application.viewed",
            actor=None,
            on_behalf_of=7,
            object_type="x",
            object_id=str(i),
            details={"n": i, "name": "王"},
        )
        for i in range(start, start + n)
    ]


def _verify(*args):
    """Runs audit_verify as an operator would; returns (passed, what it printed, the error it ended with)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", *args, stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue(), str(error)
    return True, out.getvalue() + err.getvalue(), ""


def _sql(statement, params):
    with connection.cursor() as cursor:  # AuditEvent refuses update() and delete(): go round it, as a DBA would
        cursor.execute(statement, params)


def _plain_sha256(previous, event):  # the portal's event_hash before the chain was keyed
    return hashlib.sha256(f"{previous}\n{canonical(event)}".encode()).hexdigest()


def _with_the_key(previous, event):  # what someone who stole AUDIT_HMAC_KEY could compute
    return hmac.new(KEY.encode(), f"{previous}\n{canonical(event)}".encode(), hashlib.sha256).hexdigest()


def _edit_and_rechain(event, hash_function, **columns):
    """Edit one row, then recompute every row's previous hash and hash in order, so the chain links up again."""
    assignments = ", ".join(f"{name} = %s" for name in ["object_id", *columns])
    _sql(f"UPDATE {TABLE} SET {assignments} WHERE id = %s", ["999", *columns.values(), event.pk])  # noqa: S608
    previous = GENESIS
    for row in AuditEvent.objects.order_by("id"):
        row.previous_hash = previous
        digest = hash_function(previous, row)
        _sql(f"UPDATE {TABLE} SET previous_hash = %s, hash = %s WHERE id = %s", [previous, digest, row.pk])  # noqa: S608
        previous = digest


def test_rows_are_keyed_with_the_audit_key_not_plain_sha256(anchor_file):
    first, second = _record(2)
    assert second.previous_hash == first.hash
    assert second.hash == _with_the_key(first.hash, second) != _plain_sha256(first.hash, second)


def test_an_untouched_chain_with_anchors_verifies_clean(anchor_file, caplog):
    _record(3)
    with caplog.at_level(logging.INFO, logger="portal.audit.anchor"):
        call_command("audit_anchor", stdout=io.StringIO())
        call_command("audit_anchor", stdout=io.StringIO())  # nothing new: no second line
        newest = _record(2, start=3)[-1]
        call_command("audit_anchor", stdout=io.StringIO())
    _record(1, start=5)  # written after the newest anchor: covered by the key until the next one

    lines = anchor_file.read_text().splitlines()
    assert len(lines) == 2
    anchor = json.loads(lines[-1])
    assert (anchor["last_id"], anchor["last_hash"], anchor["count"]) == (newest.pk, newest.hash, 5)
    # The same signed lines reach the log stream.
    assert [record.getMessage() for record in caplog.records if record.name == "portal.audit.anchor"] == lines

    passed, printed, _error = _verify()
    assert passed, printed
    assert "6 events" in printed and "2 anchors" in printed


def test_deleting_the_newest_events_is_reported_as_truncation(anchor_file):
    events = _record(5)
    call_command("audit_anchor", stdout=io.StringIO())
    _sql(f"DELETE FROM {TABLE} WHERE id >= %s", [events[3].pk])  # noqa: S608

    passed, printed, error = _verify()

    assert not passed
    assert "TRUNCATED" in printed and "TRUNCATED" in error
    assert f"event {events[4].pk}" in printed  # the anchored event that is gone
    assert "3 events" in printed and "5" in printed


def test_truncating_and_writing_on_is_still_reported(anchor_file):
    """The newest rows deleted, then the portal goes on writing: the new rows link to the cut head."""
    events = _record(4)
    call_command("audit_anchor", stdout=io.StringIO())
    _sql(f"DELETE FROM {TABLE} WHERE id >= %s", [events[2].pk])  # noqa: S608
    _record(3, start=10)

    passed, printed, error = _verify()

    assert not passed
    assert f"audit event {events[3].pk}" in printed
    assert "EDITED" not in printed  # the chain itself is whole: only the anchor shows what happened


@pytest.mark.parametrize("columns", [{}, {"key_id": ""}], ids=["key-id-kept", "key-id-cleared"])
def test_an_edit_recomputed_with_plain_sha256_is_reported(anchor_file, columns):
    events = _record(4)
    call_command("audit_anchor", stdout=io.StringIO())
    _edit_and_rechain(events[1], _plain_sha256, **columns)

    passed, printed, error = _verify()

    assert not passed
    assert f"audit event {events[0].pk}: EDITED" in printed  # every row was re-hashed: the first one already fails
    assert "REWRITTEN" in printed  # and the anchored hash is gone
    assert "EDITED" in error


def test_an_edit_recomputed_with_the_key_is_reported_by_the_anchor(anchor_file):
    events = _record(4)
    call_command("audit_anchor", stdout=io.StringIO())
    _edit_and_rechain(events[1], _with_the_key)

    passed, printed, error = _verify()

    assert not passed
    assert "EDITED" not in printed  # with the key, every row's hash checks out ...
    assert f"audit event {events[3].pk}: REWRITTEN" in printed  # ... but not the hash the anchor recorded
    assert "REWRITTEN" in error


def test_a_tampered_anchor_is_reported(anchor_file):
    _record(3)
    call_command("audit_anchor", stdout=io.StringIO())
    anchor = json.loads(anchor_file.read_text())
    anchor["count"] = 2  # someone "corrects" the anchor after deleting a row
    with anchor_file.open("a") as file:
        file.write(json.dumps(anchor) + "\n")
        file.write("not an anchor at all\n")

    passed, printed, error = _verify()

    assert not passed
    assert "line 2" in printed and "line 3" in printed
    assert "FORGED ANCHOR" in printed and "FORGED ANCHOR" in error


def test_an_anchor_signed_with_another_key_is_reported(anchor_file, settings):
    _record(2)
    settings.AUDIT_HMAC_KEY = "a-key-someone-made-up-for-themselves-0000"
    call_command("audit_anchor", "--force", stdout=io.StringIO())
    settings.AUDIT_HMAC_KEY = KEY
    _record(1, start=2)

    passed, printed, _error = _verify()

    assert not passed
    assert "FORGED ANCHOR" in printed and "line 1" in printed


def test_verify_reads_the_anchors_from_an_export_of_the_log_stream(anchor_file, tmp_path, caplog):
    events = _record(3)
    with caplog.at_level(logging.INFO, logger="portal.audit.anchor"):
        call_command("audit_anchor", stdout=io.StringIO())
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")  # the portal's log format
    exported = tmp_path / "from-the-log.txt"
    exported.write_text(
        "".join(formatter.format(record) + "\n" for record in caplog.records if record.name == "portal.audit.anchor")
    )
    anchor_file.unlink()  # the file is gone; the log stream's copy still holds the head

    assert _verify("--anchors", str(exported))[0]
    _sql(f"DELETE FROM {TABLE} WHERE id = %s", [events[2].pk])  # noqa: S608
    passed, printed, _error = _verify("--anchors", str(exported))
    assert not passed and "TRUNCATED" in printed


def test_the_background_worker_anchors_the_head(anchor_file):
    from portal.background.jobs import EMBEDDED, JOBS, Schedule, jobs_for

    assert any(job.path == "portal.audit.services.audit_anchor" and 0 < job.every <= 3600 for job in JOBS)
    newest = _record(2)[-1]
    Schedule(jobs_for(EMBEDDED)).run_due()
    assert json.loads(anchor_file.read_text().splitlines()[-1])["last_hash"] == newest.hash


def test_rotating_the_key_keeps_old_rows_verifiable(anchor_file, settings):
    old_rows = _record(2)
    call_command("audit_anchor", stdout=io.StringIO())
    settings.AUDIT_HMAC_KEY = "the-next-audit-key-after-rotation-000000"
    settings.AUDIT_HMAC_RETIRED_KEYS = [KEY]
    new_rows = _record(2, start=2)
    call_command("audit_anchor", stdout=io.StringIO())
    assert old_rows[0].key_id != new_rows[0].key_id
    assert KEY not in old_rows[0].key_id  # an id of the key, not the key

    assert _verify()[0]

    settings.AUDIT_HMAC_RETIRED_KEYS = []  # the old key forgotten: its rows and anchor can no longer be checked
    passed, printed, _error = _verify()
    assert not passed
    assert f"audit event {old_rows[0].pk}: UNKNOWN KEY" in printed and "AUDIT_HMAC_RETIRED_KEYS" in printed


def test_a_row_signed_with_a_retired_key_after_the_rotation_is_reported(anchor_file, settings):
    """Someone holding a retired (perhaps leaked) key cannot append rows with it once the new key is in use."""
    _record(1)
    settings.AUDIT_HMAC_KEY = "the-next-audit-key-after-rotation-000000"
    settings.AUDIT_HMAC_RETIRED_KEYS = [KEY]
    _record(1, start=1)
    settings.AUDIT_HMAC_KEY = KEY  # the old key, used again
    settings.AUDIT_HMAC_RETIRED_KEYS = ["the-next-audit-key-after-rotation-000000"]
    late = _record(1, start=2)[0]
    settings.AUDIT_HMAC_KEY = "the-next-audit-key-after-rotation-000000"
    settings.AUDIT_HMAC_RETIRED_KEYS = [KEY]

    passed, printed, _error = _verify()
    assert not passed
    assert f"audit event {late.pk}: KEY ORDER" in printed


def test_anchoring_an_empty_chain_writes_nothing(anchor_file):
    out = io.StringIO()
    call_command("audit_anchor", stdout=out)
    assert not anchor_file.exists()
    assert "no audit events" in out.getvalue().lower()
