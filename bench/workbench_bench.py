"""The department workbench queue (/staff/queue/) over 100,000 generated applications, measured in-process
(Django test client: middleware, OTP check, view, template, database; no network).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_staff_bench .venv/bin/python bench/workbench_bench.py
    ... bench/workbench_bench.py --applications 100000 --requests 60 [--keep]

Generates 8 departments with 5 services each (promised time limits 1 to 20 working days), 2,000 citizens and
the applications in bulk (statuses, channels and submission dates over the last year spread at random, with a
fixed seed), then for a reviewer of one department and for an administrator (every department) measures each
queue scenario: queries per page (also counted before the bulk load, to show they do not grow with the data)
and the page's p50/p95. Uses a throw-away test database (test_<name>); --keep keeps it, and a later run with
--keep reuses the data.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

STATUSES = [
    ("submitted", 5),
    ("received", 5),
    ("in_review", 10),
    ("more_info_requested", 3),
    ("approved", 30),
    ("rejected", 5),
    ("completed", 40),
    ("withdrawn", 2),
]
CHANNELS = [("online", 80), ("proxy", 8), ("assisted", 12)]
LIMITS = [1, 3, 5, 10, 20]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def catalogue():
    """8 departments x 5 online services (Chinese pages), through the catalogue's own services."""
    from portal.applications.services import flows_load_from_code
    from tests.factories import DepartmentFactory, service_create, site_tree_ensure

    flows_load_from_code()
    tree = site_tree_ensure()
    pages = []
    for d in range(8):
        department = DepartmentFactory(code=f"bench-dept-{d}", name_zh=f"基准测试厅{d}", name_en=f"Bench dept {d}")
        for s in range(5):
            pages.append(
                service_create(
                    tree=tree["zh-hans"],
                    department=department,
                    title=f"基准事项{d}-{s}",
                    service_code=f"BENCH-{d}{s:02d}",
                    slug=f"bench-{d}-{s}",
                    online=True,
                    flow_key="general-application",
                    promised_time_limit_days=LIMITS[s],
                )
            )
    return pages


def people(count):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    user_model = get_user_model()
    unusable = make_password(None)
    user_model.objects.bulk_create(
        [user_model(username=f"bench-citizen-{n}", real_name=f"市民{n}", password=unusable) for n in range(count)],
        batch_size=2000,
    )
    return list(user_model.objects.filter(username__startswith="bench-citizen-").values_list("pk", flat=True))


