"""Writes for metrics: the measured processing times the public service pages show."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ServiceProcessingTime
from .selectors import Scope, processing_histogram, processing_summary


def window_days():
    return settings.METRICS_PUBLIC_WINDOW_DAYS


def minimum_sample():
    """Below this many decided applications a service page says "not enough data yet"."""
    return settings.METRICS_PUBLIC_MINIMUM


def metrics_refresh(*, now=None):
    """Recompute every service's measured processing time over the last window_days() days (decided
    applications, whatever their channel) in one grouped query, and replace the stored figures. For the
    background worker (hourly) and `manage.py metrics_refresh`. Returns how many services have figures."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = timezone.make_aware(datetime.combine(today - timedelta(days=window_days() - 1), time.min))
    until = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    histogram = processing_histogram(Scope(), since=since, until=until, last_day=today)
    rows = []
    for code, pairs in histogram.items():
        summary = processing_summary(pairs)
        rows.append(
            ServiceProcessingTime(
                service_code=code,
                window_days=window_days(),
                sample_count=summary.decided,
                median_days=summary.median,
                p90_days=summary.p90,
                late_count=summary.late,
                computed_at=now,
            )
        )
    with transaction.atomic():
        ServiceProcessingTime.objects.exclude(service_code__in=list(histogram)).delete()
        ServiceProcessingTime.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["service_code"],
            update_fields=["window_days", "sample_count", "median_days", "p90_days", "late_count", "computed_at"],
            batch_size=500,
        )
    return len(rows)
