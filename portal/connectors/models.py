"""The back-office boundary's tables. What an operator configures (ConnectorConfig) apart from what
runs (Delivery, the transactional outbox; InboundStatusEvent, status updates received; PrefillLookup).
Writes live in services.py, reads in selectors.py."""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.applications.status import Status

from .registry import UnknownPlugin, connector_choices, connector_class

ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]{2,100}$")


def validate_env_name(value):
    if value and not ENV_NAME.match(value):
        raise ValidationError(
            _("Give the name of an environment variable (capitals, digits and underscores), not the secret itself.")
        )


class ConnectorConfig(models.Model):
    """Which back office receives which services' applications, through which plugin, with which
    settings. Secrets are never stored: `secret_env` names the environment variable that holds one."""

    slug = models.SlugField(
        _("identifier"),
        max_length=60,
        unique=True,
        help_text=_("Used in the address the back office posts status updates to."),
    )
    name = models.CharField(_("name"), max_length=120)
    plugin = models.CharField(_("plugin"), max_length=40, choices=connector_choices)
    enabled = models.BooleanField(_("enabled"), default=True)
    department = models.ForeignKey(
        "services_catalog.Department",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("department"),
        help_text=_("Applications for this department's services go here."),
    )
    service_codes = models.TextField(
        _("service codes"),
        blank=True,
        help_text=_(
            "One per line or separated by commas. With neither a department "
            "nor service codes, every service's applications go here."
        ),
    )
    settings = models.JSONField(
        _("settings"),
        default=dict,
        blank=True,
        help_text=_("Plugin settings such as the address to push to. No secrets here."),
    )
    secret_env = models.CharField(
        _("secret (environment variable name)"),
        max_length=100,
        blank=True,
        validators=[validate_env_name],
        help_text=_("The name of the environment variable that holds the shared secret."),
    )
    status_map = models.JSONField(
        _("status names"),
        default=dict,
        blank=True,
        help_text=_('The back office\'s status names mapped to the portal\'s, for example {"ACCEPTED": "received"}.'),
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts before giving up"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("back-office connector")
        verbose_name_plural = _("back-office connectors")

    def __str__(self):
        return self.name

    def clean(self):
        try:
            cls = connector_class(self.plugin)
        except UnknownPlugin:
            raise ValidationError({"plugin": _("Unknown plugin.")}) from None
        problems = cls.settings_problems(self.settings or {}, self.secret_env)
        if problems:
            raise ValidationError({"settings": problems})
        wrong = [name for name, ours in (self.status_map or {}).items() if ours not in Status.values]
        if wrong:
            raise ValidationError(
                {"status_map": _("Unknown portal status for: %(names)s") % {"names": ", ".join(wrong)}}
            )

    @property
    def service_code_list(self):
        return [code.strip() for code in re.split(r"[,\s]+", self.service_codes or "") if code.strip()]


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    IN_PROGRESS = "in_progress", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed, will retry")
    DEAD = "dead", _("Gave up: needs an operator")
    CANCELLED = "cancelled", _("Cancelled by an operator")


DUE_STATES = (DeliveryState.PENDING, DeliveryState.FAILED)


class Delivery(models.Model):
    """One row per application per connector, written in the submission's transaction (the outbox).
    The row, not any queue message, is the truth: workers claim due rows, and a lease (`locked_until`)
    frees a row whose worker died mid-attempt."""

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="deliveries")
    connector = models.ForeignKey(
        ConnectorConfig, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("connector")
    )
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(_("state"), max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    external_reference = models.CharField(_("back-office reference"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    dead_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["application", "connector"], name="connectors_one_delivery_per_connector"),
            models.CheckConstraint(
                condition=~Q(state="delivered") | Q(delivered_at__isnull=False), name="connectors_delivered_has_time"
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"]), models.Index(fields=["state", "locked_until"])]

    def __str__(self):
        return f"{self.application} → {self.connector}"


class DeliveryAction(models.Model):
    """An operator's retry or cancel, with who and when."""

    class Kind(models.TextChoices):
        RETRY = "retry", _("Retry now")
        CANCEL = "cancel", _("Cancel")

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_state = models.CharField(max_length=12, choices=DeliveryState.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} {self.delivery_id}"


class InboundOutcome(models.TextChoices):
    APPLIED = "applied", _("Applied")
    NOT_FOUND = "not_found", _("Unknown application")
    BACKWARDS = "backwards", _("Refused: would go backwards")
    STALE = "stale", _("Refused: older than a status already applied")
    UNKNOWN_STATUS = "unknown_status", _("Refused: unknown status name")


class InboundStatusEvent(models.Model):
    """A status update a back office sent (signature checked). Its event ID is kept so a replay is refused."""

    connector = models.ForeignKey(ConnectorConfig, on_delete=models.PROTECT, related_name="inbound_events")
    event_id = models.CharField(max_length=100)
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    application_reference = models.CharField(max_length=100)
    remote_status = models.CharField(max_length=60)
    mapped_status = models.CharField(max_length=24, blank=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=InboundOutcome.choices)
    detail = models.TextField(blank=True)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint(fields=["connector", "event_id"], name="connectors_inbound_event_once")]

    def __str__(self):
        return f"{self.connector_id}:{self.event_id}"


class PrefillOutcome(models.TextChoices):
    FOUND = "found", _("Found")
    PARTLY = "partly", _("Partly found")
    NOT_FOUND = "not_found", _("Nothing found")
    FAILED = "failed", _("The register could not be reached")


class PrefillLookup(models.Model):
    """Every look-up in a register on a citizen's behalf: who asked, about whom, which plugin, which fields,
    what came of it. Values are not kept here (they go into the answers); only a keyed digest of each
    value, so a page can tell whether the citizen has since changed it. Moves to the audit app later."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prefill_lookups")
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="prefill_lookups"
    )
    plugin = models.CharField(max_length=40)
    fields = models.JSONField(default=list, help_text="The form fields asked for (keys).")
    filled = models.JSONField(default=dict, help_text="field key → {attribute, digest} for each value found.")
    outcome = models.CharField(max_length=10, choices=PrefillOutcome.choices)
    consent = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.plugin} {self.created_at:%Y-%m-%d %H:%M}"
