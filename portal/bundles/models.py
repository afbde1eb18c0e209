"""一件事一次办 at run time: one case per life-event application, and one ordinary application per member service,
each going to its own department (the engine's outbox or workbench) once the case is sent. The bundle's definition
(which services, which shared questions) is the catalogue's BundleVersion the case started on."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Not sent yet")
    SUBMITTED = "submitted", _("Sent")


class BundleCase(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bundle_version = models.ForeignKey("services_catalog.BundleVersion", on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bundle_cases")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    shared_answers = models.JSONField(default=dict, blank=True)
    shared_done = models.BooleanField(default=False)
    language = models.CharField(max_length=10, default="zh-hans")
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("life-event application")
        verbose_name_plural = _("life-event applications")

    def __str__(self):
        return f"{self.bundle_version} ({self.pk})"

    @property
    def is_draft(self):
        return self.status == CaseStatus.DRAFT


class BundleCaseMember(models.Model):
    """One member service's application in a case, in the bundle's order."""

    case = models.ForeignKey(BundleCase, on_delete=models.CASCADE, related_name="members")
    # A member draft goes only with its case (the engine refuses to delete it alone) or when drafts expire together.
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="bundle_membership"
    )
    service_code = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["case", "position"]
        constraints = [models.UniqueConstraint(fields=["case", "service_code"], name="bundles_one_member_per_service")]

    def __str__(self):
        return f"{self.case_id}: {self.service_code}"
