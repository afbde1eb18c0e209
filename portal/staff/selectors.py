"""Reads for staff: who holds which role where. Scope rules for queues and dashboards start here."""

from django.contrib.auth import get_user_model

from .models import StaffMembership
from .roles import Role


def staff_memberships(user):
    if not user.is_authenticated:
        return StaffMembership.objects.none()
    return StaffMembership.objects.filter(user=user).select_related("hall", "department")


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or staff_memberships(user).filter(
        role=Role.ADMINISTRATOR).exists())


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


def hall_managers(hall):
    return get_user_model().objects.filter(staff_memberships__role=Role.HALL_MANAGER,
                                           staff_memberships__hall=hall, is_active=True).distinct()
