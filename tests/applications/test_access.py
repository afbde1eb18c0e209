"""Another user's application, draft, upload or receipt, asked for by its ID, is not found (404)."""

import pytest
from django.urls import reverse

from portal.applications.models import ApplicationDocument
from tests.applying import complete_steps, start_application, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_with_upload(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application, overrides={"collect_method": "hall"})
    return application


def test_another_users_sent_application_and_receipt_are_not_found(submitted, citizens_son, client_for):
    intruder = client_for(citizens_son)
    for name in ("detail", "confirmation", "withdraw", "receipt", "check", "tasks"):
        url = reverse(f"applications:{name}", kwargs={"pk": submitted.pk})
        assert intruder.get(url).status_code == 404, name
    assert intruder.post(reverse("applications:withdraw", kwargs={"pk": submitted.pk})).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_another_users_draft_and_upload_are_not_found(draft_with_upload, citizens_son, client_for):
    intruder = client_for(citizens_son)
    assert intruder.get(step_url(draft_with_upload, "about-you")).status_code == 404
    assert intruder.post(step_url(draft_with_upload, "about-you"), {"full_name": "x"}).status_code == 404
    assert intruder.get(reverse("applications:detail", kwargs={"pk": draft_with_upload.pk})).status_code == 404
    document = ApplicationDocument.objects.get(application=draft_with_upload)
    assert intruder.get(reverse("applications:document", kwargs={"pk": document.pk})).status_code == 404


def test_the_owner_can_download_their_upload(draft_with_upload, citizen, client_for):
    document = ApplicationDocument.objects.get(application=draft_with_upload)
    response = client_for(citizen).get(reverse("applications:document", kwargs={"pk": document.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_signed_out_people_are_sent_to_sign_in(submitted, client):
    response = client.get(reverse("applications:detail", kwargs={"pk": submitted.pk}))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_one_function_decides_access():
    """The views reach applications only through selectors.application_get_for_user / document_get_for_user,
    both built on applications_visible_to."""
    import inspect

    from portal.applications import views

    source = inspect.getsource(views)
    assert "Application.objects.get(" not in source
    assert "ApplicationDocument.objects.get(" not in source
