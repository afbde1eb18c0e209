"""Status updates from a back office: signed, fresh, once per event ID, only forward, mapped per connector,
applied through the engine (so the applicant hears of it); every refusal logged."""

import datetime
import json
import logging
import time
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from portal.applications.models import Application
from portal.connectors import signing
from portal.connectors.models import InboundOutcome, InboundStatusEvent

from .conftest import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(fast, rest_connector, submit, citizen):
    connector = rest_connector("http://127.0.0.1:9")
    application = submit(citizen)
    return connector, application


def post(client, connector, data, *, secret=SECRET, timestamp=None, raw=None):
    body = raw if raw is not None else json.dumps(data).encode()
    headers = signing.signed_headers(secret, body, timestamp=timestamp)
    return client.post(
        reverse("connectors:status_webhook", kwargs={"slug": connector.slug}),
        body,
        content_type="application/json",
        headers={
            "X-Portal-Timestamp": headers[signing.TIMESTAMP_HEADER],
            "X-Portal-Signature": headers[signing.SIGNATURE_HEADER],
        },
    )


def event(application, status, *, event_id=None, minutes_ago=0):
    at = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=minutes_ago)
    return {
        "event_id": event_id or uuid.uuid4().hex,
        "application": application.reference,
        "status": status,
        "occurred_at": at.isoformat(),
        "note": "",
    }


def status_of(application):
    return Application.objects.get(pk=application.pk).status


def test_a_mapped_status_is_applied_through_the_engine_and_announced(client, sent, django_capture_on_commit_callbacks):
    connector, application = sent
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, connector, event(application, "ACCEPTED"))
    assert response.status_code == 200 and response.json()["status"] == "received"
    assert status_of(application) == "received"
    last = application.events.latest("created_at")
    assert (last.from_status, last.to_status, last.source) == ("submitted", "received", "connector")
    assert len(mail.outbox) == 1 and application.reference in mail.outbox[0].subject


def test_duplicate_and_out_of_order_updates_apply_once_and_only_forward(client, sent, caplog):
    connector, application = sent
    approved = event(application, "APPROVED", minutes_ago=1)
    accepted = event(application, "ACCEPTED", minutes_ago=5)  # sent earlier, arrives later
    assert post(client, connector, approved).status_code == 200
    # "approved" implies the steps before it: applied in order, all forward
    assert [e.to_status for e in application.events.order_by("created_at", "id")] == [
        "draft",
        "submitted",
        "received",
        "in_review",
        "approved",
    ]
    with caplog.at_level(logging.WARNING, logger="portal.connectors"):
        assert post(client, connector, accepted).status_code == 409  # late: would go back
        assert post(client, connector, approved).status_code == 409  # the same event again
        assert post(client, connector, event(application, "APPROVED")).status_code == 409  # same status again
    assert status_of(application) == "approved"
    assert application.events.count() == 5
    assert post(client, connector, event(application, "DONE")).status_code == 200
    assert status_of(application) == "completed"
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 3
    assert any("replayed_event" in m for m in refusals)


def test_an_older_event_is_refused_even_when_the_move_itself_is_allowed(client, sent):
    connector, application = sent
    for status in ("ACCEPTED", "REVIEWING"):
        post(client, connector, event(application, status, minutes_ago=10))
    assert post(client, connector, {**event(application, "APPROVED"), "status": "SHELVED"}).status_code == 422
    assert post(client, connector, event(application, "REJECTED", minutes_ago=1)).status_code == 200
    assert post(client, connector, event(application, "APPROVED", minutes_ago=5)).status_code == 409
    assert status_of(application) == "rejected"
    assert InboundStatusEvent.objects.filter(outcome=InboundOutcome.UNKNOWN_STATUS).count() == 1


