"""Citizen accounts: register, sign in with phone or e-mail, sign out, details masked and reused."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from portal.accounts.models import User
from tests.people import make_resident_id

pytestmark = pytest.mark.django_db


def test_sign_in_path_is_kept():
    with translation.override("zh-hans"):  # the default language has no prefix
        assert reverse("accounts:sign_in") == "/accounts/sign-in/"
    with translation.override("en"):
        assert reverse("accounts:sign_in") == "/en/accounts/sign-in/"


def test_register_with_a_phone_number_and_the_code_sent_to_it_signs_you_in(client, sms_outbox):
    response = client.post(
        reverse("accounts:register"),
        {
            "real_name": "王五",
            "phone": "139 1234 5670",
            "password": "a long enough pass phrase",
            "resident_id": make_resident_id(sequence=321),
        },
    )
    assert response["Location"] == reverse("accounts:register_confirm")
    assert not User.objects.filter(phone="13912345670").exists()  # not before the code comes back
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1]["message"]).group(1)
    response = client.post(reverse("accounts:register_confirm"), {"code": code})
    assert response.status_code == 302
    user = User.objects.get(phone="13912345670")
    assert user.resident_id == make_resident_id(sequence=321)
    assert user.resident_id_encrypted and make_resident_id(sequence=321) not in user.resident_id_encrypted
    assert user.check_password("a long enough pass phrase")
    assert client.get(reverse("applications:mine")).status_code == 200


def test_register_needs_a_phone_number_or_email(client):
    body = client.post(
        reverse("accounts:register"), {"real_name": "王五", "password": "a long enough pass phrase"}
    ).content.decode()
    assert "Enter a mobile phone number or an e-mail address" in body
    assert "<title>Error: " in body and 'value="王五"' in body


def test_register_checks_the_id_number(client):
    bad = make_resident_id()[:-1] + ("0" if make_resident_id()[-1] != "0" else "1")
    body = client.post(
        reverse("accounts:register"),
        {"real_name": "王五", "phone": "13700000001", "resident_id": bad, "password": "a long enough pass phrase"},
    ).content.decode()
    assert "does not match the others" in body
    assert f'value="{bad}"' in body


@pytest.mark.parametrize("identifier", ["13912345678", "ZHANG@example.com", "139-1234-5678"])
def test_sign_in_with_phone_or_email(identifier, citizen, client):
    response = client.post(reverse("accounts:sign_in"), {"identifier": identifier, "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:mine")


def test_sign_in_goes_back_to_where_you_were(citizen, client):
    response = client.post(
        reverse("accounts:sign_in") + "?next=/en/apply/mine/",
        {"identifier": "13912345678", "password": "correct-horse-battery", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("applications:mine")  # an outside `next` is ignored
    response = client.post(
        reverse("accounts:sign_in"),
        {"identifier": "13912345678", "password": "correct-horse-battery", "next": "/en/help/"},
    )
    assert response["Location"] == "/en/help/"


def test_wrong_password_shows_the_error_pattern(citizen, client):
    response = client.post(reverse("accounts:sign_in"), {"identifier": "13912345678", "password": "wrong"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "<title>Error: " in body
    assert 'href="#id_identifier"' in body
    assert 'value="13912345678"' in body
    assert 'value="wrong"' not in body  # a password is never sent back
    assert 'autocomplete="current-password"' in body and 'autocomplete="username"' in body


def test_sign_out_is_a_post(citizen, client):
    client.force_login(citizen)
    assert client.get(reverse("accounts:sign_out")).status_code == 200
    assert client.get(reverse("applications:mine")).status_code == 200
    client.post(reverse("accounts:sign_out"))
    assert client.get(reverse("applications:mine")).status_code == 302


def test_profile_shows_the_id_number_masked_and_keeps_it_when_left_empty(citizen, client):
    client.force_login(citizen)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert citizen.masked_resident_id in body and citizen.resident_id not in body
    response = client.post(
        reverse("accounts:profile"),
        {
            "real_name": "张三",
            "phone": "13912345678",
            "email": "zhang@example.com",
            "resident_id": "",
            "address_0": "370200",
            "address_1": "370202",
            "address_2": "香港中路1号",
        },
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.resident_id == make_resident_id()
    assert (citizen.address_region_code, citizen.address_line) == ("370202", "香港中路1号")


def test_profile_refuses_an_address_whose_district_is_in_another_city(citizen, client):
    client.force_login(citizen)
    body = client.post(
        reverse("accounts:profile"),
        {"real_name": "张三", "phone": "13912345678", "address_0": "370100", "address_1": "370202", "address_2": "x"},
    ).content.decode()
    assert "not in the city you chose" in body


def test_header_links_for_signed_in_people(citizen, client):
    client.force_login(citizen)
    body = client.get(reverse("accounts:profile")).content.decode()
    header = body[body.index("<header") : body.index("</header>")]
    assert reverse("applications:mine") in header
    assert re.search(r'<form[^>]*action="[^"]*/accounts/sign-out/"[^>]*method="post"', header)


def test_header_links_to_sign_in_when_signed_out(client):
    body = client.get(reverse("accounts:sign_in")).content.decode()
    header = body[body.index("<header") : body.index("</header>")]
    assert "/accounts/sign-in/" in header
