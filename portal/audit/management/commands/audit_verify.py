from django.core.management.base import BaseCommand, CommandError

from portal.audit.services import audit_verify

SHOWN = 50  # problems printed one by one; a chain re-hashed from its start fails at every row


class Command(BaseCommand):
    help = (
        "Check the audit chain with the audit key and against the anchors of its head: reports edited events, "
        "deleted events (the newest ones too), a chain recomputed after an edit, and forged anchors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--anchors",
            metavar="FILE",
            default=None,
            help="Anchor lines to check against (default AUDIT_ANCHOR_PATH); an export of the "
            "portal.audit.anchor log stream will do.",
        )

    def handle(self, *args, anchors=None, **options):
        result = audit_verify(anchor_path=anchors)
        for problem in result.problems[:SHOWN]:
            self.stderr.write(str(problem))
        if len(result.problems) > SHOWN:
            self.stderr.write(f"… and {len(result.problems) - SHOWN} more.")
        for note in result.notes:
            self.stdout.write(note)
        if not result.ok:
            raise CommandError(
                f"The audit chain failed verification in {len(result.problems)} place(s): "
                f"{result.summary()}. {result.events} events, {result.anchors} valid anchor(s)."
            )
        where = f" in {result.anchor_path}" if result.anchors else ""
        self.stdout.write(
            f"The audit chain is whole: {result.events} events checked with the audit key, and "
            f"against {result.anchors} anchor{'s' if result.anchors != 1 else ''}{where}."
        )
