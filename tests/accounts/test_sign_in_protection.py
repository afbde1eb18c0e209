"""Guessing limits that hold: counters no page flood can evict, the client's address taken from the trusted
proxy chain, one count per account across its identifiers, and every sign-in path counted (the portal, the
Wagtail admin and the Django admin), plus the reset codes."""

import re

import pytest
from django.urls import reverse

from portal.accounts import throttle

from .conftest import STAFF_PASSWORD


def _sign_in(client, identifier, password, **headers):
    return client.post(reverse("accounts:sign_in"), {"identifier": identifier, "password": password}, **headers)


def _signed_in(client):
    return "_auth_user_id" in client.session


def _lock(client, identifier, settings):
    for _ in range(settings.THROTTLE_PER_ACCOUNT):
        _sign_in(client, identifier, "wrong-password")


def test_a_flood_of_anonymous_pages_does_not_unlock_an_account(client, citizen, catalogue, settings):
    """The probe: lock an account, fill the page cache past its size with searches no one made before, then
    try the right password. The counters are not in the cache any more, so the lock holds."""
    settings.THROTTLE_PER_ACCOUNT = 3
    _lock(client, "13912345678", settings)
    visitor = type(client)()
    cache_size = 300  # LocMemCache's default MAX_ENTRIES (the test settings): the flood must pass it
    for n in range(cache_size + 50):
        response = visitor.get(reverse("search"), {"q": f"证明{n}"})
        assert response["X-Page-Cache"] == "miss"

    response = _sign_in(client, "13912345678", "correct-horse-battery")

    assert "tried too many times" in response.content.decode()
    assert not _signed_in(client)


def test_made_up_query_parameters_make_no_new_page_cache_entries(client, catalogue):
    search = reverse("search")
    assert client.get(search, {"q": "出生"})["X-Page-Cache"] == "miss"
    assert client.get(search, {"q": "出生"})["X-Page-Cache"] == "hit"

    made_up = client.get(search, {"q": "出生", "x": "1"})

    assert made_up.status_code == 200
    assert "X-Page-Cache" not in made_up  # answered, but neither served from nor stored in the cache
    assert "X-Page-Cache" not in client.get(search, {"q": "出生", "x": "1"})


def test_the_lock_is_per_account_whichever_identifier_is_used(client, citizen, settings):
    settings.THROTTLE_PER_ACCOUNT = 3
    _lock(client, "13912345678", settings)

    by_email = _sign_in(client, "zhang@example.com", "correct-horse-battery")

    assert not _signed_in(client)
    # The answer is the ordinary one: it must not tell that this e-mail address and the phone are one account.
    assert by_email.context["form"].has_error("__all__", code="invalid_login")


def test_guessing_across_identifiers_counts_once_per_account(client, citizen, settings):
    settings.THROTTLE_PER_ACCOUNT = 3
    for identifier in ("13912345678", "zhang@example.com", "13912345678"):
        _sign_in(client, identifier, "wrong-password")

    _sign_in(client, "zhang@example.com", "correct-horse-battery")

    assert not _signed_in(client)


def test_behind_the_load_balancer_one_clients_failures_do_not_lock_out_everyone(client, citizen, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.THROTTLE_PER_IP = 4
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(6):
        _sign_in(client, f"1370000000{n}", "wrong-password", HTTP_X_FORWARDED_FOR="203.0.113.7", **balancer)

    _sign_in(client, "13912345678", "correct-horse-battery", HTTP_X_FORWARDED_FOR="198.51.100.20", **balancer)

    assert _signed_in(client)


def test_a_client_cannot_escape_its_count_by_writing_its_own_forwarded_for(client, citizen, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.THROTTLE_PER_IP = 4
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(4):
        # The load balancer appends the address it saw; what the client wrote before it is not trusted.
        _sign_in(
            client, f"1370000000{n}", "wrong-password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.7", **balancer
        )

    response = _sign_in(
        client, "13912345678", "correct-horse-battery", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7", **balancer
    )

    assert "tried too many times" in response.content.decode()
    assert not _signed_in(client)


@pytest.mark.parametrize("login_url", ["/admin/login/", "/django-admin/login/"])
def test_the_admin_sign_in_pages_count_and_respect_the_lock(client, staff, settings, login_url):
    settings.THROTTLE_PER_ACCOUNT = 3
    for _ in range(3):
        client.post(login_url, {"username": "clerk", "password": "wrong-password"})

    client.post(login_url, {"username": "clerk", "password": STAFF_PASSWORD})
    assert not _signed_in(client)
    # The failures on the admin's form locked the portal's sign-in too: one count for the account.
    response = _sign_in(client, "clerk@example.gov.cn", STAFF_PASSWORD)
    assert not _signed_in(client)
    assert response.context["form"].has_error("__all__", code="invalid_login")


def test_reset_codes_are_limited_per_client_across_phone_numbers(client, citizen, settings, sms_outbox):
    settings.THROTTLE_PER_IP = 3
    for n in range(3):  # a client working through other numbers' codes
        session = client.session
        session["password_reset_phone"] = f"1370000000{n}"
        session.save()
        client.post(reverse("accounts:password_reset_code"), {"code": "000000", "new_password": "a-new-password-9"})
    client.post(reverse("accounts:password_reset"), {"identifier": "13912345678"})
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1]["message"]).group(1)

    response = client.post(reverse("accounts:password_reset_code"), {"code": code, "new_password": "a-new-password-9"})

    assert "tried too many times" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password("correct-horse-battery")


def test_expired_counters_are_purged_by_the_background_job(db, settings):
    from datetime import timedelta

    from django.utils import timezone

    from portal.accounts.models import SecurityCounter

    throttle.record_failure("sign-in", identifier="13900000000", window=60)
    assert throttle.counters_purge_expired(now=timezone.now() + timedelta(seconds=30)) == 0
    assert throttle.counters_purge_expired(now=timezone.now() + timedelta(seconds=61)) == 1
    assert not SecurityCounter.objects.exists()
