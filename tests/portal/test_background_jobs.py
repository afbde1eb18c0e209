"""The background jobs list names real, callable jobs, each run by exactly the runner meant for it."""

from django.utils.module_loading import import_string

from portal.background.jobs import CELERY, EMBEDDED, JOBS, jobs_for


def test_every_job_is_a_function_that_runs_without_arguments():
    import inspect

    for job in JOBS:
        function = import_string(job.path)  # a typo would fail here, not in a worker's log for ever
        required = [
            p
            for p in inspect.signature(function).parameters.values()
            if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        assert not required, f"{job.path} needs {required}"


def test_celery_beat_runs_the_celery_jobs_and_the_embedded_worker_the_others():
    from portal.celery import app

    beat = {entry["args"][0] for entry in app.conf.beat_schedule.values()}
    assert beat == {job.path for job in jobs_for(CELERY)}
    assert "portal.connectors.services.deliveries_run_once" in {job.path for job in jobs_for(EMBEDDED)}
    assert "portal.connectors.services.deliveries_run_once" not in beat  # Celery sends each delivery as a task
    assert "portal.applications.services.receipts_render_pending" in beat & {job.path for job in jobs_for(EMBEDDED)}
