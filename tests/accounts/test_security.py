"""Two-factor sign-in for staff, throttling, sign out everywhere, password reset."""

import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


def _code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += offset * device.step
    return f"{totp.token():06d}"


def _sign_in(client, identifier, password):
    return client.post(reverse("accounts:sign_in"), {"identifier": identifier, "password": password})


@pytest.mark.parametrize("path", ["/admin/", "/django-admin/", "/admin/pages/"])
def test_staff_pages_are_unreachable_without_a_second_factor(client, staff, path):
    client.force_login(staff)
    response = client.get(path)
    assert response.status_code == 302
    assert "/two-step/" in response["Location"]


def test_staff_sign_in_asks_for_a_code_and_a_replayed_code_is_refused(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    response = _sign_in(client, "clerk@example.gov.cn", STAFF_PASSWORD)
    assert "/two-step/" in response["Location"]
    assert client.get("/admin/").status_code == 302  # signed in with a password only: still not in

    code = _code(device)
    response = client.post(reverse("accounts:otp_verify") + "?next=/admin/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    translation.activate("en")  # the Wagtail admin switched this thread to the editor's language

    client.post(reverse("accounts:sign_out"))
    _sign_in(client, "clerk@example.gov.cn", STAFF_PASSWORD)
    response = client.post(reverse("accounts:otp_verify"), {"code": code})  # the same code again
    assert response.status_code == 200
    assert "used already" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_enrolment_shows_a_qr_code_and_gives_recovery_codes_that_work_once(client, citizen):
    client.force_login(citizen)
    page = client.get(reverse("accounts:otp_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=citizen, confirmed=False)
    response = client.post(reverse("accounts:otp_setup"), {"code": _code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(codes) == 10

    for attempt in ("first", "second"):
        other = client.__class__()
        _sign_in(other, "13912345678", "correct-horse-battery")
        assert other.get(reverse("applications:mine")).status_code == 302  # must give the second factor
        response = other.post(reverse("accounts:otp_verify"), {"code": codes[0]})
        if attempt == "first":
            assert response.status_code == 302
            assert other.get(reverse("applications:mine")).status_code == 200
        else:
            assert response.status_code == 200  # a recovery code works once
            assert other.get(reverse("applications:mine")).status_code == 302


def test_wrong_codes_are_throttled(client, staff, settings):
    settings.THROTTLE_PER_ACCOUNT = 3
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    client.force_login(staff)
    for _ in range(3):
        client.post(reverse("accounts:otp_verify"), {"code": "000000"})
    response = client.post(reverse("accounts:otp_verify"), {"code": _code(device)})
    assert "tried too many times" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_repeated_wrong_passwords_are_throttled_without_revealing_the_account(client, citizen, settings):
    settings.THROTTLE_PER_ACCOUNT = 3
    for _ in range(3):
        _sign_in(client, "13912345678", "wrong-password")
    response = _sign_in(client, "13912345678", "correct-horse-battery")
    assert response.status_code == 200 and "tried too many times" in response.content.decode()
    assert "_auth_user_id" not in client.session
    for _ in range(3):
        _sign_in(client, "13700000000", "wrong-password")  # nobody has this number: the same answer
    assert "tried too many times" in _sign_in(client, "13700000000", "x").content.decode()


def test_too_many_attempts_from_one_address_are_throttled(client, citizen, settings):
    settings.THROTTLE_PER_IP = 4
    for n in range(4):
        _sign_in(client, f"1370000000{n}", "wrong-password")
    response = _sign_in(client, "13912345678", "correct-horse-battery")
    assert "tried too many times" in response.content.decode()


def test_sign_out_everywhere_ends_every_session(citizen):
    from django.test import Client

    here, elsewhere = Client(), Client()
    here.force_login(citizen)
    elsewhere.force_login(citizen)
    assert elsewhere.get(reverse("applications:mine")).status_code == 200
    response = here.post(reverse("accounts:sign_out_everywhere"))
    assert response.status_code == 200
    assert elsewhere.get(reverse("applications:mine")).status_code == 302
    assert here.get(reverse("applications:mine")).status_code == 302


def test_password_reset_by_email_link(client, citizen):
    response = client.post(reverse("accounts:password_reset"), {"identifier": "zhang@example.com"})
    assert response.status_code == 200
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.post(path, {"new_password": "a-brand-new-password-9"})
    assert response.status_code == 302
    assert _sign_in(client, "zhang@example.com", "a-brand-new-password-9").status_code == 302
    assert client.get(path).status_code == 400  # the link works once


def test_password_reset_by_text_message(client, citizen, sms_outbox):
    response = client.post(reverse("accounts:password_reset"), {"identifier": "139 1234 5678"})
    assert response["Location"] == reverse("accounts:password_reset_code")
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1]["message"]).group(1)
    wrong = client.post(
        reverse("accounts:password_reset_code"),
        {"code": "999999" if code != "999999" else "111111", "new_password": "a-brand-new-password-9"},
    )
    assert wrong.status_code == 200
    response = client.post(
        reverse("accounts:password_reset_code"), {"code": code, "new_password": "a-brand-new-password-9"}
    )
    assert response.status_code == 302
    assert _sign_in(client, "13912345678", "a-brand-new-password-9").status_code == 302


def test_password_reset_does_not_reveal_whether_an_account_exists(client, citizen):
    known = client.post(reverse("accounts:password_reset"), {"identifier": "zhang@example.com"})
    unknown = client.post(reverse("accounts:password_reset"), {"identifier": "nobody@example.com"})
    assert known.content.decode().replace("zhang", "") == unknown.content.decode().replace("nobody", "")
    assert client.post(reverse("accounts:password_reset"), {"identifier": "13700000000"})["Location"] == reverse(
        "accounts:password_reset_code"
    )


def test_demo_editor_can_sign_in_with_the_printed_code(client, capsys, settings):
    settings.PORTAL_DEMO = False  # never on a real portal: its password and key are public
    with pytest.raises(CommandError):
        call_command("create_demo_editor")
    settings.PORTAL_DEMO = True  # as `make run` has
    call_command("create_demo_editor")
    call_command("demo_otp_code")
    code = capsys.readouterr().out.strip().splitlines()[-1]
    _sign_in(client, "editor", "demo-editor-2026")
    assert client.post(reverse("accounts:otp_verify"), {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
