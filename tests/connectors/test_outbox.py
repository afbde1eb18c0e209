"""Submission writes the outbox rows in its own transaction; quick in-process checks of routing, claiming,
backoff and operator actions."""

import pytest

from portal.connectors import services
from portal.connectors.models import Delivery, DeliveryState

pytestmark = pytest.mark.django_db


def test_submission_writes_one_pending_delivery_per_matching_connector(fast, rest_connector, submit, citizen):
    rest_connector("http://127.0.0.1:9")
    application = submit(citizen)
    delivery = Delivery.objects.get(application=application)
    assert delivery.state == DeliveryState.PENDING and delivery.attempts == 0
    assert delivery.next_attempt_at is not None and delivery.idempotency_key


def test_no_connector_no_delivery(submit, citizen):
    application = submit(citizen)
    assert application.status == "submitted"
    assert not Delivery.objects.exists()


def test_claim_takes_each_due_row_once_and_backoff_is_capped(fast, rest_connector, submit, citizen):
    rest_connector("http://127.0.0.1:9")
    application = submit(citizen)
    first = services.deliveries_claim(limit=10)
    assert len(first) == 1 and services.deliveries_claim(limit=10) == []  # leased
    assert Delivery.objects.get(application=application).attempts == 1
    for attempts in range(1, 30):
        delay = services.backoff_seconds(attempts)
        ceiling = min(1.0, 0.2 * 2 ** (attempts - 1))
        assert ceiling / 2 <= delay <= ceiling


def test_unreachable_back_office_fails_then_dies_and_alerts_the_operator(
    fast, settings, rest_connector, submit, citizen
):
    from django.core import mail

    settings.ADMINS = ["ops@example.gov.cn"]
    rest_connector("http://127.0.0.1:9", max_attempts=2)  # port 9: nothing listens
    submit(citizen)
    delivery = Delivery.objects.get()
    assert services.deliveries_run_once() == 1
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.FAILED and delivery.last_error and delivery.next_attempt_at
    Delivery.objects.update(next_attempt_at=delivery.created_at)  # due now
    mail.outbox.clear()
    assert services.deliveries_run_once() == 1
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.DEAD and delivery.dead_at
    assert len(mail.outbox) == 1 and "ops@example.gov.cn" in mail.outbox[0].to


def test_operator_retry_and_cancel_are_recorded(fast, admin_user, rest_connector, submit, citizen):
    rest_connector("http://127.0.0.1:9", max_attempts=1)
    submit(citizen)
    services.deliveries_run_once()
    delivery = Delivery.objects.get()
    assert delivery.state == DeliveryState.DEAD
    services.delivery_retry(delivery=delivery, actor=admin_user)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and delivery.attempts == 0
    services.delivery_cancel(delivery=delivery, actor=admin_user, note="sent on paper")
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.CANCELLED
    assert [(a.kind, a.actor, a.from_state) for a in delivery.actions.order_by("created_at")] == [
        ("retry", admin_user, "dead"),
        ("cancel", admin_user, "pending"),
    ]
    with pytest.raises(services.OperatorActionRefused):
        services.delivery_cancel(delivery=delivery, actor=admin_user)


def test_admin_lists_deliveries_and_retries_them(fast, admin_client, admin_user, rest_connector, submit, citizen):
    from django.urls import reverse

    from tests.accounts.otp_helpers import otp_verified_login

    otp_verified_login(admin_client, admin_user)  # staff pages require a second factor
    rest_connector("http://127.0.0.1:9", max_attempts=1)
    submit(citizen)
    services.deliveries_run_once()
    delivery = Delivery.objects.get()
    changelist = reverse("admin:connectors_delivery_changelist")
    assert delivery.application.reference in admin_client.get(changelist + "?state=dead").content.decode()
    response = admin_client.post(changelist, {"action": "retry", "_selected_action": [delivery.pk]})
    assert response.status_code == 302
    assert Delivery.objects.get().state == DeliveryState.PENDING
    page = admin_client.get(reverse("connectors:operations") + "?health=0").content.decode()
    assert "civil-affairs-bo" in page and "dead" in page


def test_delivered_is_shown_as_sent_to_the_department(fast, rest_connector, submit, citizen):
    from django.utils import timezone

    from portal.connectors.selectors import application_delivery_progress, delivery_stats

    rest_connector("http://127.0.0.1:9")
    application = submit(citizen)
    assert str(application_delivery_progress(application)[0]) == "Submitted"
    Delivery.objects.update(state=DeliveryState.DELIVERED, delivered_at=timezone.now())
    assert str(application_delivery_progress(application)[0]) == "Sent to the department"
    stats = delivery_stats()
    assert stats["counts"]["delivered"] == 1 and stats["latency_p50"] is not None


def test_demo_connector_delivers_and_email_connector_attaches_the_receipt(fast, submit, citizen, monkeypatch):
    from django.core import mail

    from portal.connectors.models import ConnectorConfig

    ConnectorConfig.objects.create(slug="demo", name="Demo", plugin="demo")
    ConnectorConfig.objects.create(slug="mailbox", name="Mailbox", plugin="email", settings={"to": "dept@example.cn"})
    monkeypatch.setattr("portal.applications.receipts.receipt_render_pdf", lambda **kwargs: b"%PDF-1.7 receipt")
    mail.outbox.clear()
    application = submit(citizen)
    assert services.deliveries_run_once() == 2
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.DELIVERED}
    message = next(m for m in mail.outbox if m.to == ["dept@example.cn"])
    assert application.reference in message.subject
    assert any(name.endswith(".pdf") for name, _content, _type in message.attachments)
    again = Delivery.objects.get(connector__slug="mailbox")
    assert str(again.idempotency_key) in message.extra_headers["Message-ID"]
