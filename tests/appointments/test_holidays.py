"""Appointment slots follow the working-day calendar (services_catalog/calendar.py): none on a public holiday, and
on a weekend day worked in exchange (调休) the hall opens as on a weekday. The calendar is seeded from
chinesecalendar and kept as data administrators can change."""

import datetime

import pytest

from portal.appointments import services
from portal.appointments.models import Slot, SlotKind
from services_catalog.calendar import Calendar, calendar_days_load
from services_catalog.models import CalendarDay, CalendarDayKind

pytestmark = pytest.mark.django_db

# Next year's days, as an administrator enters them from the State Council's notice before the package has them.
MONDAY = datetime.date(2031, 9, 29)
NATIONAL_DAY = datetime.date(2031, 10, 1)  # a Wednesday
EXCHANGED_SATURDAY = datetime.date(2031, 10, 11)
ORDINARY_SATURDAY = datetime.date(2031, 10, 18)


def _times(day, hall):
    return [
        f"{start:%H:%M}"
        for start in Slot.objects.filter(hall=hall, date=day, kind=SlotKind.IN_PERSON)
        .order_by("start")
        .values_list("start", flat=True)
    ]


def test_no_slots_on_a_public_holiday_and_weekday_hours_on_an_exchanged_saturday(catalogue_hall, citizen):
    CalendarDay.objects.create(date=NATIONAL_DAY, kind=CalendarDayKind.HOLIDAY, name="国庆节")
    CalendarDay.objects.create(date=EXCHANGED_SATURDAY, kind=CalendarDayKind.WORKDAY, name="国庆节调休")

    services.slots_generate(days=21, start=MONDAY, halls=[catalogue_hall])

    assert _times(NATIONAL_DAY, catalogue_hall) == []
    assert _times(EXCHANGED_SATURDAY, catalogue_hall) == _times(MONDAY, catalogue_hall) != []
    assert _times(ORDINARY_SATURDAY, catalogue_hall) == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
    slot = Slot.objects.filter(hall=catalogue_hall, date=EXCHANGED_SATURDAY, kind=SlotKind.IN_PERSON).first()
    appointment = services.appointment_book(
        citizen=citizen, slot=slot, now=datetime.datetime(2031, 9, 1, tzinfo=datetime.UTC)
    )
    assert appointment.slot.date == EXCHANGED_SATURDAY


def test_the_calendar_is_seeded_from_chinesecalendar_and_keeps_what_administrators_changed():
    CalendarDay.objects.create(date=datetime.date(2026, 10, 7), kind=CalendarDayKind.WORKDAY, name="changed here")

    added = calendar_days_load()

    calendar = Calendar()
    assert added > 50 and calendar_days_load() == 0  # safe to run again
    assert calendar.is_holiday(datetime.date(2026, 10, 1))
    assert CalendarDay.objects.get(date=datetime.date(2026, 10, 1)).name == "国庆节"
    assert calendar.is_working_day(datetime.date(2026, 10, 10))  # a Saturday worked in exchange
    assert not calendar.is_working_day(datetime.date(2026, 10, 11))
    assert calendar.is_working_day(datetime.date(2026, 10, 7))  # the administrator's change is kept
    assert CalendarDay.objects.get(date=datetime.date(2026, 10, 7)).name == "changed here"
    assert calendar.add(datetime.date(2026, 9, 30), 1) == datetime.date(2026, 10, 7)
