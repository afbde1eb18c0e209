"""Finding a person by name and number, to ask to act for them or to record a mandate at a hall: every look-up
counts against the person looking and their client (IP address), a miss is audited with no number in clear and
a hit lands in the found person's activity log. Recording a mandate in person needs the hall-staff permission,
one of the member of staff's own halls, and the three checks ticked one by one."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from portal.audit.models import AuditEvent
from portal.representation.models import Mandate
from tests.people import make_resident_id

pytestmark = pytest.mark.django_db

# What the portal promises: five look-ups per person asking to act in 15 minutes; twenty per member of staff
# recording in person (two per mandate) in 10 minutes.
ASK_LIMIT = 5
IN_PERSON_LIMIT = 20


def _ask(client, name, identifier):
    return client.post(
        reverse("representation:request"),
        {
            "principal_name": name,
            "principal_identifier": identifier,
            "relationship": "grandparent",
            "scope": "all",
            "days": "30",
        },
    )


def _in_person_data(principal, agent, hall, **changes):
    data = {
        "principal_name": principal.real_name,
        "principal_id": principal.resident_id,
        "agent_name": agent.real_name,
        "agent_id": agent.resident_id,
        "relationship": "grandparent",
        "scope": "all",
        "days": "30",
        "hall": str(hall.pk),
        "evidence": "Both ID cards",
        "presence_confirmed": "on",
        "id_checked": "on",
        "consent_recorded": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _record(client, principal, agent, hall, **changes):
    return client.post(reverse("representation:in_person"), _in_person_data(principal, agent, hall, **changes))


# Asking to act for someone ---------------------------------------------------------------------------------


def test_asking_is_refused_after_the_limit_even_with_the_right_details(client_for, principal, agent):
    client = client_for(agent)
    for attempt in range(ASK_LIMIT):  # guesses at 王奶奶's number
        response = _ask(client, principal.real_name, make_resident_id(sequence=800 + attempt))
        assert "We could not find an account" in response.content.decode()
    response = _ask(client, principal.real_name, principal.resident_id)
    html = response.content.decode()
    assert response.status_code == 200 and "You have looked up too many people in a short time" in html
    assert not Mandate.objects.exists()


def test_asking_is_limited_per_client_too(client_for, principal, agent, stranger, settings):
    settings.THROTTLE_PER_IP = 3
    first, second = client_for(agent), client_for(stranger)  # two accounts, one computer
    for attempt in range(3):
        _ask(first, principal.real_name, make_resident_id(sequence=800 + attempt))
    response = _ask(second, principal.real_name, principal.resident_id)
    assert "You have looked up too many people in a short time" in response.content.decode()
    assert not Mandate.objects.exists()


def test_a_miss_is_audited_without_the_number_and_a_hit_is_in_the_persons_log(client_for, principal, agent):
    client = client_for(agent)
    wrong = make_resident_id(sequence=801)
    _ask(client, principal.real_name, wrong)
    event = AuditEvent.objects.get(action="mandate.look_up_missed")
    assert (event.actor_id, event.on_behalf_of_id) == (agent.pk, None)
    recorded = json.dumps(event.details, ensure_ascii=False)
    assert wrong not in recorded and principal.real_name not in recorded
    assert event.details["identifier"] == wrong[:4] + "*" * 10 + wrong[-4:]

    assert _ask(client, principal.real_name, principal.phone).status_code == 302
    event = AuditEvent.objects.get(action="mandate.person_looked_up")
    assert (event.actor_id, event.on_behalf_of_id) == (agent.pk, principal.pk)
    assert principal.phone not in json.dumps(event.details)
    activity = client_for(principal).get(reverse("audit:my_activity")).content.decode()
    assert "Looked you up by your name and number, to ask to act for you" in activity


# Recording a mandate in person -----------------------------------------------------------------------------


def test_recording_in_person_needs_the_hall_staff_permission(client_for, reviewer, principal, agent, hall):
    client = client_for(reviewer)  # a department reviewer: staff, verified, but no assisting at a hall
    assert client.get(reverse("representation:in_person")).status_code == 403
    assert _record(client, principal, agent, hall).status_code == 403
    assert not Mandate.objects.exists()


def test_hall_staff_record_only_at_their_own_halls(client_for, hall_staff, principal, agent, hall):
    from portal.representation.services import mandate_establish_in_person
    from tests.factories import ServiceHallFactory

    elsewhere = ServiceHallFactory(slug="qingdao-test-hall", name_zh="青岛市政务服务中心", name_en="Qingdao Centre")
    client = client_for(hall_staff)
    page = client.get(reverse("representation:in_person")).content.decode()
    assert f'value="{hall.pk}"' in page and f'value="{elsewhere.pk}"' not in page

    response = _record(client, principal, agent, elsewhere)
    assert response.status_code == 200 and "Choose one of the service halls where you work" in response.content.decode()
    assert not Mandate.objects.exists()
    with pytest.raises(PermissionDenied):  # and the service refuses it whoever calls it
        mandate_establish_in_person(
            staff=hall_staff,
            principal=principal,
            agent=agent,
            relationship="grandparent",
            all_services=True,
            hall=elsewhere,
            evidence="Both ID cards",
            presence_confirmed=True,
            id_checked=True,
            consent_recorded=True,
        )
    assert not Mandate.objects.exists()


def test_the_three_checks_are_ticked_one_by_one_and_recorded(client_for, hall_staff, principal, agent, hall):
    client = client_for(hall_staff)
    response = _record(client, principal, agent, hall, consent_recorded=None)
    assert "Confirm that the person acted for agrees" in response.content.decode()
    assert not Mandate.objects.exists()

    assert _record(client, principal, agent, hall).status_code == 302
    mandate = Mandate.objects.get(principal=principal, agent=agent)
    assert (mandate.state, mandate.established_by, mandate.verified_by, mandate.hall) == (
        "active",
        "in_person",
        hall_staff,
        hall,
    )
    assert (mandate.presence_confirmed, mandate.id_checked, mandate.consent_recorded) == (True, True, True)
    event = AuditEvent.objects.get(action="mandate.established_in_person")
    assert {key: event.details[key] for key in ("presence_confirmed", "id_checked", "consent_recorded")} == {
        "presence_confirmed": True,
        "id_checked": True,
        "consent_recorded": True,
    }


def test_recording_in_person_is_refused_after_the_limit_even_with_the_right_details(
    client_for, hall_staff, principal, agent, hall
):
    client = client_for(hall_staff)
    for attempt in range(IN_PERSON_LIMIT // 2):  # each try looks up both people
        response = _record(client, principal, agent, hall, principal_id=make_resident_id(sequence=800 + attempt))
        assert "No account has this name and resident ID number" in response.content.decode()
    response = _record(client, principal, agent, hall)
    html = response.content.decode()
    assert response.status_code == 200 and "You have looked up too many people in a short time" in html
    assert not Mandate.objects.exists()


def test_a_miss_in_person_is_audited_without_the_number(client_for, hall_staff, principal, agent, hall):
    wrong = make_resident_id(sequence=802)
    _record(client_for(hall_staff), principal, agent, hall, principal_id=wrong)
    event = AuditEvent.objects.get(action="mandate.look_up_missed")
    assert (event.actor_id, event.on_behalf_of_id) == (hall_staff.pk, None)
    assert wrong not in json.dumps(event.details) and event.details["identifier"] == wrong[:4] + "*" * 10 + wrong[-4:]
    hit = AuditEvent.objects.get(action="mandate.person_looked_up_in_person")  # the agent was found
    assert (hit.actor_id, hit.on_behalf_of_id) == (hall_staff.pk, agent.pk)
    assert not Mandate.objects.exists()
