"""The dashboard's figures (portal/metrics/selectors.py) as the page and the CSV files show them: each table's
title, description and columns, rows in reading order with the services, departments, cities, channels and
form steps named, and a bar chart drawn from the rows.

Rows keep raw values (the CSV writes them as they are; the page writes numbers with local_number). Every
text is translated when a table is built, in the language of the request."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from portal.applications.status import Channel
from portal.ratings.models import Score
from portal.templatetags.portal_format import local_number

SERVICE = "service"
CHART_LIMIT = 15  # bars per chart; the table has every row


@dataclass
class Column:
    key: str
    label: str
    numeric: bool = True


@dataclass
class Table:
    key: str
    title: str
    description: str
    columns: list
    rows: list = field(default_factory=list)  # of {column key: raw value}; "total": True marks a total row
    chart: dict | None = None  # see metrics/includes/bar_chart.html

    def row_values(self):
        return [[row.get(column.key) for column in self.columns] for row in self.rows]


# Charts ----------------------------------------------------------------------------------------------------


def _limited(groups):
    return {"groups": groups[:CHART_LIMIT], "more": max(len(groups) - CHART_LIMIT, 0)}


def _width(value, largest):
    """A bar's length in percent of the chart's width, the largest value filling it."""
    return round(100 * (value or 0) / largest, 1) if largest else 0


def _figure(value):
    """A number written as the tables write it (local_number); text as it is."""
    return local_number(value) if isinstance(value, int | float | Decimal) and not isinstance(value, bool) else value


def bars(rows, label_key, value_key, text_key=None):
    """A one-series chart: a bar per row, as long as its value relative to the largest, with its label and
    its value written beside it (or the row's `text_key`). Sent applications are hatched."""
    largest = max([row.get(value_key) or 0 for row in rows] + [0])
    return _limited(
        [
            {
                "label": row.get(label_key),
                "bars": [
                    {
                        "name": "",
                        "text": _figure(row.get(text_key or value_key)),
                        "style": "hatched" if row.get("sent") else "solid",
                        "width": _width(row.get(value_key), largest),
                    }
                ],
            }
            for row in rows
            if not row.get("total")
        ]
    )


def processing_bars(rows):
    """Three bars a service: the median, the 90th percentile and the promised limit, on one scale."""
    rows = [row for row in rows if not row.get("total")]
    largest = max([row["p90"] or 0 for row in rows] + [row["promised"] or 0 for row in rows] + [0])
    groups = []
    for row in rows:
        series = [
            (_("Median"), row["median"], "solid"),
            (_("90th percentile"), row["p90"], "hatched"),
            (_("Promised"), row["promised"], "outline"),
        ]
        groups.append(
            {
                "label": row[SERVICE],
                "bars": [
                    {"name": name, "text": value, "style": style, "width": _width(value, largest)}
                    for name, value, style in series
                ],
            }
        )
    return _limited(groups)


# Tables ----------------------------------------------------------------------------------------------------


def _service(code, names):
    """A row's service columns: its title (the code when no page has it) and promised limit."""
    named = names.get(code)
    return {
        "code": code,
        SERVICE: named.title if named else code or None,
        "promised": named.promised if named else None,
    }


def _by_count(rows, label_key):
    """Rows counted under a name, the most applications first, then by name."""
    return sorted(rows, key=lambda row: (-row["applications"], str(row[label_key])))


def services_table(services, names):
    rows = [{**_service(service.code, names), "applications": service.applications} for service in services]
    return Table(
        "services",
        _("Applications by service"),
        _("Applications sent in the period, by service."),
        [
            Column(SERVICE, _("Service"), False),
            Column("code", _("Service code"), False),
            Column("applications", _("Applications")),
        ],
        rows,
        bars(rows, SERVICE, "applications"),
    )


def _named_counts_table(key, title, description, column, label, unknown, counts):
    """Applications counted under names (NamedCount), the largest first; `unknown` names a count without one."""
    rows = _by_count([{column: count.name or unknown, "applications": count.applications} for count in counts], column)
    return Table(
        key,
        title,
        description,
        [Column(column, label, False), Column("applications", _("Applications"))],
        rows,
        bars(rows, column, "applications"),
    )


def departments_table(departments, names):
    return _named_counts_table(
        "departments",
        _("Applications by department"),
        _("Applications sent in the period, by the department that provides the service."),
        "department",
        _("Department"),
        _("Not known"),
        departments,
    )


def cities_table(cities, names):
    return _named_counts_table(
        "cities",
        _("Applications by city"),
        _("Applications sent in the period, by the city of the applicant's address."),
        "city",
        _("City"),
        _("Not recorded"),
        cities,
    )


def _share_text(count):
    """ "14 (73.7%)": the count and its share, as the chart writes them."""
    if count.share is None:
        return local_number(0)
    return f"{local_number(count.applications)} ({local_number(count.share)}%)"


def channels_table(channels, names):
    rows = [
        {
            "channel": Channel(count.channel).label,
            "applications": count.applications,
            "share": count.share,
            "share_text": _share_text(count),
        }
        for count in channels
    ]
    return Table(
        "channels",
        _("Online, assisted and proxy applications"),
        _(
            "Applications sent in the period: online by the applicant, with help at a service hall, or by "
            "someone acting for the applicant. The share is the percentage of all of them."
        ),
        [
            Column("channel", _("How it was sent"), False),
            Column("applications", _("Applications")),
            Column("share", _("Share (%)")),
        ],
        rows,
        bars(rows, "channel", "applications", "share_text"),
    )


def _processing_row(time):
    return {"decided": time.decided, "median": time.median, "p90": time.p90, "late": time.late}


def processing_table(processing, names):
    rows = [{**_service(service.code, names), **_processing_row(service.time)} for service in processing.services]
    if processing.overall:
        rows.append(
            {
                SERVICE: _("All services"),
                "code": "",
                "promised": None,
                **_processing_row(processing.overall),
                "total": True,
            }
        )
    return Table(
        "processing",
        _("Processing time against the promised limit"),
        _(
            "Applications decided (approved or rejected) in the period: working days from the day they were "
            "sent to the day of the decision. Half were decided within the median, 9 in 10 within the 90th "
            "percentile."
        ),
        [
            Column(SERVICE, _("Service"), False),
            Column("code", _("Service code"), False),
            Column("promised", _("Promised limit (working days)")),
            Column("decided", _("Decided")),
            Column("median", _("Median (working days)")),
            Column("p90", _("90th percentile (working days)")),
            Column("late", _("Decided after the promised limit")),
        ],
        rows,
        processing_bars(rows),
    )


def overdue_table(services, names):
    rows = [{**_service(service.code, names), "open": service.open, "overdue": service.overdue} for service in services]
    return Table(
        "overdue",
        _("Open applications past the promised limit"),
        _(
            "Applications sent in the period and not decided yet, and how many of them are past their "
            "promised limit today."
        ),
        [
            Column(SERVICE, _("Service"), False),
            Column("code", _("Service code"), False),
            Column("promised", _("Promised limit (working days)")),
            Column("open", _("Still open")),
            Column("overdue", _("Past the promised limit")),
        ],
        rows,
        bars(rows, SERVICE, "overdue"),
    )


def ratings_table(ratings, names):
    rows = [
        {
            "score": f"{count.score} – {Score(count.score).label}",
            "value": count.score,
            "ratings": count.ratings,
            "share": count.share,
        }
        for count in ratings.scores
    ]
    return Table(
        "ratings",
        _("Ratings"),
        _(
            "Ratings given in the period, from 5 (very good) to 1 (very poor). Ratings of 2 or less are poor "
            "and followed up by the hall manager."
        ),
        [
            Column("score", _("Rating"), False),
            Column("ratings", pgettext("count", "Ratings")),
            Column("share", _("Share (%)")),
        ],
        rows,
        bars(rows, "score", "ratings"),
    )


def ratings_by_service_table(services, names):
    rows = [
        {**_service(service.code, names), "ratings": service.ratings, "average": service.average, "poor": service.poor}
        for service in services
    ]
    return Table(
        "ratings_by_service",
        _("Ratings by service"),
        _("Ratings given in the period: how many, their average (5 is the best) and how many were poor (2 or less)."),
        [
            Column(SERVICE, _("Service"), False),
            Column("code", _("Service code"), False),
            Column("ratings", pgettext("count", "Ratings")),
            Column("average", _("Average rating")),
            Column("poor", _("Poor (2 or less)")),
        ],
        rows,
        bars(rows, SERVICE, "poor"),
    )


def _stage_label(stage):
    if stage.sent:
        return _("Sent")
    if not stage.step:
        return pgettext("drop-off", "Started, no step completed")
    if stage.number is None:
        return _("A step no longer in the form")
    return _("Step %(number)s completed: %(title)s") % {"number": stage.number, "title": stage.title}


def _stage_row(form, stage):
    label = _stage_label(stage)
    row = {
        "flow": form.title,
        "flow_key": form.key,
        "stage": label,
        "step": stage.step,
        "applications": stage.applications,
        "share": stage.share,
        "label": f"{form.title}: {label}",
    }
    return {**row, "sent": True} if stage.sent else row


def dropoff_table(forms, names):
    rows = [_stage_row(form, stage) for form in forms for stage in form.stages]
    return Table(
        "dropoff",
        _("Where people stop"),
        _(
            "Applications started in the period: those not sent yet by the furthest step of the form they "
            "completed, and those sent. The share is the percentage of all started with that form."
        ),
        [
            Column("flow", _("Form"), False),
            Column("stage", _("Furthest step"), False),
            Column("applications", _("Applications")),
            Column("share", _("Share (%)")),
        ],
        rows,
        bars(rows, "label", "applications"),
    )


# Each builder takes one table's figures and the services' names ({code: selectors.ServiceName}).
BUILDERS = {
    "services": services_table,
    "departments": departments_table,
    "cities": cities_table,
    "channels": channels_table,
    "processing": processing_table,
    "overdue": overdue_table,
    "ratings": ratings_table,
    "ratings_by_service": ratings_by_service_table,
    "dropoff": dropoff_table,
}


def dashboard_tables(dashboard):
    """{table key: Table} for every table whose figures the dashboard (selectors.Dashboard) holds, in the
    dashboard's order."""
    return {key: BUILDERS[key](figures, dashboard.services) for key, figures in dashboard.figures.items()}
