"""Registration reveals nothing about who has an account: the same answer whether or not a phone, e-mail
address or resident ID number is taken, the real owner told instead; limited per client; display preferences
chosen before registering or signing in carry into the account."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from portal.accounts.models import User
from portal.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough pass phrase"


def _register(client, **details):
    return client.post(reverse("accounts:register"), {"real_name": "王五", "password": PASSWORD, **details})


def _code(message):
    return re.search(r"\b(\d{6})\b", message).group(1)


def _confirm_page(client):
    page = client.get(reverse("accounts:register_confirm"))
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.content.decode())


def test_a_phone_number_that_has_an_account_gets_the_same_answer_and_its_owner_is_told(client, citizen, sms_outbox):
    from django.test import Client

    fresh = Client()
    fresh.cookies.update(client.cookies)
    taken = _register(client, phone="13912345678")
    new = _register(fresh, phone="13912345699")

    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"] == reverse("accounts:register_confirm")
    assert _confirm_page(client).replace("5678", "") == _confirm_page(fresh).replace("5699", "")
    to_owner = [m for m in sms_outbox if m["phone"] == "13912345678"]
    assert len(to_owner) == 1 and "already have an account" in to_owner[0]["message"]
    assert not re.search(r"\b\d{6}\b", to_owner[0]["message"])  # no code: nothing completes this registration
    for guess in ("000000", "123456"):
        client.post(reverse("accounts:register_confirm"), {"code": guess})
    assert User.objects.filter(real_name="王五").count() == 0


def test_an_email_address_that_has_an_account_gets_the_same_answer_and_its_owner_is_told(client, citizen):
    response = _register(client, email="ZHANG@example.com")

    assert response["Location"] == reverse("accounts:register_confirm")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["zhang@example.com"]
    assert "already have an account" in mail.outbox[0].body
    assert not re.search(r"\b\d{6}\b", mail.outbox[0].body)


def test_registering_by_email_alone_sends_the_code_by_email(client):
    _register(client, email="new@example.com")

    client.post(reverse("accounts:register_confirm"), {"code": _code(mail.outbox[-1].body)})

    assert User.objects.get(email="new@example.com").check_password(PASSWORD)
    assert "_auth_user_id" in client.session


def test_an_id_number_that_has_an_account_is_left_out_after_the_code_and_its_holder_told(client, citizen, sms_outbox):
    response = _register(client, phone="13912345699", resident_id=citizen.resident_id)
    assert response["Location"] == reverse("accounts:register_confirm")  # nothing said before the code

    client.post(reverse("accounts:register_confirm"), {"code": _code(sms_outbox[-1]["message"])}, follow=True)

    new = User.objects.get(phone="13912345699")
    assert new.resident_id == ""
    assert "resident ID number" in [m for m in sms_outbox if m["phone"] == "13912345678"][-1]["message"]
    event = AuditEvent.objects.get(action="account.registration_with_your_id_number")
    assert event.on_behalf_of_id == citizen.pk and citizen.resident_id not in str(event.details)


def test_a_wrong_code_is_refused_and_the_tries_run_out(client, sms_outbox):
    _register(client, phone="13912345699")
    code = _code(sms_outbox[-1]["message"])
    wrong = "111111" if code != "111111" else "222222"
    response = client.post(reverse("accounts:register_confirm"), {"code": wrong})
    assert response.context["form"].has_error("code")
    for _ in range(4):
        client.post(reverse("accounts:register_confirm"), {"code": wrong})

    client.post(reverse("accounts:register_confirm"), {"code": code})

    assert not User.objects.filter(phone="13912345699").exists()


def test_registrations_are_limited_per_client(client, settings, sms_outbox):
    settings.THROTTLE_PER_IP = 3
    for n in range(3):
        _register(client, phone=f"1391234560{n}")

    response = _register(client, phone="13912345699")

    assert response.status_code == 200 and "tried too many times" in response.content.decode()
    assert len(sms_outbox) == 3


def test_the_password_is_kept_when_another_answer_has_an_error(client):
    body = _register(client, phone="123").content.decode()

    assert f'value="{PASSWORD}"' in body


def test_elder_mode_chosen_before_registering_is_kept(client, sms_outbox):
    client.get(reverse("set_preferences"), {"elder": "1"})
    _register(client, phone="13912345699")

    client.post(reverse("accounts:register_confirm"), {"code": _code(sms_outbox[-1]["message"])})

    assert User.objects.get(phone="13912345699").elder_mode is True
    page = client.get(reverse("applications:mine"))
    assert page.context["display"].elder_mode


def test_signing_in_keeps_the_display_chosen_in_this_browser(client, citizen):
    from accessibility.services import display_preferences_save

    display_preferences_save(user=citizen, elder_mode=False, text_size="", high_contrast=False)
    client.get(reverse("set_preferences"), {"elder": "1", "contrast": "high"})

    client.post(reverse("accounts:sign_in"), {"identifier": "13912345678", "password": "correct-horse-battery"})

    display = client.get(reverse("applications:mine")).context["display"]
    assert display.elder_mode and display.high_contrast


def test_a_name_that_is_an_id_number_is_refused(client, sms_outbox):
    response = _register(client, real_name="370102199001011234", phone="13912345699")

    assert response.status_code == 200
    assert response.context["form"].has_error("real_name", code="invalid_name")
    assert not sms_outbox
