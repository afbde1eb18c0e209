from django.core.management.base import BaseCommand

from portal.appointments.services import booking_days, slots_generate
from services_catalog.models import ServiceHall


class Command(BaseCommand):
    help = (
        "Publish appointment slots from each hall's opening hours for the coming days. Slots that exist "
        "already (perhaps changed by staff) are kept, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"How many days ahead (default {booking_days()}).")
        parser.add_argument("--hall", action="append", default=[], help="Only this hall (its slug); may repeat.")

    def handle(self, *args, days=None, hall=(), **options):
        halls = ServiceHall.objects.filter(slug__in=hall) if hall else None
        created, unreadable = slots_generate(days=days, halls=halls)
        self.stdout.write(f"created {created} slots")
        for unread in unreadable:
            self.stderr.write(f"could not read the opening hours of {unread.slug}: no slots for it")
