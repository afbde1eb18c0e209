"""Connectors plug into the application engine through its hooks (portal/applications/hooks.py), so the engine
never imports them: the outbox rows are written in the submission's own transaction, the citizen's page reads
the delivery progress, and the prefill registers are the connectors' plugins, looked up about the applicant."""

import pytest

from portal.applications import hooks
from portal.applications.models import Application
from portal.applications.status import Status
from portal.connectors.models import ConnectorConfig, Delivery, PrefillLookup

pytestmark = pytest.mark.django_db


@pytest.fixture
def connector(db):
    return ConnectorConfig.objects.create(slug="demo-bo", name="Demo back office", plugin="demo")


def test_the_outbox_rows_commit_with_the_submission(connector, submit, citizen):
    application = submit(citizen)
    assert application.status == Status.SUBMITTED
    assert Delivery.objects.get(application=application).connector == connector


def test_a_submission_that_fails_after_the_outbox_rows_leaves_neither(connector, submit, citizen, monkeypatch):
    def later_listener(*, application):
        raise RuntimeError("a listener after the outbox failed")

    monkeypatch.setattr(hooks, "_submission_listeners", [*hooks.submission_listeners(), later_listener])
    with pytest.raises(RuntimeError):
        submit(citizen)
    application = Application.objects.get()
    assert application.status == Status.DRAFT and application.reference is None
    assert not Delivery.objects.exists()


def test_the_citizens_page_reads_the_delivery_progress_from_the_deliveries(connector, submit, citizen):
    application = submit(citizen)
    label, _explanation = hooks.delivery_progress(application)
    assert str(label) == "Submitted"
    Delivery.objects.all().delete()
    assert hooks.delivery_progress(application) is None  # no back office: the status says it all


def test_the_registers_are_the_prefill_plugins(citizen):
    register = hooks.public_registers().get("demo-household")
    assert str(register.label) == "Household register (demo)" and "household.number" in register.attributes
    assert "demo-household" in [found.id for found in hooks.public_registers().all()]
    assert hooks.public_registers().get("nowhere") is None


def test_a_register_is_asked_about_the_applicant_whoever_acts(submit, citizen, other_citizen):
    application = submit(citizen)
    answers = hooks.public_registers().look_up(
        application=application, actor=other_citizen, wanted={"demo-household": {"number": "household.number"}}
    )
    assert not answers["demo-household"].failed and answers["demo-household"].values["number"]
    lookup = PrefillLookup.objects.get()
    assert (lookup.actor, lookup.subject, lookup.application) == (other_citizen, citizen, application)
