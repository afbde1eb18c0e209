"""Writes for appointments, as noun_verb(*, ...) functions.

Capacity holds under concurrency without locks held across a request: a booking takes its place with one
conditional UPDATE (`booked = booked + 1 WHERE booked < capacity`), the first statement of its
transaction, so two people booking the last place get one success and one SlotFull, on SQLite and
PostgreSQL alike; a check constraint (booked <= capacity) backs it up."""

import logging
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from portal.applications.references import ALPHABET, BODY_LENGTH, check_character
from portal.audit.services import audit_record
from services_catalog.calendar import Calendar
from services_catalog.models import ServiceHall

from .hours import hall_opening_hours
from .models import Appointment, AppointmentStatus, Slot, SlotKind
from .notifications import appointment_confirmation_send, appointment_reminder_send

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "YY"  # 预约


class BookingProblem(Exception):
    """Why a booking could not be made; the view shows `code`'s message."""

    code = "problem"


class SlotFull(BookingProblem):
    code = "full"


class SlotUnavailable(BookingProblem):
    code = "unavailable"  # gone, in the past, or closed


class AlreadyBooked(BookingProblem):
    code = "already_booked"


class TooManyAppointments(BookingProblem):
    code = "too_many"


class NotCancellable(Exception):
    pass


def slot_minutes():
    return settings.APPOINTMENT_SLOT_MINUTES


def default_capacity(kind):
    return settings.APPOINTMENT_CAPACITY.get(kind, 1)


def max_active():
    return settings.APPOINTMENT_MAX_ACTIVE


def booking_days():
    return settings.APPOINTMENT_BOOKING_DAYS


# Slots -----------------------------------------------------------------------------------------------------


def _slot_times(periods, minutes):
    step = timedelta(minutes=minutes)
    for start, end in periods:
        moment = datetime.combine(datetime.min, start)
        closing = datetime.combine(datetime.min, end)
        while moment + step <= closing:
            yield moment.time(), (moment + step).time()
            moment += step


def _opening_periods(hours, day, calendar):
    """A hall's periods on `day`: none on a public holiday, and on a weekend day worked in exchange (调休) those
    of a Monday, as halls open on such a day as on a weekday."""
    if calendar.is_holiday(day):
        return []
    if day.weekday() >= 5 and calendar.is_working_day(day):
        return hours.periods_on(day - timedelta(days=day.weekday()))  # that week's Monday: a weekday's hours
    return hours.periods_on(day)


def slots_generate(*, days=None, start=None, halls=None):
    """Publish slots for `days` days from `start` (today) at every hall (or `halls`), from each hall's
    opening hours: in-person slots everywhere, assisted-help slots where the hall has an assisted service
    desk. Slots that exist already are left as they are (staff may have changed them), so this is safe to
    run every day. Returns (slots created, halls whose hours could not be read)."""
    days = booking_days() if days is None else days
    start = start or timezone.localdate()
    halls = list(halls if halls is not None else ServiceHall.objects.all())
    minutes = slot_minutes()
    calendar = Calendar()
    wanted, unreadable = [], []
    for hall in halls:
        hours = hall_opening_hours(hall)
        if not hours:
            unreadable.append(hall)
            continue
        kinds = [SlotKind.IN_PERSON] + ([SlotKind.ASSISTED] if hall.assisted_service else [])
        for offset in range(days):
            day = start + timedelta(days=offset)
            for slot_start, slot_end in _slot_times(_opening_periods(hours, day, calendar), minutes):
                for kind in kinds:
                    wanted.append(
                        Slot(
                            hall=hall,
                            date=day,
                            start=slot_start,
                            end=slot_end,
                            kind=kind,
                            capacity=default_capacity(kind),
                        )
                    )
    if not wanted:
        return 0, unreadable
    scope = Slot.objects.filter(hall__in=halls, date__gte=start, date__lt=start + timedelta(days=days))
    before = scope.count()
    Slot.objects.bulk_create(wanted, ignore_conflicts=True, batch_size=500)
    for hall in unreadable:
        logger.warning("opening hours of hall %s could not be read: no slots generated", hall.slug)
    return scope.count() - before, unreadable


def slot_capacity_set(*, slot, capacity, actor):
    """Change the places of a slot; never below the places already booked (0 closes it to new bookings)."""
    with transaction.atomic():
        updated = Slot.objects.filter(pk=slot.pk, booked__lte=capacity).update(capacity=capacity)
        if not updated:
            raise ValueError("fewer places than bookings")
        audit_record(
            action="appointments.slot_changed",
            actor=actor,
            obj=slot,
            details={
                "hall": slot.hall_id,
                "date": slot.date.isoformat(),
                "start": slot.start.isoformat(),
                "kind": slot.kind,
                "capacity_before": slot.capacity,
                "capacity": capacity,
            },
        )
    slot.capacity = capacity
    return slot


