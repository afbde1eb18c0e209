"""The version lock where the pages send a version: a page loaded before the application changed (in another
tab, on another device, or by the department) does not send, withdraw, delete or change it. The page is shown
again as things are now, and says why; a page that sends no version is refused the same way; a change to an
application sent meanwhile is refused with a message, never a server error."""

import re
import uuid

import pytest
from django.urls import reverse

from portal.applications import services, views
from portal.applications.models import Application, ApplicationDocument
from portal.applications.status import Source, Status

from .conftest import complete_steps, start_application, step_post_data, step_url

pytestmark = pytest.mark.django_db

FLOW = "senior-bus-pass"  # about-you (name, known ID number, phone), photo (an upload), collect (+ delivery)


def version(application):
    return Application.objects.get(pk=application.pk).version


def url(name, application):
    return reverse(f"applications:{name}", kwargs={"pk": application.pk})


def send(client, application, loaded):
    """Accept the declaration on a check page loaded at version `loaded`."""
    return client.post(
        url("check", application), {"declaration": "on", "idempotency_key": str(uuid.uuid4()), "version": str(loaded)}
    )


def version_on_page(body):
    return int(re.search(r'<input type="hidden" name="version" value="(\d+)"', body).group(1))


@pytest.fixture
def draft(service_for, citizen, client_for):
    """A draft of `citizen`'s with every step answered (and a photo uploaded), ready to send."""
    application = start_application(client_for(citizen), service_for(FLOW))
    return complete_steps(client_for(citizen), application)


@pytest.fixture
def sent(draft, citizen, client_for):
    assert send(client_for(citizen), draft, version(draft)).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    return draft


def change_phone_in_another_tab(client, application, phone="13800001111"):
    data = step_post_data(application, "about-you", {"phone": phone})
    assert client.post(step_url(application, "about-you") + "?change=1", data).status_code == 302


# Sending from a stale check-your-answers page ------------------------------------------------------------


def test_sending_from_a_check_page_changed_since_is_refused_and_shows_the_answers_as_they_are_now(
    draft, citizen, client_for
):
    tab_a, tab_b = client_for(citizen), client_for(citizen)
    loaded = version_on_page(tab_a.get(url("check", draft)).content.decode())
    change_phone_in_another_tab(tab_b, draft)

    response = send(tab_a, draft, loaded)

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your application has not been sent" in body and "changed in another tab" in body
    assert "13800001111" in body  # the answer they have not declared yet, shown to be checked
    assert version_on_page(body) == version(draft)  # the declaration is now given on this version
    assert "checked" not in re.search(r'<input[^>]*name="declaration"[^>]*>', body).group(0)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and not draft.reference


def test_a_check_page_that_sends_no_version_is_refused(draft, citizen, client_for):
    response = client_for(citizen).post(
        url("check", draft), {"declaration": "on", "idempotency_key": str(uuid.uuid4())}
    )

    assert response.status_code == 409
    assert "Your application has not been sent" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and not draft.reference


# Steps ------------------------------------------------------------------------------------------------


def test_a_step_that_sends_no_version_is_refused_and_keeps_what_was_typed(draft, citizen, client_for):
    data = step_post_data(draft, "about-you", {"phone": "13700002222"})
    del data["version"]

    response = client_for(citizen).post(step_url(draft, "about-you"), data)

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your answers have not been saved yet" in body and 'value="13700002222"' in body
    assert version_on_page(body) == version(draft)
    draft.refresh_from_db()
    assert draft.answers["phone"] == "13912345678"


def test_removing_a_document_after_the_application_was_sent_says_so_and_keeps_the_file(sent, citizen, client_for):
    document, tab = sent.documents.get(), client_for(citizen)

    response = tab.post(
        step_url(sent, "photo"), {"remove_document": str(document.pk), "version": str(version(sent) - 1)}
    )

    assert response.status_code == 302 and response["Location"] == url("detail", sent)
    body = tab.get(response["Location"]).content.decode()
    assert "This application has already been sent, so it can no longer be changed." in body
    assert ApplicationDocument.objects.filter(pk=document.pk).exists()


