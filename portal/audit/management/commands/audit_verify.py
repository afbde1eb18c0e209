from django.core.management.base import BaseCommand, CommandError

from portal.audit.models import AuditEvent
from portal.audit.services import audit_verify


class Command(BaseCommand):
    help = "Check the audit chain: reports any audit event that was edited, and any gap left by a deleted one."

    def handle(self, *args, **options):
        problems = audit_verify()
        for event_id, problem in problems:
            self.stderr.write(f"audit event {event_id}: {problem}")
        if problems:
            raise CommandError(f"The audit chain is broken in {len(problems)} place(s).")
        self.stdout.write(f"The audit chain is whole: {AuditEvent.objects.count()} events checked.")
