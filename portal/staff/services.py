"""Writes for staff roles and memberships."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.audit.services import audit_record

from .models import StaffMembership
from .roles import ROLE_PERMISSIONS, ROLE_SCOPE, Role, group_name


def staff_roles_sync():
    """One group per role with exactly the role's permissions. Safe to run any number of times."""
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name(role))
        permissions = []
        for name in names:
            app_label, codename = name.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:  # another app's permissions appear once that app has migrated
                permissions.append(permission)
        group.permissions.set(permissions)


def _user_groups_sync(user):
    roles = set(StaffMembership.objects.filter(user=user).values_list("role", flat=True))
    wanted = {group_name(role) for role in roles}
    for role in Role:
        group = Group.objects.filter(name=group_name(role)).first()
        if group is None:
            continue
        if group.name in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def staff_membership_add(*, user, role, actor, hall=None, department=None):
    scope = ROLE_SCOPE[Role(role)]
    if (scope == "hall") != (hall is not None) or (scope == "department") != (department is not None):
        raise ValidationError(
            _("This role needs a service hall")
            if scope == "hall"
            else _("This role needs a department")
            if scope == "department"
            else _("Administrators belong to no hall or department")
        )
    with transaction.atomic():
        staff_roles_sync()
        membership, _created = StaffMembership.objects.get_or_create(
            user=user, role=role, hall=hall, department=department
        )
        _user_groups_sync(user)
        audit_record(
            actor=actor, action="staff.membership_added", obj=membership, details={"role": str(role), "user": user.pk}
        )
    return membership


def staff_membership_remove(*, membership, actor):
    with transaction.atomic():
        user = membership.user
        audit_record(
            actor=actor,
            action="staff.membership_removed",
            obj=membership,
            details={"role": membership.role, "user": user.pk},
        )
        membership.delete()
        _user_groups_sync(user)
