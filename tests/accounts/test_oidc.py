"""Signing in through the unified identity platform, against a real OpenID Provider (panva's oidc-provider from
npm, tests/accounts/oidc_provider.py) that requires PKCE and registers one redirect URI and one post-logout URI.
The person's browser at the provider is a UserAgent; at the portal it is the Django test client."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from django.utils import translation

from portal.accounts.oidc import UnifiedIdentityBackend
from tests.accounts.oidc_provider import OTHER_CLIENT_ID, OidcProvider, query_of
from tests.people import make_resident_id

pytestmark = pytest.mark.django_db

PORTAL = "http://testserver"
CALLBACK = PORTAL + "/accounts/unified-identity/callback/"
SIGNED_OUT = PORTAL + "/accounts/unified-identity/signed-out/"
ACCOUNTS = {
    # 张三 at the platform: the resident ID of the `citizen` fixture, who has an account with a password
    "zhangsan": {"name": "张三", "email": "zhang@example.com", "email_verified": True, "id_number": make_resident_id()},
    "newcomer": {
        "name": "王五",
        "email": "wang@example.com",
        "email_verified": True,
        "id_number": make_resident_id(sequence=901),
    },
    # the platform vouches for 张三's e-mail address but sends no resident ID number for this account
    "email-only": {"name": "张三", "email": "zhang@example.com", "email_verified": True},
}


@pytest.fixture(scope="module")
def provider():
    with OidcProvider(
        redirect_uris=[CALLBACK], post_logout_redirect_uris=[SIGNED_OUT], accounts=ACCOUNTS, skip_consent=True
    ) as op:
        yield op


@pytest.fixture
def platform(provider, settings):
    """The portal set up for the provider, as docs/deploy.md says."""
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "portal.accounts.oidc.UnifiedIdentityBackend",
    ]
    return provider


def _start(client, language="en"):
    """Press "Sign in with the unified identity platform" on the sign-in page: the authorization request."""
    with translation.override(language):
        sign_in = client.get(reverse("accounts:sign_in")).content.decode()
        start = reverse("accounts:oidc_start")
    assert f'href="{start}"' in sign_in
    response = client.get(start)
    assert response.status_code == 302
    return response["Location"]


def _sign_in(client, platform, account, language="en"):
    """A whole sign-in: the portal's redirect, the platform's pages, and the portal's answer to the callback."""
    back = platform.user_agent().sign_in(_start(client, language), account)
    return back, client.get(back)


def _signed_in_user(client):
    pk = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=pk) if pk else None


def test_disabled_when_unset(client, settings):
    settings.OIDC_RP_CLIENT_ID = None
    assert client.get(reverse("accounts:oidc_start")).status_code == 404
    assert client.get("/accounts/unified-identity/callback/").status_code == 404
    assert "oidc" not in client.get(reverse("accounts:sign_in")).content.decode()


@pytest.mark.parametrize(("language", "home"), [("zh-hans", "/apply/mine/"), ("en", "/en/apply/mine/")])
def test_one_redirect_uri_with_pkce_and_back_in_the_language_started_in(client, platform, citizen, language, home):
    start = _start(client, language)
    request = query_of(start)
    assert request["redirect_uri"] == CALLBACK  # the same whatever the page language
    assert request["code_challenge_method"] == "S256" and len(request["code_challenge"]) == 43
    assert "id_number" in request["scope"].split()

    back = platform.user_agent().sign_in(start, "zhangsan")
    response = client.get(back)

    assert response.status_code == 302 and response["Location"] == home
    assert _signed_in_user(client) == citizen  # matched by the resident ID number, no second account


def test_the_second_sign_in_reaches_the_same_account(client, platform):
    _sign_in(client, platform, "newcomer")
    first = _signed_in_user(client)
    client.post(reverse("accounts:sign_out"))
    again = type(client)()
    _sign_in(again, platform, "newcomer")

    assert first is not None and _signed_in_user(again) == first
    assert first.resident_id == ACCOUNTS["newcomer"]["id_number"] and not first.has_usable_password()
    assert get_user_model().objects.filter(real_name="王五").count() == 1


def test_cancelling_at_the_platform_says_so_and_offers_the_other_ways(client, platform):
    back = platform.user_agent().cancel(_start(client))
    assert query_of(back)["error"] == "access_denied"

    response = client.get(back, follow=True)

    assert response.redirect_chain[-1][0] == "/en/accounts/unified-identity/failed/cancelled/"
    page = response.content.decode()
    assert "You cancelled signing in at the unified identity platform" in page
    for name in ("accounts:oidc_start", "accounts:sign_in", "get_help"):
        with translation.override("en"):
            assert f'href="{reverse(name)}"' in page
    assert _signed_in_user(client) is None


