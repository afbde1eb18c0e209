import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Load the Chinese word segmenter now, in each server process, rather than during someone's first search.
from services_catalog.search_text import tokenizer  # noqa: E402

tokenizer()
