"""Once-only prefill in the steps: a step whose questions a public register can answer first asks whether we
may look them up; Yes fills them in (shown with their source, still to be confirmed and changeable), No leaves
them to type and is not asked again, a failed look-up says so and loses nothing. Acting for someone looks up
that person, never the agent; nobody can look up for an application that is not theirs."""

import re
import threading

import pytest
from django.urls import reverse

from portal.applications.definitions import FlowDef, flow_problems
from portal.applications.models import Application
from portal.applications.services import flow_definition_from_editor
from portal.connectors.base import PrefillAnswer, PrefillPlugin
from portal.connectors.models import PrefillLookup, PrefillOutcome
from portal.connectors.registry import register_prefill
from portal.connectors.services import prefill_lookup
from portal.demo.registers import DemoHouseholdRegister
from portal.representation.models import Mandate
from tests.applying import complete_steps, start_application, step_post_data, step_url

pytestmark = pytest.mark.django_db

FLOW = "household-registration-transfer"  # its step "from" asks three questions the household register knows


def _demo_values(person):
    return DemoHouseholdRegister().lookup(subject=person, attributes=["household.number", "householder.name"]).values


def _offer(client, application, step="from"):
    response = client.get(step_url(application, step))
    assert response.status_code == 200
    return response.content.decode()


def _answer_offer(client, application, choice, step="from"):
    application.refresh_from_db()
    return client.post(step_url(application, step), {"prefill": choice, "version": str(application.version)})


