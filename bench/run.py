"""Load benchmark of the public catalogue: gunicorn on loopback, PostgreSQL, Redis, wrk.

    .venv/bin/python bench/run.py [--duration 10] [--connections 16] [--workers 3] [--services 0]

Sets up a PostgreSQL database (default portal_bench) with the demo catalogue (and, with --services N, a
generated catalogue of N more services), starts gunicorn with production settings plus a bare view
(bench/settings.py), warms the page cache and runs wrk against each target in turn, all in one run so
the figures compare. Prints a table and writes bench/results/latest.json. Traffic stays on 127.0.0.1;
every wrk run is bounded by --duration.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"

SEARCH_QUERIES = [
    "社保",
    "身份证",
    "医保报销",
    "营业执照",
    "公积金提取",
    "老年人乘车卡",
    "出生登记",
    "结婚登记",
    "pension",
    "ID card",
    "business licence",
    "disability",
    "户口迁移",
    "残疾人证",
    "高龄津贴",
    "退休",
]


def production_environment(*, database_url, redis_url, cache_key_prefix):
    """The environment the production settings (bench/settings.py) need on loopback; shared by the benches."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "BACKGROUND_QUEUE": "embedded",  # the benches run the embedded worker themselves when they need one
        "SECRET_KEY": "bench-secret-key-" + "x" * 40,
        "RESIDENT_ID_ENCRYPTION_KEY": "m4cVw0nL2q0i7kG0c1n8Z0yX3eQ9s6b5a2d4f7h8j0k=",
        "RESIDENT_ID_HMAC_KEY": "bench-hmac-key",
        "PORTAL_BASE_URL": "https://portal.example.gov.cn",  # production settings want https; nothing follows it
        # No virus scanner on the bench machine: uploads kept and marked as not scanned (a refused connect).
        "CLAMAV_ADDRESS": "127.0.0.1:9",
        "UPLOAD_SCAN_FAIL_OPEN": "true",
        "AUDIT_HMAC_KEY": "bench-audit-key-0123456789abcdef0123456789",
        "AUDIT_ANCHOR_PATH": str(ROOT / "var" / "bench-audit-anchors.jsonl"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CACHE_KEY_PREFIX": cache_key_prefix,
    }


def gunicorn_start(env, *, port, workers):
    """gunicorn serving the portal with `env` on 127.0.0.1:`port`, in its own process group."""
    return subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "portal.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


def ensure_database(args):
    import psycopg

    name = args.database_url.rsplit("/", 1)[1]
    admin_url = args.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def set_up(args, env):
    ensure_database(args)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    if args.services:
        manage(env, "generate_catalogue", "--services", str(args.services))


def wait_until_up(base_url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not become healthy")


def first_service_path(env):
    script = (
        "import django; django.setup();"
        "from services_catalog.models import ServicePage;"
        "p = ServicePage.objects.live().filter(locale__language_code='zh-hans').order_by('-popularity').first();"
        "print(p.url)"
    )
    output = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return output.stdout.strip().splitlines()[-1]


def run_wrk(url, args, paths=None):
    env = dict(os.environ)
    path_file = None
    if paths:
        path_file = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
        path_file.write("\n".join(paths))
        path_file.close()
        env["BENCH_PATHS_FILE"] = path_file.name
    command = [
        "wrk",
        "-t1",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "report.lua"),
        url,
    ]
    output = subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, timeout=args.duration + 60
    ).stdout
    if path_file:
        os.unlink(path_file.name)
    summary = json.loads(next(line for line in output.splitlines() if line.startswith("BENCH "))[6:])
    seconds = summary["duration_us"] / 1e6
    return {
        "requests_per_second": round(summary["requests"] / seconds, 1),
        "p50_ms": round(summary["p50_us"] / 1000, 2),
        "p95_ms": round(summary["p95_us"] / 1000, 2),
        "p99_ms": round(summary["p99_us"] / 1000, 2),
        "requests": summary["requests"],
        "errors": summary["errors"],
        "non_2xx": summary["non2xx"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--services", type=int, default=0, help="also generate this many services")
    parser.add_argument("--skip-setup", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    env = production_environment(database_url=args.database_url, redis_url=args.redis_url, cache_key_prefix="bench")
    if not args.skip_setup:
        set_up(args, env)
    service_path = first_service_path(env)
    base = f"http://127.0.0.1:{args.port}"
    server = gunicorn_start(env, port=args.port, workers=args.workers)
    try:
        wait_until_up(base)
        subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], check=False, capture_output=True)
        targets = [
            ("bare Django view", "/bench/bare/", None),
            ("home page (cached)", "/", None),
            ("catalogue index (cached)", "/services/", None),
            ("service page (cached)", service_path, None),
            ("service page (uncached)", service_path, [service_path]),
            ("search (uncached, 16 queries)", "/search/", [f"/search/?q={q}" for q in SEARCH_QUERIES]),
        ]
        for _label, path, _paths in targets:  # warm the cache and each worker
            for _ in range(args.workers * 2):
                urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&"), timeout=30).read()
        results = {}
        for label, path, paths in targets:
            quoted = [urllib.parse.quote(p, safe="/?=&") for p in paths] if paths else None
            results[label] = run_wrk(base + urllib.parse.quote(path, safe="/?=&"), args, quoted)
            print(
                f"{label:32} {results[label]['requests_per_second']:>9} req/s  "
                f"p50 {results[label]['p50_ms']:>7} ms  p95 {results[label]['p95_ms']:>7} ms  "
                f"errors {results[label]['errors'] + results[label]['non_2xx']}",
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    bare = results["bare Django view"]["requests_per_second"]
    ratio = round(results["service page (cached)"]["requests_per_second"] / bare, 2)
    print(f"cached service page / bare view: {ratio}")
    RESULTS.mkdir(exist_ok=True)
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cores": os.cpu_count(),
        "workers": args.workers,
        "connections": args.connections,
        "duration_s": args.duration,
        "results": results,
        "cached_service_page_vs_bare": ratio,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