# Bookings --------------------------------------------------------------------------------------------------


def _unique_reference():
    for _attempt in range(20):
        body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
        chars = body + check_character(body)
        reference = f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"
        if not Appointment.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("could not find a free appointment reference")


def _bookable_now(now):
    """Slots that have not started yet."""
    today = timezone.localdate(now)
    local_time = timezone.localtime(now).time()
    return Q(date__gt=today) | Q(date=today, start__gt=local_time)


def appointment_book(*, citizen, slot, service_code="", service_title="", language="zh-hans", now=None):
    """Book a place in `slot` for `citizen`. Raises SlotFull, SlotUnavailable, AlreadyBooked or
    TooManyAppointments; otherwise returns the appointment (and tells the citizen by e-mail and SMS)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            # First statement of the transaction: take the place, if there is one.
            taken = Slot.objects.filter(Q(pk=slot.pk, booked__lt=F("capacity")) & _bookable_now(now)).update(
                booked=F("booked") + 1
            )
            if not taken:
                current = Slot.objects.filter(pk=slot.pk).filter(_bookable_now(now)).first()
                if current is None or current.capacity == 0:
                    raise SlotUnavailable()
                raise SlotFull()
            # One booking of this citizen's at a time from here to the commit, so two made at once (two tabs)
            # cannot both count below the limit. After the slot's UPDATE: a write first keeps SQLite's
            # transaction a writer from the start (and SQLite serialises writers anyway).
            list(
                get_user_model()
                ._default_manager.select_for_update(no_key=True)
                .filter(pk=citizen.pk)
                .values_list("pk", flat=True)
            )
            active = Appointment.objects.filter(citizen=citizen, status=AppointmentStatus.BOOKED).filter(
                Q(slot__date__gt=timezone.localdate(now))
                | Q(slot__date=timezone.localdate(now), slot__end__gt=timezone.localtime(now).time())
            )
            if active.filter(slot=slot).exists():
                raise AlreadyBooked()
            if active.count() >= max_active():
                raise TooManyAppointments()
            appointment = Appointment.objects.create(
                reference=_unique_reference(),
                slot=slot,
                citizen=citizen,
                service_code=service_code or "",
                service_title=(service_title or "")[:255],
                language=language,
                created_at=now,
            )
    except IntegrityError:  # the same person booking the same slot twice at the same moment
        raise AlreadyBooked() from None
    appointment.slot = Slot.objects.select_related("hall").get(pk=slot.pk)
    transaction.on_commit(lambda: appointment_confirmation_send(appointment=appointment))
    return appointment


def appointment_cancel(*, appointment, actor, now=None):
    """Cancel a booking that has not started yet; its place is free again at once."""
    now = now or timezone.now()
    with transaction.atomic():
        updated = Appointment.objects.filter(pk=appointment.pk, status=AppointmentStatus.BOOKED).update(
            status=AppointmentStatus.CANCELLED, cancelled_at=now
        )
        if not updated or appointment.slot.starts_at <= now:
            raise NotCancellable()
        Slot.objects.filter(pk=appointment.slot_id, booked__gt=0).update(booked=F("booked") - 1)
        if actor is not None and actor.pk != appointment.citizen_id:
            audit_record(
                action="appointment.cancelled",
                actor=actor,
                on_behalf_of=appointment.citizen_id,
                obj=appointment,
                details={"reference": appointment.reference},
            )
    appointment.status, appointment.cancelled_at = AppointmentStatus.CANCELLED, now
    return appointment


def appointments_remind(*, now=None):
    """Remind everyone booked for tomorrow (by e-mail and SMS), once each: each reminder is claimed with a
    conditional UPDATE before it is sent, so two workers running this at once never send it twice.
    For the background worker (hourly is enough); returns how many were sent."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    due = list(
        Appointment.objects.filter(
            status=AppointmentStatus.BOOKED, reminder_sent_at__isnull=True, slot__date=tomorrow
        ).select_related("slot__hall", "citizen")
    )
    sent = 0
    for appointment in due:
        claimed = Appointment.objects.filter(
            pk=appointment.pk, status=AppointmentStatus.BOOKED, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if claimed:
            appointment_reminder_send(appointment=appointment)
            sent += 1
    return sent


def appointment_slots_publish():
    """For the background worker (daily): slots for the booking window at every hall."""
    created, _unreadable = slots_generate()
    return created
