"""Data and sign-in for the staff page states in tests/browser/pages.py (the accessibility harness). Every
state shares one database, so everything here is get_or_create: safe to run for every visit.

Staff are signed in with a verified second factor, as every staff page needs."""

import datetime
import uuid

SERVICE = "3700-RS-001"  # online, department human-resources, in the harness catalogue
SESSION_REFERENCE = "BB20260101AXE001"
QUEUE_APPLICATION = uuid.UUID("00000000-0000-4000-8000-00000000a11e")
ANSWER_APPLICATION = uuid.UUID("00000000-0000-4000-8000-00000000a11f")


def _person(username, name, phone):
    from django.contrib.auth import get_user_model

    from tests.people import make_resident_id

    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"real_name": name, "phone": phone, "email": f"{username}@example.gov.cn"}
    )
    if created:
        user.set_resident_id(make_resident_id(sequence=int(phone[-3:]) % 1000))
        user.set_unusable_password()
        user.save()
    return user


def _staff(kind):
    from portal.staff.services import staff_membership_add
    from services_catalog.models import Department, ServiceHall

    if kind == "hall_staff":
        user = _person("axe-hall-staff", "窗口小李", "13700000101")
        staff_membership_add(user=user, role="hall_staff", hall=ServiceHall.objects.get(slug="jinan-hall"), actor=None)
    elif kind == "reviewer":
        user = _person("axe-reviewer", "审核员小王", "13700000102")
        staff_membership_add(
            user=user, role="reviewer", department=Department.objects.get(code="human-resources"), actor=None
        )
    else:
        user = _person("axe-administrator", "管理员老陈", "13700000103")
        staff_membership_add(user=user, role="administrator", actor=None)
    return user


def _citizen():
    return _person("axe-assisted-citizen", "王秀英", "13800000177")


def _second_factor(user):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="axe", confirmed=True
    )
    return {DEVICE_ID_SESSION_KEY: device.persistent_id}


def _sign_in(visit, user, **session_data):
    visit.sign_in(user, **_second_factor(user), **session_data)


def staff(kind):
    """Setup: `kind` ("hall_staff", "reviewer", "administrator") signed in with a second factor."""

    def setup(visit):
        _sign_in(visit, _staff(kind))

    return setup


def checks(visit):
    """Hall staff who have just found the citizen: the three checks are next."""
    _sign_in(visit, _staff("hall_staff"), assist_candidate={"user": _citizen().pk, "registered": False})


def _session():
    from django.utils import timezone

    from portal.assisted.models import AssistSession
    from services_catalog.models import ServiceHall

    session, _created = AssistSession.objects.get_or_create(
        reference=SESSION_REFERENCE,
        defaults={
            "staff": _staff("hall_staff"),
            "citizen": _citizen(),
            "hall": ServiceHall.objects.get(slug="jinan-hall"),
            "presence_confirmed": True,
            "id_checked": True,
            "consent_recorded": True,
            "started_at": timezone.now(),
        },
    )
    return session


def in_session(visit):
    """Hall staff in an active assist session (the banner shows on every page)."""
    session = _session()
    _sign_in(visit, session.staff, assist_session=session.reference)


def resumable(visit):
    """Hall staff in a new browser after the last one closed mid-session: the session waits to be resumed."""
    session = _session()
    _sign_in(visit, session.staff)


def session_path(visit):
    return visit.path(f"/staff/assist/s/{SESSION_REFERENCE}/", q=visit.service(SERVICE).title[:4])


def _application(pk, status):
    from django.utils import timezone

    from portal.applications.models import Application
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import flows_load_from_code
    from services_catalog.models import ServicePage

    if flow_version_current("general-application") is None:
        flows_load_from_code()
    page = ServicePage.objects.filter(service_code=SERVICE, locale__language_code="zh-hans").first()
    sent = timezone.now() - datetime.timedelta(days=10)
    application, _created = Application.objects.get_or_create(
        pk=pk,
        defaults={
            "reference": f"AXE{str(pk)[-5:].upper()}",
            "service_code": SERVICE,
            "service_page": page,
            "flow_version": flow_version_current("general-application"),
            "applicant": _citizen(),
            "submitted_by": _citizen(),
            "status": status,
            "created_at": sent,
            "updated_at": sent,
            "submitted_at": sent,
            "idempotency_key": uuid.uuid4(),
        },
    )
    return application


def reviewer_with_queue(visit):
    _application(QUEUE_APPLICATION, "in_review")
    _application(ANSWER_APPLICATION, "more_info_requested")
    _sign_in(visit, _staff("reviewer"))


def queue_detail_path(visit):
    return visit.path(f"/staff/queue/a/{QUEUE_APPLICATION}/")


def citizen_answering(visit):
    from django.utils import timezone

    from portal.applications.models import StatusEvent

    application = _application(ANSWER_APPLICATION, "more_info_requested")
    StatusEvent.objects.get_or_create(
        application=application,
        to_status="more_info_requested",
        defaults={
            "from_status": "in_review",
            "source": "staff",
            "note": "请补充上传户口簿首页。",
            "created_at": timezone.now(),
        },
    )
    visit.sign_in(_citizen())


def answer_path(visit):
    return visit.path(f"/more-information/{ANSWER_APPLICATION}/")
