"""Expired sessions leave the session store every day (the job runs clearsessions): the database engine would keep
each one, with the signed-in person's id in it, for ever."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.module_loading import import_string

from portal.background.jobs import JOBS

pytestmark = pytest.mark.django_db


def test_the_daily_job_removes_expired_sessions_and_keeps_live_ones(citizen, client_for):
    live = client_for(citizen).session.session_key
    expired = client_for(citizen).session.session_key
    Session.objects.filter(session_key=expired).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    [job] = [job for job in JOBS if job.path.endswith("sessions_clear_expired")]

    import_string(job.path)()

    assert job.every == 24 * 3600
    assert set(Session.objects.values_list("session_key", flat=True)) == {live}
