"""The database's count of working days (portal/metrics/expressions.py) agrees with the workbench's
calendar (services_catalog/calendar.py), holidays and swapped working weekends included, and so do
their ideas of "late"."""

import datetime
import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Value

from portal.metrics.expressions import WorkingDays, day_number
from services_catalog.calendar import Calendar
from services_catalog.models import CalendarDay

pytestmark = pytest.mark.django_db

HOLIDAYS = ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2026-01-01"]
SWAPPED = ["2025-09-28", "2025-10-11"]  # Sunday and Saturday worked instead (调休)


def test_working_days_and_lateness_match_the_calendar():
    CalendarDay.objects.bulk_create(
        [CalendarDay(date=datetime.date.fromisoformat(day), kind="holiday") for day in HOLIDAYS]
        + [CalendarDay(date=datetime.date.fromisoformat(day), kind="workday") for day in SWAPPED]
    )
    calendar = Calendar()
    rng = random.Random(20251001)
    base = datetime.date(2025, 9, 15)
    cases = [
        (base + datetime.timedelta(days=rng.randrange(0, 60)), rng.randrange(0, 40), rng.choice([0, 1, 3, 5, 15]))
        for _ in range(60)
    ]
    cases += [
        (datetime.date(2025, 9, 30), 1, 1),
        (datetime.date(2025, 9, 26), 2, 1),
        (datetime.date(2025, 10, 10), 1, 0),
    ]
    row = ContentType.objects.all()[:1]
    working = WorkingDays(last=datetime.date(2026, 12, 31))
    for start, length, promised in cases:
        end = start + datetime.timedelta(days=length)
        found = (
            working.annotate(
                row.annotate(s_day=Value(day_number(start)), e_day=Value(day_number(end))), Value(promised)
            )
            .values("wd", "late")
            .get()
        )
        expected_days = sum(calendar.is_working_day(start + datetime.timedelta(days=n)) for n in range(1, length + 1))
        assert found["wd"] == expected_days, (start, end)
        assert bool(found["late"]) == (end > calendar.add(start, promised)), (start, end, promised)
