"""Account writes: registration and profile changes."""

import hashlib
import hmac
import secrets
import time
import uuid
from importlib import import_module

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext

from portal.audit.services import audit_record

from . import crypto
from .selectors import account_holding
from .sms import sms_send


def user_register(*, real_name, password, phone=None, email="", resident_id="", preferred_language=""):
    user_model = get_user_model()
    user = user_model(
        username=f"u-{uuid.uuid4().hex[:16]}",
        real_name=real_name.strip(),
        phone=phone or None,
        email=(email or "").strip(),
        preferred_language=preferred_language,
    )
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


def sessions_clear_expired():
    """Removes the sessions past their expiry from the session store (Django's clearsessions, as a daily job):
    the database engine keeps them otherwise, with the signed-in person's id in each."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def user_resident_ids_reencrypt(*, batch_size=500):
    """Every account's resident ID number under the current encryption key (crypto.reencrypted). Returns
    (how many were re-encrypted, the ids of accounts whose number no configured key can read)."""
    users = get_user_model()._default_manager.exclude(resident_id_encrypted="").only("pk", "resident_id_encrypted")
    changed, unreadable = 0, []
    for user in users.order_by("pk").iterator(chunk_size=batch_size):
        try:
            token = crypto.reencrypted(user.resident_id_encrypted)
        except InvalidToken:
            unreadable.append(user.pk)
            continue
        if token:  # written only if the number was not changed since it was read
            changed += (
                get_user_model()
                ._default_manager.filter(pk=user.pk, resident_id_encrypted=user.resident_id_encrypted)
                .update(resident_id_encrypted=token)
            )
    return changed, unreadable


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
    user = get_user_model()._default_manager.filter(phone=phone, is_active=True).first()
    if user is None:
        return None  # the caller says the same thing either way
    code = f"{secrets.randbelow(10**6):06d}"
    cache.set(_reset_key(phone), {"user": user.pk, "code": _code_hash(code), "tries": 0}, RESET_CODE_SECONDS)
    sms_send(
        phone=phone,
        message=gettext(
            "Your code to reset your password is %(code)s. It works for 10 minutes. "
            "If you did not ask for it, ignore this message."
        )
        % {"code": code},
    )
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


# Registration, confirmed by a code --------------------------------------------------------------------------
# Registration says nothing about who already has an account (the pattern of GOV.UK's sign-up): the person
# registering always gets the same "enter the code we sent" page. A code goes to a phone or e-mail address no
# account holds; when one does, its owner is told instead, and no code completes the registration. Details that
# another account holds (an e-mail address, a resident ID number) are left out only once the person has shown
# they control a phone or address of their own, and the holder is told and sees it in their activity log.
REGISTRATION_CODE_SECONDS = 600
REGISTRATION_CODE_TRIES = 5


class RegistrationCodeRefused(Exception):
    """The code is wrong, used up or expired, or no code was sent (the contact belongs to an account)."""


def _tell(user, *, subject, message):
    """A notice to an account's owner, by text message and e-mail where they have them."""
    if user.phone:
        sms_send(phone=user.phone, message=message)
    if user.email:
        send_mail(subject, message, None, [user.email])


def masked_contact(*, phone=None, email=""):
    if phone:
        return crypto.mask_phone(phone)
    name, _at, domain = email.partition("@")
    return f"{name[:1]}***@{domain}"


def registration_start(
    *, real_name, password, phone=None, email="", resident_id="", preferred_language="", sign_in_url=""
):
    """Sends a 6-digit code to the phone (or, without one, the e-mail address) and returns the pending
    registration to keep in the person's session until the code comes back. The password is kept hashed."""
    code = f"{secrets.randbelow(10**6):06d}"
    holder = account_holding(phone=phone) if phone else account_holding(email=email)
    if holder is not None:
        _tell(
            holder,
            subject=gettext("Someone tried to create an account with your details"),
            message=gettext(
                "Someone tried to create a new account on the government services portal with "
                "your %(what)s. If it was you, you already have an account: sign in at %(url)s, or "
                "reset your password there. If it was not you, you need do nothing."
            )
            % {"what": gettext("mobile phone number") if phone else gettext("e-mail address"), "url": sign_in_url},
        )
    elif phone:
        sms_send(
            phone=phone,
            message=gettext(
                "Your code to create your account is %(code)s. It works for 10 "
                "minutes. If you did not ask for it, ignore this message."
            )
            % {"code": code},
        )
    else:
        send_mail(
            gettext("Your code to create your account"),
            gettext(
                "Your code to create your account is %(code)s. It works for 10 minutes. If you did not "
                "ask for it, ignore this e-mail."
            )
            % {"code": code},
            None,
            [email],
        )
    return {
        "real_name": real_name.strip(),
        "phone": phone or None,
        "email": (email or "").strip(),
        "resident_id": crypto.encrypt(resident_id) if resident_id else "",
        "password": make_password(password),
        "language": preferred_language,
        "contact": masked_contact(phone=phone, email=email),
        "code": None if holder is not None else _code_hash(code),
        "tries": 0,
        "expires": time.time() + REGISTRATION_CODE_SECONDS,
    }


def registration_complete(*, pending, code):
    """The account, once the code is right: returns (user, left_out), left_out naming the details another
    account already holds ("email", "resident_id"), which the new account does not get. Raises
    RegistrationCodeRefused otherwise; each wrong code uses up one of REGISTRATION_CODE_TRIES (the caller
    keeps the changed `pending`)."""

    usable = pending.get("code") and pending["tries"] < REGISTRATION_CODE_TRIES and time.time() < pending["expires"]
    if not usable or not hmac.compare_digest(pending["code"], _code_hash(code)):
        pending["tries"] += 1
        raise RegistrationCodeRefused()
    resident_id = crypto.decrypt(pending["resident_id"]) if pending["resident_id"] else ""
    left_out = []
    email = pending["email"]
    email_holder = account_holding(email=email) if pending["phone"] and email else None
    if email_holder is not None:
        _tell(
            email_holder,
            subject=gettext("Someone tried to create an account with your details"),
            message=gettext(
                "Someone tried to add your e-mail address to a new account on the government "
                "services portal. It was not added. If you did not expect this, call the hotline."
            ),
        )
        left_out.append("email")
        email = ""
    id_holder = account_holding(resident_id=resident_id) if resident_id else None
    if id_holder is not None:
        left_out.append("resident_id")
        resident_id = ""
    try:
        with transaction.atomic():
            user = user_register(
                real_name=pending["real_name"],
                password=None,
                phone=pending["phone"],
                email=email,
                resident_id=resident_id,
                preferred_language=pending["language"],
            )
            user.password = pending["password"]
            user.save(update_fields=["password"])
            if id_holder is not None:
                audit_record(
                    action="account.registration_with_your_id_number",
                    actor=user,
                    on_behalf_of=id_holder,
                    obj=id_holder,
                    details={"left_out": "resident_id"},
                )
    except IntegrityError:  # the phone or e-mail address was taken between the code and now
        pending["tries"] = REGISTRATION_CODE_TRIES
        raise RegistrationCodeRefused() from None
    if id_holder is not None:
        _tell(
            id_holder,
            subject=gettext("Someone tried to create an account with your details"),
            message=gettext(
                "Someone tried to create a new account on the government services portal with your "
                "resident ID number. It was not added to that account. If you did not expect this, "
                "call the hotline."
            ),
        )
    return user, left_out
