"""The embedded background worker (no Redis needed): delivers applications to back offices (polling the
outbox: SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, compare-and-set on SQLite), renders receipts and
runs the other periodic jobs of portal/background/jobs.py. Several may run at once. Stops cleanly on
SIGTERM or Ctrl-C; a SIGKILL loses nothing (a delivery's lease runs out, a receipt is rendered again)."""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.background.jobs import EMBEDDED, Schedule, jobs_for


class Command(BaseCommand):
    help = "Run the portal's background jobs (the embedded worker, when Celery is not used)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass over every job, then exit.")
        parser.add_argument("--poll", type=float, default=None, help="Seconds between passes when idle.")

    def handle(self, *args, once=False, poll=None, **options):
        poll = poll if poll is not None else settings.CONNECTORS_POLL_SECONDS  # the outbox is what it polls
        jobs = jobs_for(EMBEDDED)
        schedule = Schedule(jobs)
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
        names = ", ".join(job.path.rsplit(".", 1)[1] for job in jobs)
        self.stdout.write(f"worker started (poll {poll}s; jobs: {names})")
        self.stdout.flush()
        while not stopping:
            close_old_connections()
            try:
                done = schedule.run_due()
            except Exception as error:  # the database is away: wait and try again
                self.stderr.write(f"pass failed: {error.__class__.__name__}: {error}")
                done = 0
            if once:
                break
            if not done:
                time.sleep(poll)
        for number, handler in previous.items():
            signal.signal(number, handler)
        self.stdout.write("worker stopped")
