"""Flows built by editors in the Wagtail admin compile to the same definitions as code-defined ones,
and each save publishes a new version that new applications use."""

import pytest
from django.core.exceptions import ValidationError

from portal.applications.definitions import FlowDef, flow_problems
from portal.applications.models import Flow, FlowVersion
from portal.applications.services import flow_definition_from_editor, flow_publish_from_editor
from tests.accounts.otp_helpers import otp_verified_login
from tests.applying import complete_steps, start_application, submit
from tests.factories import online_service

pytestmark = pytest.mark.django_db


def editor_flow(**overrides):
    steps = [
        (
            "step",
            {
                "key": "pet",
                "title_zh": "宠物信息",
                "title_en": "Your pet",
                "questions": [
                    {
                        "key": "kind",
                        "type": "choice",
                        "label_zh": "宠物种类",
                        "label_en": "Kind of pet",
                        "required": True,
                        "options": "dog|狗|Dog\ncat|猫|Cat",
                    },
                    {
                        "key": "vaccinated",
                        "type": "yes_no",
                        "label_zh": "是否已接种疫苗",
                        "label_en": "Vaccinated?",
                        "required": True,
                    },
                ],
            },
        ),
        (
            "step",
            {
                "key": "certificate",
                "title_zh": "免疫证明",
                "title_en": "Vaccination certificate",
                "show_if": {"field": "vaccinated", "op": "equals", "value": "yes"},
                "questions": [
                    {
                        "key": "certificate",
                        "type": "file",
                        "label_zh": "免疫证明",
                        "label_en": "Certificate",
                        "required": True,
                        "allowed_types": ["pdf"],
                        "max_size_mb": 5,
                    }
                ],
            },
        ),
    ]
    fields = {
        "key": "dog-licence",
        "title_zh": "犬只登记",
        "title_en": "Dog licence",
        "estimated_minutes": 3,
        "steps": steps,
    }
    fields.update(overrides)
    return Flow.objects.create(**fields)


def test_editor_flow_compiles_to_a_valid_definition():
    flow = editor_flow()
    definition = FlowDef.from_dict(flow_definition_from_editor(flow))
    assert [s.key for s in definition.steps] == ["pet", "certificate"]
    assert definition.steps[0].fields[0].options[1].label == {"zh-hans": "猫", "en": "Cat"}
    assert definition.steps[1].show_if[0].holds({"vaccinated": "yes"})
    assert definition.materials() == {}  # its upload names no material of a service


def test_each_change_publishes_a_version_and_drafts_keep_theirs(tree, department, citizen, client_for):
    flow = editor_flow()
    first, created = flow_publish_from_editor(flow=flow)
    assert created and first.number == 1
    assert flow_publish_from_editor(flow=flow) == (first, False)  # nothing changed, no new version
    page = online_service(tree, department, code="3700-NY-201", title="犬只登记", flow_key="dog-licence")
    client = client_for(citizen)
    draft = start_application(client, page)
    flow.steps = [("step", flow.steps[0].value)]
    flow.title_en = "Dog licence (new)"
    flow.save()
    second, created = flow_publish_from_editor(flow=flow)
    assert created and second.number == 2
    complete_steps(client, draft, overrides={"vaccinated": "yes"})
    draft.refresh_from_db()
    assert draft.flow_version == first and "certificate" in draft.completed_steps
    assert submit(client, draft).status_code == 302
    assert start_application(client, page).flow_version == second


def test_a_broken_flow_is_not_published():
    flow = editor_flow(
        steps=[
            (
                "step",
                {
                    "key": "a",
                    "title_zh": "甲",
                    "questions": [{"key": "q", "type": "choice", "label_zh": "问题", "required": True, "options": ""}],
                },
            )
        ]
    )
    with pytest.raises(ValidationError):
        flow_publish_from_editor(flow=flow)
    assert not FlowVersion.objects.filter(flow=flow).exists()


def test_flows_are_editable_in_the_wagtail_admin(client, django_user_model, flows):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.com", "x" * 12)
    otp_verified_login(client, admin)  # signed in, second factor passed: the admin demands it of staff
    from wagtail.snippets.models import get_snippet_models

    assert Flow in get_snippet_models()
    response = client.get("/admin/snippets/applications/flow/")
    assert response.status_code == 200
    assert "elderly-care-subsidy" in response.content.decode()
    flow = Flow.objects.get(key="general-application")
    assert client.get(f"/admin/snippets/applications/flow/edit/{flow.pk}/").status_code == 200


def test_what_happens_next_may_not_say_how_long_it_takes():
    """One flow serves services that promise different time limits; the service page says each one."""
    definition = flow_definition_from_editor(editor_flow())
    for next_steps in ({"zh-hans": "民政部门将在10个工作日内审核。", "en": ""}, "We decide within 5 working days."):
        assert flow_problems(FlowDef.from_dict({**definition, "next_steps": next_steps})) == [
            "“What happens next” states a number of days. Leave it out: the confirmation and the receipt show the "
            "time limit from the service page."
        ]
    assert flow_problems(FlowDef.from_dict({**definition, "next_steps": "民政部门审核后通知您。"})) == []


def test_only_an_upload_question_collects_a_material():
    flow = editor_flow()
    definition = flow_definition_from_editor(flow)
    definition["steps"][0]["fields"][0]["material"] = "id_card"
    assert flow_problems(FlowDef.from_dict(definition)) == [
        "Question “kind” names a material, but only an upload question collects one."
    ]
