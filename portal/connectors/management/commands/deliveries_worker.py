"""The embedded delivery worker (no Redis needed): polls the outbox, claims due rows (SELECT … FOR UPDATE
SKIP LOCKED on PostgreSQL, compare-and-set on SQLite), sends them, and retries with backoff. Several may
run at once. Stops cleanly on SIGTERM or Ctrl-C; a SIGKILL loses nothing (the row's lease runs out)."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.connectors import conf
from portal.connectors.services import deliveries_run_once


class Command(BaseCommand):
    help = "Deliver submitted applications to back offices (the embedded worker, when Celery is not used)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument("--batch", type=int, default=10)
        parser.add_argument("--poll", type=float, default=None, help="Seconds between polls when idle.")

    def handle(self, *args, once=False, batch=10, poll=None, **options):
        poll = poll if poll is not None else conf.get("CONNECTORS_POLL_SECONDS")
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"deliveries worker started (poll {poll}s)")
        self.stdout.flush()
        while not stopping:
            close_old_connections()
            try:
                done = deliveries_run_once(limit=batch)
            except Exception as error:  # the database is away: wait and try again
                self.stderr.write(f"poll failed: {error.__class__.__name__}: {error}")
                done = 0
            if once:
                break
            if not done:
                time.sleep(poll)
        self.stdout.write("deliveries worker stopped")
