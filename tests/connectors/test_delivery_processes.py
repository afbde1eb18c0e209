"""Reliable delivery against a real simulated back office, with real worker processes: nothing is lost
when the back office is down, and a worker killed mid-delivery still leaves exactly one record."""

import pytest

from portal.connectors.models import Delivery, DeliveryState

from .conftest import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def states():
    return sorted(Delivery.objects.values_list("state", flat=True))


def test_back_office_down_at_first_then_every_submission_arrives_exactly_once(
    fast, worker_env, start_worker, backoffice_factory, rest_connector, submit, citizen
):
    office = backoffice_factory()  # not started yet: connections are refused
    rest_connector(office.url)
    applications = [submit(citizen) for _ in range(5)]
    start_worker()
    start_worker()  # two workers compete for the same rows
    wait_until(
        lambda: Delivery.objects.filter(state=DeliveryState.FAILED, attempts__gte=2).count() == 5,
        message="every delivery to have failed at least twice",
    )
    assert all(a.status == "submitted" for a in applications)

    office.start()
    office.fail("error", 3)  # and it is shaky for a moment after it comes back
    wait_until(lambda: states() == [DeliveryState.DELIVERED] * 5, timeout=30, message="all delivered")

    records = office.deliveries()
    assert sorted(r["reference"] for r in records) == sorted(a.reference for a in applications)
    assert all(r["times_received"] == 1 for r in records)
    by_key = {r["idempotency_key"]: r["external_ref"] for r in records}
    for delivery in Delivery.objects.all():
        assert by_key[str(delivery.idempotency_key)] == delivery.external_reference
        assert delivery.attempts >= 3 and delivery.last_error == ""


def test_worker_killed_mid_delivery_back_office_records_it_once(
    fast, worker_env, processes, start_worker, backoffice_factory, rest_connector, submit, citizen
):
    office = backoffice_factory().start()
    rest_connector(office.url, timeout=10)
    office.fail("slow_after_record", 1, seconds=30)  # it records, then takes its time to answer
    application = submit(citizen)
    worker = start_worker()
    wait_until(lambda: office.deliveries(), message="the back office to record the delivery")
    processes.kill(worker)  # SIGKILL while the worker waits for the answer
    delivery = Delivery.objects.get(application=application)
    assert delivery.state == DeliveryState.IN_PROGRESS and delivery.attempts == 1

    start_worker()  # the lease (3 s) runs out; the new worker sends it again, same idempotency key
    wait_until(
        lambda: Delivery.objects.get(pk=delivery.pk).state == DeliveryState.DELIVERED,
        timeout=20,
        message="the delivery to be redelivered",
    )
    records = office.deliveries()
    assert len(records) == 1
    assert records[0]["reference"] == application.reference
    assert records[0]["times_received"] == 2  # received twice, recorded once
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.external_reference == records[0]["external_ref"]


def test_back_office_sends_status_back_and_the_citizen_sees_honest_states(
    fast, worker_env, live_server, start_worker, backoffice_factory, rest_connector, submit, citizen
):
    from portal.applications.models import Application
    from portal.connectors.selectors import application_delivery_progress

    slug = "civil-affairs-bo"
    office = backoffice_factory(
        portal_url=f"{live_server.url}/connectors/inbound/{slug}/status", auto_status="ACCEPTED"
    ).start()
    rest_connector(office.url, slug=slug)
    application = submit(citizen)
    label, _ = application_delivery_progress(application)
    assert str(label) == "Submitted"
    start_worker()
    wait_until(
        lambda: Application.objects.get(pk=application.pk).status == "received",
        timeout=30,
        message="the back office's status update",
    )
    event = application.events.latest("created_at")
    assert (event.to_status, event.source) == ("received", "connector")
    # A status the back office sends on request, signed by it: forward moves apply, backward ones are refused.
    assert office.send_status(application=application.reference, status="REVIEWING")["portal_status"] == 200
    assert office.send_status(application=application.reference, status="ACCEPTED")["portal_status"] == 409
    assert Application.objects.get(pk=application.pk).status == "in_review"
