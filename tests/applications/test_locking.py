"""Optimistic locking: two tabs cannot silently overwrite each other, and nothing typed is lost."""

import pytest

from portal.applications import services
from portal.applications.models import Application
from tests.applying import start_application, step_post_data, step_url

pytestmark = pytest.mark.django_db


def test_the_second_tab_is_told_and_keeps_what_it_typed(service_for, citizen, client_for):
    tab_a, tab_b = client_for(citizen), client_for(citizen)
    application = start_application(tab_a, service_for("senior-bus-pass"))
    form_version = application.version  # both tabs loaded the page at this version
    data_a = step_post_data(application, "about-you", {"full_name": "张三甲"})
    data_b = step_post_data(application, "about-you", {"full_name": "张三乙"})
    assert tab_a.post(step_url(application, "about-you"), data_a).status_code == 302
    data_b["version"] = str(form_version)
    response = tab_b.post(step_url(application, "about-you"), data_b)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Your answers have not been saved yet" in body
    assert 'value="张三乙"' in body  # what tab B typed is still on its page
    application.refresh_from_db()
    assert application.answers["full_name"] == "张三甲"  # tab A's answer was not overwritten
    # Saving again from tab B's page (now carrying the newer version) works, deliberately.
    current = application.version
    assert f'name="version" value="{current}"' in body
    data_b["version"] = str(current)
    assert tab_b.post(step_url(application, "about-you"), data_b).status_code == 302
    application.refresh_from_db()
    assert application.answers["full_name"] == "张三乙"


def test_the_service_refuses_a_stale_version(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    services.application_step_save(
        application=application,
        step_key="request",
        cleaned_data={"request": "一", "contact_by": "sms"},
        expected_version=application.version,
        actor=citizen,
    )
    stale = Application.objects.get(pk=application.pk)
    stale.version -= 1
    with pytest.raises(services.StaleApplication):
        services.application_step_save(
            application=stale,
            step_key="request",
            cleaned_data={"request": "二", "contact_by": "sms"},
            expected_version=stale.version,
            actor=citizen,
        )
    assert Application.objects.get(pk=application.pk).answers["request"] == "一"


def test_every_write_adds_one_to_the_version(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    before = application.version
    client.post(step_url(application, "request"), step_post_data(application, "request"))
    application.refresh_from_db()
    assert application.version == before + 1
