from django.core.management.base import BaseCommand

from portal.appointments.services import appointments_remind


class Command(BaseCommand):
    help = "Remind everyone with an appointment tomorrow (e-mail and SMS), once each. The worker runs it hourly."

    def handle(self, *args, **options):
        self.stdout.write(f"reminded {appointments_remind()}")
