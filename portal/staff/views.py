"""The staff home page: what the signed-in member of staff can do, each link shown only with its permission."""

from django.shortcuts import render

from . import selectors
from .access import staff_required


@staff_required()
def home(request):
    return render(
        request,
        "staff/home.html",
        {
            "tasks": selectors.staff_tasks(request.user),
            "memberships": list(selectors.staff_memberships(request.user)),
        },
    )
