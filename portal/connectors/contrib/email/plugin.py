"""E-mail: send the application to a department's mailbox, with the receipt PDF attached (rendered by the
application engine's receipts module) and the application as JSON. The Message-ID is derived from the
delivery's idempotency key, so a mail system can drop a copy sent twice. Settings: {"to": "a@b, c@d"}."""

import json

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

from portal.applications.models import Application
from portal.applications.receipts import receipt_render_pdf

from ...base import Connector, DeliveryError, DeliveryResult
from ...registry import register


@register("email")
class EmailConnector(Connector):
    label = _("E-mail with the receipt attached")
    required_settings = ("to",)

    def recipients(self):
        return [
            part.strip() for part in str(self.settings.get("to") or "").replace(";", ",").split(",") if part.strip()
        ]

    def deliver(self, *, delivery, payload):
        recipients = self.recipients()
        if not recipients:
            raise DeliveryError("no recipients", permanent=True)
        application = Application.objects.select_related("flow_version", "applicant").get(pk=delivery.application_id)
        pdf = receipt_render_pdf(application=application, language="zh-hans")
        domain = (settings.DEFAULT_FROM_EMAIL or "portal@localhost").rsplit("@", 1)[-1]
        message_id = f"<delivery-{delivery.idempotency_key}@{domain}>"
        message = EmailMessage(
            subject=f"[{payload['reference']}] {payload['service_code']}",
            body=f"Application {payload['reference']} ({payload['service_code']}), "
            f"submitted {payload['submitted_at']}.\nDelivery {payload['delivery_id']}.",
            to=recipients,
            headers={"Message-ID": message_id, "X-Portal-Idempotency-Key": str(delivery.idempotency_key)},
        )
        message.attach(f"{payload['reference']}.pdf", pdf, "application/pdf")
        message.attach(
            f"{payload['reference']}.json", json.dumps(payload, ensure_ascii=False, indent=2), "application/json"
        )
        message.send(fail_silently=False)
        return DeliveryResult(external_reference=message_id)
