"""A data set whose metrics are known by construction, for tests and demonstrations.

`metrics_demo_generate(services=[x, y, z])` takes three service pages and creates, relative to today:

- service x: 10 applications sent and decided in the last weeks, taking [1, 2, 2, 3, 3, 4, 5, 6, 8, 10]
  working days (two of them rejected, the rest approved; the first six then completed and rated
  5, 4, 4, 3, 2, 1); 2 more decided long ago (200 days, taking 20 and 30 working days); 2 still open: one sent
  (promised + 3) working days ago, one sent a working day ago. The first three were made with help at a hall.
- service y: 4 decided, taking [0, 1, 1, 7] working days, the first two sent by a proxy; the first completed
  and rated 1.
- service z: 3 still open: two sent (promised + 3) working days ago, one sent today.
- 10 drafts of service x, all with the demo flow's three steps: 4 stopped before completing a step, 3 after
  the first, 2 after the second, 1 after all three.

Applicants: the decided applications of x, the open ones of z and the old ones are Jinan's (address 370102),
those of y Qingdao's (370211), the open ones of x and the drafts someone with no address recorded.

Durations are laid out on the working-day calendar (services_catalog/calendar.py), walking day by day,
so they do not depend on how the dashboard counts them. `expected(...)` gives the figures this must yield;
the tests also spell them out by hand."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from portal.applications.models import Application, Flow, FlowSource, StatusEvent
from portal.applications.references import reference_generate
from portal.applications.services import flow_version_publish
from portal.applications.status import Channel, Source, Status
from portal.ratings.models import Rating
from services_catalog.calendar import Calendar

FLOW_KEY = "metrics-demo"
DEMO_USERNAME = "metrics-demo-"
DECIDED = {0: [1, 2, 2, 3, 3, 4, 5, 6, 8, 10], 1: [0, 1, 1, 7]}
REJECTED = {0: {3, 8}}
OLD = {0: [20, 30]}
OLD_DAYS_AGO = 200
RATINGS = {0: [5, 4, 4, 3, 2, 1], 1: [1]}
ASSISTED = {0: {0, 1, 2}}
PROXY = {1: {0, 1}}
OPEN_LATE = {0: 1, 2: 2}  # sent (promised + 3) working days ago
OPEN_FRESH = {0: 1, 2: 1}  # x: sent a working day ago; z: sent today
FRESH_DAYS = {0: 1, 2: 0}
DRAFTS = [((), 4), (("s1",), 3), (("s1", "s2"), 2), (("s1", "s2", "s3"), 1)]


def demo_flow_definition():
    def step(key, en, zh):
        return {
            "key": key,
            "title": {"en": en, "zh-hans": zh},
            "fields": [{"key": f"{key}_answer", "type": "text", "label": {"en": en, "zh-hans": zh}, "required": True}],
        }

    return {
        "key": FLOW_KEY,
        "title": {"en": "Metrics demonstration", "zh-hans": "指标演示"},
        "steps": [
            step("s1", "First question", "第一个问题"),
            step("s2", "Second question", "第二个问题"),
            step("s3", "Third question", "第三个问题"),
        ],
    }


@dataclass
class Demo:
    services: list
    applicants: list
    applications: list = field(default_factory=list)
    drafts: list = field(default_factory=list)


class _Builder:
    def __init__(self, now):
        self.now = now
        self.today = timezone.localdate(now)
        self.calendar = Calendar()
        self.flow_version = self._flow_version()
        self.references = set()

    def _flow_version(self):
        flow, _created = Flow.objects.get_or_create(
            key=FLOW_KEY,
            defaults={"source": FlowSource.CODE, "title_zh": "指标演示", "title_en": "Metrics demonstration"},
        )
        version, _created = flow_version_publish(flow=flow, definition=demo_flow_definition())
        return version

    def working_day_back(self, day, count):
        """The date `count` working days before `day` (walking back over non-working days)."""
        while count > 0:
            day -= timedelta(days=1)
            if self.calendar.is_working_day(day):
                count -= 1
        return day

    def at(self, day, hour, minute=0):
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def reference(self):
        while True:
            reference = reference_generate()
            if reference not in self.references and not Application.objects.filter(reference=reference).exists():
                self.references.add(reference)
                return reference

    def application(self, *, page, applicant, sent, status, channel=Channel.ONLINE, number=0):
        extra = {}
        if channel == Channel.PROXY:
            extra["mandate_reference"] = f"DEMO-MANDATE-{number}"
        if channel == Channel.ASSISTED:
            extra["assist_session_reference"] = f"DEMO-ASSIST-{number}"
        created = sent - timedelta(minutes=30)
        application = Application.objects.create(
            service_code=page.service_code,
            service_page=page,
            flow_version=self.flow_version,
            applicant=applicant,
            submitted_by=applicant,
            channel=channel,
            status=status,
            reference=self.reference(),
            answers={"s1_answer": "演示", "s2_answer": "演示", "s3_answer": "演示"},
            completed_steps=["s1", "s2", "s3"],
            created_at=created,
            updated_at=sent,
            submitted_at=sent,
            **extra,
        )
        events = [(created, "", Status.DRAFT, Source.PORTAL), (sent, Status.DRAFT, Status.SUBMITTED, Source.PORTAL)]
        return application, events

    def events(self, application, events):
        StatusEvent.objects.bulk_create(
            [
                StatusEvent(
                    application=application, from_status=from_status, to_status=to_status, source=source, created_at=at
                )
                for at, from_status, to_status, source in events
            ]
        )


def _applicants():
    users = []
    for number, region in enumerate(["370102", "370211", ""]):
        user, _created = get_user_model().objects.get_or_create(
            username=f"{DEMO_USERNAME}{number}",
            defaults={"real_name": f"演示用户{number + 1}", "address_region_code": region, "email": ""},
        )
        users.append(user)
    return users


def _decided(
    builder, demo, page, applicant, durations, *, end_days_back, rejected=(), ratings=(), assisted=(), proxy=()
):
    for index, working_days in enumerate(durations):
        decided_on = builder.working_day_back(builder.today, end_days_back + index)
        sent_on = builder.working_day_back(decided_on, working_days)
        channel = Channel.ASSISTED if index in assisted else Channel.PROXY if index in proxy else Channel.ONLINE
        rated = index < len(ratings)
        outcome = Status.REJECTED if index in rejected else Status.APPROVED
        application, events = builder.application(
            page=page,
            applicant=applicant,
            sent=builder.at(sent_on, 10),
            channel=channel,
            status=Status.COMPLETED if rated else outcome,
            number=len(demo.applications),
        )
        decided_at = builder.at(decided_on, 15)
        events += [
            (builder.at(sent_on, 10, 5), Status.SUBMITTED, Status.RECEIVED, Source.CONNECTOR),
            (builder.at(sent_on, 10, 10), Status.RECEIVED, Status.IN_REVIEW, Source.CONNECTOR),
            (decided_at, Status.IN_REVIEW, outcome, Source.CONNECTOR),
        ]
        if rated:
            events.append((decided_at + timedelta(minutes=5), outcome, Status.COMPLETED, Source.CONNECTOR))
            rated_at = decided_at + timedelta(minutes=10)
            Rating.objects.create(
                application=application, rater=applicant, score=ratings[index], created_at=rated_at, updated_at=rated_at
            )
        builder.events(application, events)
        demo.applications.append(application)


def _open(builder, demo, page, applicant, count, days_back):
    for _index in range(count):
        if days_back:
            sent = builder.at(builder.working_day_back(builder.today, days_back), 10)
        else:  # today, and not in the future
            sent = max(builder.at(builder.today, 0), builder.now - timedelta(minutes=1))
        application, events = builder.application(
            page=page, applicant=applicant, sent=sent, status=Status.IN_REVIEW, number=len(demo.applications)
        )
        events.append((sent + timedelta(seconds=5), Status.SUBMITTED, Status.IN_REVIEW, Source.CONNECTOR))
        builder.events(application, events)
        demo.applications.append(application)


@transaction.atomic
def metrics_demo_generate(*, services, now=None):
    """Create the data set described in the module's docstring for three service pages (x, y, z)."""
    x, y, z = services
    builder = _Builder(now or timezone.now())
    jinan, qingdao, unknown = _applicants()
    demo = Demo(services=[x, y, z], applicants=[jinan, qingdao, unknown])
    _decided(
        builder,
        demo,
        x,
        jinan,
        DECIDED[0],
        end_days_back=1,
        rejected=REJECTED[0],
        ratings=RATINGS[0],
        assisted=ASSISTED[0],
    )
    _decided(builder, demo, y, qingdao, DECIDED[1], end_days_back=2, ratings=RATINGS[1], proxy=PROXY[1])
    # Long ago: outside the default 90 days.
    old_end = builder.today - timedelta(days=OLD_DAYS_AGO)
    builder_old = _Builder(builder.at(old_end, 18))
    _decided(builder_old, demo, x, jinan, OLD[0], end_days_back=1)
    _open(builder, demo, x, unknown, OPEN_LATE[0], x.promised_time_limit_days + 3)
    _open(builder, demo, x, unknown, OPEN_FRESH[0], FRESH_DAYS[0])
    _open(builder, demo, z, jinan, OPEN_LATE[2], z.promised_time_limit_days + 3)
    _open(builder, demo, z, jinan, OPEN_FRESH[2], FRESH_DAYS[2])
    started_on = builder.working_day_back(builder.today, 2)
    for completed, count in DRAFTS:
        for _index in range(count):
            started = builder.at(started_on, 11)
            draft = Application.objects.create(
                service_code=x.service_code,
                service_page=x,
                flow_version=builder.flow_version,
                applicant=unknown,
                submitted_by=unknown,
                channel=Channel.ONLINE,
                status=Status.DRAFT,
                answers={f"{key}_answer": "演示" for key in completed},
                completed_steps=list(completed),
                created_at=started,
                updated_at=started,
                expires_at=started + timedelta(days=90),
            )
            builder.events(draft, [(started, "", Status.DRAFT, Source.PORTAL)])
            demo.drafts.append(draft)
    return demo


