"""With Redis and Celery: a submission made while Redis is down is committed, and delivered once Redis is
back (the outbox sweep re-enqueues it). Uses its own redis-server on a free port, never the shared one."""

import logging
import shutil
import sys
from pathlib import Path

import pytest

from portal.applications.models import ApplicationReceipt
from portal.connectors.models import Delivery, DeliveryState

from .conftest import free_port, port_open, wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]


class PrivateRedis:
    def __init__(self, processes):
        self.processes, self.port, self.process = processes, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = self.processes.start(
            "redis",
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
        )
        wait_until(lambda: port_open(self.port), timeout=10, message="redis to listen")

    def stop(self):
        self.processes.kill(self.process)
        wait_until(lambda: not port_open(self.port), timeout=10, message="redis to stop")


@pytest.fixture
def private_redis(processes):
    return PrivateRedis(processes)


@pytest.fixture
def celery_here(settings, private_redis):
    """This process publishes to the private Redis."""
    from portal.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = private_redis.url
    settings.BACKGROUND_QUEUE = "celery"
    yield app
    app.conf.broker_url = previous


def test_redis_down_at_submission_is_delivered_once_redis_returns(
    fast,
    worker_env,
    processes,
    tmp_path,
    private_redis,
    celery_here,
    backoffice_factory,
    rest_connector,
    submit,
    citizen,
    caplog,
):
    office = backoffice_factory().start()
    rest_connector(office.url)
    private_redis.start()
    env = {
        **worker_env,
        "BACKGROUND_QUEUE": "celery",
        "REDIS_URL": private_redis.url,
        "CELERY_BROKER_URL": private_redis.url,
        "RECEIPTS_SWEEP_SECONDS": "1",
    }
    worker = processes.start(
        "celery",
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal.celery:app",
            "worker",
            "-B",
            "--loglevel",
            "INFO",
            "--concurrency",
            "1",
            "--schedule",
            str(tmp_path / "beat-schedule"),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
    )
    wait_until(
        lambda: b"ready." in Path(worker.log_path).read_bytes() or worker.poll() is not None,
        timeout=60,
        message="the Celery worker to be ready",
    )
    assert worker.poll() is None, Path(worker.log_path).read_text()[-3000:]

    # While Redis is up, a submission is delivered through Celery.
    first = submit(citizen)
    wait_until(
        lambda: Delivery.objects.get(application=first).state == DeliveryState.DELIVERED,
        timeout=30,
        message="the first delivery",
    )

    private_redis.stop()
    with caplog.at_level(logging.WARNING, logger="portal.connectors"):
        second = submit(citizen)  # commits although the queue is unreachable
    assert second.status == "submitted" and second.reference
    assert Delivery.objects.get(application=second).state == DeliveryState.PENDING
    assert any("could not enqueue" in r.getMessage() for r in caplog.records)

    private_redis.start()  # an empty Redis: the message was never there; the outbox row is
    wait_until(
        lambda: Delivery.objects.get(application=second).state == DeliveryState.DELIVERED,
        timeout=60,
        message="the delivery after Redis returned",
    )
    records = office.deliveries()
    assert sorted(r["reference"] for r in records) == sorted([first.reference, second.reference])
    assert all(r["times_received"] == 1 for r in records)
    # The receipts were made by the Celery worker, not in the submissions: the first by the task published
    # when it committed, the second (whose message never reached Redis) by the periodic receipts job.
    wait_until(
        lambda: ApplicationReceipt.objects.filter(application__in=[first, second]).count() == 2,
        timeout=60,
        message="both receipts",
    )
