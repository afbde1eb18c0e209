"""Configure the local demo connector: every service's applications go to the simulated back office
(when --backoffice-url is given) or to the in-process demo plugin. Idempotent."""

from django.core.management.base import BaseCommand

from portal.connectors.models import ConnectorConfig

DEMO_STATUS_MAP = {"ACCEPTED": "received", "REVIEWING": "in_review", "NEED_INFO": "more_info_requested",
                   "APPROVED": "approved", "REJECTED": "rejected", "DONE": "completed"}


class Command(BaseCommand):
    help = "Create or update the demo back-office connector (slug demo-backoffice)."

    def add_arguments(self, parser):
        parser.add_argument("--backoffice-url", default="", help="e.g. http://127.0.0.1:8765 (the simulator)")
        parser.add_argument("--secret-env", default="BACKOFFICE_SECRET")

    def handle(self, *args, backoffice_url="", secret_env="", **options):
        if backoffice_url:
            defaults = {"name": "Demo back office (simulated)", "plugin": "rest-json", "secret_env": secret_env,
                        "settings": {"url": backoffice_url.rstrip("/") + "/deliveries",
                                     "health_url": backoffice_url.rstrip("/") + "/health"}}
        else:
            defaults = {"name": "Demo back office (in process)", "plugin": "demo", "secret_env": secret_env,
                        "settings": {}}
        config, created = ConnectorConfig.objects.update_or_create(
            slug="demo-backoffice", defaults={**defaults, "enabled": True, "status_map": DEMO_STATUS_MAP,
                                              "department": None, "service_codes": ""})
        self.stdout.write(f"{'created' if created else 'updated'} connector {config.slug} ({config.plugin})")
