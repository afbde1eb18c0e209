"""Staff: poor ratings to follow up (the hall managers of their halls; administrators all), and recording
what was done. Every page goes through staff_required (signed in, second factor, FOLLOW_UP_RATINGS)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.applications.selectors import service_name, service_names
from portal.audit.services import audit_record
from portal.staff.access import staff_required
from portal.staff.roles import FOLLOW_UP_RATINGS

from . import selectors, services
from .forms import FollowUpForm


@staff_required(FOLLOW_UP_RATINGS)
def flagged(request):
    done = request.GET.get("show") == "done"
    ratings = selectors.flagged_ratings(request.user, done=done)
    names = service_names([rating.application for rating in ratings])
    rows = [{"rating": rating, "service_name": names[rating.application_id]} for rating in ratings]
    return render(request, "ratings/staff/list.html", {"rows": rows, "done": done})


@staff_required(FOLLOW_UP_RATINGS)
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    rating = selectors.flagged_rating_get(user=request.user, rating_id=pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.rating_follow_up_record(
            rating=rating, actor=request.user, action=form.cleaned_data["action"], done_on=form.cleaned_data["done_on"]
        )
        messages.success(request, _("The follow-up is recorded."))
        return redirect("staff_ratings:detail", pk=rating.pk)
    if request.method == "GET":
        audit_record(
            action="rating.viewed",
            actor=request.user,
            on_behalf_of=rating.rater_id,
            obj=rating,
            details={"application": rating.application.reference},
        )
    return render(
        request,
        "ratings/staff/detail.html",
        {
            "rating": rating,
            "form": form,
            "service_name": service_name(rating.application),
            "follow_ups": list(rating.follow_ups.select_related("recorded_by")),
        },
    )
