"""Reference numbers people can read out on the phone: no 0/O, 1/I/L or U/V look-alikes (0, 1, O, I, L
and U are never used), and a final check character (Luhn mod N) that catches any single mistyped
character and most swapped pairs.

    SD-7KQ4-M9XP
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "SD"
BODY_LENGTH = 7  # plus one check character


def check_character(body):
    n = len(ALPHABET)
    factor, total = 2, 0
    for char in reversed(body):
        addend = factor * ALPHABET.index(char)
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def _format(chars):
    return f"{PREFIX}-{chars[:4]}-{chars[4:]}"


def reference_generate():
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return _format(body + check_character(body))


def normalise(value):
    """Upper case, spaces and hyphens removed, the prefix dropped."""
    value = "".join(str(value or "").upper().split()).replace("-", "")
    if value.startswith(PREFIX):
        value = value[len(PREFIX) :]
    return value


def reference_is_valid(value):
    chars = normalise(value)
    if len(chars) != BODY_LENGTH + 1 or any(c not in ALPHABET for c in chars):
        return False
    return check_character(chars[:-1]) == chars[-1]
