"""The safeguards around assisted mode found by the security review: a session that is never ended stops
giving the staff member the citizen's applications after ASSIST_SESSION_MAX_HOURS (and the worker ends it,
audited); every look-up by ID number is audited and limited per member of staff; an ended session's page
keeps only how many applications were made in it; ID numbers and phone numbers stay out of error reports."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter

from portal.applications.models import Application
from portal.assisted.models import AssistSession
from portal.audit.models import AuditEvent
from tests.applying import complete_steps, start_application, step_url, submit
from tests.people import make_resident_id

from .helpers import CHECKS, assist_session_start, citizen_look_up

pytestmark = pytest.mark.django_db


def _age(session, hours):
    """The session started `hours` ago (and was never ended)."""
    AssistSession.objects.filter(pk=session.pk).update(started_at=timezone.now() - datetime.timedelta(hours=hours))


# 1. A session that is never ended expires -------------------------------------------------------------------


def test_an_assist_session_left_open_expires_for_the_staff_member(
    client_for, hall_staff, citizen, hall, service_for, settings
):
    settings.ASSIST_SESSION_MAX_HOURS = 10
    page = service_for("senior-bus-pass")
    at_counter = client_for(hall_staff)
    session = assist_session_start(at_counter, citizen, hall)
    draft = start_application(at_counter, page)
    detail = reverse("applications:detail", kwargs={"pk": draft.pk})
    _age(session, 9)
    response = at_counter.get(detail)  # still within the day's session: the draft resumes at its first step
    assert response.status_code == 302 and response["Location"] == step_url(draft, "about-you")

    _age(session, 11)  # the staff member went home without ending it
    assert at_counter.get(detail).status_code == 404
    start = reverse("applications:start", kwargs={"service_code": page.service_code})
    assert at_counter.post(start).status_code == 403
    home = at_counter.get(reverse("assisted:home")).content.decode()
    assert "has ended" in home and 'id="resume-session"' not in home and 'id="find-citizen"' in home
    # Another browser (another day, another computer) cannot bring it back either.
    elsewhere = client_for(hall_staff)
    response = elsewhere.post(reverse("assisted:resume", kwargs={"reference": session.reference}), follow=True)
    assert "This session has ended" in response.content.decode()
    assert elsewhere.get(detail).status_code == 404
    session_page = elsewhere.get(reverse("assisted:session", kwargs={"reference": session.reference})).content
    assert b'id="session-ended"' in session_page and b'id="end-session"' not in session_page
    assert not Application.objects.filter(channel="assisted").exclude(pk=draft.pk).exists()

    # The next citizen can be helped: the expired session is ended (audited as expired) and a new one starts.
    at_counter.post(reverse("assisted:leave"))
    citizen_look_up(at_counter, citizen.resident_id)
    response = at_counter.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.state == "ended"
    ended = AuditEvent.objects.get(action="assist.session_ended", object_id=str(session.pk))
    assert ended.actor_id is None and ended.details["reason"] == "expired"
    assert AssistSession.objects.filter(state="active").exclude(pk=session.pk).count() == 1


def test_the_worker_ends_expired_sessions_and_the_citizen_reads_it(client_for, hall_staff, citizen, hall, settings):
    from portal.accounts.services import user_register
    from portal.assisted.services import assist_sessions_expire
    from portal.background.jobs import JOBS
    from tests.people import staff_make

    settings.ASSIST_SESSION_MAX_HOURS = 4
    old = assist_session_start(client_for(hall_staff), citizen, hall)
    _age(old, 5)
    other = staff_make("窗口小周", "hall_staff", hall=hall)
    neighbour = user_register(
        real_name="孙大妈",
        password="correct-horse-battery",
        phone="13566667777",
        resident_id=make_resident_id(sequence=611),
    )
    fresh = assist_session_start(client_for(other), neighbour, hall)
    _age(fresh, 3)

    assert assist_sessions_expire() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.state, fresh.state) == ("ended", "active") and old.ended_at is not None
    event = AuditEvent.objects.get(action="assist.session_ended", object_id=str(old.pk))
    assert (event.actor_id, event.on_behalf_of_id, event.details["reason"]) == (None, citizen.pk, "expired")
    assert assist_sessions_expire() == 0  # idempotent: nothing left to end
    assert any(job.path == "portal.assisted.services.assist_sessions_expire" and job.every == 600 for job in JOBS)
    activity = client_for(citizen).get(reverse("audit:my_activity")).content.decode()
    assert "Finished helping you at a service hall" in activity


# 2. Look-ups by ID number are audited and limited ------------------------------------------------------------


def test_finding_a_citizen_is_in_their_activity_log(client_for, hall_staff, citizen):
    citizen_look_up(client_for(hall_staff), citizen.resident_id)
    event = AuditEvent.objects.get(action="assist.citizen_looked_up")
    assert (event.actor_id, event.on_behalf_of_id) == (hall_staff.pk, citizen.pk)
    assert citizen.resident_id not in str(event.details)
    activity = client_for(citizen).get(reverse("audit:my_activity")).content.decode()
    assert "Looked you up by your ID number at a service hall" in activity and hall_staff.real_name in activity
    # An ID number nobody holds names nobody: nothing to record.
    citizen_look_up(client_for(hall_staff), make_resident_id(sequence=612))
    assert AuditEvent.objects.filter(action="assist.citizen_looked_up").count() == 1


def test_look_ups_are_limited_per_member_of_staff(client_for, hall_staff, citizen, hall):
    from tests.people import staff_make

    staff = client_for(hall_staff)
    for sequence in range(30):  # a busy counter's worth, whether or not anyone holds the number
        assert citizen_look_up(staff, make_resident_id(sequence=700 + sequence)).status_code == 302
    response = citizen_look_up(staff, citizen.resident_id)
    html = response.content.decode()
    assert response.status_code == 200 and "You have looked up too many ID numbers" in html
    assert f'value="{citizen.resident_id}"' in html  # what was typed is still there
    assert not AuditEvent.objects.filter(action="assist.citizen_looked_up").exists()
    # A colleague at the next counter is not held up.
    colleague = client_for(staff_make("窗口小吴", "hall_staff", hall=hall))
    assert citizen_look_up(colleague, citizen.resident_id)["Location"] == reverse("assisted:checks")


# 5. An ended session's page shows no references or statuses -------------------------------------------------


def test_an_ended_sessions_page_only_counts_its_applications(client_for, hall_staff, citizen, hall, service_for):
    staff = client_for(hall_staff)
    session = assist_session_start(staff, citizen, hall)
    application = complete_steps(staff, start_application(staff, service_for("senior-bus-pass")))
    assert submit(staff, application).status_code == 302
    application.refresh_from_db()
    url = reverse("assisted:session", kwargs={"reference": session.reference})
    assert application.reference in staff.get(url).content.decode()  # while the citizen is at the counter

    staff.post(reverse("assisted:end", kwargs={"reference": session.reference}))
    html = staff.get(url).content.decode()
    assert "1 application was made in this session" in html
    assert application.reference not in html and application.get_status_display() not in html


# 6. ID numbers and phone numbers stay out of error reports ---------------------------------------------------


def test_id_and_phone_numbers_are_hidden_from_error_reports(client_for, hall_staff):
    staff = client_for(hall_staff)
    resident_id = make_resident_id(sequence=613)
    reports = SafeExceptionReporterFilter()
    found = staff.post(reverse("assisted:home"), {"resident_id": resident_id})
    registered = staff.post(
        reverse("assisted:register"), {"real_name": "周大爷", "resident_id": resident_id, "phone": "13612345678"}
    )
    for response in (found, registered):
        shown = reports.get_post_parameters(response.wsgi_request)
        assert resident_id not in list(shown.values()) and "13612345678" not in list(shown.values())
        assert shown["resident_id"] == reports.cleansed_substitute
