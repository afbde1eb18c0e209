"""Encryption and look-up hashing of resident ID numbers. The clear number never reaches a log.

Keys rotate: RESIDENT_ID_ENCRYPTION_KEY encrypts, and it or any of RESIDENT_ID_ENCRYPTION_RETIRED_KEYS decrypts
(MultiFernet); `manage.py resident_ids_reencrypt` then moves every stored number to the current key, after which
the retired key can be dropped."""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _derived_key(purpose):
    return hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()


def _current():
    key = settings.RESIDENT_ID_ENCRYPTION_KEY
    if not key:
        key = base64.urlsafe_b64encode(_derived_key("resident-id-encryption"))
    return Fernet(key)


def _fernet():
    return MultiFernet([_current(), *(Fernet(key) for key in settings.RESIDENT_ID_ENCRYPTION_RETIRED_KEYS)])


def encrypt(value):
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token):
    return _fernet().decrypt(token.encode()).decode()


def reencrypted(token):
    """`token` under the current key, or None when it is under it already. Raises InvalidToken for a token no
    configured key can read."""
    try:
        _current().decrypt(token.encode())
        return None
    except InvalidToken:
        return _fernet().rotate(token.encode()).decode()


def lookup_hash(value):
    key = settings.RESIDENT_ID_HMAC_KEY
    key = key.encode() if key else _derived_key("resident-id-hmac")
    return hmac.new(key, value.upper().encode(), hashlib.sha256).hexdigest()


def mask_phone(phone):
    """139****5678: enough for its owner to recognise it, on screen, in a log or a notice."""
    return f"{phone[:3]}****{phone[-4:]}" if phone and len(phone) >= 7 else "***"


def mask_resident_id(value):
    """3701**********1234: the region's first four digits and the last four."""
    if not value:
        return ""
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
