"""The service metrics dashboard and its CSV files. Every page goes through staff_required (signed in,
second factor, VIEW_METRICS); the scope (which services) comes from selectors.metrics_scope."""

import csv
from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal.staff.access import staff_required
from portal.staff.roles import VIEW_METRICS

from . import selectors
from .forms import PeriodForm


def _iso(value):
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _period(request):
    """(period, form): from the form's date parts, else ISO `from` and `to` (the CSV links), else the last
    90 days. A period with errors shows the errors and the default figures."""
    default = selectors.default_period()
    if any(key.startswith(("start_", "end_")) for key in request.GET):
        form = PeriodForm(request.GET)
        if form.is_valid():
            start = form.cleaned_data["start"] or default.start
            end = form.cleaned_data["end"] or timezone.localdate()
            if start <= end:
                return selectors.Period(start, end), form
        return default, form
    start, end = _iso(request.GET.get("from")), _iso(request.GET.get("to"))
    period = selectors.Period(start or default.start, end or default.end)
    if period.start > period.end:
        period = default
    return period, PeriodForm(initial={"start": period.start, "end": period.end})


@staff_required(VIEW_METRICS)
def dashboard(request):
    scope = selectors.metrics_scope(request.user)
    period, form = _period(request)
    board = selectors.dashboard(scope, period)
    return render(request, "metrics/dashboard.html", {
        "form": form, "board": board, "period": period, "tables": [board.tables[key] for key in selectors.TABLES],
        "period_query": period.query(), "limited": scope.service_codes is not None})


def _csv_value(value):
    return "" if value is None else value


@staff_required(VIEW_METRICS)
def table_csv(request, table):
    if table not in selectors.TABLES:
        raise Http404("No such table")
    scope = selectors.metrics_scope(request.user)
    period, _form = _period(request)
    board = selectors.dashboard(scope, period, only=[table])
    data = board.tables[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="metrics-{table}-{period.start.isoformat()}-'
                                       f'{period.end.isoformat()}.csv"')
    response.write("\ufeff")  # so spreadsheet programs read the Chinese names as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(column.label) for column in data.columns])
    for values in data.row_values():
        writer.writerow([_csv_value(value) for value in values])
    return response
