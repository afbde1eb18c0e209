"""The simulated back office (a real process on a loopback port) parses what it is sent within bounds too:
a signed delivery nested 30,000 deep, a body that is not UTF-8, or a Content-Length it will not read is a
400 or 413 with a reason, and it goes on recording good deliveries."""

import http.client
import json
import uuid

from portal.connectors import signing

from .conftest import SECRET


def request(backoffice, path, body, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", backoffice.port, timeout=5)
    try:
        connection.request("POST", path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def signed(body):
    return {
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        **signing.signed_headers(SECRET, body, idempotency_key=uuid.uuid4()),
    }


def test_deep_or_undecodable_bodies_are_refused_with_a_reason_and_good_ones_still_recorded(backoffice_factory):
    backoffice = backoffice_factory().start()
    deep = b"[" * 30000 + b"]" * 30000
    assert request(backoffice, "/deliveries", deep, signed(deep)) == (400, {"error": "too_deep"})
    assert request(backoffice, "/control/fail", deep) == (400, {"error": "too_deep"})
    not_utf8 = b'{"reference": "R-\xff"}'
    assert request(backoffice, "/deliveries", not_utf8, signed(not_utf8)) == (400, {"error": "not_utf8"})
    status, answer = request(backoffice, "/deliveries", b"{}", {"Content-Length": "lots"})
    assert (status, answer) == (400, {"error": "bad_content_length"})
    status, answer = request(backoffice, "/deliveries", b"{}", {"Content-Length": str(10**9)})
    assert (status, answer) == (413, {"error": "too_large"})

    good = json.dumps({"reference": "R-1", "application_id": "a-1"}).encode()
    status, answer = request(backoffice, "/deliveries", good, signed(good))
    assert status == 200 and answer["reference"].startswith("BO-") and answer["duplicate"] is False
    assert [d["reference"] for d in backoffice.deliveries()] == ["R-1"]
