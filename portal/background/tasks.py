"""Celery's side of the background jobs: one task runs any job of jobs.JOBS by its path (the beat schedule in
broker.py names it)."""

from celery import shared_task

from .jobs import JOBS, job_run


@shared_task(name="background.job_run", acks_late=True)
def job_run_task(path):
    if path not in {job.path for job in JOBS}:  # only the listed jobs, whatever a message says
        raise ValueError(f"unknown background job {path}")
    result = job_run(path)
    return result if isinstance(result, int) else None
