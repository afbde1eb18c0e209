"""The staff home page: what the signed-in member of staff can do, each link shown only with its permission."""

from django.shortcuts import render
from django.urls import reverse

from . import selectors
from .access import staff_required
from .roles import ASSIST, FOLLOW_UP_RATINGS, MANAGE_APPOINTMENTS, MANAGE_STAFF, REVIEW, VIEW_METRICS


def _tasks(user):
    from django.utils.translation import gettext as _

    home = reverse("staff:home")
    tasks = [
        (ASSIST, "assist", lambda: reverse("assisted:home"), _("Assist a citizen"),
         _("Help someone at the counter fill in and send an application, then print the receipt.")),
        (REVIEW, "queue", lambda: reverse("assisted:queue"), _("Department queue"),
         _("Review your department's applications: ask for more information, approve or reject.")),
        (MANAGE_APPOINTMENTS, "appointments", lambda: home + "appointments/", _("Appointments"),
         _("See and manage the appointments booked at your hall.")),
        (VIEW_METRICS, "metrics", lambda: home + "metrics/", _("Service metrics"),
         _("How services perform: volumes, processing times, overdue applications and ratings.")),
        (FOLLOW_UP_RATINGS, "ratings", lambda: home + "ratings/", _("Ratings to follow up"),
         _("Poor ratings from citizens, and what was done about them.")),
        (MANAGE_STAFF, "staff", lambda: reverse("staff_memberships:index"), _("Manage staff"),
         _("Add and remove staff roles at halls and departments.")),
    ]
    return [{"key": key, "url": url(), "title": title, "description": description}
            for permission, key, url, title, description in tasks if user.has_perm(permission)]


@staff_required()
def home(request):
    return render(request, "staff/home.html", {
        "tasks": _tasks(request.user), "memberships": list(selectors.staff_memberships(request.user)),
    })
