from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from portal.metrics.demo import expected, metrics_demo_generate, metrics_demo_remove
from portal.metrics.services import metrics_refresh
from services_catalog.models import ServicePage


class Command(BaseCommand):
    help = ("Create a small data set with known metrics (see portal/metrics/demo.py) on three services, then "
            "refresh the public processing times. --remove deletes it again.")

    def add_arguments(self, parser):
        parser.add_argument("services", nargs="*", help="Three service codes (x, y, z); default: three with halls.")
        parser.add_argument("--remove", action="store_true", help="Delete the demo data instead.")

    def handle(self, *args, services=(), remove=False, **options):
        if remove:
            self.stdout.write(f"removed {metrics_demo_remove()} demo applicants and their applications")
            metrics_refresh()
            return
        pages = ServicePage.objects.live().filter(locale=Locale.get_default())
        if services:
            if len(services) != 3:
                raise CommandError("Give three service codes, or none.")
            chosen = [pages.filter(service_code=code).first() for code in services]
            if not all(chosen):
                raise CommandError("Each service code must be a live service.")
        else:
            chosen = list(pages.filter(halls__isnull=False, promised_time_limit_days__lte=10).distinct()
                          .order_by("service_code")[:3])
            if len(chosen) < 3:
                raise CommandError("Load the demo catalogue first (manage.py load_demo).")
        metrics_demo_generate(services=chosen)
        metrics_refresh()
        self.stdout.write("Demo data created for " + ", ".join(page.service_code for page in chosen))
        for name, figures in expected(chosen).items():
            self.stdout.write(f"  expected {name}: {figures}")
