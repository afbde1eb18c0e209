"""Every write a citizen makes to an application says which version of it they saw: sending, deleting a draft
and withdrawing refuse a page that is out of date (another tab, another device) instead of acting on what the
citizen did not see. A reference number that another application took meanwhile is drawn again, never
reported as "already sent"."""

import inspect
import uuid

import pytest
from django.core.files.base import ContentFile

from portal.applications import services
from portal.applications.models import Application, ApplicationDocument
from portal.applications.selectors import flow_version_current
from portal.applications.status import Source, Status

pytestmark = pytest.mark.django_db

ANSWERS = {
    "full_name": "张三",
    "phone": "13912345678",
    "email": "",
    "request": "请办理",
    "contact_by": "sms",
    "supporting_documents": [],
}


@pytest.fixture
def draft(flows, citizen):
    """A general application of `citizen`'s with every step answered, ready to send."""
    application = services.application_start(
        flow_version=flow_version_current("general-application"),
        applicant=citizen,
        actor=citizen,
        service_code="3700-QT-109",
    )
    Application.objects.filter(pk=application.pk).update(
        answers={**ANSWERS, "resident_id": citizen.resident_id},
        completed_steps=[step.key for step in application.flow.steps],
    )
    application.refresh_from_db()
    return application


def _send(application, actor, key=None, version=None):
    return services.application_submit(
        application=application,
        actor=actor,
        idempotency_key=key or uuid.uuid4(),
        expected_version=application.version if version is None else version,
    )


def _changed_elsewhere(application):
    """Another tab saves the draft: its version moves on; `application` still holds the old one."""
    Application.objects.filter(pk=application.pk).update(version=application.version + 1)


def test_the_version_is_required_by_every_write_a_citizen_makes():
    for write in (services.application_submit, services.application_draft_delete, services.application_withdraw):
        parameter = inspect.signature(write).parameters["expected_version"]
        assert parameter.default is inspect.Parameter.empty and parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_sending_a_draft_changed_since_the_page_was_loaded_is_refused(draft, citizen):
    _changed_elsewhere(draft)
    with pytest.raises(services.StaleApplication):
        _send(draft, citizen)
    draft.refresh_from_db()
    assert (
        draft.status == Status.DRAFT
        and draft.reference is None
        and not draft.events.filter(to_status=Status.SUBMITTED).exists()
    )


def test_sending_the_version_seen_sends_it(draft, citizen):
    sent = _send(draft, citizen)
    assert sent.status == Status.SUBMITTED and sent.reference and sent.version == draft.version + 1


def test_the_same_request_again_returns_the_application_already_sent_whatever_its_version(draft, citizen):
    key, seen = uuid.uuid4(), draft.version
    first = _send(draft, citizen, key=key)
    again = _send(draft, citizen, key=key, version=seen)  # a double click: the version has moved on since
    assert (again.pk, again.reference, again.status) == (first.pk, first.reference, Status.SUBMITTED)


def test_another_request_for_an_application_already_sent_says_so(draft, citizen):
    sent = _send(draft, citizen)
    with pytest.raises(services.AlreadySubmitted) as raised:
        _send(draft, citizen, version=sent.version)
    assert raised.value.application.reference == sent.reference


def test_a_reference_number_taken_meanwhile_is_drawn_again(draft, citizen, monkeypatch):
    other = services.application_start(
        flow_version=flow_version_current("general-application"),
        applicant=citizen,
        actor=citizen,
        service_code="3700-QT-109",
    )
    Application.objects.filter(pk=other.pk).update(
        answers={**ANSWERS, "resident_id": citizen.resident_id}, completed_steps=[step.key for step in other.flow.steps]
    )
    other.refresh_from_db()
    taken = _send(other, citizen).reference
    drawn = iter([taken, "SD-7KQ4-M9XP"])
    monkeypatch.setattr(services, "reference_generate", lambda: next(drawn))

    sent = _send(draft, citizen)  # the first number drawn collides with the other application's
    assert sent.status == Status.SUBMITTED and sent.reference == "SD-7KQ4-M9XP"
    assert Application.objects.get(pk=other.pk).reference == taken


def test_deleting_a_draft_changed_since_the_page_was_loaded_is_refused(draft, citizen):
    seen = draft.version
    _changed_elsewhere(draft)
    with pytest.raises(services.StaleApplication):
        services.application_draft_delete(application=draft, actor=citizen, expected_version=seen)
    assert Application.objects.filter(pk=draft.pk).exists()
    services.application_draft_delete(application=draft, actor=citizen, expected_version=seen + 1)
    assert not Application.objects.filter(pk=draft.pk).exists()


def test_an_application_already_sent_is_not_deleted_as_a_draft(draft, citizen):
    seen = draft.version
    sent = _send(draft, citizen)
    for version in (seen, sent.version):  # whichever page the click came from
        with pytest.raises(services.NotADraft):
            services.application_draft_delete(application=draft, actor=citizen, expected_version=version)
    assert Application.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_withdrawing_what_changed_since_the_page_was_loaded_is_refused(draft, citizen):
    sent = _send(draft, citizen)
    seen = sent.version
    services.application_transition(application=sent, to_status=Status.RECEIVED, actor=None, source=Source.STAFF)
    with pytest.raises(services.StaleApplication):  # the department has it now: the citizen saw "submitted"
        services.application_withdraw(application=sent, actor=citizen, expected_version=seen)
    assert Application.objects.get(pk=sent.pk).status == Status.RECEIVED
    withdrawn = services.application_withdraw(
        application=sent, actor=citizen, expected_version=seen + 1, note="sent by mistake"
    )
    assert withdrawn.status == Status.WITHDRAWN
    assert withdrawn.events.get(to_status=Status.WITHDRAWN).note == "sent by mistake"


def test_a_draft_is_deleted_never_withdrawn(draft, citizen):
    with pytest.raises(services.TransitionNotAllowed):
        services.application_withdraw(application=draft, actor=citizen, expected_version=draft.version)
    for source in Source:  # nor by staff or a department system: a withdrawn draft would escape the purge
        with pytest.raises(services.TransitionNotAllowed):
            services.application_transition(application=draft, to_status=Status.WITHDRAWN, actor=None, source=source)
    assert Application.objects.get(pk=draft.pk).status == Status.DRAFT


def test_a_document_of_an_application_already_sent_is_not_removed(draft, citizen):
    document = ApplicationDocument(
        application=draft,
        field_key="supporting_documents",
        original_name="proof.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
        uploaded_by=citizen,
    )
    document.file.save("proof", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    Application.objects.filter(pk=draft.pk).update(
        answers={**draft.answers, "supporting_documents": [str(document.pk)]}
    )
    draft.refresh_from_db()
    sent = _send(draft, citizen)
    with pytest.raises(services.NotADraft):
        services.document_remove(application=sent, document=document, expected_version=sent.version, actor=citizen)
    assert ApplicationDocument.objects.filter(pk=document.pk).exists()
