"""Mandates and acting for someone: the happy path, and every way in that must stay shut."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.accounts.sms import MemorySmsSender
from portal.applications.models import Application
from portal.audit.models import AuditEvent
from portal.representation.models import Mandate, MandateState
from tests.applying import complete_steps, start_application, step_post_data, step_url, submit

pytestmark = pytest.mark.django_db

FLOW = "senior-bus-pass"


def _act(client, mandate):
    return client.post(reverse("representation:act", kwargs={"pk": mandate.pk}))


def _snapshot():
    return (
        list(Application.objects.order_by("pk").values("pk", "applicant", "status", "version", "answers")),
        list(Mandate.objects.order_by("pk").values("pk", "state")),
    )


def test_request_consent_act_submit_and_both_see_it(client_for, service_for, principal, agent):
    page = service_for(FLOW)
    agent_client, principal_client = client_for(agent), client_for(principal)
    response = agent_client.post(
        reverse("representation:request"),
        {
            "principal_name": "王奶奶",
            "principal_identifier": principal.resident_id,
            "relationship": "grandparent",
            "scope": "chosen",
            "service_codes": page.service_code,
            "days": "365",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    mandate = Mandate.objects.get(agent=agent, principal=principal)
    assert mandate.state == MandateState.REQUESTED
    assert _act(agent_client, mandate).status_code == 404  # not before the principal agrees

    principal_client.post(reverse("representation:answer", kwargs={"pk": mandate.pk}), {"answer": "agree"})
    mandate.refresh_from_db()
    assert mandate.state == MandateState.ACTIVE and mandate.established_by == "online_consent"

    assert _act(agent_client, mandate).status_code == 302
    banner = agent_client.get(reverse("applications:mine")).content.decode()
    assert 'id="acting-banner"' in banner and "王奶奶" in banner

    application = start_application(agent_client, page)
    assert (application.applicant, application.submitted_by, application.channel, application.mandate_reference) == (
        principal,
        agent,
        "proxy",
        str(mandate.pk),
    )
    complete_steps(agent_client, application)
    MemorySmsSender.outbox.clear()
    assert submit(agent_client, application).status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"

    assert application.reference in principal_client.get(reverse("applications:mine")).content.decode()
    assert application.reference in agent_client.get(reverse("applications:mine")).content.decode()
    detail = principal_client.get(reverse("applications:detail", kwargs={"pk": application.pk})).content.decode()
    assert "on behalf of" in detail
    actions = set(AuditEvent.objects.filter(on_behalf_of_id=principal.pk).values_list("action", flat=True))
    assert {
        "mandate.requested",
        "mandate.consented",
        "acting.started",
        "application.started",
        "application.submitted",
    } <= actions
    activity = principal_client.get(reverse("audit:my_activity")).content.decode()
    assert "王小明" in activity

    agent_client.post(reverse("representation:stop"))
    assert 'id="acting-banner"' not in agent_client.get(reverse("applications:mine")).content.decode()


def test_revocation_locks_the_agent_out_at_once_even_from_a_draft(
    client_for, service_for, principal, agent, mandate_for
):
    page = service_for(FLOW)
    mandate = mandate_for()
    agent_client = client_for(agent)
    _act(agent_client, mandate)
    application = start_application(agent_client, page)
    first_step = application.flow.steps[0].key
    data = step_post_data(application, first_step)

    client_for(principal).post(reverse("representation:revoke", kwargs={"pk": mandate.pk}))
    before = _snapshot()
    assert agent_client.get(step_url(application, first_step)).status_code == 404
    assert agent_client.post(step_url(application, first_step), data).status_code == 404
    assert submit(agent_client, application).status_code == 404
    assert (
        agent_client.post(reverse("applications:start", kwargs={"service_code": page.service_code})).status_code == 403
    )
    assert "has ended or been withdrawn" in agent_client.get(reverse("applications:mine")).content.decode()
    assert _snapshot() == before
    assert (
        client_for(principal).get(reverse("applications:detail", kwargs={"pk": application.pk})).status_code == 302
    )  # the principal still has their draft


def test_an_agent_with_no_mandate_cannot_act(client_for, service_for, agent, principal):
    page = service_for(FLOW)
    agent_client = client_for(agent)
    before = _snapshot()
    assert agent_client.post(reverse("representation:act", kwargs={"pk": uuid.uuid4()})).status_code == 404
    session = agent_client.session
    session["acting_for_mandate"] = str(uuid.uuid4())  # a forged session value
    session.save()
    response = agent_client.post(reverse("applications:start", kwargs={"service_code": page.service_code}))
    assert response.status_code == 403
    assert _snapshot() == before


def test_an_expired_mandate_does_not_work(client_for, service_for, agent, mandate_for):
    page = service_for(FLOW)
    mandate = mandate_for()
    agent_client = client_for(agent)
    _act(agent_client, mandate)
    application = start_application(agent_client, page)
    Mandate.objects.filter(pk=mandate.pk).update(
        valid_until=timezone.now() - timedelta(seconds=1), valid_from=timezone.now() - timedelta(days=2)
    )
    before = _snapshot()
    assert agent_client.get(reverse("applications:check", kwargs={"pk": application.pk})).status_code == 404
    assert _act(agent_client, mandate).status_code == 404
    assert (
        agent_client.post(reverse("applications:start", kwargs={"service_code": page.service_code})).status_code == 403
    )
    assert _snapshot() == before
    call_command("mandates_expire")
    mandate.refresh_from_db()
    assert mandate.state == MandateState.EXPIRED


def test_an_out_of_scope_mandate_does_not_reach_other_services(client_for, service_for, agent, mandate_for):
    covered, other = service_for(FLOW), service_for("elderly-care-subsidy")
    mandate = mandate_for(all_services=False, service_codes=[covered.service_code])
    agent_client = client_for(agent)
    _act(agent_client, mandate)
    before = _snapshot()
    assert (
        agent_client.post(reverse("applications:start", kwargs={"service_code": other.service_code})).status_code == 403
    )
    assert _snapshot() == before


def test_a_forged_applicant_id_in_a_post_is_ignored(client_for, service_for, agent, principal):
    page = service_for(FLOW)
    agent_client = client_for(agent)
    agent_client.post(
        reverse("applications:start", kwargs={"service_code": page.service_code}),
        {"applicant": principal.pk, "applicant_id": principal.pk, "channel": "proxy"},
    )
    application = Application.objects.get(service_code=page.service_code)
    assert application.applicant == agent and application.channel == "online"
    assert not Application.objects.filter(applicant=principal).exists()


def test_every_object_fetched_by_another_users_id_is_404(
    client_for, service_for, principal, agent, stranger, mandate_for
):
    page = service_for(FLOW)
    mandate = mandate_for()
    agent_client = client_for(agent)
    _act(agent_client, mandate)
    application = start_application(agent_client, page)
    complete_steps(agent_client, application)
    submit(agent_client, application)
    application.refresh_from_db()
    document = application.documents.get()  # the photo
    stranger_client = client_for(stranger)
    before = _snapshot()
    urls = [
        reverse(f"applications:{name}", kwargs={"pk": application.pk})
        for name in ("detail", "tasks", "check", "confirmation", "withdraw", "receipt")
    ]
    urls.append(reverse("applications:step", kwargs={"pk": application.pk, "step": application.flow.steps[0].key}))
    urls.append(reverse("applications:document", kwargs={"pk": document.pk}))
    for url in urls:
        assert stranger_client.get(url).status_code == 404, url
        assert stranger_client.post(url, {"version": "1"}).status_code == 404, url
    for name in ("answer", "revoke", "act"):
        assert (
            stranger_client.post(
                reverse(f"representation:{name}", kwargs={"pk": mandate.pk}), {"answer": "decline"}
            ).status_code
            == 404
        )
    assert _snapshot() == before


def test_hall_staff_record_a_mandate_in_person_only_with_a_second_factor(
    client_for, principal, agent, hall_staff, hall, django_capture_on_commit_callbacks
):
    from django.test import Client

    unverified = Client()
    unverified.force_login(hall_staff)
    url = reverse("representation:in_person")
    assert "/two-step/" in unverified.get(url)["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(hall_staff).post(
            url,
            {
                "principal_name": "王奶奶",
                "principal_id": principal.resident_id,
                "agent_name": "王小明",
                "agent_id": agent.resident_id,
                "relationship": "grandparent",
                "scope": "all",
                "days": "30",
                "hall": str(hall.pk),
                "evidence": "Both ID cards",
                "presence_confirmed": "on",
                "id_checked": "on",
                "consent_recorded": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    mandate = Mandate.objects.get(principal=principal, agent=agent)
    assert (mandate.state, mandate.established_by, mandate.verified_by, mandate.hall) == (
        "active",
        "in_person",
        hall_staff,
        hall,
    )
    assert {m["phone"] for m in MemorySmsSender.outbox} >= {principal.phone, agent.phone}
    assert client_for(agent).get(url).status_code == 403  # citizens cannot
