"""Celery's side of the background work: one task runs any job of jobs.JOBS by its path, and publish()
is the one way the portal hands a task to the broker."""

from celery import shared_task


@shared_task(name="background.job_run", acks_late=True)
def job_run_task(path):
    from .jobs import JOBS, job_run

    if path not in {job.path for job in JOBS}:  # only the listed jobs, whatever a message says
        raise ValueError(f"unknown background job {path}")
    result = job_run(path)
    return result if isinstance(result, int) else None


def publish(task, args_list, *, countdown=None):
    """Publish `task` once per args tuple on a fresh connection (so a broker that was down and came back is
    found), without kombu's publish retries: if the broker is down this raises at once, the caller logs it,
    and the periodic job that sweeps for the same work picks it up later. Never call it inside a transaction:
    call it from transaction.on_commit."""
    from portal.celery import MAX_COUNTDOWN, app

    options = {"retry": False}
    if countdown:
        options["countdown"] = min(float(countdown), MAX_COUNTDOWN)
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=3)
        for args in args_list:
            task.apply_async(args=list(args), connection=connection, **options)
    return len(args_list)
