"""Speed of the application engine as citizens meet it: gunicorn on loopback with production settings
(bench/settings.py), PostgreSQL and Redis, the embedded background worker in its own process, and a paced
load of signed-in citizens, each on their own draft.

    .venv/bin/python bench/application_bench.py [--rate 50] [--seconds 20] [--users 10] [--submissions 60]

Scenarios:
1. Form step round trips at a fixed total rate (default 50 requests/s): each citizen GETs a step, reads the
   form's version, and POSTs valid answers (the budget: p95 under 150 ms per request). Latency is measured
   from when each request was due, so a slow server cannot hide by slowing the load (no coordinated omission).
2. Sending complete applications (paced, one at a time per citizen): sending must return at once; the receipt
   PDF is rendered afterwards by the worker, and the time from sending to its receipt being stored is reported.
3. Rendering one receipt PDF, timed in this process: what the worker spends per receipt.

Uses its own database (default portal_apps_bench, recreated each run) and Redis database 14.
"""

import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable

from bench.run import gunicorn_start, production_environment  # noqa: E402  (after the path)

SERVICE_CODE = "3700-MZ-901"
STEP = "about-you"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(name, values):
    ms = [v * 1000 for v in values]
    return (
        f"{name:<40} n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  p95={percentile(ms, 95):7.1f} ms  "
        f"max={max(ms):7.1f} ms"
    )


def recreate_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


# Runs in a child process with the bench settings (python bench/application_bench.py --prepare N M).
def prepare(users, submissions):
    import uuid

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from portal.accounts.services import user_register
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import application_start, flows_load_from_code
    from tests.applying import complete_steps, step_post_data
    from tests.factories import DepartmentFactory, service_create, site_tree_ensure
    from tests.people import make_resident_id

    settings.ALLOWED_HOSTS.append("testserver")  # the in-process client that signs citizens in
    flows_load_from_code()
    tree = site_tree_ensure()
    page = service_create(
        tree=tree["zh-hans"],
        department=DepartmentFactory(),
        title="老年人乘车卡申请",
        service_code=SERVICE_CODE,
        online=True,
        flow_key="senior-bus-pass",
    )
    version = flow_version_current("senior-bus-pass")
    citizens = []
    for number in range(users):
        user = user_register(
            real_name=f"压测{number}",
            password=uuid.uuid4().hex,
            phone=f"139{number:08d}",
            resident_id=make_resident_id(sequence=number % 1000),
        )
        client = Client()
        client.force_login(user)  # a real session in the configured store, as signing in makes
        start = dict(flow_version=version, applicant=user, actor=user, service_code=SERVICE_CODE, service_page=page)
        draft = application_start(**start)
        step_data = step_post_data(draft, STEP)
        step_data.pop("version")
        ready = []  # drafts with every step answered through the forms, uploads included, ready to send
        for _ in range(-(-submissions // users)):
            ready.append(
                str(complete_steps(client, application_start(**start), overrides={"collect_method": "hall"}).pk)
            )
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        citizens.append(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}",
                "draft": str(draft.pk),
                "step_data": step_data,
                "complete": ready,
            }
        )
    print("PREPARED " + json.dumps(citizens))


class Citizen:
    """One signed-in citizen on a keep-alive connection."""

    def __init__(self, port, spec):
        self.connection = HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = dict(part.split("=", 1) for part in [spec["cookie"]])
        self.spec = spec

    def request(self, method, path, body=None):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Host": "127.0.0.1",
            "Accept-Language": "zh-hans",
        }
        if body is not None:
            body = urllib.parse.urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "http://127.0.0.1" + path
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content

    @staticmethod
    def hidden(content, name):
        match = re.search(rf'name="{name}"\s+value="([^"]*)"', content) or re.search(
            rf'value="([^"]*)"\s+name="{name}"', content
        )
        return html.unescape(match.group(1)) if match else None


def paced(start, interval, index):
    due = start + index * interval
    now = time.monotonic()
    if now < due:
        time.sleep(due - now)
    return due


