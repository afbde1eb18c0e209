"""`manage.py load_demo`: load the demo catalogue in Chinese and English. Safe to run again."""

from django.core.management.base import BaseCommand

from services_catalog.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo catalogue (regions, departments, life events, halls, 300+ services in two languages)."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def progress(done, total):
            if verbosity >= 2:
                self.stdout.write(f"  services: {done}/{total}")

        result = load_demo(progress=progress)
        self.stdout.write(self.style.SUCCESS(result.summary()))