def test_a_tampered_state_signs_nobody_in(client, platform, citizen):
    back = platform.user_agent().sign_in(_start(client), "zhangsan")
    answer = query_of(back)
    tampered = back.replace(f"state={answer['state']}", "state=" + "x" * len(answer["state"]))

    response = client.get(tampered)

    assert response.status_code == 302 and response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(client) is None


def test_a_replayed_callback_signs_nobody_in(client, platform, citizen):
    back, _ = _sign_in(client, platform, "zhangsan")
    assert _signed_in_user(client) == citizen
    stranger = type(client)()  # someone who copied the callback URL from the history or a log

    response = stranger.get(back)

    assert response.status_code == 302 and response["Location"] == "/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(stranger) is None


def test_an_id_token_from_another_issuer_signs_nobody_in(client, platform, citizen, settings):
    settings.OIDC_OP_ISSUER = "https://another-platform.example.cn"

    _, response = _sign_in(client, platform, "zhangsan")

    assert response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(client) is None


def test_an_id_token_for_another_sign_in_attempt_signs_nobody_in(client, platform, citizen):
    """The ID token's nonce must be the one this browser's sign-in attempt sent (an injected code fails here)."""
    start = _start(client)
    session = client.session
    session["oidc_states"][query_of(start)["state"]]["nonce"] = "a-nonce-of-another-attempt"
    session.save()

    response = client.get(platform.user_agent().sign_in(start, "zhangsan"))

    assert response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(client) is None


def test_an_id_token_the_platform_issued_to_another_client_is_refused(platform):
    """Signed by the real platform, with the right issuer and nonce, but for another service: not for us."""
    token = platform.tokens_for("zhangsan", client_id=OTHER_CLIENT_ID, nonce="n-1")["id_token"]
    ours = platform.tokens_for("zhangsan", nonce="n-2")["id_token"]
    backend = UnifiedIdentityBackend()

    with pytest.raises(SuspiciousOperation, match="not this client"):
        backend.verify_token(token, nonce="n-1")
    assert backend.verify_token(ours, nonce="n-2")["aud"] == "portal"


def test_a_platform_that_sends_resident_ids_never_matches_by_email(client, platform, citizen):
    """张三's e-mail address, vouched for, but no resident ID number: not 张三's account, and no new one."""
    users = get_user_model().objects.count()

    _, response = _sign_in(client, platform, "email-only")

    assert response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(client) is None and get_user_model().objects.count() == users


def test_signing_out_ends_the_platform_session_too(client, platform, citizen):
    browser = platform.user_agent()
    client.get(browser.sign_in(_start(client), "zhangsan"))
    assert browser.is_signed_in()

    with translation.override("en"):
        response = client.post(reverse("accounts:sign_out"))  # from the English pages
    end_session = response["Location"]
    assert urlsplit(end_session)._replace(query="").geturl() == platform.discovery["end_session_endpoint"]
    assert query_of(end_session)["post_logout_redirect_uri"] == SIGNED_OUT and query_of(end_session)["id_token_hint"]
    assert _signed_in_user(client) is None

    back = browser.sign_out(end_session)
    page = client.get(back, follow=True)

    assert page.redirect_chain[-1][0] == "/en/accounts/signed-out/?platform=ended"
    assert "You have also been signed out of the unified identity platform" in page.content.decode()
    assert not browser.is_signed_in()  # pressing the button again asks for the password at the platform


def test_without_an_end_session_endpoint_the_signed_out_page_warns(client, platform, citizen, settings):
    settings.OIDC_OP_LOGOUT_ENDPOINT = None
    browser = platform.user_agent()
    client.get(browser.sign_in(_start(client), "zhangsan"))

    with translation.override("en"):
        page = client.post(reverse("accounts:sign_out")).content.decode()

    assert "You may still be signed in to the unified identity platform" in page and 'role="alert"' in page
    assert browser.is_signed_in()


def test_signing_out_after_a_password_sign_in_does_not_visit_the_platform(client, platform, citizen, client_for):
    signed_in = client_for(citizen)
    with translation.override("en"):
        response = signed_in.post(reverse("accounts:sign_out"))
    page = response.content.decode()
    assert response.status_code == 200 and "unified identity platform" not in page
