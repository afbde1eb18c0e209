"""Staff roles: the one table of what each role may do. Each role is a Django group of the same name,
kept in step with this table by staff_roles_sync() after every migrate; a StaffMembership puts a user in
a role for a hall or a department (scope), and adds them to the group (permissions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HALL_STAFF = "hall_staff", _("Hall staff")  # 窗口人员
    REVIEWER = "reviewer", _("Department reviewer")
    HALL_MANAGER = "hall_manager", _("Hall manager")
    ADMINISTRATOR = "administrator", _("Administrator")


# Permissions are declared on StaffMembership.Meta (app label "staff") unless another app declares its own.
ASSIST = "staff.assist_citizens"
REVIEW = "staff.review_applications"
VIEW_METRICS = "staff.view_metrics"
MANAGE_APPOINTMENTS = "staff.manage_appointments"
FOLLOW_UP_RATINGS = "staff.follow_up_ratings"
MANAGE_STAFF = "staff.manage_staff"
OPERATE_CONNECTORS = "staff.operate_connectors"  # the back-office deliveries' operations page

STAFF_PERMISSIONS = (
    ASSIST,
    REVIEW,
    VIEW_METRICS,
    MANAGE_APPOINTMENTS,
    FOLLOW_UP_RATINGS,
    MANAGE_STAFF,
    OPERATE_CONNECTORS,
)
# Administrators manage staff in the Wagtail admin, which needs this permission to be entered at all.
ACCESS_ADMIN = "wagtailadmin.access_admin"

ROLE_PERMISSIONS = {
    Role.HALL_STAFF: [ASSIST, MANAGE_APPOINTMENTS],
    Role.REVIEWER: [REVIEW],
    Role.HALL_MANAGER: [ASSIST, MANAGE_APPOINTMENTS, VIEW_METRICS, FOLLOW_UP_RATINGS],
    Role.ADMINISTRATOR: [
        ASSIST,
        REVIEW,
        VIEW_METRICS,
        MANAGE_APPOINTMENTS,
        FOLLOW_UP_RATINGS,
        MANAGE_STAFF,
        OPERATE_CONNECTORS,
        ACCESS_ADMIN,
    ],
}

# Which scope each role needs: a hall, a department, or neither (administrators see everything).
ROLE_SCOPE = {
    Role.HALL_STAFF: "hall",
    Role.REVIEWER: "department",
    Role.HALL_MANAGER: "hall",
    Role.ADMINISTRATOR: None,
}


def group_name(role):
    return f"staff:{role}"
