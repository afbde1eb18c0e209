"""Configure the local demo connector: the services of most departments go to the simulated back office
(when --backoffice-url is given) or to the in-process demo plugin; the departments in WORKBENCH_DEPARTMENTS
are left to the department workbench, so that a demo reviewer (manage.py create_demo_staff) can ask for more
information, approve and reject in the portal. Idempotent. Run it after the catalogue is loaded (load_demo)."""

from django.core.management.base import BaseCommand, CommandError

from portal.connectors.models import ConnectorConfig
from portal.demo.connector import DEMO_NAME_IN_PROCESS, DEMO_NAME_SIMULATED
from portal.staff.management.commands.create_demo_staff import WORKBENCH_DEPARTMENTS
from services_catalog.models import ServicePage

DEMO_SLUG = "demo-backoffice"
DEMO_STATUS_MAP = {
    "ACCEPTED": "received",
    "REVIEWING": "in_review",
    "NEED_INFO": "more_info_requested",
    "APPROVED": "approved",
    "REJECTED": "rejected",
    "DONE": "completed",
}


def connected_service_codes():
    """The codes of every service of a department not in WORKBENCH_DEPARTMENTS, sorted."""
    codes = (
        ServicePage.objects.exclude(department__isnull=True)
        .exclude(department__code__in=WORKBENCH_DEPARTMENTS)
        .values_list("service_code", flat=True)
    )
    return sorted(set(codes))


class Command(BaseCommand):
    help = (
        f"Create or update the demo back-office connector (slug {DEMO_SLUG}) for every department's services "
        f"except those of {', '.join(WORKBENCH_DEPARTMENTS)}, which stay on the department workbench."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backoffice-url", default="", help="e.g. http://127.0.0.1:8765 (the simulator)")
        parser.add_argument("--secret-env", default="BACKOFFICE_SECRET")

    def handle(self, *args, backoffice_url="", secret_env="", **options):
        codes = connected_service_codes()
        if not codes:  # no codes and no department would mean every service: never the demo's intent
            raise CommandError("Load the demo catalogue first (manage.py load_demo).")
        if backoffice_url:
            defaults = {
                "name": DEMO_NAME_SIMULATED,
                "plugin": "rest-json",
                "secret_env": secret_env,
                "settings": {
                    "url": backoffice_url.rstrip("/") + "/deliveries",
                    "health_url": backoffice_url.rstrip("/") + "/health",
                },
            }
        else:
            defaults = {"name": DEMO_NAME_IN_PROCESS, "plugin": "demo", "secret_env": secret_env, "settings": {}}
        config, created = ConnectorConfig.objects.update_or_create(
            slug=DEMO_SLUG,
            defaults={
                **defaults,
                "enabled": True,
                "status_map": DEMO_STATUS_MAP,
                "department": None,
                "service_codes": "\n".join(codes),
            },
        )
        self.stdout.write(
            f"{'created' if created else 'updated'} connector {config.slug} ({config.plugin}) for "
            f"{len(codes)} services; on the department workbench: {', '.join(WORKBENCH_DEPARTMENTS)}"
        )
