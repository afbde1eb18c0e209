"""Reads for staff: who holds which role where. Scope rules for queues and dashboards start here."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from services_catalog.models import ServiceHall

from .models import StaffMembership
from .roles import ASSIST, FOLLOW_UP_RATINGS, MANAGE_APPOINTMENTS, MANAGE_STAFF, REVIEW, VIEW_METRICS, Role


def staff_memberships(user):
    if not user.is_authenticated:
        return StaffMembership.objects.none()
    return StaffMembership.objects.filter(user=user).select_related("hall", "department")


def is_administrator(user):
    return user.is_authenticated and (
        user.is_superuser or staff_memberships(user).filter(role=Role.ADMINISTRATOR).exists()
    )


def department_ids_for_reviewer(user):
    """The departments whose applications `user` reviews; None means all (administrators)."""
    if is_administrator(user):
        return None
    return set(staff_memberships(user).filter(role=Role.REVIEWER).values_list("department_id", flat=True))


def hall_ids_for(user, roles=(Role.HALL_STAFF, Role.HALL_MANAGER)):
    """The halls where `user` works in one of `roles`; None means all (administrators)."""
    if is_administrator(user):
        return None
    return set(staff_memberships(user).filter(role__in=roles).values_list("hall_id", flat=True))


def halls_for(user):
    """The halls where `user` works as hall staff or manager, by name (every hall for administrators)."""
    ids = hall_ids_for(user)
    halls = ServiceHall.objects.order_by("name_zh")
    return list(halls if ids is None else halls.filter(pk__in=ids))


def hall_managers(hall):
    return (
        get_user_model()
        .objects.filter(staff_memberships__role=Role.HALL_MANAGER, staff_memberships__hall=hall, is_active=True)
        .distinct()
    )


def staff_tasks(user):
    """What `user` may do, each with its page: the staff home page and the header's staff navigation."""
    home = reverse("staff:home")
    tasks = [
        (
            ASSIST,
            "assist",
            lambda: reverse("assisted:home"),
            _("Assist a citizen"),
            _("Help someone at the counter fill in and send an application, then print the receipt."),
        ),
        (
            REVIEW,
            "queue",
            lambda: reverse("assisted:queue"),
            _("Department queue"),
            _("Review your department's applications: ask for more information, approve or reject."),
        ),
        (
            MANAGE_APPOINTMENTS,
            "appointments",
            lambda: home + "appointments/",
            _("Appointments"),
            _("See and manage the appointments booked at your hall."),
        ),
        (
            VIEW_METRICS,
            "metrics",
            lambda: home + "metrics/",
            _("Service metrics"),
            _("How services perform: volumes, processing times, overdue applications and ratings."),
        ),
        (
            FOLLOW_UP_RATINGS,
            "ratings",
            lambda: home + "ratings/",
            _("Ratings to follow up"),
            _("Poor ratings from citizens, and what was done about them."),
        ),
        (
            MANAGE_STAFF,
            "staff",
            lambda: reverse("staff_memberships:index"),
            _("Manage staff"),
            _("Add and remove staff roles at halls and departments."),
        ),
    ]
    return [
        {"key": key, "url": url(), "title": title, "description": description}
        for permission, key, url, title, description in tasks
        if user.has_perm(permission)
    ]
