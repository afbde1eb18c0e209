"""`manage.py load_demo_bundles`: the demo's life-event bundles (一件事), after load_demo and load_demo_flows."""

from django.core.management.base import BaseCommand

from services_catalog.demo.bundles import load_demo_bundles


class Command(BaseCommand):
    help = "Load and publish the demo life-event bundles (一件事). Run after load_demo and load_demo_flows."

    def handle(self, *args, **options):
        for slug, number, created in load_demo_bundles():
            self.stdout.write(f"{slug}: version {number}{' (new)' if created else ''}")
