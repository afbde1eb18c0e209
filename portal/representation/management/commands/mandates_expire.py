from django.core.management.base import BaseCommand

from portal.representation.services import mandates_expire


class Command(BaseCommand):
    help = "Mark as expired the mandates whose validity has ended (they stop working at that moment anyway)."

    def handle(self, *args, **options):
        self.stdout.write(f"{mandates_expire()} mandate(s) marked as expired.")