def applications(pages, citizen_ids, count, rng):
    from django.utils import timezone

    from portal.applications.models import Application
    from portal.applications.selectors import flow_version_current

    version = flow_version_current("general-application")
    now = timezone.now()
    statuses = [s for s, weight in STATUSES for _ in range(weight)]
    channels = [c for c, weight in CHANNELS for _ in range(weight)]
    batch, made = [], 0
    for n in range(count):
        page = rng.choice(pages)
        sent = now - timedelta(seconds=rng.randrange(365 * 86400))
        channel = rng.choice(channels)
        applicant = rng.choice(citizen_ids)
        batch.append(
            Application(
                reference=f"B{n:011d}",
                service_code=page.service_code,
                service_page_id=page.pk,
                flow_version=version,
                applicant_id=applicant,
                submitted_by_id=applicant,
                channel=channel,
                status=rng.choice(statuses),
                mandate_reference="M-BENCH" if channel == "proxy" else None,
                assist_session_reference="BB-BENCH" if channel == "assisted" else None,
                answers={},
                created_at=sent,
                updated_at=sent,
                submitted_at=sent,
                idempotency_key=uuid.uuid4(),
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            made += len(batch)
            batch = []
            print(f"\r  {made:,} applications", end="", flush=True)
    if batch:
        Application.objects.bulk_create(batch)
    print()


def staff(pages):
    from django.contrib.auth import get_user_model

    from portal.staff.services import staff_membership_add

    user_model = get_user_model()
    reviewer, _ = user_model.objects.get_or_create(username="bench-reviewer", defaults={"real_name": "审核员"})
    admin, _ = user_model.objects.get_or_create(username="bench-admin", defaults={"real_name": "管理员"})
    staff_membership_add(user=reviewer, role="reviewer", department=pages[0].department, actor=None)
    staff_membership_add(user=admin, role="administrator", actor=None)
    return reviewer, admin


def client_for(user):
    from django.test import Client

    from tests.accounts.otp_helpers import otp_verified_login

    client = Client()
    otp_verified_login(client, user)
    return client


def scenarios(pages):
    service = pages[2].service_code
    return [
        ("reviewer", "waiting for a decision, page 1", {}),
        ("reviewer", "waiting for a decision, last page", {"page": "last"}),
        ("reviewer", "overdue only", {"overdue": "1"}),
        ("reviewer", "approved, page 1", {"status": "approved"}),
        ("reviewer", "one service", {"service": service}),
        ("reviewer", "assisted channel, any status", {"channel": "assisted", "status": "all"}),
        ("reviewer", "any status, page 200", {"status": "all", "page": "200"}),
        ("admin", "waiting for a decision, page 1", {}),
        ("admin", "overdue only", {"overdue": "1"}),
        ("admin", "any status, page 2000", {"status": "all", "page": "2000"}),
    ]


def query_counts(clients, pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for who, _name, params in scenarios(pages):
        clients[who].get("/staff/queue/", params)  # warm: session, permissions cache
        with CaptureQueriesContext(connection) as queries:
            response = clients[who].get("/staff/queue/", params)
        assert response.status_code == 200, response.status_code
        counts.append(len(queries))
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--citizens", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per scenario")
    parser.add_argument("--keep", action="store_true", help="keep the database (and reuse it next time)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    from portal.applications.models import Application
    from services_catalog.models import ServicePage

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.LANGUAGE_CODE = "zh-hans"
    started = time.monotonic()
    test_db = connection.creation.create_test_db(verbosity=0, keepdb=args.keep)
    print(f"test database {test_db} ({connection.vendor}) ready in {time.monotonic() - started:.1f} s")
    rng = random.Random(20261124)
    try:
        pages = list(
            ServicePage.objects.filter(service_code__startswith="BENCH-")
            .select_related("department")
            .order_by("service_code")
        )
        reused = len(pages) == 40 and Application.objects.filter(reference__startswith="B").count() >= args.applications
        if not reused:
            t0 = time.monotonic()
            pages = catalogue()
            citizen_ids = people(args.citizens)
            print(f"catalogue and {args.citizens:,} citizens in {time.monotonic() - t0:.1f} s")
        reviewer, admin = staff(pages)
        clients = {"reviewer": client_for(reviewer), "admin": client_for(admin)}
        before = None
        if not reused:
            applications(pages, citizen_ids, 200, rng)  # a small data set first, to count queries against
            before = query_counts(clients, pages)
            Application.objects.filter(reference__startswith="B").delete()
            t0 = time.monotonic()
            applications(pages, citizen_ids, args.applications, rng)
            print(f"{args.applications:,} applications in {time.monotonic() - t0:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE applications_application")
        after = query_counts(clients, pages)
        total = Application.objects.count()
        in_scope = Application.objects.filter(service_page__department_id=pages[0].department_id).count()
        print(f"{total:,} applications; the reviewer's department has {in_scope:,}")

        print(f"\n{'who':<9} {'scenario':<38} {'queries':>9} {'p50':>9} {'p95':>9}")
        for _ in range(3):
            clients["reviewer"].get("/staff/")
        baseline = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            clients["reviewer"].get("/staff/")
            baseline.append((time.perf_counter() - t0) * 1000)
        print(
            f"{'reviewer':<9} {'(the staff home page, for comparison)':<38} {'':>9} "
            f"{statistics.median(baseline):7.1f}ms {percentile(baseline, 95):7.1f}ms"
        )
        for index, (who, name, params) in enumerate(scenarios(pages)):
            client = clients[who]
            if params.get("page") == "last":
                params = {**params, "page": "9999"}  # the paginator shows the last page
            for _ in range(3):
                client.get("/staff/queue/", params)
            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                response = client.get("/staff/queue/", params)
                times.append(time.perf_counter() - t0)
                assert response.status_code == 200
            ms = [t * 1000 for t in times]
            queries = f"{before[index]}→{after[index]}" if before else str(after[index])
            print(f"{who:<9} {name:<38} {queries:>9} {statistics.median(ms):7.1f}ms {percentile(ms, 95):7.1f}ms")
        if before is not None:
            print("\nqueries per page constant (small data set → 100k):", "yes" if before == after else "NO")
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