def _input_value(body, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', body)
    assert match, f"no input {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else None


def _described_by(body, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', body)
    return re.search(r'aria-describedby="([^"]*)"', match.group(0)).group(1).split()


def test_yes_fills_in_the_answers_with_their_source_to_confirm(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    body = _offer(client, application)
    assert "Do you want us to look up 3 answers for you?" in body
    assert "We can fill in 3 answers from the household register (demo):" in body
    assert "Your household registration number" in body and "Name of the head of your household" in body
    assert 'name="prefill" value="yes"' in body and 'name="prefill" value="no"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert not PrefillLookup.objects.exists()  # nothing is looked up before the citizen agrees

    response = _answer_offer(client, application, "yes")
    assert response["Location"] == step_url(application, "from")
    lookup = PrefillLookup.objects.get()
    assert (lookup.actor, lookup.subject, lookup.application_id, lookup.consent) == (
        citizen,
        citizen,
        application.pk,
        True,
    )
    application.refresh_from_db()
    assert "household_number" not in application.answers  # shown to confirm, not silently answered

    page = client.get(step_url(application, "from"))
    body = page.content.decode()
    expected = _demo_values(citizen)
    assert "We have filled in 3 answers from the household register (demo)." in body
    assert _input_value(body, "household_number") == expected["household.number"]
    assert _input_value(body, "householder_name") == "张三"
    assert '<option value="370102" selected>' in body  # the registered district, in the address question
    assert body.count("From the household register (demo), looked up on") == 3
    # The source is part of the field's description, so screen readers read it with the question.
    assert "id_household_number_source" in _described_by(body, "household_number")
    assert 'id="id_household_number_source"' in body
    assert "Do you want us to look up" not in body  # not offered again

    # Continuing confirms them: they are answers now, shown on the check page like any other.
    data = step_post_data(
        application,
        "from",
        {
            "household_number": expected["household.number"],
            "householder_name": "张三",
            "current_registration": ("370100", "370102", "经十路 100 号"),
        },
    )
    assert client.post(step_url(application, "from"), data).status_code == 302
    application.refresh_from_db()
    assert application.answers["household_number"] == expected["household.number"]
    assert "From the household register" in client.get(step_url(application, "from")).content.decode()
    complete_steps(client, application)
    check = client.get(reverse("applications:check", kwargs={"pk": application.pk})).content.decode()
    assert expected["household.number"] in check and "经十路 100 号" in check
    assert "From the household register" not in check

    # The citizen sees the look-up among those about them, linked from their account page.
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("connectors_citizen:my_lookups") in profile
    lookups = client.get(reverse("connectors_citizen:my_lookups")).content.decode()
    assert "demo-household" in lookups and "Found" in lookups


def test_a_corrected_value_is_kept_and_no_longer_claims_the_register(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    _answer_offer(client, application, "yes")
    data = step_post_data(
        application,
        "from",
        {
            "household_number": "3701000042",
            "householder_name": "张三",
            "current_registration": ("370100", "370102", "经十路 100 号"),
        },
    )
    assert client.post(step_url(application, "from"), data).status_code == 302
    application.refresh_from_db()
    assert application.answers["household_number"] == "3701000042"
    body = client.get(step_url(application, "from")).content.decode()
    assert _input_value(body, "household_number") == "3701000042"
    assert "id_household_number_source" not in body  # the corrected value is the citizen's, not the register's
    assert "id_householder_name_source" in body  # the value left as it was still says where it came from
    assert body.count("From the household register (demo)") == 2

    # Sent with an error elsewhere on the page: a changed value is not said to be the register's either.
    data = step_post_data(application, "from", {"household_number": "3701000099", "householder_name": "长" * 60})
    body = client.post(step_url(application, "from"), data).content.decode()
    assert "There is a problem" in body and 'value="3701000099"' in body
    assert "id_household_number_source" not in body


def test_no_leaves_the_questions_to_type_and_is_not_asked_again(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    assert _answer_offer(client, application, "no")["Location"] == step_url(application, "from")
    assert not PrefillLookup.objects.exists()
    body = client.get(step_url(application, "from")).content.decode()
    assert "Do you want us to look up" not in body
    assert _input_value(body, "household_number") is None and _input_value(body, "householder_name") is None
    assert "From the household register" not in body
    application.refresh_from_db()
    assert application.answers["_prefill"]["declined"] == ["demo-household"]
    # Another visit, or another device: still not asked.
    assert "Do you want us to look up" not in client_for(citizen).get(step_url(application, "from")).content.decode()


def test_a_failed_look_up_says_so_and_loses_nothing(service_for, citizen, client_for):
    citizen.real_name = "unavailable 张"  # the demo registers fail for this person, as a register that is down
    citizen.save()
    client = client_for(citizen)
    application = start_application(client, service_for("medical-insurance-reimbursement"))
    data = step_post_data(application, "about-you", {"full_name": "张三丰"})
    assert client.post(step_url(application, "about-you"), data).status_code == 302
    # Elder mode asks one question per page: the hospital is typed before the register questions come up.
    citizen.elder_mode = True
    citizen.save()
    first = reverse("applications:question", kwargs={"pk": application.pk, "step": "treatment", "question": 1})
    second = reverse("applications:question", kwargs={"pk": application.pk, "step": "treatment", "question": 2})
    application.refresh_from_db()
    assert client.get(first).status_code == 200  # the hospital: no register, so no offer yet
    response = client.post(first, {"hospital": "齐鲁医院", "version": str(application.version)})
    assert response["Location"] == second
    body = client.get(second).content.decode()
    assert "We can fill in 2 answers from the social insurance record (demo):" in body
    application.refresh_from_db()
    response = client.post(second, {"prefill": "yes", "version": str(application.version)})
    assert response["Location"] == second
    body = client.get(second).content.decode()
    assert "We could not get your details from the social insurance record (demo) just now." in body
    assert "Nothing you have already entered is lost." in body
    assert _input_value(body, "insurance_number") is None and "From the social" not in body
    assert PrefillLookup.objects.get().outcome == PrefillOutcome.FAILED  # recorded all the same
    application.refresh_from_db()
    assert application.answers["hospital"] == "齐鲁医院" and application.answers["full_name"] == "张三丰"
    assert _input_value(client.get(first).content.decode(), "hospital") == "齐鲁医院"
    assert "Do you want us to look up" not in client.get(second).content.decode()  # typing it now


class SlowRegister(PrefillPlugin):
    label = "Slow register (test)"
    attributes = {"number": "A number"}
    release = threading.Event()

    def lookup(self, *, subject, attributes):
        self.release.wait(10)
        return PrefillAnswer(values={"number": "1"})


register_prefill("test-slow-register")(SlowRegister)


def test_a_register_that_does_not_answer_in_time_is_a_failed_look_up(citizen, settings):
    settings.CONNECTORS_PREFILL_TIMEOUT_SECONDS = 0.2
    try:
        result = prefill_lookup(
            actor=citizen, subject=citizen, plugin_id="test-slow-register", fields={"n": "number"}, consent=True
        )
    finally:
        SlowRegister.release.set()
    assert result.outcome == PrefillOutcome.FAILED and result.values == {}
    assert PrefillLookup.objects.get().outcome == PrefillOutcome.FAILED


def test_an_agent_looks_up_the_person_they_act_for_and_only_them(service_for, citizen, citizens_son, client_for):
    agent = citizens_son  # 李四, with 张三's mandate for all services
    mandate = Mandate.objects.get(agent=agent, principal=citizen)
    agent_client = client_for(agent)
    assert agent_client.post(reverse("representation:act", kwargs={"pk": mandate.pk})).status_code == 302
    application = start_application(agent_client, service_for(FLOW))
    assert (application.applicant, application.submitted_by) == (citizen, agent)
    body = _offer(agent_client, application)
    assert "We look up only the record of 张三, the person you are applying for." in body
    # Whatever the request says, the subject is the application's applicant.
    application.refresh_from_db()
    agent_client.post(
        step_url(application, "from"),
        {"prefill": "yes", "version": str(application.version), "subject": str(agent.pk), "applicant": str(agent.pk)},
    )
    lookup = PrefillLookup.objects.get()
    assert (lookup.actor, lookup.subject) == (agent, citizen)
    body = agent_client.get(step_url(application, "from")).content.decode()
    assert _input_value(body, "household_number") == _demo_values(citizen)["household.number"]
    assert _input_value(body, "household_number") != _demo_values(agent)["household.number"]
    assert _input_value(body, "householder_name") == "张三"
    # 张三 sees who looked him up; 李四's own list has nothing about himself.
    principal_page = client_for(citizen).get(reverse("connectors_citizen:my_lookups")).content.decode()
    assert "李四" in principal_page and "demo-household" in principal_page
    assert "demo-household" not in agent_client.get(reverse("connectors_citizen:my_lookups")).content.decode()


def test_nobody_can_look_up_for_an_application_that_is_not_theirs(service_for, citizen, citizens_son, client_for):
    application = start_application(client_for(citizen), service_for(FLOW))  # 张三's own, not a proxy one
    intruder = client_for(citizens_son)
    response = intruder.post(step_url(application, "from"), {"prefill": "yes", "version": str(application.version)})
    assert response.status_code == 404
    assert intruder.get(step_url(application, "from")).status_code == 404
    assert not PrefillLookup.objects.exists()
    assert "_prefill" not in Application.objects.get(pk=application.pk).answers


def test_a_stale_offer_page_looks_nothing_up(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(FLOW))
    stale = application.version
    data = step_post_data(application, "about-you")  # another tab saved a step meanwhile
    assert client.post(step_url(application, "about-you"), data).status_code == 302
    response = client.post(step_url(application, "from"), {"prefill": "yes", "version": str(stale)})
    assert response.status_code == 302
    assert not PrefillLookup.objects.exists()
    assert "changed in another window, so nothing was looked up" in client.get(response["Location"]).content.decode()


def test_editors_can_name_a_register_and_mistakes_are_caught():
    from portal.applications.blocks import register_source_choices
    from portal.applications.models import Flow

    assert ("demo-household:household.number", "Household register (demo): Your household registration number") in [
        (value, str(label)) for value, label in register_source_choices()
    ]
    flow = Flow.objects.create(
        key="moving",
        title_zh="迁移",
        steps=[
            (
                "step",
                {
                    "key": "from",
                    "title_zh": "户籍",
                    "questions": [
                        {
                            "key": "number",
                            "type": "text",
                            "label_zh": "户号",
                            "required": True,
                            "register": "demo-household:household.number",
                        },
                        {
                            "key": "scan",
                            "type": "file",
                            "label_zh": "扫描件",
                            "required": True,
                            "register": "demo-household:household.number",
                        },
                        {
                            "key": "other",
                            "type": "text",
                            "label_zh": "其他",
                            "required": True,
                            "register": "nowhere:number",
                        },
                    ],
                },
            )
        ],
    )
    definition = FlowDef.from_dict(flow_definition_from_editor(flow))
    assert definition.steps[0].fields[0].register == {"plugin": "demo-household", "attribute": "household.number"}
    problems = " ".join(flow_problems(definition))
    assert "“scan” cannot be filled in from a register" in problems
    assert "unknown register “nowhere”" in problems
