"""The citizen's path, through the views: start, steps, check answers, declaration, confirmation."""

import uuid

import pytest
from django.urls import reverse

from portal.applications.models import Application, StatusEvent
from portal.applications.references import reference_is_valid
from portal.applications.registry import code_flow_definitions
from portal.applications.status import Status
from tests.applying import complete_steps, start_application, step_post_data, step_url, submit

pytestmark = pytest.mark.django_db


def test_start_page_says_what_you_need_and_how_long(service_for, client):
    page = service_for("elderly-care-subsidy")
    response = client.get(reverse("applications:start", kwargs={"service_code": page.service_code}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "老人居民身份证正反面照片或扫描件" in body  # what you will need: the service page's materials
    assert "5 working days" in body  # the service page's promised time limit
    assert "It takes about 10 minutes." in body  # the flow's estimate
    assert "/accounts/sign-in/?next=" in body  # signed out: sign in to start


def test_unknown_or_offline_service_has_no_start_page(service_for, client):
    assert client.get(reverse("applications:start", kwargs={"service_code": "NOPE-1"})).status_code == 404


@pytest.mark.parametrize("flow_key", sorted(code_flow_definitions()))
def test_every_demo_flow_can_be_completed_and_sent(flow_key, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for(flow_key))
    assert application.status == Status.DRAFT
    complete_steps(client, application)
    check = client.get(reverse("applications:check", kwargs={"pk": application.pk}))
    assert check.status_code == 200
    assert "Change" in check.content.decode()
    response = submit(client, application)
    assert response["Location"] == reverse("applications:confirmation", kwargs={"pk": application.pk})
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert reference_is_valid(application.reference)
    confirmation = client.get(response["Location"]).content.decode()
    assert application.reference in confirmation
    assert reverse("applications:receipt", kwargs={"pk": application.pk}) in confirmation


def test_steps_show_progress_and_back_links(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    body = client.get(step_url(application, "photo")).content.decode()
    # senior-bus-pass: about-you, photo, collect (+ delivery when posting): 3 visible steps at first
    assert "Step 2 of 3" in body
    assert f'href="{step_url(application, "about-you")}"' in body
    assert 'class="back-link"' in body


def test_a_conditional_step_appears_only_when_its_condition_holds(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application, overrides={"collect_method": "hall"})
    application.refresh_from_db()
    assert "delivery" not in [s.key for s in application.flow.visible_steps(application.answers)]
    # Changing the answer reveals the delivery step, which must be answered before sending.
    response = client.post(
        step_url(application, "collect") + "?change=1",
        step_post_data(application, "collect", {"collect_method": "post"}),
    )
    assert response["Location"] == step_url(application, "delivery") + "?change=1"
    assert client.get(reverse("applications:check", kwargs={"pk": application.pk})).status_code == 302
    complete_steps(client, application)
    assert submit(client, application).status_code == 302


def test_known_details_are_prefilled_and_the_id_number_is_shown_masked(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    body = client.get(step_url(application, "about-you")).content.decode()
    assert 'value="张三"' in body
    assert 'value="13912345678"' in body
    assert citizen.masked_resident_id in body
    assert citizen.resident_id not in body  # never shown in full
    complete_steps(client, application)
    application.refresh_from_db()
    assert "encrypted" in application.answers["resident_id"]  # stored encrypted, not in clear
    assert citizen.resident_id not in str(application.answers)


def test_change_links_return_to_check_answers(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application, overrides={"collect_method": "hall"})
    body = client.get(reverse("applications:check", kwargs={"pk": application.pk})).content.decode()
    assert step_url(application, "about-you") + "?change=1" in body
    response = client.post(
        step_url(application, "about-you") + "?change=1",
        step_post_data(application, "about-you", {"full_name": "张小三"}),
    )
    assert response["Location"] == reverse("applications:check", kwargs={"pk": application.pk})
    assert "张小三" in client.get(response["Location"]).content.decode()


def test_sending_twice_with_the_same_key_makes_one_application(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    complete_steps(client, application)
    key = uuid.uuid4()
    first, second = submit(client, application, key), submit(client, application, key)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Application.objects.filter(applicant=citizen).count() == 1
    assert StatusEvent.objects.filter(application=application, to_status=Status.SUBMITTED).count() == 1
    # A different key (a second tab) does not send again either.
    third = submit(client, application)
    assert third.status_code == 302
    assert StatusEvent.objects.filter(application=application, to_status=Status.SUBMITTED).count() == 1


def test_declaration_must_be_ticked(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    application = complete_steps(client, application)
    response = client.post(
        reverse("applications:check", kwargs={"pk": application.pk}),
        {"idempotency_key": str(uuid.uuid4()), "version": str(application.version)},
    )
    body = response.content.decode()
    assert "There is a problem" in body
    assert "<title>Error: " in body
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_status_history_starts_with_the_draft(submitted):
    events = list(submitted.events.values_list("from_status", "to_status", "source"))
    assert events == [("", "draft", "portal"), ("draft", "submitted", "portal")]


def test_my_applications_lists_drafts_and_sent_ones(service_for, submitted, citizen, client_for):
    client = client_for(citizen)
    draft = start_application(client, service_for("general-application"))
    body = client.get(reverse("applications:mine")).content.decode()
    assert submitted.reference in body
    assert reverse("applications:detail", kwargs={"pk": draft.pk}) in body
    assert "其他事项申请" in body and "老年人乘车卡申请" in body


def test_status_page_shows_a_timeline(submitted, citizen, client_for):
    body = client_for(citizen).get(reverse("applications:detail", kwargs={"pk": submitted.pk})).content.decode()
    assert submitted.reference in body
    assert 'class="timeline"' in body


def test_save_and_come_back_later_then_resume(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    data = step_post_data(application, "about-you")
    data["save_and_exit"] = "1"
    response = client.post(step_url(application, "about-you"), data)
    assert response["Location"] == reverse("applications:mine")
    # Another device: a fresh session of the same user resumes at the next unanswered step.
    other_device = client_for(citizen)
    response = other_device.get(reverse("applications:detail", kwargs={"pk": application.pk}))
    assert response["Location"] == step_url(application, "photo")


def test_long_flows_show_a_task_list(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("household-registration-transfer"))
    response = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))
    assert response["Location"] == reverse("applications:tasks", kwargs={"pk": application.pk})
    body = client.get(response["Location"]).content.decode()
    assert "Not yet started" in body
    complete_steps(client, application)
    body = client.get(reverse("applications:tasks", kwargs={"pk": application.pk})).content.decode()
    assert reverse("applications:check", kwargs={"pk": application.pk}) in body


def test_a_draft_keeps_its_flow_version_when_a_new_one_is_published(service_for, citizen, client_for):
    from portal.applications.models import Flow
    from portal.applications.services import flow_version_publish

    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    old_version = application.flow_version
    definition = dict(old_version.definition)
    definition["steps"] = [definition["steps"][0]]  # the new version asks far less
    new_version, created = flow_version_publish(flow=Flow.objects.get(key="general-application"), definition=definition)
    assert created and new_version.number == old_version.number + 1
    complete_steps(client, application)
    application.refresh_from_db()
    assert application.flow_version == old_version
    assert "request" in application.completed_steps  # still asked the old version's steps
    assert submit(client, application).status_code == 302
    newer = start_application(client, service_for("general-application"))
    assert newer.flow_version == new_version
