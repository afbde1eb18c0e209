"""The audit chain: append-only, and audit_verify finds an edited or deleted row."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal.audit.models import AuditEvent, AuditImmutable
from portal.audit.services import audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _chain(n=3):
    return [
        audit_record(
            action="application.viewed",
            actor=None,
            on_behalf_of=7,
            object_type="x",
            object_id=str(i),
            details={"n": i, "name": "王"},
        )
        for i in range(n)
    ]


def test_events_are_chained_and_verify_clean(capsys):
    events = _chain()
    assert events[1].previous_hash == events[0].hash and events[2].previous_hash == events[1].hash
    call_command("audit_verify")
    assert "whole" in capsys.readouterr().out


def test_rows_cannot_be_changed_or_deleted_through_the_orm():
    event = _chain(1)[0]
    event.action = "something.else"
    with pytest.raises(AuditImmutable):
        event.save()
    with pytest.raises(AuditImmutable):
        event.delete()
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.update(action="x")
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.all().delete()


def test_verify_detects_an_edited_row():
    events = _chain()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEvent._meta.db_table} SET object_id = %s WHERE id = %s", ["999", events[1].pk])  # noqa: S608
    assert [problem.event_id for problem in audit_verify().problems] == [events[1].pk]
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_verify_detects_a_deleted_row():
    events = _chain()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [events[1].pk])  # noqa: S608
    assert [problem.event_id for problem in audit_verify().problems] == [events[2].pk]


def test_request_id_is_recorded_and_returned(client, django_user_model):
    user = django_user_model.objects.create_user(username="u1", password="x-password-123")
    client.force_login(user)
    response = client.get("/accounts/activity/", headers={"X-Request-ID": "req-12345678"})
    assert response["X-Request-ID"] == "req-12345678"
