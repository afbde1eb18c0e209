from django.core.management.base import BaseCommand

from portal.applications.services import drafts_purge_expired, drafts_remind


class Command(BaseCommand):
    help = (
        "Remind applicants of drafts that expire within APPLICATION_DRAFT_REMINDER_DAYS, then delete drafts "
        "past APPLICATION_DRAFT_RETENTION_DAYS with their files. Run daily (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        reminded = drafts_remind()
        purged = drafts_purge_expired()
        self.stdout.write(f"reminded {reminded}, deleted {purged}")
