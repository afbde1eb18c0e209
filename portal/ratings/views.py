"""The citizen rates a completed application: the panel on the application page posts here; this page
also shows the form alone (to change a rating, or with its errors)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.applications.selectors import service_name

from . import selectors, services
from .forms import RatingForm


@login_required
@require_http_methods(["GET", "POST"])
def rate(request, application_id):
    application = selectors.application_to_rate(user=request.user, application_id=application_id)
    rating = selectors.rating_for_application(application)
    if not selectors.can_change(rating):
        messages.error(request, _("You rated this service more than 7 days ago, so the rating cannot be changed."))
        return redirect("applications:detail", pk=application.pk)
    initial = {"score": str(rating.score), "comment": rating.comment} if rating else None
    form = RatingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_give(
                application=application,
                rater=request.user,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
            )
        except services.RatingLocked:
            messages.error(request, _("You rated this service more than 7 days ago, so the rating cannot be changed."))
        else:
            messages.success(request, _("Thank you for rating this service."))
        return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "ratings/rate.html",
        {"form": form, "application": application, "rating": rating, "service_name": service_name(application)},
    )
