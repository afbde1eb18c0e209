"""Celery task for receipts (when a broker is configured; otherwise the embedded worker's periodic
receipts_render_pending job renders them). Thin: the services hold the logic. Services publish it by its
name (portal.background.broker.publish), so this is the only module that imports them."""

from celery import shared_task

from .services import receipt_render_for


@shared_task(name="applications.receipt_render", acks_late=True, reject_on_worker_lost=True)
def receipt_render(application_id, language):
    receipt = receipt_render_for(application_id=application_id, language=language)
    return str(receipt.pk) if receipt else None
