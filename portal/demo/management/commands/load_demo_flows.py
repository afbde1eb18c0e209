from django.core.management.base import BaseCommand

from portal.applications.services import flows_load_from_code


class Command(BaseCommand):
    help = (
        "Create or update the demo flows (portal/demo/flows.py), with every other flow defined in code "
        "(idempotent: a version is added only on change)."
    )

    def handle(self, *args, **options):
        for key, number, created in flows_load_from_code():
            if options["verbosity"] > 1 or created:
                self.stdout.write(f"{key}: version {number}{' (new)' if created else ''}")
