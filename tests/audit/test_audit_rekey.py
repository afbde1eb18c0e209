"""Databases written before the chain was keyed hold rows hashed with plain SHA-256. Migrating re-chains them once
with the audit key, after checking them the old way, and anchors the result; production refuses to start
without the audit key and the anchor store."""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from portal.audit.models import AuditEvent
from portal.audit.services import canonical
from tests.production import production_environment

ROOT = Path(__file__).resolve().parents[2]
KEY = "audit-key-for-the-tests-0123456789abcdef"
TABLE = AuditEvent._meta.db_table
BEFORE_KEYING = [("audit", "0001_initial")]


def _legacy_rows(n, *, break_at=None):
    """Rows as the portal wrote them before the fix: previous hash, then SHA-256 over it and the canonical row."""
    previous = "0" * 64
    for i in range(n):
        row = AuditEvent(
            created_at=timezone.now(),
            actor_id=None,
            actor_name="",
            on_behalf_of_id=7,
            action="application.viewed",
            object_type="x",
            object_id=str(i),
            request_id="",
            details={"n": i, "name": "王"},
            previous_hash=previous,
        )
        digest = hashlib.sha256(f"{previous}\n{canonical(row)}".encode()).hexdigest()
        object_id = "999" if i == break_at else row.object_id  # edited after it was hashed
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (created_at, actor_id, actor_name, on_behalf_of_id, action, object_type,"  # noqa: S608
                " object_id, request_id, details, previous_hash, hash) VALUES (%s, NULL, '', 7, %s, 'x', %s, '', %s,"
                " %s, %s)",
                [row.created_at, row.action, object_id, json.dumps(row.details), previous, digest],
            )
        previous = digest


@pytest.fixture
def before_keying(transactional_db, settings, tmp_path):
    """The audit table as it was before the keyed chain; put back to the newest migrations afterwards."""
    settings.AUDIT_HMAC_KEY = KEY
    settings.AUDIT_HMAC_RETIRED_KEYS = []
    settings.AUDIT_ANCHOR_PATH = str(tmp_path / "audit.jsonl")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_KEYING)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_to_newest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_migrating_re_chains_old_rows_with_the_key_and_anchors_them(before_keying, tmp_path):
    _legacy_rows(3)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT hash FROM {TABLE} ORDER BY id DESC LIMIT 1")  # noqa: S608
        legacy_head = cursor.fetchone()[0]

    _migrate_to_newest()

    out = io.StringIO()
    call_command("audit_verify", stdout=out)
    assert "3 events" in out.getvalue() and "1 anchor" in out.getvalue()
    rows = list(AuditEvent.objects.order_by("id"))
    assert all(row.key_id for row in rows) and legacy_head not in {row.hash for row in rows}
    anchor = json.loads((tmp_path / "audit.jsonl").read_text())
    assert (anchor["last_id"], anchor["last_hash"], anchor["count"]) == (rows[-1].pk, rows[-1].hash, 3)
    assert anchor["legacy_head"] == legacy_head and anchor["legacy_breaks"] == []


def test_migrating_refuses_to_re_chain_a_chain_already_broken(before_keying, tmp_path, monkeypatch):
    _legacy_rows(3, break_at=1)

    with pytest.raises(Exception, match="AUDIT_RECHAIN_ACCEPT_BREAKS"):
        _migrate_to_newest()

    # Having looked into it, the operator lets it through; the breaks are kept in the signed anchor.
    monkeypatch.setenv("AUDIT_RECHAIN_ACCEPT_BREAKS", "1")
    _migrate_to_newest()
    anchor = json.loads((tmp_path / "audit.jsonl").read_text().splitlines()[-1])
    second = AuditEvent.objects.order_by("id")[1]
    assert anchor["legacy_breaks"] == [second.pk]


def _run_manage(*args, **extra_env):
    env = {
        name: value for name, value in os.environ.items() if not name.startswith("AUDIT_") and name != "DATABASE_URL"
    }
    # production's requirements but the audit ones, which these tests give or leave out
    env.update({name: value for name, value in production_environment().items() if not name.startswith("AUDIT_")})
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_the_audit_key_or_the_anchor_store(tmp_path):
    anchors = str(tmp_path / "audit.jsonl")
    missing_key = _run_manage("check", AUDIT_ANCHOR_PATH=anchors)
    assert missing_key.returncode != 0 and "AUDIT_HMAC_KEY must be set" in missing_key.stderr
    weak_key = _run_manage("check", AUDIT_ANCHOR_PATH=anchors, AUDIT_HMAC_KEY="short")
    assert weak_key.returncode != 0 and "AUDIT_HMAC_KEY" in weak_key.stderr
    missing_store = _run_manage("check", AUDIT_HMAC_KEY=KEY)
    assert missing_store.returncode != 0 and "AUDIT_ANCHOR_PATH must be set" in missing_store.stderr

    configured = _run_manage(
        "check", "--deploy", "--fail-level", "WARNING", AUDIT_HMAC_KEY=KEY, AUDIT_ANCHOR_PATH=anchors
    )
    assert configured.returncode == 0, configured.stdout + configured.stderr
