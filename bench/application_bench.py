"""Speed of the application engine, measured in-process (Django test client: middleware, views,
forms, database; no network), paced at a fixed request rate.

    .venv/bin/python bench/application_bench.py [--rate 50] [--seconds 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_apps_bench .venv/bin/python bench/application_bench.py

Scenarios: a form step round trip (GET the step, POST valid answers: the budget is p95 < 150 ms at
50 requests/s), sending an application (the receipt is rendered in the background, so sending returns
at once), and rendering one receipt PDF (the background job). Uses a throw-away test database.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(name, values):
    ms = [v * 1000 for v in values]
    return (f"{name:<34} n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  p95={percentile(ms, 95):7.1f} ms  "
            f"max={max(ms):7.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second for the step scenario")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--submissions", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    settings.ALLOWED_HOSTS = ["testserver"]
    started = time.monotonic()
    test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    print(f"test database {test_db} ({connection.vendor}) ready in {time.monotonic() - started:.1f} s")
    try:
        from portal.accounts.services import user_register
        from portal.applications.models import Application
        from portal.applications.receipts import receipt_render_pdf
        from portal.applications.services import flows_load_from_code
        from tests.applications.conftest import complete_steps, make_resident_id, step_post_data, submit
        from tests.factories import DepartmentFactory, service_create, site_tree_ensure

        flows_load_from_code()
        tree = site_tree_ensure()
        page = service_create(tree=tree["zh-hans"], department=DepartmentFactory(), title="老年人乘车卡申请",
                              service_code="3700-MZ-901", online=True, flow_key="senior-bus-pass")
        user = user_register(real_name="张三", password=uuid.uuid4().hex, phone="13912345678",
                             resident_id=make_resident_id())
        client = Client()
        client.force_login(user)
        start_url = f"/apply/{page.service_code}/"
        client.post(start_url)
        application = Application.objects.latest("created_at")
        step_url = f"/apply/a/{application.pk}/step/about-you/"

        # 1. Step round trips at a fixed pace.
        for _ in range(20):  # warm up
            client.get(step_url)
        gets, posts, trips = [], [], []
        interval = 1.0 / args.rate
        deadline = time.monotonic() + args.seconds
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            now = time.monotonic()
            if now < next_at:
                time.sleep(next_at - now)
            next_at += 2 * interval  # a round trip is two requests
            data = step_post_data(application, "about-you")
            t0 = time.perf_counter()
            response = client.get(step_url)
            t1 = time.perf_counter()
            assert response.status_code == 200
            response = client.post(step_url, data)
            t2 = time.perf_counter()
            assert response.status_code == 302, response.status_code
            gets.append(t1 - t0)
            posts.append(t2 - t1)
            trips.append(t2 - t0)

        # 2. Sending complete applications.
        sends = []
        for _ in range(args.submissions):
            client.post(start_url, {"new": "1"})
            draft = Application.objects.filter(status="draft").latest("created_at")
            complete_steps(client, draft, overrides={"collect_method": "hall"})
            t0 = time.perf_counter()
            response = submit(client, draft, uuid.uuid4())
            sends.append(time.perf_counter() - t0)
            assert response.status_code == 302

        # 3. One receipt PDF (background job), a few times.
        sent = Application.objects.filter(status="submitted").first()
        renders = []
        for _ in range(3):
            t0 = time.perf_counter()
            receipt_render_pdf(application=sent, language="zh-hans")
            renders.append(time.perf_counter() - t0)

        print(f"step scenario paced at {args.rate:g} requests/s for {args.seconds:g} s")
        print(summary("GET a step", gets))
        print(summary("POST a step (save answers)", posts))
        print(summary("step round trip (GET + POST)", trips))
        print(summary("send an application", sends))
        print(summary("render a receipt PDF (background)", renders))
        ok = percentile([t * 1000 for t in gets + posts], 95) < 150
        print(f"budget p95 < 150 ms per request: {'met' if ok else 'NOT met'}")
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