def test_forged_stale_and_replayed_updates_are_refused_and_logged(client, sent, caplog):
    connector, application = sent
    data = event(application, "ACCEPTED")
    with caplog.at_level(logging.WARNING, logger="portal.connectors"):
        assert post(client, connector, data, secret="not-the-secret").status_code == 401
        assert post(client, connector, data, timestamp=time.time() - 3600).status_code == 401
        body = json.dumps(data).encode()
        headers = signing.signed_headers(SECRET, body)
        tampered = client.post(
            reverse("connectors:status_webhook", kwargs={"slug": connector.slug}),
            body.replace(b"ACCEPTED", b"APPROVED"),
            content_type="application/json",
            headers={
                "X-Portal-Timestamp": headers[signing.TIMESTAMP_HEADER],
                "X-Portal-Signature": headers[signing.SIGNATURE_HEADER],
            },
        )
        assert tampered.status_code == 401
        assert status_of(application) == "submitted"
        assert not InboundStatusEvent.objects.exists()  # refused before anything is stored
        assert post(client, connector, data).status_code == 200
        assert post(client, connector, data).status_code == 409  # replayed event ID
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert sum("code=signature" in m for m in messages) == 3
    assert any("stale timestamp" in m for m in messages) and any("bad signature" in m for m in messages)
    assert sum("code=replayed_event" in m for m in messages) == 1


def test_unknown_application_or_one_never_sent_to_this_connector_is_404(client, sent, submit, citizen, rest_connector):
    connector, application = sent
    assert post(client, connector, {**event(application, "ACCEPTED"), "application": "NOPE-1"}).status_code == 404
    other = rest_connector("http://127.0.0.1:9", slug="other-bo", service_codes="9999-XX-000")
    assert post(client, other, event(application, "ACCEPTED")).status_code == 404  # not its application
    assert (
        client.post(
            reverse("connectors:status_webhook", kwargs={"slug": "missing"}), b"{}", content_type="application/json"
        ).status_code
        == 404
    )
    assert post(client, connector, None, raw=b"not json").status_code == 400
    assert status_of(application) == "submitted"


def test_status_path_only_moves_forward():
    from portal.applications.status import Source, status_path

    assert status_path("submitted", "approved", Source.CONNECTOR) == ["received", "in_review", "approved"]
    assert status_path("approved", "received", Source.CONNECTOR) is None
    assert status_path("completed", "in_review", Source.CONNECTOR) is None
    assert status_path("submitted", "withdrawn", Source.CONNECTOR) is None


def test_a_signed_body_nested_thirty_thousand_deep_is_a_400_with_a_reason_and_the_next_update_works(client, sent):
    connector, application = sent
    client.raise_request_exception = False  # a crash must show as the 500 the back office would get
    response = post(client, connector, None, raw=b"[" * 30000 + b"]" * 30000)
    assert response.status_code == 400
    assert response.json() == {"error": "too_deep"}
    assert not InboundStatusEvent.objects.exists()
    assert post(client, connector, event(application, "ACCEPTED")).status_code == 200
    assert status_of(application) == "received"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"event_id": "e-1", "application": "REF", "status": "ACCEPTED", "note": "\xff\xfe"}',  # invalid UTF-8
        "UTF-16",  # valid JSON, but not in UTF-8 (json.loads would guess the encoding)
        b'{"event_id": "\\ud800", "application": "REF", "status": "ACCEPTED"}',  # no database can store it
    ],
    ids=["invalid-utf8", "utf16", "lone-surrogate"],
)
def test_a_body_that_is_not_utf8_is_a_400_with_a_reason(client, sent, raw):
    connector, application = sent
    client.raise_request_exception = False
    if raw == "UTF-16":
        raw = json.dumps(event(application, "ACCEPTED")).encode("utf-16")
    response = post(client, connector, None, raw=raw.replace(b"REF", application.reference.encode()))
    assert response.status_code == 400
    assert response.json() == {"error": "not_utf8"}
    assert status_of(application) == "submitted"
    assert not InboundStatusEvent.objects.exists()
