"""Working days (Monday to Friday, less public holidays) for promised time limits (承诺时限).

Settings, both optional lists of ISO dates: WORKING_DAY_HOLIDAYS (weekdays that are public holidays) and
WORKING_DAY_EXTRA (weekend days worked in exchange, 调休)."""

import datetime

from django.conf import settings


def _dates(values):
    return frozenset(datetime.date.fromisoformat(str(value)) for value in values or ())


def is_working_day(day, *, holidays=None, extra=None):
    holidays = _dates(settings.WORKING_DAY_HOLIDAYS) if holidays is None else holidays
    extra = _dates(settings.WORKING_DAY_EXTRA) if extra is None else extra
    if day in extra:
        return True
    return day.weekday() < 5 and day not in holidays


class Calendar:
    """The holiday settings read once, for many dates (a page of a queue)."""

    def __init__(self):
        self.holidays = _dates(settings.WORKING_DAY_HOLIDAYS)
        self.extra = _dates(settings.WORKING_DAY_EXTRA)

    def is_working_day(self, day):
        return is_working_day(day, holidays=self.holidays, extra=self.extra)

    def add(self, day, count):
        """The date `count` working days after `day` (the day itself not counted); `day` for 0."""
        while count > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def latest_overdue_start(self, count, today):
        """The latest date whose `count` working days ended before `today`: anything submitted on it or
        earlier, still undecided, is overdue today."""
        day = today - datetime.timedelta(days=count + 1)  # anything later has at least `count` days to go
        while self.add(day, count) >= today:
            day -= datetime.timedelta(days=1)
        return day
