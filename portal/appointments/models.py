"""Appointments at a service hall: slots a hall publishes (generated from its opening hours, editable by
its staff) and the bookings citizens make in them. `Slot.booked` counts the live bookings; it only
changes through a conditional UPDATE (services.py), and the database refuses more than `capacity`."""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SlotKind(models.TextChoices):
    IN_PERSON = "in_person", _("Apply in person at a window")
    ASSISTED = "assisted", _("Help from staff to fill in an application (帮办)")


class Slot(models.Model):
    hall = models.ForeignKey(
        "services_catalog.ServiceHall", on_delete=models.CASCADE, related_name="slots", verbose_name=_("service hall")
    )
    date = models.DateField(_("date"))
    start = models.TimeField(_("starts"))
    end = models.TimeField(_("ends"))
    kind = models.CharField(_("kind of visit"), max_length=12, choices=SlotKind.choices)
    capacity = models.PositiveSmallIntegerField(_("places"))
    booked = models.PositiveSmallIntegerField(_("places booked"), default=0)

    class Meta:
        ordering = ["date", "start", "kind"]
        verbose_name = _("appointment slot")
        verbose_name_plural = _("appointment slots")
        indexes = [models.Index(fields=["hall", "date", "kind"])]
        constraints = [
            models.UniqueConstraint(fields=["hall", "date", "start", "kind"], name="appointments_slot_unique"),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="appointments_slot_not_overbooked"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="appointments_slot_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.hall} {self.date} {self.start:%H:%M} {self.get_kind_display()}"

    @property
    def remaining(self):
        return max(self.capacity - self.booked, 0)

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.combine(self.date, self.start))

    @property
    def ends_at(self):
        return timezone.make_aware(datetime.combine(self.date, self.end))


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class Appointment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("appointment number"), max_length=20, unique=True)
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("time"))
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appointments", verbose_name=_("citizen")
    )
    service_code = models.CharField(_("service code"), max_length=40, blank=True)
    service_title = models.CharField(
        _("service"),
        max_length=255,
        blank=True,
        help_text=_("The service's name when it was booked, in the citizen's language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    language = models.CharField(max_length=10, default="zh-hans")
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot__date", "slot__start"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [models.Index(fields=["citizen", "status"]), models.Index(fields=["status", "reminder_sent_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "citizen"],
                condition=Q(status="booked"),
                name="appointments_one_booking_per_slot_and_citizen",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_booked(self):
        return self.status == AppointmentStatus.BOOKED
