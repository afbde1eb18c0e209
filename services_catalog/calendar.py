"""Working days (Monday to Friday, less public holidays, plus weekend days worked in exchange, 调休) for promised
time limits (承诺时限), overdue flags and appointment slots. The exceptions are CalendarDay rows: seeded from
chinesecalendar (the State Council's yearly notice, kept current by the package) by calendar_days_load, which the
background worker runs weekly, and editable by administrators."""

import datetime

import chinese_calendar

from .models import CalendarDay, CalendarDayKind

FIRST_YEAR = 2024  # the portal's records start here; earlier years are not loaded


class Calendar:
    """The calendar's exceptions read once, for many dates (a page of a queue, a month of slots)."""

    def __init__(self):
        days = CalendarDay.objects.values_list("date", "kind")
        self.holidays = frozenset(day for day, kind in days if kind == CalendarDayKind.HOLIDAY)
        self.extra = frozenset(day for day, kind in days if kind == CalendarDayKind.WORKDAY)

    def is_working_day(self, day):
        if day in self.extra:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def is_holiday(self, day):
        return day in self.holidays

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


def _chinese_name(day):
    """国庆节 for a day of the National Day holiday or a day worked in exchange for it; "" for a plain weekend."""
    names = {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}
    return names.get(chinese_calendar.get_holiday_detail(day)[1], "")


def calendar_days_load():
    """Adds the public holidays and exchanged working days chinesecalendar knows, from FIRST_YEAR, that the
    calendar does not have yet; a day an administrator has entered or changed is left as it is. Returns how
    many were added."""
    known = set(CalendarDay.objects.values_list("date", flat=True))
    holidays = [
        CalendarDay(date=day, kind=CalendarDayKind.HOLIDAY, name=_chinese_name(day))
        for day in chinese_calendar.holidays
        if day.year >= FIRST_YEAR and day not in known
    ]
    workdays = [
        CalendarDay(date=day, kind=CalendarDayKind.WORKDAY, name=_chinese_name(day))
        for day in chinese_calendar.workdays
        if day.year >= FIRST_YEAR and day.weekday() >= 5 and day not in known
    ]
    CalendarDay.objects.bulk_create([*holidays, *workdays], ignore_conflicts=True)
    return len(holidays) + len(workdays)
