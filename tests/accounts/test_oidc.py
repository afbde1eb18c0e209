"""Unified identity sign-in over OIDC, against a tiny fake provider on loopback (no network)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECRET = "fake-provider-client-secret-0123456789"  # noqa: S105


class FakeProvider(BaseHTTPRequestHandler):
    claims = {}
    nonce = ""

    def log_message(self, *args):
        pass

    def _json(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # the token endpoint
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        id_token = jwt.encode(
            {
                "iss": "fake",
                "sub": self.claims["sub"],
                "aud": "portal",
                "nonce": self.nonce,
                "iat": int(time.time()),
                "exp": int(time.time()) + 300,
            },
            SECRET,
            algorithm="HS256",
        )
        self._json({"access_token": "at-1", "id_token": id_token, "token_type": "Bearer"})

    def do_GET(self):  # the userinfo endpoint
        self._json(self.claims)


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = base + "/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = base + "/token"
    settings.OIDC_OP_USER_ENDPOINT = base + "/userinfo"
    settings.OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
    backend = "portal.accounts.oidc.UnifiedIdentityBackend"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, backend]
    yield FakeProvider
    server.shutdown()


def _round_trip(client, provider, claims):
    provider.claims = claims
    response = client.get(reverse("accounts:oidc_start"))
    assert response.status_code == 302
    query = parse_qs(urlparse(response["Location"]).query)
    provider.nonce = query["nonce"][0]
    return client.get(reverse("accounts:oidc_callback"), {"code": "c-1", "state": query["state"][0]})


def test_disabled_when_unset(client, settings):
    settings.OIDC_RP_CLIENT_ID = None
    assert client.get(reverse("accounts:oidc_start")).status_code == 404
    assert "oidc" not in client.get(reverse("accounts:sign_in")).content.decode()


def test_signs_in_the_matching_resident(client, provider, citizen):
    response = _round_trip(client, provider, {"sub": "p-1", "id_number": citizen.resident_id, "name": "张三"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_a_new_resident_gets_an_account(client, provider, django_user_model):
    from tests.people import make_resident_id

    number = make_resident_id(sequence=901)
    _round_trip(client, provider, {"sub": "p-2", "id_number": number, "name": "新用户"})
    user = django_user_model.objects.get(pk=client.session["_auth_user_id"])
    assert user.resident_id == number and not user.has_usable_password()
