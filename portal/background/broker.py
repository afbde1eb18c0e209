"""The Celery application, used when a broker is configured (jobs.queue_backend() is CELERY), and publish(),
the one way the portal hands a task to it. Tasks are published by name, so a service never imports the tasks
module that imports it (each app's tasks.py is the only module that imports its services).

Deliveries are at-least-once with the outbox rows as the truth: tasks are acknowledged late and re-queued if
their worker dies (acks_late, task_reject_on_worker_lost); countdowns stay below the broker's visibility
timeout (a longer wait is left to the periodic sweep, which re-enqueues every due row, so a lost message or a
Redis outage loses nothing). The worker with its embedded beat runs the periodic jobs of jobs.JOBS."""

from celery import Celery
from django.conf import settings

from .jobs import CELERY, jobs_for, queue_backend

VISIBILITY_TIMEOUT = settings.CELERY_VISIBILITY_TIMEOUT
MAX_COUNTDOWN = max(1, VISIBILITY_TIMEOUT // 2)

app = Celery("portal")
app.conf.update(
    broker_url=settings.CELERY_BROKER_URL or "memory://",
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT,
        "socket_connect_timeout": 3,
        "socket_timeout": 10,
    },
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
        job.path: {"task": "background.job_run", "schedule": job.every, "args": [job.path]} for job in jobs_for(CELERY)
    },
)
# The apps whose tasks.py the worker loads (by name: this app imports none of them).
app.autodiscover_tasks(["portal.connectors", "portal.applications", "portal.background"])


def publish(task_name, args_list, *, countdown=None):
    """Publish the task named `task_name` once per args tuple, when a broker is configured (otherwise nothing:
    the embedded worker's jobs do the work; returns how many were published). A fresh connection is used (so a
    broker that was down and came back is found), without kombu's publish retries: if the broker is down this
    raises at once, the caller logs it, and the periodic job that sweeps for the same work picks it up later.
    Never call it inside a transaction: call it from transaction.on_commit."""
    if queue_backend() != CELERY:
        return 0
    options = {"retry": False}
    if countdown:
        options["countdown"] = min(float(countdown), MAX_COUNTDOWN)
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=3)
        for args in args_list:
            app.send_task(task_name, args=list(args), connection=connection, **options)
    return len(args_list)
