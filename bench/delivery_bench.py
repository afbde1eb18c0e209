"""Delivery throughput and submission-to-delivered latency against the simulated back office.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_delivery .venv/bin/python bench/delivery_bench.py

    options: --database-url URL, --backlog 300 (applications queued before the workers start: throughput),
             --paced 200 --rate 20 (applications submitted at that rate while the workers run: latency),
             --workers 2, --poll 0.05

It migrates the database, starts the simulated back office (python -m portal.demo.backoffice_sim) on a
free loopback port and embedded delivery workers (manage.py deliveries_worker) as separate processes, and
submits applications through the engine's application_submit (so the outbox rows are written in the
submission's transaction). Phase 1 queues a backlog with the workers stopped, starts them and reports
deliveries per second until the last is delivered. Phase 2 submits at a steady rate with the workers
running and reports submission → delivered latency p50, p95 and max (Delivery.delivered_at minus
Application.submitted_at, both written by the database host's clock). Settings: portal.settings.test.
Without DATABASE_URL it runs on a SQLite file (var/delivery_bench.sqlite3), which is not what matters.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_ENV = "BENCH_BACKOFFICE_SECRET"  # noqa: S105 (the name of a variable)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--backlog", type=int, default=300)
    parser.add_argument("--paced", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--poll", type=float, default=0.05)
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(fraction * (len(values) - 1))))] if values else float("nan")


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))  # so the children are stopped
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "BACKGROUND_QUEUE": "embedded",
        "CONNECTORS_BATCH": "20",
        SECRET_ENV: uuid.uuid4().hex,
        "LOG_LEVEL": "WARNING",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        env["SQLITE_PATH"] = str(ROOT / "var" / "delivery_bench.sqlite3")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.BACKGROUND_QUEUE = "embedded"  # receipts wait for a worker this bench does not run
    from django.core.management import call_command
    from django.db.models import Count

    call_command("migrate", "--no-input", verbosity=0)

    from portal.accounts.models import User
    from portal.accounts.services import user_register
    from portal.applications.models import Application
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import application_start, application_submit, flows_load_from_code
    from portal.connectors.models import ConnectorConfig, Delivery, DeliveryState

    flows_load_from_code()
    version = flow_version_current("general-application")
    citizen = User.objects.filter(username="bench-delivery").first() or user_register(
        real_name="压测用户", password=uuid.uuid4().hex, phone=None, email="bench-delivery@example.cn"
    )
    if citizen.username != "bench-delivery":
        User.objects.filter(pk=citizen.pk).update(username="bench-delivery")

    tmp = ROOT / "var"
    tmp.mkdir(exist_ok=True)
    port = free_port()
    sim_db = tmp / f"delivery_bench_backoffice_{port}.sqlite3"
    children = []

    def spawn(cmd, log_name):
        log = open(tmp / log_name, "ab")  # noqa: SIM115
        child = subprocess.Popen(
            cmd, cwd=ROOT, env={**os.environ}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        children.append(child)
        return child

    try:
        spawn(
            [
                sys.executable,
                "-m",
                "portal.demo.backoffice_sim",
                "--port",
                str(port),
                "--secret-env",
                SECRET_ENV,
                "--db",
                str(sim_db),
            ],
            "delivery_bench_backoffice.log",
        )
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        slug = f"bench-bo-{port}"
        ConnectorConfig.objects.filter(enabled=True).update(enabled=False)  # only ours, for this run
        connector = ConnectorConfig.objects.create(
            slug=slug,
            name="Bench back office",
            plugin="rest-json",
            settings={"url": f"http://127.0.0.1:{port}/deliveries"},
            secret_env=SECRET_ENV,
        )

        def submit_one():
            application = application_start(
                flow_version=version, applicant=citizen, actor=citizen, service_code="3700-QT-109"
            )
            Application.objects.filter(pk=application.pk).update(
                answers={
                    "full_name": "压测",
                    "phone": "13900000000",
                    "email": "",
                    "request": "bench",
                    "contact_by": "sms",
                    "supporting_documents": [],
                    "resident_id": "370102195003271230",
                },
                completed_steps=[step.key for step in application.flow.steps],
            )
            application.refresh_from_db()
            return application_submit(
                application=application,
                actor=citizen,
                idempotency_key=uuid.uuid4(),
                expected_version=application.version,
            )

        def start_workers():
            return [
                spawn([sys.executable, "manage.py", "worker", "--poll", str(args.poll)], "delivery_bench_worker.log")
                for _ in range(args.workers)
            ]

        def delivered_count():
            return Delivery.objects.filter(connector=connector, state=DeliveryState.DELIVERED).count()

        # Phase 1: a backlog, then the workers.
        started = time.perf_counter()
        for _ in range(args.backlog):
            submit_one()
        submit_rate = args.backlog / (time.perf_counter() - started)
        workers = start_workers()
        while Delivery.objects.filter(connector=connector, state=DeliveryState.PENDING).count() == args.backlog:
            time.sleep(0.01)  # the first claim: the workers are up
        t0 = time.perf_counter()
        deadline = time.time() + 300
        while delivered_count() < args.backlog and time.time() < deadline:
            time.sleep(0.02)
        if delivered_count() < args.backlog:
            raise SystemExit(f"only {delivered_count()} of {args.backlog} delivered in 300 s: see var/*.log")
        throughput = args.backlog / (time.perf_counter() - t0)

        # Phase 2: a steady rate with the workers running.
        interval = 1.0 / args.rate
        paced_ids = []
        next_at = time.perf_counter()
        for _ in range(args.paced):
            paced_ids.append(submit_one().pk)
            next_at += interval
            time.sleep(max(0.0, next_at - time.perf_counter()))
        deadline = time.time() + 120
        while delivered_count() < args.backlog + args.paced and time.time() < deadline:
            time.sleep(0.05)
        latencies = [
            (d - s).total_seconds() * 1000
            for d, s in Delivery.objects.filter(
                application_id__in=paced_ids, state=DeliveryState.DELIVERED
            ).values_list("delivered_at", "application__submitted_at")
        ]
        states = dict(Delivery.objects.filter(connector=connector).values_list("state").annotate(n=Count("pk")))
        for worker in workers:
            worker.send_signal(signal.SIGTERM)

        import json
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/deliveries", timeout=30) as response:  # noqa: S310
            records = json.loads(response.read())["deliveries"]
        duplicates = sum(1 for r in records if r["times_received"] > 1)
        print(
            f"database: {'PostgreSQL' if args.database_url else 'SQLite'}; workers: {args.workers} embedded "
            f"(poll {args.poll}s); back office: simulated, loopback"
        )
        print(f"submissions (application_submit + outbox row): {submit_rate:.0f}/s")
        print(f"phase 1, backlog of {args.backlog}: {throughput:.0f} deliveries/s")
        print(
            f"phase 2, {args.paced} at {args.rate:g}/s: submission → delivered latency "
            f"p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
            f"max {max(latencies):.0f} ms ({len(latencies)} delivered)"
        )
        print(f"states: {states}; back office records: {len(records)}, received more than once: {duplicates}")
    finally:
        for child in children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait(timeout=10)
        sim_db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
