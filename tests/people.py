"""People for every test: citizens, staff (made through staff_membership_add, as the admin does) and test
clients signed in as them. Plain functions, for a test that needs one more person than the fixtures in
tests/conftest.py give (which are built on these).

    citizen = citizen_make()                                   # 张三, 13912345678, with a resident ID number
    window = staff_make("窗口小李", Role.HALL_STAFF, hall=hall)   # hall staff, with a phone and an e-mail
    client_for(window).get(...)                                # signed in, second factor passed (staff must)
"""

import datetime
import itertools

from django.test import Client

from portal.accounts.validators import resident_id_check_character
from tests.accounts.otp_helpers import otp_verified_login

PASSWORD = "correct-horse-battery"


def make_resident_id(region="370102", birth=datetime.date(1950, 3, 27), sequence=123):
    """A valid resident ID number (its check character computed); `sequence` tells people apart."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_character(body)


def citizen_make(name="张三", phone="13912345678", email="zhang@example.com", sequence=123, **extra):
    """A registered citizen (张三 by default, as the `citizen` fixture); `extra` sets more fields on the user."""
    from portal.accounts.services import user_register

    user = user_register(
        real_name=name, password=PASSWORD, phone=phone, email=email, resident_id=make_resident_id(sequence=sequence)
    )
    for key, value in extra.items():
        setattr(user, key, value)
    if extra:
        user.save()
    return user


_staff_phones = itertools.count(13790000000)  # a range no other test person uses


def staff_make(name, role, *, hall=None, department=None, phone=None, email=None, actor=None):
    """A member of staff in `role` (at `hall`, or for `department`), added as the admin adds one. Each gets a
    phone number of their own and, unless `email` says otherwise ("" for none), an e-mail address."""
    from portal.accounts.services import user_register
    from portal.staff.services import staff_membership_add

    phone = phone or str(next(_staff_phones))
    user = user_register(
        real_name=name,
        password=PASSWORD,
        phone=phone,
        email=f"{phone}@staff.example.gov.cn" if email is None else email,
    )
    staff_membership_add(user=user, role=role, hall=hall, department=department, actor=actor)
    user.refresh_from_db()
    return user


def client_for(user, *, verified=True):
    """A test client signed in as `user`. Staff have passed the second factor too, as every staff page demands,
    unless verified=False (signed in with a password only)."""
    from portal.accounts.otp import is_staff_user

    client = Client()
    client.force_login(user)
    if verified and is_staff_user(user):
        otp_verified_login(client, user)
    return client
