"""The REST connector reads the back office's answer within bounds: an answer nested 30,000 deep, too large,
not UTF-8 or not JSON is a failed delivery (retried, with a clear last error), never a crash. The answers
come from a real HTTP server on a loopback port."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.connectors import services
from portal.connectors.base import DeliveryError
from portal.connectors.contrib.rest.plugin import RestJsonConnector
from portal.connectors.models import Delivery, DeliveryState

pytestmark = pytest.mark.django_db

ANSWERS = {
    "too_deep": b"[" * 30000 + b"]" * 30000,
    "too_large": json.dumps({"reference": "BO-1", "padding": "x" * 70_000}).encode(),
    "not_utf8": b'{"reference": "BO-\xff"}',
    "malformed": b"<html><body>Service temporarily unavailable</body></html>",
}


class AnswerWith(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = self.server.answer
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def back_office():
    """A real HTTP server on a free loopback port that answers every POST with server.answer."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), AnswerWith)
    server.daemon_threads = True
    server.answer = b"{}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.parametrize("reason", list(ANSWERS))
def test_an_unusable_answer_is_a_failed_delivery_with_its_reason_then_a_good_one_delivers(
    fast, back_office, rest_connector, submit, citizen, reason
):
    back_office.answer = ANSWERS[reason]
    config = rest_connector(f"http://127.0.0.1:{back_office.server_port}")
    submit(citizen)
    delivery = Delivery.objects.get()

    with pytest.raises(DeliveryError) as failed:  # the plugin says what went wrong, in its own terms
        RestJsonConnector(config).deliver(delivery=delivery, payload={"reference": "R-1"})
    assert reason in str(failed.value) and not failed.value.permanent

    assert services.deliveries_run_once() == 1  # the worker's own path: claim, send, record
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.FAILED and delivery.next_attempt_at is not None
    assert delivery.last_error.startswith("DeliveryError: ") and reason in delivery.last_error
    assert "RecursionError" not in delivery.last_error and delivery.external_reference == ""

    # The back office mends its answers: the retry (same idempotency key) is delivered with its reference.
    back_office.answer = json.dumps({"reference": "BO-42", "detail": {"queue": [1, 2]}}).encode()
    Delivery.objects.update(next_attempt_at=delivery.created_at)  # due now
    assert services.deliveries_run_once() == 1
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.DELIVERED and delivery.external_reference == "BO-42"
    assert delivery.last_error == ""
