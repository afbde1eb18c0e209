"""A citizen books a time at a service hall, sees it, adds it to a calendar, cancels it; a full time cannot
be booked; two people taking the last place get one success and one clear error."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.appointments import services
from portal.appointments.models import Appointment, AppointmentStatus, Slot, SlotKind
from tests.people import citizen_make, client_for

pytestmark = pytest.mark.django_db


def book_url(hall, kind="in_person"):
    return reverse("appointments:book_time", kwargs={"hall": hall.slug, "kind": kind})


def test_booking_needs_signing_in(client, catalogue_hall):
    response = client.get(reverse("appointments:book") + f"?hall={catalogue_hall.slug}")
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_the_hall_from_the_link_is_chosen_and_leads_to_its_times(citizen, catalogue_hall, slot_at):
    client = client_for(citizen)
    page = client.get(reverse("appointments:book") + f"?hall={catalogue_hall.slug}").content.decode()
    assert re.search(rf'<option value="{catalogue_hall.slug}" selected>', page)
    response = client.post(
        reverse("appointments:book") + "?service=3700-GA-001", {"hall": catalogue_hall.slug, "kind": "assisted"}
    )
    assert response.status_code == 302
    assert response["Location"] == book_url(catalogue_hall, "assisted") + "?service=3700-GA-001"


def test_the_remembered_city_chooses_its_hall(citizen, other_catalogue_hall):
    client = client_for(citizen)
    client.cookies["city"] = "370200"
    page = client.get(reverse("appointments:book")).content.decode()
    assert re.search(rf'<option value="{other_catalogue_hall.slug}" selected>', page)


def test_a_missing_choice_is_explained(citizen, catalogue_hall):
    response = client_for(citizen).post(reverse("appointments:book"), {"hall": catalogue_hall.slug})
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "Choose what you need" in page
    assert 'href="#id_kind_0"' in page


def test_times_are_grouped_by_day_with_the_places_left(citizen, catalogue_hall, slot_at):
    first = slot_at(2, "09:00", capacity=3)
    full = slot_at(2, "09:30", capacity=1)
    full.booked = 1
    full.save()
    later = slot_at(4, "14:00", capacity=2)
    slot_at(3, "10:00", kind="assisted")  # another kind: not listed
    client = client_for(citizen)
    days = client.get(book_url(catalogue_hall)).content.decode()  # first the days (issue 13), each with its places
    assert re.findall(r'href="\?day=([\d-]+)"', days) == [first.date.isoformat(), later.date.isoformat()]
    assert "3 places left" in days and "2 places left" in days
    page = client.get(book_url(catalogue_hall), {"day": first.date.isoformat()}).content.decode()
    legends = re.findall(r'<legend class="choice-group__legend">([^<]+)</legend>', page)
    assert len(legends) == 1  # the day, as the group's legend
    assert "3 places left" in page
    assert re.search(rf'value="{full.pk}"[^>]*disabled', page)  # shown, but it cannot be chosen
    assert "(full)" in page
    assert f'value="{first.pk}" class="choice__input" id="id_slot_0"' in page  # the error summary's target
    assert f'value="{later.pk}"' not in page  # another day's time


def test_a_citizen_books_a_time_and_gets_a_reference(
    citizen, catalogue_hall, slot_at, sms_outbox, django_capture_on_commit_callbacks
):
    slot = slot_at(3, "10:00", capacity=2)
    client = client_for(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            book_url(catalogue_hall) + "?service=3700-GA-001", {"slot": str(slot.pk), "service": "3700-GA-001"}
        )
    appointment = Appointment.objects.get(citizen=citizen)
    assert response["Location"] == reverse("appointments:booked", kwargs={"pk": appointment.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Appointment booked" in page
    assert appointment.reference in page
    assert re.fullmatch(r"YY-[0-9A-Z]{4}-[0-9A-Z]{4}", appointment.reference)
    assert "Renew a resident ID card" in page  # the service chosen, in the booking language
    slot.refresh_from_db()
    assert slot.booked == 1
    assert [message.to for message in mail.outbox] == [["zhang@example.com"]]
    assert appointment.reference in mail.outbox[0].body
    assert [message["phone"] for message in sms_outbox] == ["13912345678"]
    listing = client.get(reverse("appointments:mine")).content.decode()
    assert appointment.reference in listing


def test_a_full_time_cannot_be_booked(citizen, other_citizen, catalogue_hall, slot_at):
    slot = slot_at(3, "10:00", capacity=1)
    services.appointment_book(citizen=other_citizen, slot=slot)
    response = client_for(citizen).post(book_url(catalogue_hall), {"slot": str(slot.pk)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone has just taken the last place at that time" in page
    assert not Appointment.objects.filter(citizen=citizen).exists()


def test_two_people_booking_the_last_place_get_one_success_and_one_clear_error(citizen, other_citizen, slot_at):
    slot = slot_at(3, "10:00", capacity=2)
    services.appointment_book(citizen=citizen, slot=slot)
    # Both saw "1 place left" (the same stale row) and press the button.
    seen = Slot.objects.get(pk=slot.pk)
    third = citizen_make(name="王五", phone="13700000000", email="wang@example.com", sequence=789)
    results = []
    for person in (other_citizen, third):
        try:
            results.append(services.appointment_book(citizen=person, slot=seen))
        except services.SlotFull:
            results.append("full")
    assert results[1] == "full" and isinstance(results[0], Appointment)
    assert Slot.objects.get(pk=slot.pk).booked == 2
    assert Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_for_the_last_place(catalogue, django_db_blocker):
    """Two threads, two database connections, one place: exactly one booking (PostgreSQL; SQLite's test
    database is shared in memory and serialises writers anyway, which the test above covers)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL")
    hall = catalogue.hall("jinan-hall")
    slot = Slot.objects.create(
        hall=hall,
        date=timezone.localdate() + datetime.timedelta(days=3),
        start=datetime.time(10),
        end=datetime.time(10, 30),
        kind=SlotKind.IN_PERSON,
        capacity=1,
    )
    people = [
        citizen_make(name=f"人{n}", phone=f"1390000000{n}", email=f"p{n}@example.com", sequence=300 + n)
        for n in range(2)
    ]
    barrier = threading.Barrier(2)
    results = []

    def book(person):
        try:
            barrier.wait()
            results.append(services.appointment_book(citizen=person, slot=slot))
        except services.SlotFull:
            results.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(str(type(result).__name__) for result in results) == ["Appointment", "str"]
    assert "full" in results
    assert Slot.objects.get(pk=slot.pk).booked == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_by_one_citizen_keep_to_the_limit(catalogue, django_db_blocker, settings, monkeypatch):
    """Two browser tabs booking two different times at the same moment, with one booking allowed: one
    appointment, one clear refusal (PostgreSQL). Each booking waits at the limit check for the other; when
    the citizen's row is locked before counting, the second cannot get there until the first has committed."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL")
    settings.APPOINTMENT_MAX_ACTIVE = 1
    hall = catalogue.hall("jinan-hall")
    slots = [
        Slot.objects.create(
            hall=hall,
            date=timezone.localdate() + datetime.timedelta(days=3),
            start=datetime.time(10, minute),
            end=datetime.time(10, minute + 30),
            kind=SlotKind.IN_PERSON,
            capacity=4,
        )
        for minute in (0, 1)
    ]
    person = citizen_make(name="人甲", phone="13900000009", email="tabs@example.com", sequence=309)
    at_the_check = threading.Barrier(2, timeout=3)

    def limit_after_meeting():
        try:
            at_the_check.wait()  # both counted before either booked: the race, if nothing serialises them
        except threading.BrokenBarrierError:
            pass  # the other booking is held back (or already done): go on alone
        return 1

    monkeypatch.setattr(services, "max_active", limit_after_meeting)
    results = []

    def book(slot):
        try:
            results.append(services.appointment_book(citizen=person, slot=slot))
        except services.TooManyAppointments:
            results.append("too many")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(slot,)) for slot in slots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(result).__name__ for result in results) == ["Appointment", "str"]
    assert Appointment.objects.filter(citizen=person, status=AppointmentStatus.BOOKED).count() == 1
    assert sum(Slot.objects.filter(pk__in=[slot.pk for slot in slots]).values_list("booked", flat=True)) == 1


def test_cancelling_frees_the_place(citizen, other_citizen, catalogue_hall, slot_at):
    slot = slot_at(3, "10:00", capacity=1)
    appointment = services.appointment_book(citizen=citizen, slot=slot)
    client = client_for(citizen)
    cancel_url = reverse("appointments:cancel", kwargs={"pk": appointment.pk})
    assert "Cancel your appointment?" in client.get(cancel_url).content.decode()
    response = client.post(cancel_url)
    assert response["Location"] == reverse("appointments:mine")
    page = client.get(response["Location"]).content.decode()
    assert f"Your appointment {appointment.reference} is cancelled" in page
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert Slot.objects.get(pk=slot.pk).booked == 0
    services.appointment_book(citizen=other_citizen, slot=slot)  # the place is there for someone else
    assert Slot.objects.get(pk=slot.pk).booked == 1
    assert client.post(cancel_url).status_code == 302  # a second cancel changes nothing
    assert Slot.objects.get(pk=slot.pk).booked == 1


def test_nobody_sees_or_cancels_another_citizens_appointment(citizen, other_citizen, slot_at):
    appointment = services.appointment_book(citizen=citizen, slot=slot_at())
    intruder = client_for(other_citizen)
    for name in ("detail", "booked", "calendar", "cancel"):
        assert intruder.get(reverse(f"appointments:{name}", kwargs={"pk": appointment.pk})).status_code == 404
    assert intruder.post(reverse("appointments:cancel", kwargs={"pk": appointment.pk})).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_the_calendar_file_holds_the_appointment(citizen, catalogue_hall, slot_at):
    slot = slot_at(3, "09:00")
    appointment = services.appointment_book(citizen=citizen, slot=slot)
    response = client_for(citizen).get(reverse("appointments:calendar", kwargs={"pk": appointment.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    assert f"appointment-{appointment.reference}.ics" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    unfolded = body.replace("\r\n ", "")
    starts = (slot.starts_at.astimezone(datetime.UTC)).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{starts}\r\n" in unfolded
    assert starts.endswith("T010000Z")  # 9:00 in Shandong is 1:00 UTC
    assert f"UID:{appointment.pk}@" in unfolded
    assert "SUMMARY:Appointment at Jinan Government Service Centre" in unfolded
    assert "LOCATION:Jinan Government Service Centre\\, 12345 Jingshi Road\\, Lixia District\\, Jinan" in unfolded
    assert appointment.reference in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_assisted_help_only_where_the_hall_has_a_desk(citizen, catalogue_hall):
    catalogue_hall.assisted_service = False
    catalogue_hall.save()
    client = client_for(citizen)
    page = client.post(reverse("appointments:book"), {"hall": catalogue_hall.slug, "kind": "assisted"}).content.decode()
    assert "This hall has no assisted service desk" in page
    assert client.get(book_url(catalogue_hall, "assisted")).status_code == 404


def test_too_many_bookings_are_refused(citizen, catalogue_hall, slot_at, settings):
    settings.APPOINTMENT_MAX_ACTIVE = 2
    services.appointment_book(citizen=citizen, slot=slot_at(3, "09:00"))
    services.appointment_book(citizen=citizen, slot=slot_at(3, "09:30"))
    third = slot_at(3, "10:00")
    page = client_for(citizen).post(book_url(catalogue_hall), {"slot": str(third.pk)}).content.decode()
    assert "You already have 2 appointments booked" in page
    assert Slot.objects.get(pk=third.pk).booked == 0
