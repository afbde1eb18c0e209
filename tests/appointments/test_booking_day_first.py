"""Issue 13, item 18: booking is two steps, a day and then a time of that day (not one list of every time of
two weeks), and the citizen may say which service they are coming for; staff see it in their day list."""

import re

import pytest
from django.urls import reverse

from portal.appointments.models import Appointment
from portal.staff.roles import Role
from tests.people import client_for, staff_make

pytestmark = pytest.mark.django_db


def book_url(hall, kind="in_person"):
    return reverse("appointments:book_time", kwargs={"hall": hall.slug, "kind": kind})


def slot_values(page):
    return re.findall(r'<input type="radio" name="slot" value="(\d+)"', page)


def test_the_citizen_chooses_a_day_first_then_a_time_of_that_day(citizen, catalogue_hall, slot_at):
    morning = slot_at(2, "09:00", capacity=3)
    later = slot_at(2, "09:30", capacity=2)
    other_day = slot_at(4, "14:00", capacity=2)
    client = client_for(citizen)

    days = client.get(book_url(catalogue_hall)).content.decode()
    assert slot_values(days) == []  # no wall of times: first the days
    links = re.findall(r'href="\?day=(\d{4}-\d{2}-\d{2})"', days)
    assert links == [morning.date.isoformat(), other_day.date.isoformat()]
    assert "5 places left" in days  # the first day's places, together

    times = client.get(book_url(catalogue_hall), {"day": morning.date.isoformat()}).content.decode()
    assert slot_values(times) == [str(morning.pk), str(later.pk)]  # that day's times only
    assert "Choose another day" in times


def test_a_day_with_no_times_goes_back_to_the_days(citizen, catalogue_hall, slot_at):
    slot = slot_at(2, "09:00")
    page = client_for(citizen).get(book_url(catalogue_hall), {"day": "2001-01-01"}).content.decode()
    assert slot_values(page) == []
    assert f'href="?day={slot.date.isoformat()}"' in page


def test_the_service_chosen_is_kept_with_the_appointment_and_shown_to_staff(citizen, catalogue_hall, slot_at):
    slot = slot_at(3, "10:00", capacity=2)
    client = client_for(citizen)
    page = client.get(book_url(catalogue_hall), {"day": slot.date.isoformat()}).content.decode()
    assert 'name="service"' in page
    response = client.post(
        book_url(catalogue_hall) + f"?day={slot.date.isoformat()}", {"slot": str(slot.pk), "service": "3700-GA-001"}
    )
    appointment = Appointment.objects.get(citizen=citizen)
    assert response["Location"] == reverse("appointments:booked", kwargs={"pk": appointment.pk})
    assert appointment.service_code == "3700-GA-001"
    window = client_for(staff_make("window", Role.HALL_STAFF, hall=catalogue_hall))
    day = window.get(reverse("staff_appointments:day") + f"?date={slot.date.isoformat()}").content.decode()
    assert "Renew a resident ID card" in day


def test_a_time_refused_shows_that_days_times_again(citizen, other_citizen, catalogue_hall, slot_at):
    from portal.appointments import services

    slot = slot_at(3, "10:00", capacity=1)
    free = slot_at(3, "11:00", capacity=1)
    slot_at(5, "11:00", capacity=1)
    services.appointment_book(citizen=other_citizen, slot=slot)
    page = (
        client_for(citizen)
        .post(book_url(catalogue_hall) + f"?day={slot.date.isoformat()}", {"slot": str(slot.pk)})
        .content.decode()
    )
    assert "Someone has just taken the last place at that time" in page
    assert slot_values(page) == [str(slot.pk), str(free.pk)]
