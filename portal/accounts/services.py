"""Account writes: registration and profile changes."""

import hashlib
import hmac
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import models, transaction
from django.utils.translation import gettext


def user_register(*, real_name, password, phone=None, email="", resident_id="", preferred_language=""):
    user_model = get_user_model()
    user = user_model(username=f"u-{uuid.uuid4().hex[:16]}", real_name=real_name.strip(), phone=phone or None,
                      email=(email or "").strip(), preferred_language=preferred_language)
    if resident_id:
        user.set_resident_id(resident_id)
    user.set_password(password)
    with transaction.atomic():
        user.save()
    return user


def user_profile_update(*, user, real_name, phone=None, email="", resident_id="", address=None):
    """Changes the details the portal uses to fill in applications. An empty resident_id keeps the one held."""
    user.real_name = real_name.strip()
    user.phone = phone or None
    user.email = (email or "").strip()
    if resident_id:
        user.set_resident_id(resident_id)
    if address:
        user.address_region_code = address["district"]
        user.address_line = address["line"]
    else:
        user.address_region_code, user.address_line = "", ""
    with transaction.atomic():
        user.save()
    return user


def user_sign_out_everywhere(*, user):
    """Ends every session of this person's, in every browser: the session hash includes session_version."""
    with transaction.atomic():
        get_user_model()._default_manager.filter(pk=user.pk).update(session_version=models.F("session_version") + 1)
    user.refresh_from_db(fields=["session_version"])
    return user


def user_password_set(*, user, password):
    """A new password; every other session ends with the old one (the session hash changes)."""
    user.set_password(password)
    user.session_version += 1
    with transaction.atomic():
        user.save(update_fields=["password", "session_version"])
    return user


# Password reset by text message: a 6-digit code kept (hashed) in the cache for 10 minutes, 5 tries.
RESET_CODE_SECONDS = 600
RESET_CODE_TRIES = 5


def _reset_key(phone):
    return "pwreset:" + hashlib.sha256(phone.encode()).hexdigest()[:32]


def password_reset_code_send(*, phone):
    from .sms import sms_send

    user = get_user_model()._default_manager.filter(phone=phone, is_active=True).first()
    if user is None:
        return None  # the caller says the same thing either way
    code = f"{secrets.randbelow(10**6):06d}"
    cache.set(_reset_key(phone), {"user": user.pk, "code": _code_hash(code), "tries": 0}, RESET_CODE_SECONDS)
    sms_send(phone=phone, message=gettext("Your code to reset your password is %(code)s. It works for 10 minutes. "
                                          "If you did not ask for it, ignore this message.") % {"code": code})
    return code


def _code_hash(code):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{code}".encode()).hexdigest()


def password_reset_code_check(*, phone, code):
    """The user the code belongs to, or None. Each wrong code uses up a try; a right one is used up."""
    key = _reset_key(phone)
    entry = cache.get(key)
    if not entry or entry["tries"] >= RESET_CODE_TRIES:
        return None
    if not hmac.compare_digest(entry["code"], _code_hash(code)):
        entry["tries"] += 1
        cache.set(key, entry, RESET_CODE_SECONDS)
        return None
    cache.delete(key)
    return get_user_model()._default_manager.filter(pk=entry["user"], is_active=True).first()


def otp_setup_confirm(*, device):
    """Confirms an authenticator app and gives the person fresh recovery codes (returned, shown once)."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return otp_recovery_codes_replace(user=device.user)


def otp_recovery_codes_replace(*, user, count=10):
    """Ten new one-time recovery codes; the old ones stop working."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(count)]
        device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes
