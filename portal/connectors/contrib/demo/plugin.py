"""A demo back office for local use: logs the delivery and "accepts" it. Settings: {"fail_attempts": N}
makes the first N attempts of each delivery fail, to watch the retries."""

import logging

from django.utils.translation import gettext_lazy as _

from ...base import Connector, DeliveryError, DeliveryResult, Health
from ...registry import register

logger = logging.getLogger(__name__)


@register("demo")
class DemoConnector(Connector):
    label = _("Demo (local use only)")
    default_status_map = {"received": "received", "in_review": "in_review", "approved": "approved",
                          "rejected": "rejected", "completed": "completed",
                          "more_info_requested": "more_info_requested"}

    def deliver(self, *, delivery, payload):
        if delivery.attempts <= int(self.settings.get("fail_attempts") or 0):
            raise DeliveryError(f"demo failure on attempt {delivery.attempts}")
        logger.info("demo back office accepted application %s", payload["reference"])
        return DeliveryResult(external_reference=f"DEMO-{str(delivery.idempotency_key)[:8].upper()}")

    def health(self):
        return Health(ok=True, detail=str(_("Demo: always available")))
