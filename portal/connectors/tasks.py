"""Celery tasks for deliveries. Thin: the services hold the logic and the outbox row is the truth."""

from celery import shared_task


@shared_task(name="connectors.delivery_send", acks_late=True, reject_on_worker_lost=True)
def delivery_send(delivery_id):
    from .services import delivery_process

    state = delivery_process(delivery_id=delivery_id)
    return str(state) if state else None


@shared_task(name="connectors.deliveries_sweep", acks_late=True)
def deliveries_sweep_task():
    from .services import deliveries_sweep

    return deliveries_sweep()


def enqueue(delivery_ids, *, countdown=None):
    """Publish one task per row on a fresh connection (so a broker that was down and came back is found),
    without kombu's publish retries: if the broker is down this raises at once and the rows wait for the
    sweep."""
    from portal.celery import MAX_COUNTDOWN, app

    options = {"retry": False}
    if countdown:
        options["countdown"] = min(float(countdown), MAX_COUNTDOWN)
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=3)
        for delivery_id in delivery_ids:
            delivery_send.apply_async(args=[delivery_id], connection=connection, **options)
    return len(delivery_ids)