def test_removing_a_document_while_the_application_is_being_sent_says_so_and_keeps_the_file(
    draft, citizen, client_for, monkeypatch
):
    """The race itself: the step view has read the draft when another tab sends it; document_remove refuses
    (NotADraft) and the citizen is told, not shown a server error."""
    document = draft.documents.get()
    as_read = Application.objects.get(pk=draft.pk)
    assert send(client_for(citizen), draft, version(draft)).status_code == 302
    monkeypatch.setattr(views, "application_get_for_user", lambda **kwargs: as_read)
    tab = client_for(citizen)

    response = tab.post(
        step_url(draft, "photo"), {"remove_document": str(document.pk), "version": str(as_read.version)}
    )

    monkeypatch.undo()
    assert response.status_code == 302 and response["Location"] == url("detail", draft)
    body = tab.get(response["Location"]).content.decode()
    assert "This application has already been sent, so it can no longer be changed." in body
    assert ApplicationDocument.objects.filter(pk=document.pk).exists()


# Withdrawing --------------------------------------------------------------------------------------------


def test_withdrawing_from_a_page_loaded_before_the_status_changed_asks_again(sent, citizen, client_for):
    client = client_for(citizen)
    loaded = version_on_page(client.get(url("withdraw", sent)).content.decode())
    services.application_transition(application=sent, to_status=Status.RECEIVED, actor=None, source=Source.CONNECTOR)

    response = client.post(url("withdraw", sent), {"version": str(loaded)})

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your application has not been withdrawn" in body
    assert "its status is now “Received by the department”" in body and "Yes, withdraw it" in body
    assert version_on_page(body) == version(sent)
    sent.refresh_from_db()
    assert sent.status == Status.RECEIVED


def test_withdrawing_from_a_page_loaded_before_the_review_started_is_refused(sent, citizen, client_for):
    client = client_for(citizen)
    loaded = version_on_page(client.get(url("withdraw", sent)).content.decode())
    for status in (Status.RECEIVED, Status.IN_REVIEW):
        services.application_transition(application=sent, to_status=status, actor=None, source=Source.CONNECTOR)

    response = client.post(url("withdraw", sent), {"version": str(loaded)})

    assert response.status_code == 302 and response["Location"] == url("detail", sent)
    assert "can no longer be withdrawn" in client.get(response["Location"]).content.decode()
    sent.refresh_from_db()
    assert sent.status == Status.IN_REVIEW


# Deleting a draft ---------------------------------------------------------------------------------------


def test_deleting_a_draft_changed_since_in_another_tab_is_refused_and_asks_again(draft, citizen, client_for):
    tab_a, tab_b = client_for(citizen), client_for(citizen)
    loaded = version_on_page(tab_a.get(url("withdraw", draft)).content.decode())
    change_phone_in_another_tab(tab_b, draft)

    response = tab_a.post(url("withdraw", draft), {"version": str(loaded), "delete_draft": "1"})

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your draft has not been deleted" in body and "Yes, delete the draft" in body
    assert version_on_page(body) == version(draft)
    assert Application.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_from_a_page_that_sends_no_version_is_refused(draft, citizen, client_for):
    response = client_for(citizen).post(url("withdraw", draft), {"delete_draft": "1"})

    assert response.status_code == 409
    assert "Your draft has not been deleted" in response.content.decode()
    assert Application.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_sent_since_in_another_tab_says_so_and_keeps_it(draft, citizen, client_for):
    tab_a, tab_b = client_for(citizen), client_for(citizen)
    page = tab_a.get(url("withdraw", draft)).content.decode()
    assert "Delete this draft?" in page
    assert send(tab_b, draft, version(draft)).status_code == 302

    response = tab_a.post(url("withdraw", draft), {"version": str(version_on_page(page)), "delete_draft": "1"})

    assert response.status_code == 302 and response["Location"] == url("detail", draft)
    body = tab_a.get(response["Location"]).content.decode()
    assert "This application has already been sent, so it has not been deleted." in body
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


def test_deleting_a_draft_while_it_is_being_sent_says_so_and_keeps_it(draft, citizen, client_for, monkeypatch):
    """The race itself: the view has read the draft when another tab sends it; application_draft_delete refuses
    (NotADraft) and the citizen is told, not shown a server error."""
    as_read = Application.objects.get(pk=draft.pk)
    assert send(client_for(citizen), draft, version(draft)).status_code == 302
    monkeypatch.setattr(views, "application_get_for_user", lambda **kwargs: as_read)
    tab = client_for(citizen)

    response = tab.post(url("withdraw", draft), {"version": str(as_read.version), "delete_draft": "1"})

    monkeypatch.undo()
    assert response.status_code == 302 and response["Location"] == url("detail", draft)
    body = tab.get(response["Location"]).content.decode()
    assert "This application has already been sent, so it has not been deleted." in body
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
