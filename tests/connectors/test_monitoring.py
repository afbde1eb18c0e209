"""Prometheus metrics (portal/monitoring.py): behind a bearer token, the time each view takes, failed sign-ins, and
the backlogs operators watch, read from the database at each scrape: the outbox to each back office and the
receipts not yet rendered."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from portal.applications.models import ApplicationReceipt
from portal.connectors.models import Delivery, DeliveryState
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db

TOKEN = "a-long-random-metrics-token"


def scrape(client, token=TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get("/metrics", headers=headers)


def value(text, name, **labels):
    """The value of the sample `name{labels}` in the exposition `text`, or None when there is none."""
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        sample, _space, number = line.rpartition(" ")
        metric, _brace, label_text = sample.partition("{")
        found = dict(re.findall(r'(\w+)="([^"]*)"', label_text))
        if metric == name and all(found.get(key) == str(expected) for key, expected in labels.items()):
            return float(number)
    return None


def test_metrics_are_off_without_a_token(client):
    with override_settings(METRICS_TOKEN=""):
        assert scrape(client).status_code == 404


@override_settings(METRICS_TOKEN=TOKEN)
def test_metrics_need_the_bearer_token(client):
    assert scrape(client, token=None).status_code == 401
    refused = scrape(client, token="a-long-random-metrics-tokem")
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == 'Bearer realm="metrics"'
    answered = scrape(client)
    assert answered.status_code == 200 and answered["Content-Type"].startswith("text/plain")


@override_settings(METRICS_TOKEN=TOKEN)
def test_each_view_is_timed_by_its_name(client):
    before = value(scrape(client).content.decode(), "portal_request_seconds_count", view="search", status="2xx") or 0
    assert client.get(reverse("search"), {"q": "身份证"}).status_code == 200
    client.get("/no-such-page/")

    text = scrape(client).content.decode()

    assert value(text, "portal_request_seconds_count", view="search", method="GET", status="2xx") == before + 1
    assert value(text, "portal_request_seconds_count", view="metrics", method="GET", status="2xx") >= 1


@override_settings(METRICS_TOKEN=TOKEN)
def test_failed_sign_ins_are_counted(client, citizen):
    before = value(scrape(client).content.decode(), "portal_sign_in_failures_total") or 0
    client.post(reverse("accounts:sign_in"), {"identifier": citizen.phone, "password": PASSWORD + "x"})
    assert (
        client.post(reverse("accounts:sign_in"), {"identifier": citizen.phone, "password": PASSWORD}).status_code == 302
    )

    assert value(scrape(client).content.decode(), "portal_sign_in_failures_total") == before + 1


@override_settings(METRICS_TOKEN=TOKEN)
def test_an_operator_sees_the_deliveries_to_one_back_office_failing(client, citizen, rest_connector, submit):
    civil_affairs = rest_connector("http://127.0.0.1:9", slug="civil-affairs-bo")
    rest_connector("http://127.0.0.1:9", slug="health-bo")
    for _ in range(3):
        submit(citizen)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Delivery.objects.filter(connector=civil_affairs).update(state=DeliveryState.FAILED, created_at=an_hour_ago)
    Delivery.objects.filter(pk=Delivery.objects.filter(connector=civil_affairs).first().pk).update(
        state=DeliveryState.DEAD
    )
    Delivery.objects.exclude(connector=civil_affairs).update(state=DeliveryState.DELIVERED, delivered_at=timezone.now())

    text = scrape(client).content.decode()

    assert value(text, "portal_deliveries", connector="civil-affairs-bo", state="failed") == 2
    assert value(text, "portal_deliveries", connector="civil-affairs-bo", state="dead") == 1
    assert value(text, "portal_deliveries", connector="health-bo") is None  # all delivered: nothing waits
    assert value(text, "portal_delivery_oldest_due_seconds", connector="civil-affairs-bo") >= 3600
    assert value(text, "portal_delivery_oldest_due_seconds", connector="health-bo") is None


@override_settings(METRICS_TOKEN=TOKEN)
def test_receipts_not_yet_rendered_are_a_backlog(client, citizen, submit):
    application = submit(citizen)
    ApplicationReceipt.objects.all().delete()

    assert value(scrape(client).content.decode(), "portal_receipts_pending") == 1

    ApplicationReceipt.objects.create(application=application, language=application.language, large_print=False)
    text = scrape(client).content.decode()
    assert value(text, "portal_receipts_pending") == 0
    assert value(text, "portal_receipt_oldest_pending_seconds") == 0
