from django.core.management.base import BaseCommand

from portal.metrics.services import metrics_refresh


class Command(BaseCommand):
    help = (
        "Recompute the measured processing time of every service (the last 90 days) that the public service "
        "pages show. The background worker runs it hourly."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"processing times of {metrics_refresh()} services stored")
