"""Assisted mode (帮办) end to end with the test client: find or register the citizen, the three checks, an
application filled in with them (channel assisted, the citizen the applicant), the receipt, the end; resuming
an interrupted session; the citizen owning the application afterwards; every step audited with both people."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.applications.models import Application
from portal.assisted.models import AssistSession
from portal.audit.models import AuditEvent
from tests.applying import complete_steps, start_application, step_url, submit
from tests.people import make_resident_id

from .helpers import CHECKS, assist_session_start, citizen_look_up

pytestmark = pytest.mark.django_db


def test_a_whole_assisted_session(client_for, hall_staff, citizen, hall, service_for):
    page = service_for("senior-bus-pass")
    staff = client_for(hall_staff)

    # Look-up by resident ID: the page then shows who was found, with the ID masked, and the three checks.
    response = citizen_look_up(staff, citizen.resident_id.lower())
    assert response["Location"] == reverse("assisted:checks")
    checks_page = staff.get(reverse("assisted:checks")).content.decode()
    assert citizen.real_name in checks_page and citizen.masked_resident_id in checks_page
    assert citizen.resident_id not in checks_page

    # All three ticks are needed, each one on its own.
    for missing in CHECKS:
        data = {"hall": hall.pk, **{k: v for k, v in CHECKS.items() if k != missing}}
        response = staff.post(reverse("assisted:checks"), data)
        assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not AssistSession.objects.exists()
    response = staff.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS})
    session = AssistSession.objects.get()
    assert response["Location"] == reverse("assisted:session", kwargs={"reference": session.reference})
    assert (session.staff, session.citizen, session.hall, session.state) == (hall_staff, citizen, hall, "active")

    # The banner on every page, the staff's own pages and the citizen-facing ones alike.
    for url in (
        reverse("assisted:session", kwargs={"reference": session.reference}),
        page.url,
        reverse("applications:start", kwargs={"service_code": page.service_code}),
    ):
        html = staff.get(url).content.decode()
        assert 'id="assist-banner"' in html and citizen.real_name in html and citizen.masked_resident_id in html

    # Find the service from the session page, then the normal application steps, in the citizen's name.
    found = staff.get(
        reverse("assisted:session", kwargs={"reference": session.reference}), {"q": page.service_code}
    ).content.decode()
    assert reverse("applications:start", kwargs={"service_code": page.service_code}) in found
    application = start_application(staff, page)
    assert (
        application.applicant,
        application.submitted_by,
        application.channel,
        application.assist_session_reference,
    ) == (citizen, hall_staff, "assisted", session.reference)
    step = staff.get(reverse("applications:step", kwargs={"pk": application.pk, "step": "about-you"}))
    assert citizen.masked_resident_id in step.content.decode()  # prefilled from the citizen, not the staff member
    application = complete_steps(staff, application)  # includes the photo, uploaded through the normal field
    assert application.documents.get().uploaded_by == hall_staff
    assert submit(staff, application).status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted" and application.reference

    # The session page offers the receipt to print; it is the engine's receipt PDF.
    session_page = staff.get(reverse("assisted:session", kwargs={"reference": session.reference})).content.decode()
    receipt_url = reverse("applications:receipt", kwargs={"pk": application.pk})
    assert receipt_url in session_page and application.reference in session_page
    receipt = staff.get(receipt_url + "?large=0")
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"

    # End the session: the banner goes, and the staff member no longer reaches the application.
    response = staff.post(reverse("assisted:end", kwargs={"reference": session.reference}))
    assert response["Location"] == reverse("assisted:home")
    session.refresh_from_db()
    assert session.state == "ended" and session.ended_at is not None
    assert 'id="assist-banner"' not in staff.get(reverse("assisted:home")).content.decode()
    assert staff.get(reverse("applications:detail", kwargs={"pk": application.pk})).status_code == 404
    assert staff.get(receipt_url).status_code == 404
    assert application.reference not in staff.get(reverse("applications:mine")).content.decode()

    # The citizen owns it: in "My applications", open, their receipt.
    mine = client_for(citizen)
    assert application.reference in mine.get(reverse("applications:mine")).content.decode()
    assert mine.get(reverse("applications:detail", kwargs={"pk": application.pk})).status_code == 200

    # Every action recorded with both people.
    events = AuditEvent.objects.filter(actor_id=hall_staff.pk, on_behalf_of_id=citizen.pk)
    actions = list(events.values_list("action", flat=True))
    for action in (
        "assist.session_started",
        "assist.checks_recorded",
        "application.started",
        "application.step_saved",
        "application.submitted",
        "receipt.downloaded",
        "assist.session_ended",
    ):
        assert action in actions, action
    saved = events.filter(action="application.step_saved").values_list("details__step", flat=True)  # one a step
    assert sorted(saved) == sorted(step.key for step in application.flow.visible_steps(application.answers))
    # And the citizen can read them in their own words in "who acted for me".
    activity = mine.get(reverse("audit:my_activity"))
    assert "Started helping you at a service hall" in activity.content.decode()


def test_register_a_citizen_on_the_spot_who_claims_the_account_later(client_for, hall_staff, hall, client):
    staff = client_for(hall_staff)
    resident_id = make_resident_id(sequence=555)
    response = citizen_look_up(staff, resident_id)
    assert response["Location"] == reverse("assisted:register")
    form = staff.get(reverse("assisted:register")).content.decode()
    assert resident_id in form  # kept (encrypted) in the session, not in the address

    bad = resident_id[:-1] + ("0" if resident_id[-1] != "0" else "1")
    response = staff.post(
        reverse("assisted:register"), {"real_name": "钱大爷", "resident_id": bad, "phone": "13655556666"}
    )
    assert response.status_code == 200 and "does not match the others" in response.content.decode()
    response = staff.post(
        reverse("assisted:register"), {"real_name": "钱大爷", "resident_id": resident_id, "phone": "136 5555 6666"}
    )
    assert response["Location"] == reverse("assisted:checks")
    person = get_user_model().objects.get_by_resident_id(resident_id)
    assert (person.real_name, person.phone, person.has_usable_password()) == ("钱大爷", "13655556666", False)
    assert AuditEvent.objects.filter(
        action="assist.citizen_registered", actor_id=hall_staff.pk, on_behalf_of_id=person.pk
    ).exists()
    staff.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS})
    assert AssistSession.objects.get().citizen_registered

    # Later, at home: "forgotten your password" by text message gives them the account.
    from portal.accounts.services import password_reset_code_check, password_reset_code_send

    code = password_reset_code_send(phone="13655556666")
    assert password_reset_code_check(phone="13655556666", code=code) == person


def test_an_interrupted_session_is_resumed(client_for, hall_staff, citizen, hall, service_for):
    page = service_for("senior-bus-pass")
    first = client_for(hall_staff)
    session = assist_session_start(first, citizen, hall)
    draft = start_application(first, page)

    # The browser closed: a new browser session knows nothing of it, so nothing is done in the citizen's name...
    second = client_for(hall_staff)
    home = second.get(reverse("assisted:home")).content.decode()
    assert 'id="resume-session"' in home and citizen.real_name in home
    assert 'id="assist-banner"' not in home
    # ...until the staff member resumes it; then the draft is there to continue.
    response = second.post(reverse("assisted:resume", kwargs={"reference": session.reference}))
    assert response.status_code == 302
    assert 'id="assist-banner"' in second.get(response["Location"]).content.decode()
    response = second.post(reverse("applications:start", kwargs={"service_code": page.service_code}))
    assert response.status_code == 302 and str(draft.pk) in response["Location"]
    assert AuditEvent.objects.filter(action="assist.session_resumed", on_behalf_of_id=citizen.pk).exists()
    # A second session cannot start while this one is active.
    response = second.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS})
    assert AssistSession.objects.filter(state="active").count() == 1


def test_after_the_session_ends_elsewhere_nothing_more_is_done_in_the_citizens_name(
    client_for, hall_staff, citizen, hall, service_for
):
    page = service_for("senior-bus-pass")
    at_counter, elsewhere = client_for(hall_staff), client_for(hall_staff)
    session = assist_session_start(at_counter, citizen, hall)
    elsewhere.post(reverse("assisted:resume", kwargs={"reference": session.reference}))
    elsewhere.post(reverse("assisted:end", kwargs={"reference": session.reference}))

    start = reverse("applications:start", kwargs={"service_code": page.service_code})
    assert at_counter.post(start).status_code == 403
    assert not Application.objects.exists()
    html = at_counter.get(reverse("assisted:home")).content.decode()
    assert "has ended" in html
    at_counter.post(reverse("assisted:leave"))
    assert at_counter.post(start).status_code == 302  # now in their own name
    application = Application.objects.get()
    assert (application.applicant, application.channel) == (hall_staff, "online")


def test_staff_cannot_assist_at_a_hall_that_is_not_theirs_or_assist_themselves(client_for, hall_staff, citizen, db):
    from tests.factories import ServiceHallFactory

    other_hall = ServiceHallFactory(slug="another-hall")
    staff = client_for(hall_staff)
    citizen_look_up(staff, citizen.resident_id)
    response = staff.post(reverse("assisted:checks"), {"hall": other_hall.pk, **CHECKS})
    assert response.status_code == 200 and not AssistSession.objects.exists()

    hall_staff.set_resident_id(make_resident_id(sequence=901))
    hall_staff.save()
    response = citizen_look_up(staff, hall_staff.resident_id)
    assert response.status_code == 200 and "cannot assist yourself" in response.content.decode()


def test_a_proxy_still_acts_under_a_mandate_beside_assisted_mode(client_for, citizen, service_for, db):
    """The policies are a list now: the mandate policy still answers for proxies."""
    from portal.accounts.services import user_register
    from portal.representation.selectors import SESSION_KEY
    from portal.representation.services import mandate_consent, mandate_request

    son = user_register(
        real_name="张小三",
        password="correct-horse-battery",
        phone="13811112222",
        resident_id=make_resident_id(sequence=777),
    )
    mandate = mandate_consent(
        mandate=mandate_request(agent=son, principal=citizen, relationship="parent", all_services=True),
        principal=citizen,
    )
    client = client_for(son)
    session = client.session
    session[SESSION_KEY] = str(mandate.pk)
    session.save()
    application = start_application(client, service_for("senior-bus-pass"))
    assert (application.applicant, application.channel, application.mandate_reference) == (
        citizen,
        "proxy",
        mandate.reference,
    )


def test_a_staff_member_removed_mid_session_loses_the_citizens_applications_at_once(
    client_for, hall_staff, citizen, hall, service_for
):
    from portal.staff.models import StaffMembership
    from portal.staff.services import staff_membership_remove

    client = client_for(hall_staff)
    assist_session_start(client, citizen, hall)
    draft = start_application(client, service_for("senior-bus-pass"))
    detail = reverse("applications:detail", kwargs={"pk": draft.pk})
    response = client.get(detail)  # theirs to reach while assisting: the draft resumes at its first step
    assert response.status_code == 302 and response["Location"] == step_url(draft, "about-you")
    for membership in StaffMembership.objects.filter(user=hall_staff):
        staff_membership_remove(membership=membership, actor=None)
    assert client.get(detail).status_code == 404  # the session is still "active", but no longer theirs to use
    assert client.post(reverse("applications:start", kwargs={"service_code": draft.service_code})).status_code == 403
