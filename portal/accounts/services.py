"""Account writes: registration and profile changes."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction


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
