"""A demo back office for local use: logs the delivery and "accepts" it. Settings: {"fail_attempts": N}
makes the first N attempts of each delivery fail, to watch the retries."""

import logging

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from portal.connectors.base import Connector, DeliveryError, DeliveryResult, Health
from portal.connectors.registry import register, register_connector_name

logger = logging.getLogger(__name__)

# The names manage.py connectors_load_demo gives the demo connector: stored as these English message IDs and
# shown in the page's language (registry.connector_name).
DEMO_NAME_SIMULATED = register_connector_name(gettext_noop("Demo back office (simulated)"))
DEMO_NAME_IN_PROCESS = register_connector_name(gettext_noop("Demo back office (in process)"))


@register("demo")
class DemoConnector(Connector):
    label = _("Demo (local use only)")
    default_status_map = {
        "received": "received",
        "in_review": "in_review",
        "approved": "approved",
        "rejected": "rejected",
        "completed": "completed",
        "more_info_requested": "more_info_requested",
    }

    def deliver(self, *, delivery, payload):
        if delivery.attempts <= int(self.settings.get("fail_attempts") or 0):
            raise DeliveryError(f"demo failure on attempt {delivery.attempts}")
        logger.info("demo back office accepted application %s", payload["reference"])
        return DeliveryResult(external_reference=f"DEMO-{str(delivery.idempotency_key)[:8].upper()}")

    def health(self):
        return Health(ok=True, detail=str(_("Demo: always available")))
