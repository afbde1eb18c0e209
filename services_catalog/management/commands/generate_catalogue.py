"""`manage.py generate_catalogue --services 5000 [--seed N]`: a large synthetic catalogue for benchmarks.

The services are demo services as districts and counties offer them, in Chinese and English, with codes
GEN-00001…; running it again with the same arguments writes nothing. The pages are written in bulk
(services_catalog/demo/generator.py explains how and why)."""

from django.core.management.base import BaseCommand, CommandError

from services_catalog.demo.generator import catalogue_generate, max_services


class Command(BaseCommand):
    help = "Add a large synthetic catalogue (GEN-…) in Chinese and English for benchmarks; idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=5000, help="how many services (each in two languages)")
        parser.add_argument("--seed", type=int, default=0, help="which services and places are chosen")

    def handle(self, *args, **options):
        count = options["services"]
        if not 0 <= count <= max_services():
            raise CommandError(f"--services must be between 0 and {max_services()}.")
        verbosity = options["verbosity"]

        def progress(done, total):
            if verbosity >= 2:
                self.stdout.write(f"  services: {done}/{total}")

        result = catalogue_generate(count, seed=options["seed"], progress=progress)
        self.stdout.write(self.style.SUCCESS(result.summary(count)))
