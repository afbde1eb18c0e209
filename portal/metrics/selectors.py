"""Reads for the service metrics dashboard: every figure is aggregated in the database (GROUP BY), in a
fixed number of queries whatever the number of applications; Python only turns the grouped counts into
tables (names, shares, percentiles).

Scope: administrators see every service; a hall manager sees the applications for the services their hall
offers (the halls on the service's guide), whoever applied for them and however, and every application made
with help at their hall (an assist session there), whatever the service. Nobody else has the permission.

Which applications count in a period (from/to, local dates, both included):
- volumes (by service, department, city, channel): applications SENT in the period;
- processing time: applications DECIDED (approved or rejected) in the period, from the day they were sent
  to the day of the decision, in working days (portal/metrics/expressions.py);
- still open: applications sent in the period and not decided yet, and how many are past their promised
  limit today;
- ratings: ratings GIVEN in the period;
- drop-off: applications STARTED in the period: drafts by the furthest step they completed, and those sent.

Percentiles are nearest-rank: the median is the middle value (the lower of the two middle ones when the
count is even) and the 90th percentile the smallest value that at least 90% of applications did not exceed.
They come from a histogram of whole working days, so they are the same on SQLite and PostgreSQL."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from portal.applications.definitions import localised
from portal.applications.models import Application, FlowVersion, StatusEvent
from portal.applications.status import Channel, Status
from portal.assisted.models import AssistSession
from portal.ratings.models import POOR_AT_MOST, Rating, Score
from portal.staff.roles import Role
from portal.staff.selectors import hall_ids_for
from portal.templatetags.portal_format import local_number
from services_catalog.models import Department, Region, ServicePage

from .expressions import WorkingDays, day_number, local_day

DECISIONS = (Status.APPROVED, Status.REJECTED)
OPEN_STATUSES = (Status.SUBMITTED, Status.RECEIVED, Status.IN_REVIEW, Status.MORE_INFO_REQUESTED)
DEFAULT_DAYS = 90


# Scope and period ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scope:
    """The applications whose figures a user may see: those of the services in `service_codes` (a subquery),
    and those made in the assist sessions in `assist_references` (a subquery); everything when both are None."""

    service_codes: object = None
    assist_references: object = None

    def filter(self, queryset, field="service_code"):
        """`queryset` narrowed to the scope; `field` is the path to the application's service code
        ("service_code" for applications, "application__service_code" for their events and ratings)."""
        if self.service_codes is None and self.assist_references is None:
            return queryset
        prefix = field[:-len("service_code")]
        condition = Q(pk__in=[])
        if self.service_codes is not None:
            condition |= Q(**{f"{field}__in": self.service_codes})
        if self.assist_references is not None:
            condition |= Q(**{f"{prefix}assist_session_reference__in": self.assist_references})
        return queryset.filter(condition)

    @property
    def limited(self):
        return self.service_codes is not None or self.assist_references is not None


def metrics_scope(user):
    halls = hall_ids_for(user, roles=(Role.HALL_MANAGER,))
    if halls is None:
        return Scope()
    if not halls:
        raise PermissionDenied
    return Scope(service_codes=ServicePage.objects.filter(halls__in=halls).values("service_code"),
                 assist_references=AssistSession.objects.filter(hall__in=halls).values("reference"))


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def since(self):
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self):
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def query(self):
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def default_period(today=None):
    today = today or timezone.localdate()
    return Period(today - timedelta(days=DEFAULT_DAYS - 1), today)


# Arithmetic ------------------------------------------------------------------------------------------------

def nearest_rank(histogram, percent):
    """The nearest-rank percentile of {value: count}; None when empty."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = -(-percent * total // 100)  # ceil(percent * total / 100), in whole numbers
    running = 0
    for value in sorted(histogram):
        running += histogram[value]
        if running >= rank:
            return value
    return None


