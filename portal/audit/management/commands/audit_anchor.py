from django.core.management.base import BaseCommand

from portal.audit.services import anchor_store_path, audit_anchor


class Command(BaseCommand):
    help = (
        "Anchor the audit chain's head: a signed line with the newest event's id and hash and the number of "
        "events, to the portal.audit.anchor log and the file AUDIT_ANCHOR_PATH. A background job does it "
        "every AUDIT_ANCHOR_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Write an anchor even when the anchor file already ends with this head.",
        )

    def handle(self, *args, force=False, **options):
        anchor = audit_anchor(force=force)
        if anchor is None:
            self.stdout.write(
                "Nothing to anchor: there are no audit events, or the newest anchor already holds the head."
            )
            return
        where = anchor_store_path() or "the log stream only (AUDIT_ANCHOR_PATH is not set)"
        self.stdout.write(f"Anchored event {anchor['last_id']} ({anchor['count']} events) to {where}.")
