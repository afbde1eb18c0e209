"""Assisted mode (帮办): a member of staff at a service hall helping a walk-in citizen, and the department
workbench's more-information round trip. Writes live in services.py, reads in selectors.py."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.applications.models import ScanState, private_storage


class AssistState(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class AssistSession(models.Model):
    """One citizen helped by one member of staff at one hall. Applications filled in during it carry its
    reference (Application.assist_session_reference, channel "assisted"). It starts only once the citizen's
    presence, their ID and their consent have been recorded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assist_sessions",
        verbose_name=_("member of staff"),
    )
    hall = models.ForeignKey(
        "services_catalog.ServiceHall",
        on_delete=models.PROTECT,
        related_name="assist_sessions",
        verbose_name=_("service hall"),
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assisted_sessions", verbose_name=_("citizen")
    )
    citizen_registered = models.BooleanField(_("account created at the hall"), default=False)
    presence_confirmed = models.BooleanField(_("citizen present"), default=False)
    id_checked = models.BooleanField(_("ID card checked"), default=False)
    consent_recorded = models.BooleanField(_("consent recorded"), default=False)
    state = models.CharField(_("state"), max_length=10, choices=AssistState.choices, default=AssistState.ACTIVE)
    started_at = models.DateTimeField(_("started"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("assist session")
        verbose_name_plural = _("assist sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(presence_confirmed=True, id_checked=True, consent_recorded=True),
                name="assisted_session_has_its_checks",
            ),
            models.CheckConstraint(
                condition=(
                    Q(state=AssistState.ACTIVE, ended_at__isnull=True)
                    | Q(state=AssistState.ENDED, ended_at__isnull=False)
                ),
                name="assisted_session_ended_has_time",
            ),
            models.UniqueConstraint(
                fields=["staff"], condition=Q(state=AssistState.ACTIVE), name="assisted_one_active_session_per_staff"
            ),
        ]
        indexes = [models.Index(fields=["staff", "state"])]

    def __str__(self):
        return self.reference

    @property
    def expires_at(self):
        """When the session stops giving the member of staff the citizen's applications, if nobody ends it."""
        return self.started_at + datetime.timedelta(hours=settings.ASSIST_SESSION_MAX_HOURS)

    @property
    def is_active(self):
        """Not ended, and not past ASSIST_SESSION_MAX_HOURS (an expired session is ended by the worker soon after:
        until then it behaves as ended)."""
        return self.state == AssistState.ACTIVE and timezone.now() < self.expires_at

    def get_state_display(self):
        """ "Ended" for an expired session too, before the worker has marked it ended."""
        return AssistState.ACTIVE.label if self.is_active else AssistState.ENDED.label


def answer_upload_to(instance, filename):
    return f"more-information/{instance.answer.application_id}/{uuid.uuid4().hex}"


class MoreInformationAnswer(models.Model):
    """The citizen's (or their proxy's) answer to a department's request for more information."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="more_information_answers"
    )
    request_event = models.ForeignKey(
        "applications.StatusEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("answer"))
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("answer to a request for more information")
        verbose_name_plural = _("answers to requests for more information")

    def __str__(self):
        return f"{self.application_id} {self.created_at:%Y-%m-%d}"


class MoreInformationDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    answer = models.ForeignKey(MoreInformationAnswer, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=answer_upload_to, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    scan_state = models.CharField(max_length=20, choices=ScanState.choices, default=ScanState.NOT_SCANNED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.original_name
