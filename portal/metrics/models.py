"""What the public service pages show of measured processing times: computed by metrics_refresh()
(services.py) every hour in the background, never while a page is drawn (pages are cached for anonymous
visitors and must stay cheap)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceProcessingTime(models.Model):
    """Per service: the applications decided in the last WINDOW_DAYS days, and how many working days it
    took from sending to the decision (median and 90th percentile, nearest rank)."""

    service_code = models.CharField(_("service code"), max_length=40, unique=True)
    window_days = models.PositiveSmallIntegerField(_("days looked back"))
    sample_count = models.PositiveIntegerField(_("applications decided"))
    median_days = models.PositiveIntegerField(_("median (working days)"), null=True, blank=True)
    p90_days = models.PositiveIntegerField(_("90th percentile (working days)"), null=True, blank=True)
    late_count = models.PositiveIntegerField(_("decided after the promised limit"), default=0)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["service_code"]
        verbose_name = _("measured processing time")
        verbose_name_plural = _("measured processing times")

    def __str__(self):
        return f"{self.service_code}: p90 {self.p90_days} ({self.sample_count})"
