from django.core.management.base import BaseCommand

from services_catalog.calendar import calendar_days_load


class Command(BaseCommand):
    help = (
        "Add the public holidays and weekend days worked in exchange (调休) that chinesecalendar knows and the "
        "calendar does not have yet; days an administrator entered or changed are kept. Safe to run again."
    )

    def handle(self, *args, **options):
        added = calendar_days_load()
        if options["verbosity"]:
            self.stdout.write(f"added {added} day(s) to the working-day calendar")
