"""Reads for appointments. Citizens reach only their own bookings (appointment_get_for_citizen), staff only
their halls' slots (hall_ids_for in portal/staff/selectors.py; administrators every hall)."""

from datetime import timedelta
from itertools import groupby

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from portal.staff.selectors import hall_ids_for
from services_catalog.models import RegionLevel, ServiceHall, ServicePage

from .models import Appointment, AppointmentStatus, Slot
from .services import booking_days


def hall_city(hall):
    region = hall.region
    return region if region.level == RegionLevel.CITY or region.parent is None else region.parent


def halls_for_booking():
    return list(ServiceHall.objects.select_related("region__parent").order_by("region__code", "slug"))


def hall_choices(halls):
    """[(city name, [(slug, hall name), ...]), ...] for a select with a group per city."""
    ordered = sorted(halls, key=lambda hall: (hall_city(hall).code, hall.region.level != RegionLevel.CITY, hall.slug))
    return [(city.name, [(hall.slug, hall.name) for hall in group]) for city, group in groupby(ordered, key=hall_city)]


def hall_by_slug(slug):
    return ServiceHall.objects.select_related("region__parent").filter(slug=(slug or "")[:80]).first()


def hall_for_city(halls, city_code):
    """The main hall of a city (the city's own hall before district halls), or None."""
    in_city = [hall for hall in halls if hall_city(hall).code == city_code]
    in_city.sort(key=lambda hall: (hall.region.level != RegionLevel.CITY, hall.slug))
    return in_city[0] if in_city else None


def bookable_slots(hall, kind, *, now=None):
    """[(date, [slot, ...])] for the booking window, every slot that has not started (full ones too, so
    people can see them), in time order."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    slots = (
        Slot.objects.filter(
            hall=hall, kind=kind, date__gte=today, date__lt=today + timedelta(days=booking_days()), capacity__gt=0
        )
        .exclude(date=today, start__lte=timezone.localtime(now).time())
        .order_by("date", "start")
    )
    return [(day, list(group)) for day, group in groupby(slots, key=lambda slot: slot.date)]


def hall_services(hall, locale):
    """(service code, title) of the live services offered at `hall`, in `locale`."""
    return list(
        ServicePage.objects.live()
        .filter(halls=hall, locale=locale)
        .order_by("title")
        .values_list("service_code", "title")
    )


def service_title(code, locale):
    """The live service's title in `locale`, else in any language; "" when there is none."""
    if not code:
        return ""
    titles = dict(ServicePage.objects.live().filter(service_code=code).values_list("locale_id", "title"))
    return titles.get(getattr(locale, "pk", None)) or next(iter(titles.values()), "")


def appointments_for_citizen(user, *, now=None):
    """(upcoming booked appointments, everything else) of `user`, soonest first / latest first."""
    now = now or timezone.now()
    appointments = list(Appointment.objects.filter(citizen=user).select_related("slot__hall"))
    upcoming = [a for a in appointments if a.is_booked and a.slot.ends_at > now]
    others = [a for a in appointments if a not in upcoming]
    others.sort(key=lambda a: (a.slot.date, a.slot.start), reverse=True)
    return upcoming, others


def appointment_get_for_citizen(*, user, appointment_id):
    """The citizen's own appointment, or 404 (someone else's looks exactly like one that does not exist)."""
    if not user.is_authenticated:
        raise Http404("No such appointment")
    try:
        return Appointment.objects.select_related("slot__hall", "citizen").get(pk=appointment_id, citizen=user)
    except (Appointment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such appointment") from None


# Staff -----------------------------------------------------------------------------------------------------


def staff_halls(user):
    """The halls whose appointments `user` manages (every hall for administrators)."""
    ids = hall_ids_for(user)
    halls = ServiceHall.objects.select_related("region__parent").order_by("region__code", "slug")
    return list(halls if ids is None else halls.filter(pk__in=ids))


def day_slots(hall, day):
    """The hall's slots on `day`, each with its live bookings (and who made them)."""
    booked = (
        Appointment.objects.filter(status=AppointmentStatus.BOOKED).select_related("citizen").order_by("created_at")
    )
    return list(
        Slot.objects.filter(hall=hall, date=day)
        .order_by("start", "kind")
        .prefetch_related(Prefetch("appointments", queryset=booked, to_attr="bookings"))
    )


def slot_get_for_staff(*, user, slot_id):
    ids = hall_ids_for(user)
    slots = Slot.objects.select_related("hall")
    if ids is not None:
        slots = slots.filter(hall_id__in=ids)
    try:
        return slots.get(pk=slot_id)
    except (Slot.DoesNotExist, ValueError, TypeError):
        raise Http404("No such slot") from None
