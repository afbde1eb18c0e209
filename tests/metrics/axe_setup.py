"""Data and sign-in for the appointment, rating and metrics page states in tests/browser/pages.py (the
accessibility harness). Every state shares one database, so everything here is get-or-create: safe to run
for every visit, and it changes nothing other page states show. Staff sign in with a second factor."""

import datetime
import uuid

HALL = "jinan-hall"
RATE_ME = uuid.UUID("00000000-0000-4000-8000-0000000ba7e1")  # completed, not rated: the panel's form
RATED = uuid.UUID("00000000-0000-4000-8000-0000000ba7e2")  # completed, rated 1: flagged for follow-up


def _person(username, name, phone):
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"real_name": name, "phone": phone, "email": f"{username}@example.com"}
    )
    return user


def _citizen(visit):
    from tests.browser.states import citizen

    return citizen(visit)


def _manager():
    from portal.staff.services import staff_membership_add
    from services_catalog.models import ServiceHall

    user = _person("axe-h5-manager", "大厅经理老周", "13700000501")
    staff_membership_add(user=user, role="hall_manager", hall=ServiceHall.objects.get(slug=HALL), actor=None)
    return user


def _administrator():
    from portal.staff.services import staff_membership_add

    user = _person("axe-h5-administrator", "管理员老孙", "13700000502")
    staff_membership_add(user=user, role="administrator", actor=None)
    return user


def _sign_in_staff(visit, user):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="axe", confirmed=True
    )
    visit.sign_in(user, **{DEVICE_ID_SESSION_KEY: device.persistent_id})


# Appointments ----------------------------------------------------------------------------------------------


def _slots():
    from django.utils import timezone

    from portal.appointments.models import Slot
    from services_catalog.models import ServiceHall

    hall = ServiceHall.objects.get(slug=HALL)
    today = timezone.localdate()
    slots = []
    for days in (2, 3):
        for start, end, capacity in (((9, 0), (9, 30), 3), ((9, 30), (10, 0), 1)):
            slot, _created = Slot.objects.get_or_create(
                hall=hall,
                date=today + datetime.timedelta(days=days),
                start=datetime.time(*start),
                kind="in_person",
                defaults={"end": datetime.time(*end), "capacity": capacity},
            )
            slots.append(slot)
    return slots


def _appointment(visit):
    from portal.appointments.models import Appointment
    from portal.appointments.services import appointment_book

    user = _citizen(visit)
    slot = _slots()[0]
    return Appointment.objects.filter(citizen=user, slot=slot, status="booked").first() or appointment_book(
        citizen=user, slot=slot, service_code="3700-GA-001", service_title="居民身份证换领"
    )


def citizen_booking(visit):
    _slots()
    visit.sign_in(_citizen(visit))


def citizen_with_appointment(visit):
    visit.appointment = _appointment(visit)
    visit.sign_in(_citizen(visit))


def appointment_path(suffix=""):
    return lambda visit: visit.path(f"/appointments/{visit.appointment.pk}/{suffix}")


def manager_with_bookings(visit):
    visit.appointment = _appointment(visit)
    _sign_in_staff(visit, _manager())


def day_path(visit):
    return visit.path("/staff/appointments/", hall=HALL, date=visit.appointment.slot.date.isoformat())


def slot_path(visit):
    return visit.path(f"/staff/appointments/slots/{visit.appointment.slot_id}/")


# Ratings ---------------------------------------------------------------------------------------------------


def _completed(visit, pk, score=None):
    from django.utils import timezone

    from portal.applications.models import Application, StatusEvent
    from portal.applications.references import reference_generate
    from portal.demo.metrics import _Builder
    from portal.ratings.models import Rating
    from portal.ratings.services import rating_give
    from services_catalog.models import ServicePage

    user = _citizen(visit)
    application = Application.objects.filter(pk=pk).first()
    if application is None:
        now = timezone.now()
        page = ServicePage.objects.filter(service_code="3700-GA-001", locale__language_code="zh-hans").first()
        application = Application.objects.create(
            id=pk,
            service_code=page.service_code,
            service_page=page,
            flow_version=_Builder(now).flow_version,
            applicant=user,
            submitted_by=user,
            status="completed",
            reference=reference_generate(),
            created_at=now,
            updated_at=now,
            submitted_at=now,
        )
        StatusEvent.objects.bulk_create(
            [
                StatusEvent(application=application, from_status=frm, to_status=to, source="connector", created_at=now)
                for frm, to in (
                    ("", "draft"),
                    ("draft", "submitted"),
                    ("submitted", "received"),
                    ("received", "in_review"),
                    ("in_review", "approved"),
                    ("approved", "completed"),
                )
            ]
        )
    if score is not None and not Rating.objects.filter(application=application).exists():
        rating_give(application=application, rater=user, score=score, comment="排队等了两个小时，没有人解释。")
    return application


def citizen_to_rate(visit):
    _completed(visit, RATE_ME)
    visit.sign_in(_citizen(visit))


def application_path(visit):
    return visit.path(f"/apply/a/{RATE_ME}/")


def rate_path(visit):
    return visit.path(f"/ratings/{RATE_ME}/")


def manager_with_poor_rating(visit):
    from portal.ratings.models import Rating

    visit.rating = Rating.objects.get(application=_completed(visit, RATED, score=1))
    _sign_in_staff(visit, _manager())


def rating_path(visit):
    return visit.path(f"/staff/ratings/{visit.rating.pk}/")


# Metrics ---------------------------------------------------------------------------------------------------


def administrator_with_figures(visit):
    from portal.applications.models import Application
    from portal.demo.metrics import DEMO_USERNAME, metrics_demo_generate

    if not Application.objects.filter(applicant__username__startswith=DEMO_USERNAME).exists():
        metrics_demo_generate(
            services=[visit.catalogue.service(code) for code in ("3701-MZ-001", "3700-SJ-001", "3700-GA-002")]
        )
    _sign_in_staff(visit, _administrator())
