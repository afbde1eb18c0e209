"""Residents whose national ID number is not a mainland resident ID: a Taiwan resident's residence permit
(830000…) and the foreigners' permanent residence ID card of 2023 (9, province, nationality, …) are accepted,
with the same birth-date and check-character rules; numbers that only look like them are not."""

import pytest
from django.urls import reverse

from portal.accounts.validators import resident_id_check_character, resident_id_problem


def _with_check(first17):
    return first17 + resident_id_check_character(first17)


TAIWAN_RESIDENCE_PERMIT = _with_check("83000019900101123")
FOREIGN_PERMANENT_RESIDENT = _with_check("93715619800101123")  # issued in Shandong (37), nationality 156


@pytest.mark.parametrize("number", [TAIWAN_RESIDENCE_PERMIT, FOREIGN_PERMANENT_RESIDENT])
def test_national_formats_are_accepted(number):
    assert resident_id_problem(number) is None


@pytest.mark.parametrize(
    "number",
    [
        TAIWAN_RESIDENCE_PERMIT[:-1] + ("0" if TAIWAN_RESIDENCE_PERMIT[-1] != "0" else "1"),  # wrong check character
        _with_check("99915619800101123"),  # 9 with no real province after it
        _with_check("93715619801301123"),  # no 13th month
    ],
)
def test_look_alikes_are_refused(number):
    assert resident_id_problem(number) is not None


@pytest.mark.django_db
@pytest.mark.parametrize("number", [TAIWAN_RESIDENCE_PERMIT, FOREIGN_PERMANENT_RESIDENT])
def test_a_resident_with_such_a_number_registers(client, sms_outbox, number):
    import re

    from portal.accounts.models import User

    client.post(
        reverse("accounts:register"),
        {
            "real_name": "Anna Müller",
            "phone": "13912345699",
            "password": "a long enough pass phrase",
            "resident_id": number,
        },
    )
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1]["message"]).group(1)
    client.post(reverse("accounts:register_confirm"), {"code": code})

    assert User.objects.get(phone="13912345699").resident_id == number
