"""Reads for the service metrics dashboard: every figure is aggregated in the database (GROUP BY), in a
fixed number of queries whatever the number of applications; Python only turns the grouped counts into
figures (shares, percentiles), plain values and small dataclasses. portal/metrics/tables.py presents them.

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
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Substr
from django.utils import timezone

from portal.applications.definitions import localised
from portal.applications.models import Application, FlowVersion, StatusEvent
from portal.applications.status import Channel, Status
from portal.assisted.models import AssistSession
from portal.language import active_language
from portal.ratings.models import POOR_AT_MOST, Rating, Score
from portal.staff.roles import Role
from portal.staff.selectors import hall_ids_for
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
        prefix = field[: -len("service_code")]
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
    return Scope(
        service_codes=ServicePage.objects.filter(halls__in=halls).values("service_code"),
        assist_references=AssistSession.objects.filter(hall__in=halls).values("reference"),
    )


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


# Figures ---------------------------------------------------------------------------------------------------
# One reader per dashboard table; portal/metrics/tables.py names, orders for reading and draws them.


@dataclass(frozen=True)
class NamedCount:
    """Applications counted under a name (a department's, a city's); None when it is not known."""

    name: str | None
    applications: int


@dataclass(frozen=True)
class ServiceCount:
    code: str
    applications: int


@dataclass(frozen=True)
class ChannelCount:
    channel: str  # a Channel value
    applications: int
    share: Decimal | None


@dataclass(frozen=True)
class ProcessingTime:
    """Applications decided, nearest-rank median and 90th percentile in working days, how many were late."""

    decided: int
    median: int | None
    p90: int | None
    late: int


@dataclass(frozen=True)
class ServiceProcessing:
    code: str
    time: ProcessingTime


@dataclass(frozen=True)
class Processing:
    services: list  # of ServiceProcessing, the most decided first
    overall: ProcessingTime | None  # every service together; None when nothing was decided


@dataclass(frozen=True)
class ServiceOpen:
    code: str
    open: int
    overdue: int


@dataclass(frozen=True)
class ScoreCount:
    score: int
    ratings: int
    share: Decimal | None


@dataclass(frozen=True)
class Ratings:
    scores: list  # of ScoreCount, from 5 down to 1
    count: int
    average: Decimal | None
    poor: int


@dataclass(frozen=True)
class ServiceRatings:
    code: str
    ratings: int
    average: Decimal | None
    poor: int


@dataclass(frozen=True)
class Stage:
    """How many applications started with a form got this far: not sent, with `step` the furthest step
    completed ("" for none) and `number` its place in the form (None when the form no longer has it); or
    `sent`. `share` is of all those started with the form."""

    step: str
    number: int | None
    title: str
    applications: int
    share: Decimal | None
    sent: bool = False


@dataclass(frozen=True)
class FormStages:
    key: str
    title: str
    stages: list  # of Stage, in the form's order, the sent ones last


@dataclass(frozen=True)
class ServiceName:
    title: str
    promised: int | None  # the promised limit in working days


def _applications(scope):
    return scope.filter(Application.objects.all())


def _sent(scope, period):
    return _applications(scope).filter(submitted_at__gte=period.since, submitted_at__lt=period.until)


def services_figures(scope, period):
    counts = _sent(scope, period).values("service_code").annotate(n=Count("pk")).order_by("-n", "service_code")
    return [ServiceCount(row["service_code"], row["n"]) for row in counts]


def departments_figures(scope, period):
    counts = list(_sent(scope, period).values("service_page__department_id").annotate(n=Count("pk")).order_by())
    names = {
        department.pk: department.name
        for department in Department.objects.filter(
            pk__in=[row["service_page__department_id"] for row in counts if row["service_page__department_id"]]
        )
    }
    return [NamedCount(names.get(row["service_page__department_id"]) or None, row["n"]) for row in counts]


def _city_code(prefix):
    """The code of a city from the first four digits of an address's region code; "" when there are none."""
    return f"{prefix}00" if prefix and len(prefix) == 4 else ""


def cities_figures(scope, period):
    """Applications by the city of the applicant's address, one NamedCount per city name (None: not recorded,
    or a code no region has)."""
    counts = list(
        _sent(scope, period)
        .annotate(city=Substr("applicant__address_region_code", 1, 4))
        .values("city")
        .annotate(n=Count("pk"))
        .order_by()
    )
    codes = [_city_code(row["city"]) for row in counts]
    names = {region.code: region.name for region in Region.objects.filter(code__in=[code for code in codes if code])}
    merged = defaultdict(int)
    for row in counts:
        merged[names.get(_city_code(row["city"])) or None] += row["n"]
    return [NamedCount(name, n) for name, n in merged.items()]


