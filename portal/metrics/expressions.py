"""Working days in SQL, so processing times are counted in the database on SQLite and PostgreSQL alike.

Dates are local (settings.TIME_ZONE) and numbered from Monday 5 January 1970 (day 0), so `day % 7` is the
weekday (Monday 0). The working days after `start` up to and including `end` are

    W(end + 1) - W(start + 1) - (public holidays on weekdays in between) + (weekend days worked in between)

where W(n) = 5 * (n / 7) + min(n % 7, 5) counts Mondays to Fridays before day n. Holidays and swapped days
come from the one calendar the department workbench uses (services_catalog/calendar.py, CalendarDay rows),
so a dashboard's "overdue" is the workbench's "overdue".

A decision is late when it came after the due date, the promised number of working days after the day
the application was sent (on that day itself when the promise is 0 working days):

    late  <=>  promised = 0 and end > start
           or  working days > promised
           or  working days = promised and `end` is not a working day (the due date was before it)
"""

from datetime import date

from django.db import NotSupportedError
from django.db.models import Case, ExpressionWrapper, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Least, TruncDate
from django.utils import timezone

from services_catalog.calendar import Calendar

EPOCH = date(1970, 1, 5)  # a Monday


def day_number(day):
    return (day - EPOCH).days


class DayNumber(Func):
    """Days from Monday 5 January 1970 to a date expression, as an integer."""

    arity = 1
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(julianday({sql}) - julianday('1970-01-05') AS INTEGER)", params

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"((({sql})::date - DATE '1970-01-05'))::integer", params

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError("DayNumber supports SQLite and PostgreSQL")


def local_day(expression):
    """The day number of a timestamp's date in the portal's time zone."""
    return DayNumber(TruncDate(expression, tzinfo=timezone.get_current_timezone()))


def _weekdays_before(n):
    return ExpressionWrapper(Value(5) * (n / Value(7)) + Least(n % Value(7), Value(5)), output_field=IntegerField())


class WorkingDays:
    """Builds the working-day annotations for a queryset annotated with `s_day` and `e_day` (day numbers
    of the start and end dates). Holidays and swapped days from `first` to `last` are taken into account."""

    def __init__(self, *, last=None, calendar=None):
        calendar = calendar or Calendar()
        last = last or date.max
        self.holidays = sorted(
            day_number(day)
            for day in calendar.holidays
            if day.weekday() < 5 and day not in calendar.extra and day <= last
        )
        self.extra = sorted(day_number(day) for day in calendar.extra if day.weekday() >= 5 and day <= last)

    def _between(self, days):
        """How many of `days` fall after s_day, up to and including e_day."""
        terms = [Case(When(s_day__lt=day, e_day__gte=day, then=Value(1)), default=Value(0)) for day in days]
        total = Value(0)
        for term in terms:
            total = total + term
        return total

    def annotations(self, promised):
        """{name: expression} to add, in order: wd (working days), e_working (1 when the end is a working
        day) and late (1 when the end came after the due date). `promised` is an expression for the promised
        limit in working days."""
        working_days = (
            _weekdays_before(F("e_day") + Value(1))
            - _weekdays_before(F("s_day") + Value(1))
            - self._between(self.holidays)
            + self._between(self.extra)
        )
        end_is_working = Case(
            When(e_day__in=self.extra or [-1], then=Value(1)),
            When(e_day__in=self.holidays or [-1], then=Value(0)),
            When(Q(e_dow__lt=5), then=Value(1)),
            default=Value(0),
        )
        late = Case(
            When(Q(promised=0), then=Case(When(e_day__gt=F("s_day"), then=Value(1)), default=Value(0))),
            When(wd__gt=F("promised"), then=Value(1)),
            When(Q(wd=F("promised"), e_working=0), then=Value(1)),
            default=Value(0),
        )
        return [
            ("promised", promised),
            ("e_dow", ExpressionWrapper(F("e_day") % Value(7), output_field=IntegerField())),
            ("wd", ExpressionWrapper(working_days, output_field=IntegerField())),
            ("e_working", end_is_working),
            ("late", late),
        ]

    def annotate(self, queryset, promised):
        for name, expression in self.annotations(promised):
            queryset = queryset.annotate(**{name: expression})
        return queryset