def metrics_demo_remove():
    """Delete everything the generator made (its applicants' applications, ratings and the applicants)."""
    users = get_user_model().objects.filter(username__startswith=DEMO_USERNAME)
    with transaction.atomic():
        Application.objects.filter(applicant__in=users).delete()
        count = users.count()
        users.delete()
    return count


def expected(services):
    """The figures the default period (the last 90 days) shows for a data set made for `services`."""
    x, y, z = services

    def nearest(values, percent):
        ordered = sorted(values)
        return ordered[-(-percent * len(ordered) // 100) - 1]

    late = {
        0: sum(d > x.promised_time_limit_days for d in DECIDED[0]),
        1: sum(d > y.promised_time_limit_days for d in DECIDED[1]),
    }
    return {
        "applications": {x.service_code: 12, y.service_code: 4, z.service_code: 3},
        "channels": {Channel.ONLINE: 14, Channel.ASSISTED: 3, Channel.PROXY: 2},
        "processing": {
            x.service_code: {
                "decided": 10,
                "median": nearest(DECIDED[0], 50),
                "p90": nearest(DECIDED[0], 90),
                "late": late[0],
            },
            y.service_code: {
                "decided": 4,
                "median": nearest(DECIDED[1], 50),
                "p90": nearest(DECIDED[1], 90),
                "late": late[1],
            },
        },
        "overdue": {x.service_code: {"open": 2, "overdue": 1}, z.service_code: {"open": 3, "overdue": 2}},
        "ratings": {"count": 7, "poor": 3, "distribution": {5: 1, 4: 2, 3: 1, 2: 1, 1: 2}},
        "dropoff": {"": 4, "s1": 3, "s2": 2, "s3": 1, "sent": 19},
    }
