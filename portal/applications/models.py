"""Definitions (Flow, FlowVersion: what editors configure) apart from runtime (Application and what
hangs off it: what citizens fill in). Writes live in services.py, reads in selectors.py."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField

from .blocks import FlowStepsBlock
from .definitions import FlowDef
from .scanning import ScanState
from .status import Channel, Source, Status


def private_storage():
    """Uploads and receipts: the storage named by APPLICATION_STORAGE_ALIAS (default "default"), kept
    outside the web root and only ever served through the views that check who is asking."""
    return storages[settings.APPLICATION_STORAGE_ALIAS]


class FlowSource(models.TextChoices):
    EDITOR = "editor", _("Built in the admin")
    CODE = "code", _("Defined in code")


class Flow(models.Model):
    """An application form for one or more services, found by its key (ServicePage.flow_key)."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Service pages name this key in their “application flow” field."),
    )
    source = models.CharField(
        _("defined"), max_length=10, choices=FlowSource.choices, default=FlowSource.EDITOR, editable=False
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("minutes it takes"), default=10)
    declaration_zh = models.TextField(_("declaration (Chinese)"), blank=True)
    declaration_en = models.TextField(_("declaration (English)"), blank=True)
    next_steps_zh = models.TextField(
        _("what happens next (Chinese)"),
        blank=True,
        help_text=_("What the department does with the application; not how long it takes (the service page says)."),
    )
    next_steps_en = models.TextField(_("what happens next (English)"), blank=True)
    task_list = models.BooleanField(
        _("show a task list"),
        default=False,
        help_text=_("For long forms: a list of sections to fill in, in any order."),
    )
    steps = StreamField(FlowStepsBlock(), verbose_name=_("steps"), blank=True, use_json_field=True)

    panels = [
        HelpPanel(
            content=_("Saving publishes a new version. Applications already started keep the version they began with.")
        ),
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("title_zh"), FieldPanel("title_en")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The start page lists the materials, time limits and visits from the service page, so that "
                        "they are said in one place."
                    )
                ),
                FieldPanel("estimated_minutes"),
                FieldPanel("task_list"),
            ],
            heading=_("Start page"),
        ),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                FieldPanel("declaration_zh"),
                FieldPanel("declaration_en"),
                FieldPanel("next_steps_zh"),
                FieldPanel("next_steps_en"),
            ],
            heading=_("Declaration and what happens next"),
        ),
    ]

    class Meta:
        ordering = ["key"]
        verbose_name = _("application flow")
        verbose_name_plural = _("application flows")

    def __str__(self):
        return f"{self.title_zh} ({self.key})"


class FlowVersion(models.Model):
    """One published, immutable version of a flow; a draft keeps the version it started on."""

    flow = models.ForeignKey(Flow, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    definition_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["flow", "-number"]
        constraints = [models.UniqueConstraint(fields=["flow", "number"], name="applications_flow_version_unique")]

    def __str__(self):
        return f"{self.flow.key} v{self.number}"

    @property
    def flow_def(self):
        cached = getattr(self, "_flow_def", None)
        if cached is None:
            cached = self._flow_def = FlowDef.from_dict(self.definition)
        return cached


class Application(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference number"), max_length=20, unique=True, null=True, blank=True)
    service_code = models.CharField(_("service code"), max_length=40, db_index=True)
    service_page = models.ForeignKey(
        "services_catalog.ServicePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flow_version = models.ForeignKey(FlowVersion, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("applicant"),
        help_text=_("The person the application is for."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications_acted_on",
        verbose_name=_("submitted by"),
        help_text=_("Who filled it in: the applicant, a proxy or a member of staff."),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    # Set by the representation and assisted apps (later): the mandate or assist session that allows it.
    mandate_reference = models.CharField(max_length=64, null=True, blank=True)
    assist_session_reference = models.CharField(max_length=64, null=True, blank=True)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.DRAFT, db_index=True)
    answers = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, default="zh-hans")
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: every write adds one.")
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["applicant", "status"]),
            models.Index(fields=["submitted_by", "status"]),
            # The department queue (oldest first) and the receipts sweep read sent applications by age.
            models.Index(
                fields=["submitted_at", "id"], condition=~Q(status=Status.DRAFT), name="applications_sent_by_age"
            ),
            models.Index(
                fields=["submitted_at", "id"],
                name="applications_open_by_age",
                condition=Q(
                    status__in=[Status.SUBMITTED, Status.RECEIVED, Status.IN_REVIEW, Status.MORE_INFO_REQUESTED]
                ),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(channel=Channel.ONLINE, mandate_reference__isnull=True, assist_session_reference__isnull=True)
                    | Q(channel=Channel.PROXY, mandate_reference__isnull=False)
                    | Q(channel=Channel.ASSISTED, assist_session_reference__isnull=False)
                ),
                name="applications_channel_has_its_authority",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[Status.DRAFT, Status.WITHDRAWN]) | Q(reference__isnull=False),
                name="applications_submitted_has_reference",
            ),
        ]

    def __str__(self):
        return self.reference or f"draft {self.pk}"

    @property
    def flow(self):
        return self.flow_version.flow_def

    @property
    def is_draft(self):
        return self.status == Status.DRAFT


class StatusEvent(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=Status.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


def document_upload_to(instance, filename):
    # The stored name reveals nothing: not the citizen's file name, not a guessable sequence.
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}"


class ApplicationDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    field_key = models.CharField(max_length=80)
    file = models.FileField(upload_to=document_upload_to, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    scan_state = models.CharField(max_length=20, choices=ScanState.choices, default=ScanState.NOT_SCANNED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.original_name


def receipt_upload_to(instance, filename):
    return f"receipts/{instance.application_id}/{uuid.uuid4().hex}.pdf"


class ApplicationReceipt(models.Model):
    """A rendered receipt PDF, cached per language and print size."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="receipts")
    language = models.CharField(max_length=10)
    large_print = models.BooleanField(default=False)
    file = models.FileField(upload_to=receipt_upload_to, storage=private_storage, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "language", "large_print"], name="applications_receipt_unique"
            )
        ]

    def __str__(self):
        return f"{self.application_id} {self.language}{' large print' if self.large_print else ''}"
