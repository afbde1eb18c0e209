"""The tests' OpenID Provider (tests/accounts/oidc_provider.py) on its own, spoken to by hand as a relying party
would: no Django view is involved."""

import base64
import hashlib
import secrets
from urllib.parse import urlencode

import jwt
import pytest
import requests

from tests.accounts.oidc_provider import OTHER_CLIENT_ID, OidcProvider, query_of

CALLBACK = "http://testserver/en/accounts/oidc/callback/"
SIGNED_OUT = "http://testserver/oidc/signed-out/"
ALICE = {"name": "Alice Wang", "email": "alice@example.cn", "email_verified": True, "id_number": "11010519491231002X"}


@pytest.fixture(scope="module")
def provider():
    with OidcProvider(
        redirect_uris=[CALLBACK], post_logout_redirect_uris=[SIGNED_OUT], accounts={"alice": ALICE}
    ) as op:
        yield op


def _pkce():
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _authorization_url(provider, **params):
    query = {"response_type": "code", "client_id": "portal", "redirect_uri": CALLBACK, "scope": "openid", **params}
    if "code_challenge" in query:  # oidc-provider takes no default method: without one, invalid_request
        query.setdefault("code_challenge_method", "S256")
    return f"{provider.discovery['authorization_endpoint']}?{urlencode(query)}"


def test_code_flow_with_pkce_gives_the_resident_id_number(provider):
    assert provider.discovery["issuer"] == provider.issuer
    assert provider.discovery["code_challenge_methods_supported"] == ["S256"]
    assert provider.settings()["OIDC_OP_LOGOUT_ENDPOINT"] == provider.discovery["end_session_endpoint"]
    verifier, challenge = _pkce()
    url = _authorization_url(
        provider,
        scope="openid profile email id_number",
        state="state-1",
        nonce="nonce-1",
        code_challenge=challenge,
        code_challenge_method="S256",
    )
    browser = provider.user_agent()

    back = browser.sign_in(url, "alice")  # the login form, then the consent page

    assert back.startswith(CALLBACK + "?")
    answer = query_of(back)
    assert answer["state"] == "state-1"
    assert answer["iss"] == provider.issuer
    data = {
        "grant_type": "authorization_code",
        "code": answer["code"],
        "redirect_uri": CALLBACK,
        "code_verifier": verifier,
        "client_id": "portal",
        "client_secret": provider.client_secret,
    }
    token_endpoint = provider.discovery["token_endpoint"]
    refused = requests.post(token_endpoint, data={**data, "code_verifier": secrets.token_urlsafe(48)}, timeout=10)
    assert refused.json()["error"] == "invalid_grant"  # a wrong verifier burns nothing: the code still works
    tokens = requests.post(token_endpoint, data=data, timeout=10).json()
    key = jwt.PyJWKClient(provider.discovery["jwks_uri"]).get_signing_key_from_jwt(tokens["id_token"])
    id_token = jwt.decode(tokens["id_token"], key.key, algorithms=["RS256"], audience="portal", issuer=provider.issuer)
    assert (id_token["sub"], id_token["nonce"]) == ("alice", "nonce-1")
    userinfo = requests.get(
        provider.discovery["userinfo_endpoint"],
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
        timeout=10,
    ).json()
    assert userinfo == {"sub": "alice", **ALICE}
    assert requests.post(token_endpoint, data=data, timeout=10).json()["error"] == "invalid_grant"  # used once

    assert browser.is_signed_in()
    again = query_of(browser.sign_in(_authorization_url(provider, state="s2", code_challenge=challenge), "alice"))
    assert "code" in again  # signed in at the provider already: straight back, no form

    end_session = (
        provider.discovery["end_session_endpoint"]
        + "?"
        + urlencode(
            {
                "client_id": "portal",
                "post_logout_redirect_uri": SIGNED_OUT,
                "state": "en",
                "id_token_hint": tokens["id_token"],
            }
        )
    )
    assert browser.sign_out(end_session) == SIGNED_OUT + "?state=en"
    assert not browser.is_signed_in()
    silent = query_of(browser.sign_in(_authorization_url(provider, prompt="none", code_challenge=challenge), "alice"))
    assert silent["error"] == "login_required"


def test_the_provider_refuses_an_authorization_request_without_pkce(provider):
    back = provider.user_agent().sign_in(_authorization_url(provider, state="s3"), "alice")

    assert back.startswith(CALLBACK + "?")
    answer = query_of(back)
    assert (answer["error"], answer["state"]) == ("invalid_request", "s3")
    assert "PKCE" in answer["error_description"]


def test_cancelling_at_the_provider_and_a_token_for_another_client(provider):
    _, challenge = _pkce()
    back = provider.user_agent().cancel(_authorization_url(provider, state="s4", code_challenge=challenge))
    assert query_of(back) | {"iss": ""} == {
        "error": "access_denied",
        "error_description": "End-User aborted interaction",
        "state": "s4",
        "iss": "",
    }

    tokens = provider.tokens_for("alice", client_id=OTHER_CLIENT_ID, nonce="n")
    assert jwt.decode(tokens["id_token"], options={"verify_signature": False})["aud"] == OTHER_CLIENT_ID