def share(part, whole):
    """A percentage with one decimal place (half up), as a Decimal; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def average(total, count):
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# Tables ----------------------------------------------------------------------------------------------------

@dataclass
class Column:
    key: str
    label: str
    numeric: bool = True


@dataclass
class Table:
    """Rows hold raw values (the CSV writes them as they are); a row with a service "code" gets its "service"
    name (and "promised" limit) once every table has been read, in one query for them all; then `chart`
    is drawn from the rows by `draw`."""

    key: str
    title: str
    description: str
    columns: list
    rows: list = field(default_factory=list)
    draw: object = None
    chart: dict | None = None

    def row_values(self):
        return [[row.get(column.key) for column in self.columns] for row in self.rows]


CHART_LIMIT = 15  # bars per chart; the table has every row


def _limited(groups):
    return {"groups": groups[:CHART_LIMIT], "more": max(len(groups) - CHART_LIMIT, 0)}


def _width(value, largest):
    return round(100 * (value or 0) / largest, 1) if largest else 0


def bars(label_key, value_key, text_key=None):
    """A one-series chart: a bar per row, as long as its value relative to the largest, with its label and
    its value written beside it."""

    def draw(rows):
        largest = max([row.get(value_key) or 0 for row in rows] + [0])
        return _limited([{"label": row.get(label_key), "bars": [{
            "name": "", "text": _figure(row.get(text_key or value_key)),
            "style": "hatched" if row.get("sent") else "solid",
            "width": _width(row.get(value_key), largest)}]} for row in rows if not row.get("total")])

    return draw


def _figure(value):
    """A number written as the tables write it (local_number); text as it is."""
    return local_number(value) if isinstance(value, int | float | Decimal) and not isinstance(value, bool) else value


def _services_named(codes):
    """{code: (title in the active language, promised limit)}, in one query."""
    if not codes:
        return {}
    language = get_language() or "zh-hans"
    named = {}
    for code, title, page_language, promised in ServicePage.objects.filter(service_code__in=codes).values_list(
            "service_code", "title", "locale__language_code", "promised_time_limit_days"):
        if page_language == language or code not in named:
            named[code] = (title, promised)
    return named


def _applications(scope):
    return scope.filter(Application.objects.all())


def _sent(scope, period):
    return _applications(scope).filter(submitted_at__gte=period.since, submitted_at__lt=period.until)


SERVICE = "service"


def services_table(scope, period):
    counts = _sent(scope, period).values("service_code").annotate(n=Count("pk")).order_by("-n", "service_code")
    rows = [{"code": row["service_code"], "applications": row["n"]} for row in counts]
    return Table("services", _("Applications by service"), _("Applications sent in the period, by service."),
                 [Column(SERVICE, _("Service"), False), Column("code", _("Service code"), False),
                  Column("applications", _("Applications"))], rows, bars(SERVICE, "applications"))


def departments_table(scope, period):
    counts = list(_sent(scope, period).values("service_page__department_id").annotate(n=Count("pk")).order_by())
    names = {department.pk: department.name for department in Department.objects.filter(
        pk__in=[row["service_page__department_id"] for row in counts if row["service_page__department_id"]])}
    rows = [{"department": names.get(row["service_page__department_id"]) or _("Not known"), "applications": row["n"]}
            for row in counts]
    rows.sort(key=lambda row: (-row["applications"], str(row["department"])))
    return Table("departments", _("Applications by department"),
                 _("Applications sent in the period, by the department that provides the service."),
                 [Column("department", _("Department"), False), Column("applications", _("Applications"))], rows,
                 bars("department", "applications"))


def cities_table(scope, period):
    counts = list(_sent(scope, period).annotate(city=Substr("applicant__address_region_code", 1, 4))
                  .values("city").annotate(n=Count("pk")).order_by())
    codes = [f"{row['city']}00" for row in counts if row["city"] and len(row["city"]) == 4]
    names = {region.code: region.name for region in Region.objects.filter(code__in=codes)}
    merged = defaultdict(int)
    for row in counts:
        code = f"{row['city']}00" if row["city"] and len(row["city"]) == 4 else ""
        merged[names.get(code) or _("Not recorded")] += row["n"]
    rows = [{"city": name, "applications": n} for name, n in merged.items()]
    rows.sort(key=lambda row: (-row["applications"], str(row["city"])))
    return Table("cities", _("Applications by city"),
                 _("Applications sent in the period, by the city of the applicant's address."),
                 [Column("city", _("City"), False), Column("applications", _("Applications"))], rows,
                 bars("city", "applications"))


def channels_table(scope, period):
    counts = dict(_sent(scope, period).values_list("channel").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    rows = []
    for value, label in Channel.choices:
        part = share(counts.get(value, 0), total)
        rows.append({"channel": label, "applications": counts.get(value, 0), "share": part,
                     "share_text": f"{local_number(counts.get(value, 0))} ({local_number(part)}%)" if part is not None
                     else local_number(0)})
    return Table("channels", _("Online, assisted and proxy applications"),
                 _("Applications sent in the period: online by the applicant, with help at a service hall, or by "
                   "someone acting for the applicant. The share is the percentage of all of them."),
                 [Column("channel", _("How it was sent"), False), Column("applications", _("Applications")),
                  Column("share", _("Share (%)"))], rows, bars("channel", "applications", "share_text"))


def processing_histogram(scope, *, since, until, last_day):
    """{service code: {(working days, late): count}} of the applications decided from `since` to `until`.
    One query over the decision events (approved or rejected: each application has at most one), grouped."""
    events = scope.filter(StatusEvent.objects.filter(to_status__in=DECISIONS, created_at__gte=since,
                                                     created_at__lt=until, application__submitted_at__isnull=False),
                          "application__service_code")
    events = events.annotate(s_day=local_day("application__submitted_at"), e_day=local_day("created_at"))
    events = WorkingDays(last=last_day).annotate(events, F("application__service_page__promised_time_limit_days"))
    histogram = defaultdict(lambda: defaultdict(int))
    for row in events.values("application__service_code", "wd", "late").annotate(n=Count("pk")).order_by():
        histogram[row["application__service_code"]][(int(row["wd"]), bool(row["late"]))] += row["n"]
    return histogram


def processing_summary(pairs):
    """Figures of one service from its {(working days, late): count}."""
    days = defaultdict(int)
    for (working_days, _late), n in pairs.items():
        days[working_days] += n
    return {"decided": sum(days.values()), "median": nearest_rank(days, 50), "p90": nearest_rank(days, 90),
            "late": sum(n for (_working_days, late), n in pairs.items() if late), "days": days}


def _draw_processing(rows):
    rows = [row for row in rows if not row.get("total")]
    largest = max([row["p90"] or 0 for row in rows] + [row["promised"] or 0 for row in rows] + [0])
    groups = []
    for row in rows:
        group = [(_("Median"), row["median"], "solid"), (_("90th percentile"), row["p90"], "hatched"),
                 (_("Promised"), row["promised"], "outline")]
        groups.append({"label": row[SERVICE], "bars": [
            {"name": name, "text": value, "style": style, "width": _width(value, largest)}
            for name, value, style in group]})
    return _limited(groups)


def processing_table(scope, period):
    histogram = processing_histogram(scope, since=period.since, until=period.until, last_day=period.end)
    rows, everything = [], defaultdict(int)
    for code, pairs in histogram.items():
        summary = processing_summary(pairs)
        for value, n in summary.pop("days").items():
            everything[value] += n
        rows.append({"code": code, **summary})
    rows.sort(key=lambda row: (-row["decided"], row["code"]))
    if rows:
        rows.append({SERVICE: _("All services"), "code": "", "promised": None, "decided": sum(everything.values()),
                     "median": nearest_rank(everything, 50), "p90": nearest_rank(everything, 90),
                     "late": sum(row["late"] for row in rows), "total": True})
    return Table("processing", _("Processing time against the promised limit"),
                 _("Applications decided (approved or rejected) in the period: working days from the day they were "
                   "sent to the day of the decision. Half were decided within the median, 9 in 10 within the 90th "
                   "percentile."),
                 [Column(SERVICE, _("Service"), False), Column("code", _("Service code"), False),
                  Column("promised", _("Promised limit (working days)")), Column("decided", _("Decided")),
                  Column("median", _("Median (working days)")), Column("p90", _("90th percentile (working days)")),
                  Column("late", _("Decided after the promised limit"))], rows, _draw_processing)


def overdue_table(scope, period, today):
    open_applications = _sent(scope, period).filter(status__in=OPEN_STATUSES).annotate(
        s_day=local_day("submitted_at"), e_day=Value(day_number(today)))
    open_applications = WorkingDays(last=today).annotate(open_applications,
                                                         F("service_page__promised_time_limit_days"))
    counts = open_applications.values("service_code").annotate(n=Count("pk"), overdue=Sum("late")).order_by()
    rows = [{"code": row["service_code"], "open": row["n"], "overdue": int(row["overdue"] or 0)} for row in counts]
    rows.sort(key=lambda row: (-row["overdue"], -row["open"], row["code"]))
    return Table("overdue", _("Open applications past the promised limit"),
                 _("Applications sent in the period and not decided yet, and how many of them are past their "
                   "promised limit today."),
                 [Column(SERVICE, _("Service"), False), Column("code", _("Service code"), False),
                  Column("promised", _("Promised limit (working days)")), Column("open", _("Still open")),
                  Column("overdue", _("Past the promised limit"))], rows, bars(SERVICE, "overdue"))


def _ratings(scope, period):
    return scope.filter(Rating.objects.filter(created_at__gte=period.since, created_at__lt=period.until),
                        "application__service_code")


def ratings_table(scope, period):
    """The distribution of scores, with the count, average and poor ratings in `summary`."""
    distribution = dict(_ratings(scope, period).values_list("score").annotate(n=Count("pk")).order_by())
    count = sum(distribution.values())
    rows = [{"score": f"{value} – {label}", "value": value, "ratings": distribution.get(value, 0),
             "share": share(distribution.get(value, 0), count)} for value, label in reversed(Score.choices)]
    table = Table("ratings", _("Ratings"),
                  _("Ratings given in the period, from 5 (very good) to 1 (very poor). Ratings of 2 or less are poor "
                    "and followed up by the hall manager."),
                  [Column("score", _("Rating"), False), Column("ratings", pgettext("count", "Ratings")),
                   Column("share", _("Share (%)"))], rows, bars("score", "ratings"))
    summary = {"count": count, "average": average(sum(score * n for score, n in distribution.items()), count),
               "poor": sum(n for score, n in distribution.items() if score <= POOR_AT_MOST)}
    return table, summary


def ratings_by_service_table(scope, period):
    counts = _ratings(scope, period).values("application__service_code").annotate(
        n=Count("pk"), total=Sum("score"), poor=Count("pk", filter=Q(score__lte=POOR_AT_MOST))).order_by()
    rows = [{"code": row["application__service_code"], "ratings": row["n"], "average": average(row["total"], row["n"]),
             "poor": row["poor"]} for row in counts]
    rows.sort(key=lambda row: (-row["poor"], row["average"] or 0, row["code"]))
    return Table("ratings_by_service", _("Ratings by service"),
                 _("Ratings given in the period: how many, their average (5 is the best) and how many were poor "
                   "(2 or less)."),
                 [Column(SERVICE, _("Service"), False), Column("code", _("Service code"), False),
                  Column("ratings", pgettext("count", "Ratings")), Column("average", _("Average rating")),
                  Column("poor", _("Poor (2 or less)"))], rows, bars(SERVICE, "poor"))


def dropoff_table(scope, period):
    started = _applications(scope).filter(created_at__gte=period.since, created_at__lt=period.until)
    drafts = list(started.filter(status=Status.DRAFT).values("flow_version_id", "completed_steps")
                  .annotate(n=Count("pk")).order_by())
    sent = dict(started.filter(submitted_at__isnull=False).values_list("flow_version__flow__key")
                .annotate(n=Count("pk")).order_by())
    versions = {version.pk: version for version in FlowVersion.objects.filter(
        Q(pk__in={row["flow_version_id"] for row in drafts}) | Q(flow__key__in=list(sent))).select_related("flow")}
    newest = {}  # the newest version of each flow gives its steps' order and titles
    for version in versions.values():
        if version.flow.key not in newest or version.number > newest[version.flow.key].number:
            newest[version.flow.key] = version
    stopped = defaultdict(lambda: defaultdict(int))  # flow key -> furthest completed step ("" for none) -> drafts
    for row in drafts:
        version = versions[row["flow_version_id"]]
        order = [step.key for step in version.flow_def.steps]
        done = [key for key in (row["completed_steps"] or []) if key in order]
        stopped[version.flow.key][max(done, key=order.index) if done else ""] += row["n"]
    rows = []
    for key in sorted(set(stopped) | set(sent)):
        version = newest.get(key)
        steps = list(version.flow_def.steps) if version else []
        buckets = [("", pgettext("drop-off", "Started, no step completed"))]
        buckets += [(step.key, _("Step %(number)s completed: %(title)s") % {
            "number": number, "title": localised(step.title)}) for number, step in enumerate(steps, start=1)]
        buckets += [(step_key, _("A step no longer in the form")) for step_key in stopped[key]
                    if step_key and step_key not in {step.key for step in steps}]
        started_here = sum(stopped[key].values()) + sent.get(key, 0)
        flow_title = localised(version.flow_def.title) if version else key
        for step_key, label in buckets:
            n = stopped[key].get(step_key, 0)
            rows.append({"flow": flow_title, "flow_key": key, "stage": label, "step": step_key, "applications": n,
                         "share": share(n, started_here)})
        rows.append({"flow": flow_title, "flow_key": key, "stage": _("Sent"), "step": "", "sent": True,
                     "applications": sent.get(key, 0), "share": share(sent.get(key, 0), started_here)})
    for row in rows:
        row["label"] = f"{row['flow']}: {row['stage']}"
    return Table("dropoff", _("Where people stop"),
                 _("Applications started in the period: those not sent yet by the furthest step of the form they "
                   "completed, and those sent. The share is the percentage of all started with that form."),
                 [Column("flow", _("Form"), False), Column("stage", _("Furthest step"), False),
                  Column("applications", _("Applications")), Column("share", _("Share (%)"))], rows,
                 bars("label", "applications"))


TABLES = ["services", "departments", "cities", "channels", "processing", "overdue", "ratings", "ratings_by_service",
          "dropoff"]


@dataclass
class Dashboard:
    period: Period
    tables: dict
    ratings: dict
    applications: int


def dashboard(scope, period, *, today=None, only=None):
    """The dashboard's tables (or `only` those named) for `scope` and `period`, in a fixed number of queries
    whatever the number of applications."""
    today = today or timezone.localdate()
    wanted = only or TABLES
    builders = {
        "services": lambda: services_table(scope, period),
        "departments": lambda: departments_table(scope, period),
        "cities": lambda: cities_table(scope, period),
        "channels": lambda: channels_table(scope, period),
        "processing": lambda: processing_table(scope, period),
        "overdue": lambda: overdue_table(scope, period, today),
        "ratings_by_service": lambda: ratings_by_service_table(scope, period),
        "dropoff": lambda: dropoff_table(scope, period),
    }
    tables, ratings = {}, None
    for key in wanted:
        if key == "ratings":
            tables[key], ratings = ratings_table(scope, period)
        else:
            tables[key] = builders[key]()
    named = _services_named({row["code"] for table in tables.values() for row in table.rows if row.get("code")})
    for table in tables.values():
        for row in table.rows:
            if row.get("code"):
                title, promised = named.get(row["code"], (row["code"], None))
                row.setdefault(SERVICE, title)
                row.setdefault("promised", promised)
        table.chart = table.draw(table.rows) if table.draw else None
    applications = sum(row["applications"] for row in tables["services"].rows) if "services" in tables else None
    return Dashboard(period=period, tables=tables, ratings=ratings, applications=applications)