def channels_figures(scope, period):
    """Every channel, in the order of Channel, with its count and share."""
    counts = dict(_sent(scope, period).values_list("channel").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    return [ChannelCount(value, counts.get(value, 0), share(counts.get(value, 0), total)) for value in Channel.values]


def processing_histogram(scope, *, since, until, last_day):
    """{service code: {(working days, late): count}} of the applications decided from `since` to `until`.
    One query over the decision events (approved or rejected: each application has at most one), grouped."""
    events = scope.filter(
        StatusEvent.objects.filter(
            to_status__in=DECISIONS,
            created_at__gte=since,
            created_at__lt=until,
            application__submitted_at__isnull=False,
        ),
        "application__service_code",
    )
    events = events.annotate(s_day=local_day("application__submitted_at"), e_day=local_day("created_at"))
    events = WorkingDays(last=last_day).annotate(events, F("application__service_page__promised_time_limit_days"))
    histogram = defaultdict(lambda: defaultdict(int))
    for row in events.values("application__service_code", "wd", "late").annotate(n=Count("pk")).order_by():
        histogram[row["application__service_code"]][(int(row["wd"]), bool(row["late"]))] += row["n"]
    return histogram


def _days(pairs):
    """{working days: count} from {(working days, late): count}."""
    days = defaultdict(int)
    for (working_days, _late), n in pairs.items():
        days[working_days] += n
    return days


def processing_summary(pairs):
    """The ProcessingTime of one service from its {(working days, late): count}."""
    days = _days(pairs)
    return ProcessingTime(
        decided=sum(days.values()),
        median=nearest_rank(days, 50),
        p90=nearest_rank(days, 90),
        late=sum(n for (_working_days, late), n in pairs.items() if late),
    )


def processing_figures(scope, period):
    histogram = processing_histogram(scope, since=period.since, until=period.until, last_day=period.end)
    services = [ServiceProcessing(code, processing_summary(pairs)) for code, pairs in histogram.items()]
    services.sort(key=lambda service: (-service.time.decided, service.code))
    if not services:
        return Processing(services, None)
    everything = defaultdict(int)
    for pairs in histogram.values():
        for working_days, n in _days(pairs).items():
            everything[working_days] += n
    overall = ProcessingTime(
        decided=sum(everything.values()),
        median=nearest_rank(everything, 50),
        p90=nearest_rank(everything, 90),
        late=sum(service.time.late for service in services),
    )
    return Processing(services, overall)


def overdue_figures(scope, period, today):
    open_applications = (
        _sent(scope, period)
        .filter(status__in=OPEN_STATUSES)
        .annotate(s_day=local_day("submitted_at"), e_day=Value(day_number(today)))
    )
    open_applications = WorkingDays(last=today).annotate(open_applications, F("service_page__promised_time_limit_days"))
    counts = open_applications.values("service_code").annotate(n=Count("pk"), overdue=Sum("late")).order_by()
    services = [ServiceOpen(row["service_code"], row["n"], int(row["overdue"] or 0)) for row in counts]
    services.sort(key=lambda service: (-service.overdue, -service.open, service.code))
    return services


def _ratings(scope, period):
    return scope.filter(
        Rating.objects.filter(created_at__gte=period.since, created_at__lt=period.until), "application__service_code"
    )


def ratings_figures(scope, period):
    distribution = dict(_ratings(scope, period).values_list("score").annotate(n=Count("pk")).order_by())
    count = sum(distribution.values())
    scores = [
        ScoreCount(value, distribution.get(value, 0), share(distribution.get(value, 0), count))
        for value in reversed(Score.values)
    ]
    return Ratings(
        scores,
        count,
        average(sum(score * n for score, n in distribution.items()), count),
        poor=sum(n for score, n in distribution.items() if score <= POOR_AT_MOST),
    )


def ratings_by_service_figures(scope, period):
    counts = (
        _ratings(scope, period)
        .values("application__service_code")
        .annotate(n=Count("pk"), total=Sum("score"), poor=Count("pk", filter=Q(score__lte=POOR_AT_MOST)))
        .order_by()
    )
    services = [
        ServiceRatings(row["application__service_code"], row["n"], average(row["total"], row["n"]), row["poor"])
        for row in counts
    ]
    services.sort(key=lambda service: (-service.poor, service.average or 0, service.code))
    return services


def _newest_versions(versions):
    """{flow key: its newest version among `versions`}: it gives the steps' order and titles."""
    newest = {}
    for version in versions:
        if version.flow.key not in newest or version.number > newest[version.flow.key].number:
            newest[version.flow.key] = version
    return newest


def _drafts_by_furthest_step(drafts, versions):
    """{flow key: {furthest completed step ("" for none): drafts}}."""
    stopped = defaultdict(lambda: defaultdict(int))
    for row in drafts:
        version = versions[row["flow_version_id"]]
        order = [step.key for step in version.flow_def.steps]
        done = [key for key in (row["completed_steps"] or []) if key in order]
        stopped[version.flow.key][max(done, key=order.index) if done else ""] += row["n"]
    return stopped


def _form_stages(key, version, stopped, sent):
    """The FormStages of one form, from its drafts by furthest step ({step: n}) and how many were sent."""
    steps = list(version.flow_def.steps) if version else []
    started = sum(stopped.values()) + sent

    def stage(step, number=None, title=""):
        return Stage(step, number, title, stopped.get(step, 0), share(stopped.get(step, 0), started))

    current = {step.key for step in steps}
    stages = [
        stage(""),
        *(stage(step.key, number, localised(step.title)) for number, step in enumerate(steps, 1)),
        *(stage(step) for step in stopped if step and step not in current),
        Stage("", None, "", sent, share(sent, started), sent=True),
    ]
    return FormStages(key, localised(version.flow_def.title) if version else key, stages)


def dropoff_figures(scope, period):
    """For each form applications were started with in the period: how far they got (FormStages)."""
    started = _applications(scope).filter(created_at__gte=period.since, created_at__lt=period.until)
    drafts = list(
        started.filter(status=Status.DRAFT)
        .values("flow_version_id", "completed_steps")
        .annotate(n=Count("pk"))
        .order_by()
    )
    sent = dict(
        started.filter(submitted_at__isnull=False)
        .values_list("flow_version__flow__key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    versions = {
        version.pk: version
        for version in FlowVersion.objects.filter(
            Q(pk__in={row["flow_version_id"] for row in drafts}) | Q(flow__key__in=list(sent))
        ).select_related("flow")
    }
    newest = _newest_versions(versions.values())
    stopped = _drafts_by_furthest_step(drafts, versions)
    return [
        _form_stages(key, newest.get(key), stopped.get(key, {}), sent.get(key, 0))
        for key in sorted(set(stopped) | set(sent))
    ]


def service_names(codes):
    """{code: ServiceName} in the active language (another when a service has no page in it), in one query."""
    if not codes:
        return {}
    language = active_language()
    named = {}
    for code, title, page_language, promised in ServicePage.objects.filter(service_code__in=codes).values_list(
        "service_code", "title", "locale__language_code", "promised_time_limit_days"
    ):
        if page_language == language or code not in named:
            named[code] = ServiceName(title, promised)
    return named


TABLES = [
    "services",
    "departments",
    "cities",
    "channels",
    "processing",
    "overdue",
    "ratings",
    "ratings_by_service",
    "dropoff",
]


@dataclass(frozen=True)
class Dashboard:
    """The dashboard's figures: `figures` by table key (only those read), and the names of the services
    they count."""

    period: Period
    figures: dict
    services: dict  # code -> ServiceName

    @property
    def applications(self):
        """Applications sent in the period; None when the services' figures were not read."""
        if "services" not in self.figures:
            return None
        return sum(service.applications for service in self.figures["services"])

    @property
    def ratings(self):
        return self.figures.get("ratings")


def _service_codes(figures):
    """The codes of the services the figures count, service by service."""
    per_service = [*figures.get("services", ()), *figures.get("overdue", ()), *figures.get("ratings_by_service", ())]
    if "processing" in figures:
        per_service += figures["processing"].services
    return {service.code for service in per_service if service.code}


def dashboard(scope, period, *, today=None, only=None):
    """The dashboard's figures (or `only` those of the tables named) for `scope` and `period`, in a fixed
    number of queries whatever the number of applications."""
    today = today or timezone.localdate()
    readers = {
        "services": services_figures,
        "departments": departments_figures,
        "cities": cities_figures,
        "channels": channels_figures,
        "processing": processing_figures,
        "overdue": lambda scope, period: overdue_figures(scope, period, today),
        "ratings": ratings_figures,
        "ratings_by_service": ratings_by_service_figures,
        "dropoff": dropoff_figures,
    }
    figures = {key: readers[key](scope, period) for key in only or TABLES}
    return Dashboard(period, figures, service_names(_service_codes(figures)))
