"""People for the appointments, ratings and metrics tests: citizens, and staff signed in with a second
factor (as staff pages demand)."""

from django.test import Client

from tests.accounts.otp_helpers import otp_verified_login
from tests.applications.conftest import make_resident_id


def citizen_make(name="张三", phone="13912345678", email="zhang@example.com", sequence=123, **extra):
    from portal.accounts.services import user_register

    user = user_register(real_name=name, password="correct-horse-battery", phone=phone, email=email,
                         resident_id=make_resident_id(sequence=sequence))
    for key, value in extra.items():
        setattr(user, key, value)
    if extra:
        user.save()
    return user


def staff_make(username, role, *, hall=None, department=None, email="", phone=None, actor=None):
    from django.contrib.auth import get_user_model

    from portal.staff.services import staff_membership_add

    user = get_user_model().objects.create_user(username=username, real_name=username, email=email, phone=phone,
                                                password="correct-horse-battery")
    staff_membership_add(user=user, role=role, actor=actor, hall=hall, department=department)
    return user


def staff_client(user, *, verified=True):
    client = Client()
    client.force_login(user)
    if verified:
        otp_verified_login(client, user)
    client.cookies["django_language"] = "en"
    return client


def citizen_client(user):
    client = Client()
    client.force_login(user)
    return client
