from django.core.management.base import BaseCommand, CommandError

from portal.accounts.services import user_resident_ids_reencrypt
from portal.applications.services import answers_resident_ids_reencrypt


class Command(BaseCommand):
    help = (
        "After a key rotation (a new RESIDENT_ID_ENCRYPTION_KEY, the old one in RESIDENT_ID_ENCRYPTION_RETIRED_KEYS): "
        "re-encrypt every stored resident ID number, in accounts and in applications' answers, under the new key. "
        "Safe to run again: run it until it re-encrypts nothing and reports nothing unreadable (a row someone wrote "
        "while it ran is left for the next run); then the retired key can be removed."
    )

    def handle(self, *args, **options):
        accounts, unreadable_accounts = user_resident_ids_reencrypt()
        applications, unreadable_applications = answers_resident_ids_reencrypt()
        self.stdout.write(f"re-encrypted: {accounts} account(s), {applications} application(s)")
        if unreadable_accounts or unreadable_applications:
            raise CommandError(
                "No configured key reads the resident ID number of "
                f"accounts {unreadable_accounts} and applications {[str(pk) for pk in unreadable_applications]}: "
                "keep every retired key in RESIDENT_ID_ENCRYPTION_RETIRED_KEYS until this reports none."
            )
