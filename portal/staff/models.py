from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .roles import Role


class StaffMembership(models.Model):
    """A user in a staff role, for a hall (hall staff, hall managers) or a department (reviewers);
    administrators have neither. One user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    hall = models.ForeignKey(
        "services_catalog.ServiceHall",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_memberships",
        verbose_name=_("service hall"),
    )
    department = models.ForeignKey(
        "services_catalog.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_memberships",
        verbose_name=_("department"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        permissions = [
            ("assist_citizens", _("Can assist citizens at a service hall")),
            ("review_applications", _("Can review applications of their department")),
            ("view_metrics", _("Can see service metrics")),
            ("manage_appointments", _("Can manage hall appointments")),
            ("follow_up_ratings", _("Can follow up poor ratings")),
            ("manage_staff", _("Can manage staff")),
            ("operate_connectors", _("Can operate the back-office connectors")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role__in=[Role.HALL_STAFF, Role.HALL_MANAGER], hall__isnull=False, department__isnull=True)
                    | Q(role=Role.REVIEWER, department__isnull=False, hall__isnull=True)
                    | Q(role=Role.ADMINISTRATOR, hall__isnull=True, department__isnull=True)
                ),
                name="staff_membership_scope_matches_role",
            ),
            models.UniqueConstraint(
                "user",
                "role",
                Coalesce("hall", Value(0)),
                Coalesce("department", Value(0)),
                name="staff_membership_unique",
            ),
        ]

    def __str__(self):
        scope = self.hall or self.department or ""
        return f"{self.user} · {self.get_role_display()} {scope}".strip()
