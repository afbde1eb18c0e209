"""The Celery application, used when REDIS_URL (or CELERY_BROKER_URL) is set.

    celery -A portal.celery:app worker -B -l info      (worker with the embedded beat that runs the periodic
                                                         jobs of portal/background/jobs.py, e.g. the outbox sweep)

Deliveries are at-least-once with the outbox rows as the truth: tasks are acknowledged late and
re-queued if their worker dies (acks_late, task_reject_on_worker_lost); countdowns stay below the
broker's visibility timeout (a longer wait is left to the periodic sweep, which re-enqueues every due row,
so a lost message or a Redis outage loses nothing)."""

import os

from celery import Celery

from portal.background.jobs import CELERY, jobs_for

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
MAX_COUNTDOWN = max(1, VISIBILITY_TIMEOUT // 2)

app = Celery("portal")
app.conf.update(
    broker_url=os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or "memory://",
    broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT, "socket_connect_timeout": 3,
                              "socket_timeout": 10},
    broker_connection_retry_on_startup=True,
    broker_connection_timeout=3,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    task_ignore_result=True,
    task_serializer="json",
    accept_content=["json"],
    worker_prefetch_multiplier=1,
    worker_hijack_root_logger=False,
    timezone="UTC",
    beat_schedule={
        job.path: {"task": "background.job_run", "schedule": job.every, "args": [job.path]}
        for job in jobs_for(CELERY)
    },
)
app.autodiscover_tasks(["portal.connectors", "portal.applications", "portal.background"])
