"""Validators for what people type as it is printed on their cards: names and bank card numbers. Each has a
normaliser (what is kept: separators and look-alike characters tidied, never anything cut off) and a
validator with a plain, translated message. A leaf module: accounts (registration) and the application
engine both use it.

Names
    Chinese names: 2 to 20 Chinese characters; minority names join their parts with the middle dot "·"
    (阿依古丽·买买提). Look-alike dots people type (•, ・, ．, 。, ‧, ∙) become "·", and spaces between Chinese
    characters are dropped.
    Latin names (foreign residents, as on the foreign permanent resident ID card or passport): letters,
    including accented ones, with spaces, hyphens, apostrophes and dots between them; 2 to 100 characters.
    A name is one or the other, never digits (an ID number typed in the wrong box is refused).

Bank card numbers
    16 to 19 digits, typed with or without spaces or hyphens. UnionPay and international card numbers
    (starting 62, 4 or 5) carry a Luhn check digit, which is checked; older account numbers of other forms are
    checked for length only.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIDDLE_DOT = "·"  # U+00B7, the form used on Chinese ID cards
_DOT_LOOKALIKES = "•・．。‧∙⋅･●"
_CHINESE = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CHINESE_NAME = re.compile(rf"[{_CHINESE}]+(?:{MIDDLE_DOT}[{_CHINESE}]+)*")
CHINESE_NAME_LENGTH = (2, 20)
LATIN_NAME_LENGTH = (2, 100)

NAME_MESSAGE = _(
    "Enter %(label)s using Chinese characters (with · between the parts of a minority name) or "
    "Latin letters, spaces, hyphens and apostrophes"
)
NAME_LENGTH_MESSAGE = _("%(label)s must be between %(min)s and %(max)s characters")


def _lower_first(text):
    """'Your full name' -> 'your full name' for the middle of a sentence (as forms.lower_first)."""
    text = str(text or "")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def normalise_person_name(value):
    """The name with look-alike dots made "·", spaces tidied, and spaces between Chinese characters removed."""
    text = unicodedata.normalize("NFC", str(value or "")).strip()
    text = re.sub(r"\s+", " ", text).replace("’", "'").replace("‘", "'")
    if re.search(rf"[{_CHINESE}]", text):
        for dot in _DOT_LOOKALIKES:
            text = text.replace(dot, MIDDLE_DOT)
        text = re.sub(rf"\s*{MIDDLE_DOT}\s*", MIDDLE_DOT, text)
        text = re.sub(rf"(?<=[{_CHINESE}])\s+(?=[{_CHINESE}])", "", text)
    return text


def _is_latin_letter(char):
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def _is_latin_name(text):
    """Letters, with single spaces, hyphens, apostrophes and dots between or after them; starts with a letter."""
    if not text or not _is_latin_letter(text[0]):
        return False
    previous = ""
    for char in text:
        if _is_latin_letter(char):
            previous = char
            continue
        if char not in " -'.":
            return False
        if char in " -'" and previous in " -'":  # no two separators together ("." may be followed by a space)
            return False
        previous = char
    return text[-1] not in " -'"


def person_name_problem(value, label=""):
    """None when `value` (already normalised) is a name; else the message to show. `label` is the question's
    label as shown ("Your full name")."""
    label = str(label or _("Your full name"))
    text = str(value or "")
    if CHINESE_NAME.fullmatch(text):
        low, high = CHINESE_NAME_LENGTH
    elif _is_latin_name(text):
        low, high = LATIN_NAME_LENGTH
    else:
        return NAME_MESSAGE % {"label": _lower_first(label)}
    if len(text) < low:
        return NAME_MESSAGE % {"label": _lower_first(label)}
    if len(text) > high:
        return NAME_LENGTH_MESSAGE % {"label": label, "min": low, "max": high}
    return None


def validate_person_name(value, label=""):
    problem = person_name_problem(normalise_person_name(value), label)
    if problem:
        raise ValidationError(problem, code="invalid_name")


# Bank card numbers ---------------------------------------------------------------------------------------

BANK_ACCOUNT_LENGTH = (16, 19)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.·]+")


def normalise_bank_account(value):
    """Digits only: spaces, hyphens and dots people type between the groups are removed; full-width digits
    become ASCII. Nothing else is changed, so that a wrong character is reported rather than dropped."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    return _SEPARATORS.sub("", text)


def luhn_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def uses_luhn(digits):
    return digits[:2] == "62" or digits[:1] in ("4", "5")


def bank_account_problem(digits, label=""):
    """None when `digits` (already normalised) is a card number; else the message to show. `label` is the
    question's label as shown ("Account number")."""
    label = str(label or _("Account number"))
    low, high = BANK_ACCOUNT_LENGTH
    if not digits.isdigit():
        return _("%(label)s must contain only digits, like 6222 0212 3456 7890 128") % {"label": label}
    if not low <= len(digits) <= high:
        return _("%(label)s must be %(min)s to %(max)s digits. You entered %(n)s") % {
            "label": label,
            "min": low,
            "max": high,
            "n": len(digits),
        }
    if uses_luhn(digits) and not luhn_valid(digits):
        return _("Check %(label)s: a digit is missing, extra or wrong. Copy it from your bank card") % {
            "label": _lower_first(label)
        }
    return None


def validate_bank_account(value, label=""):
    problem = bank_account_problem(normalise_bank_account(value), label)
    if problem:
        raise ValidationError(problem, code="invalid_bank_account")


def group_in_fours(digits):
    """'6222021234567890128' -> '6222 0212 3456 7890 128', for reading back and checking."""
    digits = str(digits or "")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
