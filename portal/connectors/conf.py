"""Connector settings: a Django setting of the same name wins, then the environment, then the default.
Everything here is a number of seconds or a count; secrets are never read here (see ConnectorConfig)."""

import os

from django.conf import settings

DEFAULTS = {
    # A delivery attempt holds its row for this long; a worker killed mid-attempt frees it when it runs out.
    "CONNECTORS_LEASE_SECONDS": 120.0,
    # Backoff: base * 2 ** (attempt - 1), capped, with full jitter between half and all of it.
    "CONNECTORS_BACKOFF_BASE_SECONDS": 10.0,
    "CONNECTORS_BACKOFF_CAP_SECONDS": 3600.0,
    # Past either limit a delivery is dead and an operator is told.
    "CONNECTORS_MAX_ATTEMPTS": 15,
    "CONNECTORS_MAX_AGE_SECONDS": 3 * 24 * 3600.0,
    # The embedded worker's poll interval and the rows it claims per pass; how often the Celery sweep runs.
    "CONNECTORS_POLL_SECONDS": 2.0,
    "CONNECTORS_BATCH": 10,
    "CONNECTORS_SWEEP_SECONDS": 30.0,
    # Inbound status updates: how far a timestamp may be from our clock.
    "CONNECTORS_WEBHOOK_WINDOW_SECONDS": 300.0,
    # Outbound HTTP time-out (must stay well below the lease).
    "CONNECTORS_HTTP_TIMEOUT_SECONDS": 20.0,
}


def get(name):
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name)
    if value is None:
        value = DEFAULTS[name]
    return float(value) if isinstance(DEFAULTS[name], float) else int(float(value))
