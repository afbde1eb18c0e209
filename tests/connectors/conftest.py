"""Fixtures for the connector tests: real processes (the simulated back office, delivery workers, a private
redis-server) on free loopback ports, each bounded in time and always stopped; and quick ways to submit
applications through the engine's real application_submit."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "test-backoffice-shared-secret"
SECRET_ENV = "TEST_BACKOFFICE_SECRET"
os.environ[SECRET_ENV] = SECRET  # the portal reads connector secrets from the environment, by name

FAST = {  # the same numbers for this process and the worker processes
    "CONNECTORS_LEASE_SECONDS": "3",
    "CONNECTORS_BACKOFF_BASE_SECONDS": "0.2",
    "CONNECTORS_BACKOFF_CAP_SECONDS": "1",
    "CONNECTORS_POLL_SECONDS": "0.1",
    "CONNECTORS_HTTP_TIMEOUT_SECONDS": "1.5",
    "CONNECTORS_SWEEP_SECONDS": "1",
    "CONNECTORS_MAX_ATTEMPTS": "200",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout=20.0, interval=0.1, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


def port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Processes:
    """Every process a test starts; all are killed (their whole process group) when the test ends."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.running = []

    def start(self, name, args, env=None):
        log = open(self.tmp_path / f"{name}-{len(self.running)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log_path, process.log_file = log.name, log
        self.running.append(process)
        return process

    def kill(self, process, sig=signal.SIGKILL):
        if process.poll() is None:
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
        process.log_file.close()

    def stop(self, process):
        self.kill(process, signal.SIGTERM)

    def stop_all(self):
        for process in self.running:
            if process.poll() is None:
                self.kill(process)
            elif not process.log_file.closed:
                process.log_file.close()


@pytest.fixture
def processes(tmp_path):
    guard = Processes(tmp_path)
    yield guard
    guard.stop_all()


class BackOffice:
    """Controls a simulated back office process (which keeps its records across restarts)."""

    def __init__(self, processes, tmp_path, portal_url=None, auto_status=None):
        self.processes, self.port = processes, free_port()
        self.db = tmp_path / "backoffice.sqlite3"
        self.portal_url, self.auto_status = portal_url, auto_status
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        args = [
            sys.executable,
            "-m",
            "portal.demo.backoffice_sim",
            "--port",
            str(self.port),
            "--secret-env",
            SECRET_ENV,
            "--db",
            str(self.db),
        ]
        if self.portal_url:
            args += ["--portal-url", self.portal_url]
        if self.auto_status:
            args += ["--auto-status", self.auto_status]
        self.process = self.processes.start("backoffice", args)
        wait_until(lambda: port_open(self.port), timeout=10, message="the back office to listen")
        return self

    def stop(self):
        self.processes.kill(self.process)

    def _call(self, path, data=None):
        body = json.dumps(data).encode() if data is not None else None
        method = "POST" if data is not None else "GET"
        request = urllib.request.Request(self.url + path, method=method, data=body)  # noqa: S310 (loopback)
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def deliveries(self):
        return self._call("/deliveries")["deliveries"]

    def fail(self, mode, count, seconds=0):
        return self._call("/control/fail", {"mode": mode, "count": count, "seconds": seconds})

    def send_status(self, **data):
        return self._call("/control/status", data)


@pytest.fixture
def backoffice_factory(processes, tmp_path):
    def make(**kwargs):
        return BackOffice(processes, tmp_path, **kwargs)

    return make


@pytest.fixture(autouse=True)
def _english(english):
    """Tests read the English msgids."""


@pytest.fixture
def fast(settings):
    for name, value in FAST.items():
        setattr(settings, name, float(value))
    settings.BACKGROUND_QUEUE = "embedded"
    return settings


@pytest.fixture
def shared_db(transactional_db):
    """A database a separate process can see: PostgreSQL (as CI runs it), or a SQLite file."""
    from django.db import connection

    info = connection.settings_dict
    if connection.vendor == "postgresql":
        user = info["USER"] or "postgres"
        password = f":{info['PASSWORD']}" if info["PASSWORD"] else ""
        url = f"postgres://{user}{password}@{info['HOST'] or '127.0.0.1'}:{info['PORT'] or 5432}/{info['NAME']}"
        return {"DATABASE_URL": url}
    name = str(info["NAME"])
    if "mode=memory" in name or name == ":memory:":
        pytest.skip(
            "the SQLite test database is in memory, which a worker process cannot see; these "
            "multi-process tests run on PostgreSQL (set DATABASE_URL, as CI does)"
        )
    return {"SQLITE_PATH": name}


@pytest.fixture
def worker_env(shared_db):
    return {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "BACKGROUND_QUEUE": "embedded", **FAST, **shared_db}


@pytest.fixture
def start_worker(processes, worker_env):
    def start():
        process = processes.start("worker", [sys.executable, "manage.py", "worker", "--poll", "0.1"], env=worker_env)
        wait_until(
            lambda: b"worker started" in Path(process.log_path).read_bytes() or process.poll() is not None,
            timeout=30,
            message="the worker to start",
        )
        assert process.poll() is None, Path(process.log_path).read_text()
        return process

    return start


@pytest.fixture
def rest_connector(db):
    def make(url, slug="civil-affairs-bo", timeout=1.5, **extra):
        from portal.connectors.models import ConnectorConfig

        return ConnectorConfig.objects.create(
            slug=slug,
            name="Civil affairs back office",
            plugin="rest-json",
            settings={"url": f"{url}/deliveries", "timeout": timeout},
            secret_env=SECRET_ENV,
            status_map={
                "ACCEPTED": "received",
                "REVIEWING": "in_review",
                "APPROVED": "approved",
                "REJECTED": "rejected",
                "DONE": "completed",
            },
            **extra,
        )

    return make


@pytest.fixture
def submit(db):
    """submit(citizen) -> an application sent through the engine's application_submit (general-application
    flow, answers filled in directly: the form steps are not what these tests are about)."""
    from portal.applications.models import Application
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import application_start, application_submit, flows_load_from_code

    loaded = []

    def make(applicant, service_code="3700-QT-109"):
        if not loaded:
            flows_load_from_code()
            loaded.append(True)
        version = flow_version_current("general-application")
        application = application_start(
            flow_version=version, applicant=applicant, actor=applicant, service_code=service_code
        )
        answers = {
            "full_name": "张三",
            "resident_id": applicant.resident_id,
            "phone": "13912345678",
            "email": "",
            "request": "请办理",
            "contact_by": "sms",
            "supporting_documents": [],
        }
        Application.objects.filter(pk=application.pk).update(
            answers=answers, completed_steps=[step.key for step in application.flow.steps]
        )
        application.refresh_from_db()
        return application_submit(
            application=application, actor=applicant, idempotency_key=uuid.uuid4(), expected_version=application.version
        )

    return make
