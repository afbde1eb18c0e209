"""Staff: a hall's day of appointments, and changing a slot's places. Every page goes through
staff_required (signed in, second factor, MANAGE_APPOINTMENTS); halls are limited to the user's own."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.audit.services import audit_record
from portal.staff.access import staff_required
from portal.staff.roles import MANAGE_APPOINTMENTS

from . import selectors, services
from .forms import DayForm, SlotCapacityForm
from .models import SlotKind


def _day_url(hall, day):
    return reverse("staff_appointments:day") + "?" + urlencode({"hall": hall.slug, "date": day.isoformat()})


@staff_required(MANAGE_APPOINTMENTS)
def day(request):
    halls = selectors.staff_halls(request.user)
    if not halls:
        raise PermissionDenied
    hall = next((h for h in halls if h.slug == request.GET.get("hall")), halls[0])
    try:
        chosen = date.fromisoformat(request.GET.get("date", "")[:10])
    except ValueError:
        chosen = timezone.localdate()
    form = DayForm(
        request.GET if "day_0" in request.GET else None,
        initial={"hall": hall.slug, "day": chosen},
        hall_choices=[(h.slug, h.name) for h in halls],
    )
    if form.is_bound and form.is_valid():
        picked = next(h for h in halls if h.slug == form.cleaned_data["hall"])
        return redirect(_day_url(picked, form.cleaned_data["day"] or chosen))
    slots = selectors.day_slots(hall, chosen)
    bookings = sum(len(slot.bookings) for slot in slots)
    if bookings:
        audit_record(
            action="appointments.day_viewed",
            actor=request.user,
            details={"hall": hall.pk, "date": chosen.isoformat(), "bookings": bookings},
        )
    return render(
        request,
        "appointments/staff/day.html",
        {
            "form": form,
            "hall": hall,
            "day": chosen,
            "slots": slots,
            "bookings": bookings,
            "kinds": SlotKind,
            "show_hall_choice": len(halls) > 1,
            "previous_url": _day_url(hall, chosen - timedelta(days=1)),
            "next_url": _day_url(hall, chosen + timedelta(days=1)),
        },
    )


@staff_required(MANAGE_APPOINTMENTS)
@require_http_methods(["GET", "POST"])
def slot_edit(request, pk):
    slot = selectors.slot_get_for_staff(user=request.user, slot_id=pk)
    form = SlotCapacityForm(request.POST or None, initial={"capacity": slot.capacity}, booked=slot.booked)
    if request.method == "POST" and form.is_valid():
        try:
            services.slot_capacity_set(slot=slot, capacity=form.cleaned_data["capacity"], actor=request.user)
        except ValueError:
            slot.refresh_from_db()
            form = SlotCapacityForm(request.POST, booked=slot.booked)
            form.is_valid()
        else:
            messages.success(request, _("The places are changed."))
            return redirect(_day_url(slot.hall, slot.date))
    return render(
        request,
        "appointments/staff/slot_edit.html",
        {"form": form, "slot": slot, "back_url": _day_url(slot.hall, slot.date)},
    )
