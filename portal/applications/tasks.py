"""Celery task for receipts (when a broker is configured; otherwise the embedded worker's periodic
receipts_render_pending job renders them). Thin: the receipts module holds the logic."""

from celery import shared_task


@shared_task(name="applications.receipt_render", acks_late=True, reject_on_worker_lost=True)
def receipt_render(application_id, language):
    from .services import receipt_render_for

    receipt = receipt_render_for(application_id=application_id, language=language)
    return str(receipt.pk) if receipt else None
