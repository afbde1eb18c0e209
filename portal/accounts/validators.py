"""Validation of Chinese resident ID numbers (GB 11643-1999) and mainland mobile numbers.

An 18-character resident ID is: a 6-digit region code, an 8-digit birth date (YYYYMMDD), a 3-digit
sequence number (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
Residence permits for people from Hong Kong, Macao (810000, 820000) and Taiwan (830000) have the same shape.
The foreigners' permanent residence ID card of 2023 too, with its own first six: 9, the issuing province's two
digits and a 3-digit nationality code.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
# Province-level codes in use (the first two digits of a region code).
PROVINCE_PREFIXES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    }
)
FOREIGN_PERMANENT_RESIDENT = "9"  # the first digit of the 2023 foreigners' permanent residence ID
# Shandong's prefecture-level cities, 3701-3717 (3712, Laiwu, merged into Jinan in 2019 but still on cards).
SHANDONG_CITY_CODES = frozenset(f"37{n:02d}" for n in range(1, 18))
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)

_SHAPE = re.compile(r"^\d{17}[\dX]$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalise_resident_id(value):
    return re.sub(r"\s+", "", str(value or "")).upper()


def resident_id_check_character(first17):
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def resident_id_birth_date(value):
    """The birth date in an ID number, or None when it is not a real date."""
    try:
        return datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except (ValueError, IndexError):
        return None


def resident_id_problem(value, *, today=None):
    """None when `value` is a valid resident ID number, otherwise the message saying what is wrong."""
    value = normalise_resident_id(value)
    if not _SHAPE.match(value):
        return _("A resident ID number must be 18 characters: 17 digits, then a digit or X")
    region = value[:6]
    if value[0] == FOREIGN_PERMANENT_RESIDENT:
        if region[1:3] not in PROVINCE_PREFIXES:
            return _("The first 6 digits of the resident ID number must be a real region code")
    elif region[:2] not in PROVINCE_PREFIXES or (region[:2] == "37" and region[:4] not in SHANDONG_CITY_CODES):
        return _("The first 6 digits of the resident ID number must be a real region code")
    birth = resident_id_birth_date(value)
    today = today or timezone.localdate()  # a baby born today in China, whatever the server's clock zone
    if birth is None or birth < EARLIEST_BIRTH_DATE or birth > today:
        return _("Digits 7 to 14 of the resident ID number must be a real date of birth")
    if resident_id_check_character(value[:17]) != value[17]:
        return _("The last character of the resident ID number does not match the others: check for a mistyped digit")
    return None


def validate_resident_id(value):
    problem = resident_id_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_resident_id")


def validate_mobile(value):
    if not _MOBILE.match(re.sub(r"[\s-]+", "", str(value or ""))):
        raise ValidationError(_("Enter a mobile phone number of 11 digits, like 13912345678"), code="invalid_phone")


def normalise_mobile(value):
    value = re.sub(r"[\s-]+", "", str(value or ""))
    return value[3:] if value.startswith("+86") else value
