"""Issue 13, item 11: a form knows whom it is filled in for. Acting for someone, answers known from the account are
the principal's and say so by name; "are you applying for someone?" is answered by the mandate, not asked."""

import re

import pytest
from django.urls import reverse

from portal.applications.models import Application
from portal.applications.selectors import application_missing_steps
from tests.applying import start_application, step_post_data, step_url

pytestmark = pytest.mark.django_db

FLOW = "disability-certificate"


def _answer_until(client, application, step_key):
    """Answer the steps before `step_key`, as the person filling in the form would."""
    for _ in range(10):
        application = Application.objects.get(pk=application.pk)
        missing = application_missing_steps(application)
        if missing[0] == step_key:
            return application
        response = client.post(step_url(application, missing[0]), step_post_data(application, missing[0]))
        assert response.status_code == 302, response.content.decode()[:3000]
    raise AssertionError(f"never reached {step_key}")


def _main(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html.split('id="main"', 1)[1]).split())


@pytest.fixture
def acting(client_for, agent, mandate_for):
    client = client_for(agent)
    client.post(reverse("representation:act", kwargs={"pk": mandate_for().pk}))
    return client


def test_acting_for_someone_the_guardian_question_is_answered_by_the_mandate(acting, service_for, principal):
    application = _answer_until(acting, start_application(acting, service_for(FLOW)), "applying-for")
    page = acting.get(step_url(application, "applying-for")).content.decode()
    assert 'name="is_guardian"' not in page  # not asked
    assert "You are applying for 王奶奶 with their permission, so this is answered for you." in _main(page)

    assert (
        acting.post(
            step_url(application, "applying-for"), {"version": str(Application.objects.get(pk=application.pk).version)}
        ).status_code
        == 302
    )
    application.refresh_from_db()
    assert application.answers["is_guardian"] == "yes"


def test_acting_for_someone_their_id_number_is_not_asked_and_says_whose_account(acting, service_for, principal):
    application = _answer_until(acting, start_application(acting, service_for(FLOW)), "applying-for")
    acting.post(step_url(application, "applying-for"), {"version": str(application.version)})
    application = _answer_until(acting, application, "guardian")
    page = acting.get(step_url(application, "guardian")).content.decode()
    assert 'name="person_resident_id"' not in page
    assert "From 王奶奶’s account. Only they can change it." in _main(page)
    assert "From your account" not in page
    assert 'value="王奶奶"' in page  # the name, from her record, to confirm


def test_acting_for_someone_the_about_you_id_hint_names_them(acting, service_for):
    application = start_application(acting, service_for(FLOW))
    first = application.flow.steps[0].key
    page = acting.get(step_url(application, first)).content.decode()
    assert "From 王奶奶’s account. Only they can change it." in _main(page)
    assert "From your account" not in page


def test_applying_for_oneself_the_guardian_question_is_answered_no(client_for, service_for, principal):
    client = client_for(principal)
    application = _answer_until(client, start_application(client, service_for(FLOW)), "applying-for")
    page = client.get(step_url(application, "applying-for")).content.decode()
    assert 'name="is_guardian"' not in page
    assert "You are applying for yourself, so this is answered for you." in _main(page)
    client.post(step_url(application, "applying-for"), {"version": str(application.version)})
    application.refresh_from_db()
    assert application.answers["is_guardian"] == "no"
    assert "guardian" not in [step.key for step in application.flow.visible_steps(application.answers)]
    first = application.flow.steps[0].key
    assert "From your account. To change it, update your account details." in _main(
        client.get(step_url(application, first)).content.decode()
    )
