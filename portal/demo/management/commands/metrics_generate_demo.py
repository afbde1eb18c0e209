from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from portal.demo.metrics import expected, metrics_demo_generate, metrics_demo_remove
from portal.metrics.services import metrics_refresh
from portal.staff.management.commands.create_demo_staff import DEMO_HALL
from services_catalog.models import ServiceHall, ServicePage

# By default the data set is made for services offered at the demo staff's hall (manage.py create_demo_staff),
# so that the demo hall manager's dashboard has figures.


class Command(BaseCommand):
    help = (
        "Create a small data set with known metrics (see portal/demo/metrics.py) on three services, then "
        "refresh the public processing times. --remove deletes it again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "services",
            nargs="*",
            help="Three service codes (x, y, z); default: three offered at --hall (online ones first), or at any hall.",
        )
        parser.add_argument(
            "--hall", default=DEMO_HALL, help=f"A service hall's slug (default: {DEMO_HALL}, the demo staff's hall)."
        )
        parser.add_argument("--remove", action="store_true", help="Delete the demo data instead.")

    def handle(self, *args, services=(), remove=False, hall=DEMO_HALL, **options):
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
            chosen = _services_at(pages, ServiceHall.objects.filter(slug=hall).first())
            if len(chosen) < 3:
                raise CommandError("Load the demo catalogue first (manage.py load_demo).")
        metrics_demo_generate(services=chosen)
        metrics_refresh()
        self.stdout.write("Demo data created for " + ", ".join(page.service_code for page in chosen))
        for name, figures in expected(chosen).items():
            self.stdout.write(f"  expected {name}: {figures}")


def _services_at(pages, hall):
    """Three services offered at `hall` (those applied for online first), or, without three there, at any hall."""
    candidates = pages.filter(promised_time_limit_days__lte=10)
    if hall is not None:
        at_hall = list(candidates.filter(halls=hall).distinct().order_by("-online", "service_code")[:3])
        if len(at_hall) == 3:
            return at_hall
    return list(candidates.filter(halls__isnull=False).distinct().order_by("service_code")[:3])
