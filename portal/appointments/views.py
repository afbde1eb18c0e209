"""The citizen's side: book (hall and kind → day → time → confirmation), my appointments, one appointment,
its calendar file, cancel. Thin: forms validate, services write, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from portal.language import active_language
from services_catalog.views import CITY_COOKIE

from . import selectors, services
from .forms import BookingStartForm, SlotChoiceForm
from .ics import appointment_ics
from .models import SlotKind

PROBLEM_MESSAGES = {
    services.SlotFull.code: lambda: _("Someone has just taken the last place at that time. Choose another time"),
    services.SlotUnavailable.code: lambda: _("That time can no longer be booked. Choose another time"),
    services.AlreadyBooked.code: lambda: _("You have already booked this time"),
    services.TooManyAppointments.code: lambda: (
        _("You already have %(count)s appointments booked. Cancel one before you book another")
        % {"count": services.max_active()}
    ),
}


def _service_code(request):
    code = (request.GET.get("service") or "").strip().upper()[:40]
    return code if code.replace("-", "").isalnum() else ""


@login_required
@require_http_methods(["GET", "POST"])
def book_start(request):
    halls = selectors.halls_for_booking()
    initial = {"kind": request.GET.get("kind", "")}
    chosen = selectors.hall_by_slug(request.GET.get("hall")) if request.GET.get("hall") else None
    if chosen is None:
        chosen = selectors.hall_for_city(halls, request.COOKIES.get(CITY_COOKIE, "")[:12])
    if chosen is not None:
        initial["hall"] = chosen.slug
    form = BookingStartForm(request.POST or None, initial=initial, hall_choices=selectors.hall_choices(halls))
    service = _service_code(request)
    if request.method == "POST" and form.is_valid():
        hall = selectors.hall_by_slug(form.cleaned_data["hall"])
        kind = form.cleaned_data["kind"]
        if kind == SlotKind.ASSISTED and not hall.assisted_service:
            form.add_error(
                "kind", _("This hall has no assisted service desk. Choose “Apply in person”, or another hall")
            )
        else:
            url = reverse("appointments:book_time", kwargs={"hall": hall.slug, "kind": kind})
            return redirect(url + (f"?{urlencode({'service': service})}" if service else ""))
    return render(request, "appointments/book_start.html", {"form": form, "service": service})


def _day_of(days, wanted="", slot_id=""):
    """The bookable day `wanted` names (YYYY-MM-DD), else the day of the slot `slot_id`; None if neither."""
    for day, slots in days:
        if day.isoformat() == wanted[:10] or (slot_id and any(str(slot.pk) == slot_id for slot in slots)):
            return day
    return None


def _day_choices(days):
    return [{"day": day, "remaining": sum(slot.remaining for slot in slots)} for day, slots in days]


@login_required
@require_http_methods(["GET", "POST"])
def book_time(request, hall, kind):
    """Two steps on one address: without a day, the days with their places left (links); with ?day=, that
    day's times to choose from, and the service the visit is for."""
    hall = selectors.hall_by_slug(hall)
    if hall is None or kind not in SlotKind.values or (kind == SlotKind.ASSISTED and not hall.assisted_service):
        raise Http404("No such booking")
    locale = Locale.get_active()
    days = selectors.bookable_slots(hall, kind)
    service_code = _service_code(request)
    day = _day_of(
        days, request.GET.get("day", ""), request.POST.get("slot", "")[:20] if request.method == "POST" else ""
    )
    back_url = reverse("appointments:book") + "?" + urlencode({"hall": hall.slug, "kind": kind})
    context = {"hall": hall, "kind": SlotKind(kind), "has_slots": bool(days), "service": service_code}
    if day is None:
        return render(
            request, "appointments/book_time.html", {**context, "days": _day_choices(days), "back_url": back_url}
        )
    services_offered = selectors.hall_services(hall, locale)
    day_slots = [(d, slots) for d, slots in days if d == day]
    initial = {"service": service_code}
    form = SlotChoiceForm(request.POST or None, initial=initial, days=day_slots, services=services_offered)
    if request.method == "POST" and form.is_valid():
        slot = next(slot for _day, slots in day_slots for slot in slots if str(slot.pk) == form.cleaned_data["slot"])
        code = form.cleaned_data["service"]
        try:
            appointment = services.appointment_book(
                citizen=request.user,
                slot=slot,
                service_code=code,
                service_title=selectors.service_title(code, locale),
                language=active_language(),
            )
        except services.BookingProblem as problem:
            # Show the day's times again as they are now, with the reason.
            day_slots = [(d, slots) for d, slots in selectors.bookable_slots(hall, kind) if d == day]
            form = SlotChoiceForm(request.POST, days=day_slots, services=services_offered)
            form.is_valid()
            form.add_error("slot", PROBLEM_MESSAGES[problem.code]())
        else:
            return redirect("appointments:booked", pk=appointment.pk)
    days_url = request.path + (f"?{urlencode({'service': service_code})}" if service_code else "")
    return render(
        request,
        "appointments/book_time.html",
        {**context, "form": form, "day": day, "days_url": days_url, "back_url": days_url},
    )


@login_required
def mine(request):
    upcoming, others = selectors.appointments_for_citizen(request.user)
    return render(request, "appointments/mine.html", {"upcoming": upcoming, "others": others})


def _detail_context(request, appointment):
    return {
        "appointment": appointment,
        "slot": appointment.slot,
        "hall": appointment.slot.hall,
        "can_cancel": appointment.is_booked and appointment.slot.starts_at > timezone.now(),
    }


@login_required
def booked(request, pk):
    appointment = selectors.appointment_get_for_citizen(user=request.user, appointment_id=pk)
    return render(request, "appointments/detail.html", {**_detail_context(request, appointment), "confirmation": True})


@login_required
def detail(request, pk):
    appointment = selectors.appointment_get_for_citizen(user=request.user, appointment_id=pk)
    return render(request, "appointments/detail.html", _detail_context(request, appointment))


@login_required
def calendar_file(request, pk):
    appointment = selectors.appointment_get_for_citizen(user=request.user, appointment_id=pk)
    url = request.build_absolute_uri(reverse("appointments:detail", kwargs={"pk": appointment.pk}))
    response = HttpResponse(appointment_ics(appointment, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="appointment-{appointment.reference}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    appointment = selectors.appointment_get_for_citizen(user=request.user, appointment_id=pk)
    context = _detail_context(request, appointment)
    if not context["can_cancel"]:
        messages.error(request, _("This appointment cannot be cancelled any more."))
        return redirect("appointments:detail", pk=appointment.pk)
    if request.method == "POST":
        try:
            services.appointment_cancel(appointment=appointment, actor=request.user)
        except services.NotCancellable:
            messages.error(request, _("This appointment cannot be cancelled any more."))
        else:
            messages.success(
                request,
                _("Your appointment %(reference)s is cancelled. The place is free for someone else.")
                % {"reference": appointment.reference},
            )
        return redirect("appointments:mine")
    return render(request, "appointments/cancel.html", context)
