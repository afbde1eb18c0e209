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


def test_a_replayed_code_signs_nobody_in(client, platform, citizen):
    """Someone who copied the callback URL (from the history or a log) replays its code in a sign-in attempt of
    their own: the platform refuses a code used once already (and the PKCE verifier of another attempt)."""
    back, _ = _sign_in(client, platform, "zhangsan")
    assert _signed_in_user(client) == citizen
    stranger = type(client)()
    their_state = query_of(_start(stranger))["state"]

    response = stranger.get(back.replace(f"state={query_of(back)['state']}", f"state={their_state}"))

    assert response.status_code == 302 and response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert _signed_in_user(stranger) is None


def test_going_back_to_the_callback_after_signing_in_is_not_a_failure(client, platform, citizen):
    back, first = _sign_in(client, platform, "zhangsan")

    again = client.get(back)  # the Back button, or a refresh

    assert again.status_code == 302 and again["Location"] == first["Location"] == "/en/apply/mine/"
    assert _signed_in_user(client) == citizen


def test_without_pkce_the_platform_refuses_and_the_page_says_so(client, platform, settings):
    """The platform requires PKCE, as current profiles do: the portal always sends it."""
    settings.OIDC_USE_PKCE = False

    back = platform.user_agent().sign_in(_start(client), "zhangsan")
    response = client.get(back, follow=True)

    assert query_of(back)["error"] == "invalid_request"
    assert response.redirect_chain[-1][0] == "/en/accounts/unified-identity/failed/refused/"
    assert "The unified identity platform did not sign you in" in response.content.decode()


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


def test_an_id_token_the_platform_issued_to_another_client_is_refused(platform, citizen):
    """Signed by the real platform, with the right issuer and nonce, but for another service: not for us."""
    theirs = platform.tokens_for("zhangsan", client_id=OTHER_CLIENT_ID, nonce="n-1")
    ours = platform.tokens_for("zhangsan", nonce="n-2")
    backend = UnifiedIdentityBackend()

    payload = backend.verify_token(theirs["id_token"], nonce="n-1")  # a good signature and nonce
    with pytest.raises(SuspiciousOperation, match="not this client"):
        backend.get_or_create_user(theirs["access_token"], theirs["id_token"], payload)
    payload = backend.verify_token(ours["id_token"], nonce="n-2")
    assert backend.get_or_create_user(ours["access_token"], ours["id_token"], payload) == citizen


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
    assert query_of(end_session)["post_logout_redirect_uri"] == SIGNED_OUT
    assert "id_token_hint" not in query_of(end_session)  # the ID token carries the resident ID number
    assert _signed_in_user(client) is None

    back = browser.sign_out(end_session)
    page = client.get(back, follow=True)

    assert page.redirect_chain[-1][0] == "/en/accounts/signed-out/?platform=ended"
    assert "We also asked the unified identity platform to sign you out" in page.content.decode()
    assert not browser.is_signed_in()  # pressing the button again asks for the password at the platform


def test_choosing_to_stay_signed_in_at_the_platform_is_not_reported_as_signed_out_there(client, platform, citizen):
    browser = platform.user_agent()
    client.get(browser.sign_in(_start(client), "zhangsan"))
    with translation.override("en"):
        end_session = client.post(reverse("accounts:sign_out"))["Location"]

    page = client.get(browser.sign_out(end_session, everywhere=False), follow=True).content.decode()

    assert browser.is_signed_in()
    assert "If you chose to stay signed in there, close every browser window" in page


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


def test_signing_out_everywhere_ends_the_platform_session_too(client, platform, citizen):
    browser = platform.user_agent()
    client.get(browser.sign_in(_start(client), "zhangsan"))
    with translation.override("en"):
        response = client.post(reverse("accounts:sign_out_everywhere"))

    browser.sign_out(response["Location"])

    assert not browser.is_signed_in()


def test_the_failure_page_speaks_the_language_started_in_and_knows_only_its_reasons(client, platform):
    back = platform.user_agent().cancel(_start(client, "zh-hans"))
    response = client.get(back, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/unified-identity/failed/cancelled/"
    assert "您在统一身份认证平台取消了登录" in response.content.decode()
    assert client.get("/accounts/unified-identity/failed/unknown/").status_code == 404


def test_where_the_person_was_going_is_kept(client, platform, citizen):
    with translation.override("en"):
        wanted = reverse("search")
        sign_in = client.get(reverse("accounts:sign_in"), {"next": wanted}).content.decode()
        start = reverse("accounts:oidc_start") + f"?next={wanted}"
    assert f'href="{start}"' in sign_in

    back = platform.user_agent().sign_in(client.get(start)["Location"], "zhangsan")

    assert client.get(back)["Location"] == wanted


def test_a_closed_account_stays_closed(client, platform, citizen):
    """Closed after signing in: signed out on the next page. Closed before: refused, and not replaced."""
    _sign_in(client, platform, "zhangsan")
    citizen.is_active = False
    citizen.save()
    with translation.override("en"):
        mine = reverse("applications:mine")
    assert client.get(mine)["Location"] == f"/accounts/sign-in/?next={mine}"

    users = get_user_model().objects.count()
    _, response = _sign_in(type(client)(), platform, "zhangsan")

    assert response["Location"] == "/en/accounts/unified-identity/failed/failed/"
    assert get_user_model().objects.count() == users


def test_a_new_account_leaves_out_an_e_mail_address_another_account_holds(client, platform):
    from tests.people import citizen_make

    holder = citizen_make(name="王五的邻居", phone="13800000001", email=ACCOUNTS["newcomer"]["email"], sequence=902)

    _sign_in(client, platform, "newcomer")

    user = _signed_in_user(client)
    assert user is not None and user != holder and user.email == ""
    assert user.resident_id == ACCOUNTS["newcomer"]["id_number"]
