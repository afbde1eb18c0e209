import json

from django.core.management.base import BaseCommand

from portal.connectors.openapi import openapi_document


class Command(BaseCommand):
    help = "Print the back-office interface (deliveries, status updates, document fetches) as OpenAPI 3.1 JSON."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(openapi_document(), ensure_ascii=False, indent=2))