def step_scenario(port, citizens, rate, seconds):
    gets, posts, failures = [], [], []
    interval = len(citizens) * 2 / rate  # each citizen makes two requests per round trip
    start = time.monotonic() + 0.5
    lock = threading.Lock()

    def run(offset, spec):
        citizen = Citizen(port, spec)
        path = f"/apply/a/{spec['draft']}/step/{STEP}/"
        trip = 0
        while True:
            due = paced(start + offset, interval, trip)
            if due - start > seconds:
                return
            status, content = citizen.request("GET", path)
            got = time.monotonic()
            version = Citizen.hidden(content, "version")
            token = Citizen.hidden(content, "csrfmiddlewaretoken")
            if status != 200 or version is None:
                with lock:
                    failures.append(f"GET {status}")
                return
            post_due = due + interval / 2
            if got < post_due:
                time.sleep(post_due - got)
            status, _content = citizen.request(
                "POST", path, {**spec["step_data"], "version": version, "csrfmiddlewaretoken": token}
            )
            done = time.monotonic()
            with lock:
                gets.append(got - due)
                posts.append(done - max(post_due, got))
                if status != 302:
                    failures.append(f"POST {status}")
            trip += 1

    threads = [
        threading.Thread(target=run, args=(i * interval / len(citizens), spec)) for i, spec in enumerate(citizens)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return gets, posts, failures


def submit_scenario(port, citizens, count, rate):
    sends, failures, sent_ids = [], [], []
    lock = threading.Lock()
    per_citizen = max(1, count // len(citizens))
    interval = len(citizens) * 2 / rate
    start = time.monotonic() + 0.5

    def run(offset, spec):
        citizen = Citizen(port, spec)
        for index, application_id in enumerate(spec["complete"][:per_citizen]):
            paced(start + offset, interval, index)
            path = f"/apply/a/{application_id}/check/"
            status, content = citizen.request("GET", path)
            token = Citizen.hidden(content, "csrfmiddlewaretoken")
            key = Citizen.hidden(content, "idempotency_key")
            version = Citizen.hidden(content, "version")  # the check page's version: a send without one is refused
            if status != 200 or token is None:
                with lock:
                    failures.append(f"check page {status}")
                continue
            began = time.monotonic()
            status, _content = citizen.request(
                "POST",
                path,
                {"declaration": "on", "idempotency_key": key, "version": version, "csrfmiddlewaretoken": token},
            )
            with lock:
                sends.append(time.monotonic() - began)
                if status == 302:
                    sent_ids.append(application_id)
                else:
                    failures.append(f"send {status}")

    threads = [
        threading.Thread(target=run, args=(i * interval / len(citizens), spec)) for i, spec in enumerate(citizens)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sends, failures, sent_ids


def receipts_ready(env, ids, timeout):
    """Seconds from each application's sending to its stored receipt, waiting up to `timeout`."""
    script = (
        "import django, json, sys; django.setup();"
        "from portal.applications.models import Application, ApplicationReceipt;"
        f"ids = {json.dumps(ids)};"
        "sent = dict(Application.objects.filter(pk__in=ids).values_list('pk', 'submitted_at'));"
        "made = dict(ApplicationReceipt.objects.filter(application_id__in=ids, large_print=False)"
        ".values_list('application_id', 'created_at'));"
        "print('READY ' + json.dumps([(made[k] - sent[k]).total_seconds() for k in made]))"
    )
    deadline = time.monotonic() + timeout
    while True:
        output = subprocess.run(
            [PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout
        waits = json.loads(output.split("READY ", 1)[1])
        if len(waits) >= len(ids) or time.monotonic() > deadline:
            return waits
        time.sleep(2)


def render_timing(env, times):
    output = subprocess.run(
        [PYTHON, __file__, "--render", str(times)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if output.returncode:
        raise SystemExit(f"rendering failed:\n{output.stderr[-4000:]}")
    return json.loads(output.stdout.split("RENDER ", 1)[1])


# Runs in a child process with the bench settings (python bench/application_bench.py --render N).
def render(times):
    import django

    django.setup()
    from portal.applications.models import Application
    from portal.applications.receipts import receipt_render_pdf

    application = Application.objects.exclude(reference=None).select_related("flow_version", "applicant").first()
    receipt_render_pdf(application=application, language="zh-hans")  # warm up: imports, fonts
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        receipt_render_pdf(application=application, language="zh-hans")
        seconds.append(time.perf_counter() - started)
    print("RENDER " + json.dumps(seconds))


def wait_until_up(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not become healthy")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_apps_bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second in the step scenario")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--prepare", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--render", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(*args.prepare)
    if args.render:
        return render(args.render)

    env = production_environment(
        database_url=args.database_url, redis_url=args.redis_url, cache_key_prefix="apps-bench"
    )
    recreate_database(args.database_url)
    subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], check=False, capture_output=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    prepared = subprocess.run(
        [PYTHON, __file__, "--prepare", str(args.users), str(args.submissions)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if prepared.returncode:
        raise SystemExit(f"preparing the data failed:\n{prepared.stderr[-4000:]}")
    output = prepared.stdout
    citizens = json.loads(output.split("PREPARED ", 1)[1])
    processes = [
        gunicorn_start(env, port=args.port, workers=args.workers),
        subprocess.Popen(
            [PYTHON, "manage.py", "worker", "--poll", "0.2"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_until_up(args.port)
        # Warm every worker process (imports, templates, connections) before measuring.
        step_scenario(args.port, citizens, args.rate, 3)
        gets, posts, step_failures = step_scenario(args.port, citizens, args.rate, args.seconds)
        sends, send_failures, sent_ids = submit_scenario(args.port, citizens, args.submissions, rate=10)
        if not sent_ids:
            raise SystemExit(f"no application could be sent: {sorted(set(send_failures))}")
        waits = receipts_ready(env, sent_ids, timeout=120)
        renders = render_timing(env, 5)
    finally:
        for process in processes:
            os.killpg(process.pid, 15)
        for process in processes:
            process.wait(timeout=20)

    print(
        f"gunicorn ({args.workers} workers) + PostgreSQL + Redis; {len(citizens)} signed-in citizens; "
        f"step round trips paced at {args.rate:g} requests/s for {args.seconds:g} s"
    )
    print(summary("GET a step", gets))
    print(summary("POST a step (save answers)", posts))
    print(summary("GET and POST together", gets + posts))
    print(summary("send an application (returns at once)", sends))
    if waits:
        print(summary("sent → receipt stored by the worker", waits))
    print(summary("render one receipt PDF (worker time)", renders))
    print(
        f"achieved {len(gets + posts) / args.seconds:.1f} requests/s; failures: steps {len(step_failures)}, "
        f"sends {len(send_failures)}; receipts ready {len(waits)}/{len(sent_ids)}"
    )
    ok = percentile([t * 1000 for t in gets + posts], 95) < 150
    print(f"budget p95 < 150 ms per step request: {'met' if ok else 'NOT met'}")
    if step_failures or send_failures:
        print("failures:", sorted(set(step_failures + send_failures)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
