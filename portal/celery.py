"""The Celery entry point, used when CELERY_BROKER_URL is set (in development REDIS_URL sets it too):

    celery -A portal.celery:app worker -B -l info      (worker with the embedded beat that runs the periodic
                                                         jobs of portal/background/jobs.py, e.g. the outbox sweep)

The application and its configuration are portal/background/broker.py; this module only chooses the settings
module first (production unless DJANGO_SETTINGS_MODULE says otherwise, as `make run` does), which Celery's Django
fix-up reads when the application is made."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")  # as wsgi.py: workers run in production

from portal.background.broker import app  # noqa: E402  (after the settings module is chosen)

__all__ = ["app"]
