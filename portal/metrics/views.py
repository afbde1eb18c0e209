"""The service metrics dashboard and its CSV files. Every page goes through staff_required (signed in,
second factor, VIEW_METRICS); the scope (which services) comes from selectors.metrics_scope, the figures
from selectors.dashboard, and tables.py presents them."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.staff.access import staff_required
from portal.staff.roles import VIEW_METRICS

from . import selectors, tables
from .forms import MAX_DAYS, PeriodForm


def _date_parts(prefix, value):
    """An ISO date from a CSV link as the form's three parts, so it is checked as if typed in."""
    parts = (value or "")[:10].split("-", 2)
    return dict(zip((f"{prefix}_0", f"{prefix}_1", f"{prefix}_2"), [*parts, "", ""][:3], strict=True))


def _period(request):
    """(period, form): from the form's date parts, or from ISO `from` and `to` (the CSV links) given to the
    same form, so both pass the same checks; the last 90 days when neither is given. A period with errors
    shows the errors and the default figures. There are no figures after today: a later end is today."""
    default = selectors.default_period()
    data = request.GET
    if not any(key.startswith(("start_", "end_")) for key in data):
        if not (data.get("from") or data.get("to")):
            return default, PeriodForm(initial={"start": default.start, "end": default.end})
        data = {**_date_parts("start", data.get("from")), **_date_parts("end", data.get("to"))}
    form = PeriodForm(data)
    if form.is_valid():
        today = timezone.localdate()
        start = form.cleaned_data["start"] or default.start
        end = min(form.cleaned_data["end"] or today, today)
        if start > today:
            form.add_error("start", _("%(label)s must be today or in the past") % {"label": form.fields["start"].label})
        elif (end - start).days >= MAX_DAYS:  # the form checks this only when both dates are given
            form.add_error("start", _("Choose a period of 3 years or less"))
        elif start <= end:
            return selectors.Period(start, end), form
    return default, form


@staff_required(VIEW_METRICS)
def dashboard(request):
    scope = selectors.metrics_scope(request.user)
    period, form = _period(request)
    board = selectors.dashboard(scope, period)
    return render(
        request,
        "metrics/dashboard.html",
        {
            "form": form,
            "board": board,
            "period": period,
            "tables": list(tables.dashboard_tables(board).values()),
            "period_query": period.query(),
            "limited": scope.limited,
        },
    )


def _csv_value(value):
    """A cell as written: text that a spreadsheet would take for a formula (an editor's service title, say)
    starts with a quote mark, so it stays text; numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@staff_required(VIEW_METRICS)
def table_csv(request, table):
    if table not in selectors.TABLES:
        raise Http404("No such table")
    scope = selectors.metrics_scope(request.user)
    period, _form = _period(request)
    data = tables.dashboard_tables(selectors.dashboard(scope, period, only=[table]))[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="metrics-{table}-{period.start.isoformat()}-{period.end.isoformat()}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read the Chinese names as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(column.label) for column in data.columns])
    for values in data.row_values():
        writer.writerow([_csv_value(value) for value in values])
    return response
