"""The portal's one list of background jobs, and the one rule for which runner runs them: Celery (worker
with beat) when a broker is configured, otherwise the embedded worker (`manage.py worker`, started by
`make run`). Every job is idempotent, so a job run twice, or by two workers, does no harm; a cache lock
keeps two workers from running the same job at the same moment all the same.

Jobs are plain functions named by dotted path, so this module imports no app (apps depend on it)."""

import logging
import os
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

EMBEDDED, CELERY = "embedded", "celery"


@dataclass(frozen=True)
class Job:
    path: str
    every: float  # seconds between runs; 0 means every pass of the embedded worker
    runner: str | None = None  # EMBEDDED or CELERY when only one runner needs it; None for both


JOBS = [
    # Deliveries: the embedded worker claims due rows itself; with Celery each row is a task and the sweep
    # re-enqueues what a lost message or a broker outage left behind.
    Job("portal.connectors.services.deliveries_run_once", 0, EMBEDDED),
    Job("portal.connectors.services.deliveries_sweep", settings.CONNECTORS_SWEEP_SECONDS, CELERY),
    # Receipts are rendered as soon as the submission commits (a task with Celery); this catches the rest.
    Job("portal.applications.services.receipts_render_pending", settings.RECEIPTS_SWEEP_SECONDS),
    Job("portal.applications.services.drafts_remind", 3600),
    Job("portal.applications.services.drafts_purge_expired", 3600),
    Job("portal.appointments.services.appointments_remind", 3600),
    Job("portal.appointments.services.appointment_slots_publish", 24 * 3600),
    Job("portal.metrics.services.metrics_refresh", 3600),
    Job("portal.assisted.services.assist_sessions_expire", 600),  # ends assist sessions past ASSIST_SESSION_MAX_HOURS
    Job("portal.accounts.throttle.counters_purge_expired", 3600),  # sign-in and look-up counters past their window
    Job("portal.accounts.services.sessions_clear_expired", 24 * 3600),  # manage.py clearsessions, daily
    Job("services_catalog.calendar.calendar_days_load", 7 * 24 * 3600),  # holidays from chinesecalendar, weekly
    # The audit chain's head, signed, to the log and AUDIT_ANCHOR_PATH: deleting the newest audit events goes
    # unnoticed for at most this long. Writes nothing while the head has not moved.
    Job("portal.audit.services.audit_anchor", settings.AUDIT_ANCHOR_SECONDS),
]


def queue_backend():
    """CELERY when a broker is configured (CELERY_BROKER_URL; in development REDIS_URL sets it), EMBEDDED otherwise;
    the BACKGROUND_QUEUE setting overrides."""
    if settings.BACKGROUND_QUEUE:
        return settings.BACKGROUND_QUEUE
    return CELERY if settings.CELERY_BROKER_URL else EMBEDDED


def jobs_for(runner):
    return [job for job in JOBS if job.runner in (None, runner)]


def job_run(path, *, lease=300):
    """Run one job unless another worker is running it now. Returns its result, or None when skipped."""
    key = f"background:running:{path}"
    if not cache.add(key, os.getpid(), timeout=lease):
        return None
    try:
        return import_string(path)()
    finally:
        cache.delete(key)


class Schedule:
    """When each job of the embedded worker is next due (per process; the lock covers the rest)."""

    def __init__(self, jobs):
        self.jobs = list(jobs)
        self.next_run = {job.path: 0.0 for job in self.jobs}

    def run_due(self, now=None):
        """Run the jobs that are due; returns how much work they report (a count, or 1 for truthy)."""
        done = 0
        for job in self.jobs:
            now = time.monotonic() if now is None else now
            if now < self.next_run[job.path]:
                continue
            self.next_run[job.path] = now + job.every
            try:
                result = job_run(job.path)
            except Exception:  # a failing job never stops the worker; it is tried again when next due
                logger.exception("background job %s failed", job.path)
                continue
            done += result if isinstance(result, int) and not isinstance(result, bool) else int(bool(result))
        return done
