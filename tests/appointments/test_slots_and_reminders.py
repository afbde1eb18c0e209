"""Slots come from each hall's opening hours; staff see their hall's day and change places; reminders go out
once, the day before."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from portal.appointments import services
from portal.appointments.hours import parse_text
from portal.appointments.models import Slot, SlotKind
from portal.audit.models import AuditEvent
from portal.staff.roles import Role
from services_catalog.demo.halls import hours as demo_hours
from tests.people import client_for, staff_make

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2031, 6, 2)  # in summer: afternoons start later at the demo halls


def times(day, hall, kind=SlotKind.IN_PERSON):
    return [f"{slot.start:%H:%M}" for slot in Slot.objects.filter(hall=hall, date=day, kind=kind).order_by("start")]


def test_opening_hours_are_read_in_chinese_and_english():
    zh, en = demo_hours()
    for text, english in ((zh, False), (en, True)):
        hours = parse_text(text, english=english)
        assert hours.periods_on(MONDAY) == [
            (datetime.time(9), datetime.time(12)),
            (datetime.time(14), datetime.time(17)),
        ]
        assert hours.periods_on(datetime.date(2031, 3, 3)) == [
            (datetime.time(9), datetime.time(12)),
            (datetime.time(13, 30), datetime.time(17)),
        ]
        assert hours.periods_on(MONDAY + datetime.timedelta(days=5)) == [(datetime.time(9), datetime.time(12))]
        assert hours.periods_on(MONDAY + datetime.timedelta(days=6)) == []
    assert not parse_text("请电话预约")  # nothing it can read: no invented hours


def test_slots_are_generated_from_the_opening_hours_and_kept_when_changed(catalogue_hall, other_catalogue_hall):
    zh, en = demo_hours()
    catalogue_hall.opening_hours_zh, catalogue_hall.opening_hours_en = zh, en
    catalogue_hall.save()
    other_catalogue_hall.assisted_service = False
    other_catalogue_hall.opening_hours_zh, other_catalogue_hall.opening_hours_en = "请电话预约", "Call to book"
    other_catalogue_hall.save()
    created, unreadable = services.slots_generate(days=7, start=MONDAY, halls=[catalogue_hall, other_catalogue_hall])
    assert unreadable == [other_catalogue_hall]
    assert times(MONDAY, catalogue_hall) == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
        "14:00",
        "14:30",
        "15:00",
        "15:30",
        "16:00",
        "16:30",
    ]
    assert times(MONDAY, catalogue_hall, SlotKind.ASSISTED) == times(MONDAY, catalogue_hall)
    saturday = MONDAY + datetime.timedelta(days=5)
    assert times(saturday, catalogue_hall) == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
    assert times(saturday + datetime.timedelta(days=1), catalogue_hall) == []
    assert created == (5 * 12 + 6) * 2
    slot = Slot.objects.get(hall=catalogue_hall, date=MONDAY, start=datetime.time(9), kind=SlotKind.IN_PERSON)
    assert slot.capacity == 4
    slot.capacity = 0
    slot.save()
    assert services.slots_generate(days=7, start=MONDAY, halls=[catalogue_hall])[0] == 0  # safe to run again
    slot.refresh_from_db()
    assert slot.capacity == 0  # staff's change kept


def test_the_command_publishes_slots(catalogue_hall, capsys):
    from django.core.management import call_command

    call_command("appointments_slots", "--days", "3", "--hall", catalogue_hall.slug)
    assert "created" in capsys.readouterr().out
    assert Slot.objects.filter(hall=catalogue_hall).exists()


def test_the_reminder_goes_once_the_day_before(citizen, other_citizen, slot_at, sms_outbox):
    tomorrow = services.appointment_book(citizen=citizen, slot=slot_at(1, "09:00"))
    services.appointment_book(citizen=other_citizen, slot=slot_at(2, "09:00"))  # not yet
    cancelled = services.appointment_book(citizen=other_citizen, slot=slot_at(1, "10:00"))
    services.appointment_cancel(appointment=cancelled, actor=other_citizen)
    mail.outbox.clear()
    sms_outbox.clear()
    assert services.appointments_remind() == 1
    assert [message.to for message in mail.outbox] == [["zhang@example.com"]]
    assert "明天" in mail.outbox[0].subject  # "tomorrow", in the citizen's language (Chinese)
    assert tomorrow.reference in mail.outbox[0].body
    assert len(sms_outbox) == 1 and tomorrow.reference in sms_outbox[0]["message"]
    assert services.appointments_remind() == 0  # once
    assert len(mail.outbox) == 1
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None


def test_staff_see_their_halls_day_and_who_is_coming(citizen, catalogue_hall, other_catalogue_hall, slot_at):
    slot = slot_at(3, "09:00", capacity=2)
    appointment = services.appointment_book(citizen=citizen, slot=slot, service_title="Renew a resident ID card")
    window = staff_make("window", Role.HALL_STAFF, hall=catalogue_hall)
    client = client_for(window)
    response = client.get(reverse("staff_appointments:day") + f"?date={slot.date.isoformat()}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "张三" in page and appointment.reference in page and "Renew a resident ID card" in page
    assert "1 booking on this day" in page
    assert AuditEvent.objects.filter(action="appointments.day_viewed", actor_id=window.pk).exists()
    # Another hall's times are out of reach.
    elsewhere = slot_at(3, "09:00", at=other_catalogue_hall)
    assert client.get(reverse("staff_appointments:slot_edit", kwargs={"pk": elsewhere.pk})).status_code == 404
    page = client.get(reverse("staff_appointments:day") + f"?hall={other_catalogue_hall.slug}&date={slot.date}").content
    assert appointment.reference in page.decode()  # an unknown hall falls back to their own


def test_staff_change_the_places_but_never_below_the_bookings(citizen, catalogue_hall, slot_at):
    slot = slot_at(3, "09:00", capacity=2)
    services.appointment_book(citizen=citizen, slot=slot)
    client = client_for(staff_make("window", Role.HALL_STAFF, hall=catalogue_hall))
    url = reverse("staff_appointments:slot_edit", kwargs={"pk": slot.pk})
    page = client.post(url, {"capacity": "0"}).content.decode()
    assert "1 place is booked already: enter 1 or more" in page
    response = client.post(url, {"capacity": "5"})
    assert response.status_code == 302
    assert Slot.objects.get(pk=slot.pk).capacity == 5
    event = AuditEvent.objects.get(action="appointments.slot_changed")
    assert event.details["capacity_before"] == 2 and event.details["capacity"] == 5


def test_no_staff_page_without_a_second_factor_or_the_permission(citizen, catalogue_hall, slot_at):
    slot = slot_at()
    pages = [reverse("staff_appointments:day"), reverse("staff_appointments:slot_edit", kwargs={"pk": slot.pk})]
    window = staff_make("window", Role.HALL_STAFF, hall=catalogue_hall)
    reviewer = staff_make("reviewer", Role.REVIEWER, department=slot.hall.services.first().department)
    for url in pages:
        assert client_for(citizen).get(url).status_code == 403
        unverified = client_for(window, verified=False).get(url)
        assert unverified.status_code == 302 and "/accounts/two-step/" in unverified["Location"]
        assert client_for(reviewer).get(url).status_code == 403
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and "/accounts/sign-in/" in anonymous["Location"]
