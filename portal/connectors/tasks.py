"""Celery tasks for deliveries. Thin: the services hold the logic and the outbox row is the truth. Services
publish them by name (portal.background.broker.publish), so this is the only module that imports them. The
periodic sweep is one of the background jobs (portal/background/jobs.py)."""

from celery import shared_task

from .services import delivery_process


@shared_task(name="connectors.delivery_send", acks_late=True, reject_on_worker_lost=True)
def delivery_send(delivery_id):
    state = delivery_process(delivery_id=delivery_id)
    return str(state) if state else None
