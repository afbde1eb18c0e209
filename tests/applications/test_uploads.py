"""Uploads are judged by their content, limited in size, and kept out of reach of anyone else."""

import pytest

from portal.applications.models import ApplicationDocument
from tests.applying import EXE_BYTES, PDF_BYTES, start_application, step_post_data, step_url, upload

pytestmark = pytest.mark.django_db


def _post_file(client, application, step, key, handle):
    data = step_post_data(application, step)
    data[key] = handle
    return client.post(step_url(application, step), data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", EXE_BYTES, "is not a real PDF file"),
        ("report.pdf", b"", "The selected file is empty"),
        ("report.exe", EXE_BYTES, "The selected file must be a PDF"),
    ],
)
def test_bad_files_get_a_clear_error(name, content, message, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    response = _post_file(client, application, "resolution", "resolution", upload(name, content))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "There is a problem" in body
    assert not ApplicationDocument.objects.filter(application=application).exists()


def test_a_50_mb_file_is_refused(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    big = PDF_BYTES + b"\0" * (50 * 1024 * 1024)
    body = _post_file(client, application, "resolution", "resolution", upload("big.pdf", big)).content.decode()
    assert "The selected file must be smaller than 10 MB" in body
    assert not ApplicationDocument.objects.filter(application=application).exists()


def test_a_good_file_is_stored_through_the_storage_api_under_a_meaningless_name(service_for, citizen, client_for):
    from django.core.files.storage import storages

    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    response = _post_file(client, application, "resolution", "resolution", upload("决议.pdf", PDF_BYTES))
    assert response.status_code == 302
    document = ApplicationDocument.objects.get(application=application)
    assert document.original_name == "决议.pdf"
    assert document.content_type == "application/pdf"
    assert "决议" not in document.file.name and not document.file.name.startswith("media")
    assert storages["default"].exists(document.file.name)
    application.refresh_from_db()
    assert application.answers["resolution"] == [str(document.pk)]


def test_several_files_can_be_added_and_removed(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("medical-insurance-reimbursement"))
    for n in range(2):
        data = step_post_data(application, "invoices")
        data["invoices"] = upload(f"invoice{n}.pdf", PDF_BYTES)
        data["add_another"] = "1"
        response = client.post(step_url(application, "invoices"), data)
        assert response["Location"] == step_url(application, "invoices")
    documents = list(ApplicationDocument.objects.filter(application=application))
    assert len(documents) == 2
    application.refresh_from_db()
    response = client.post(
        step_url(application, "invoices"), {"remove_document": str(documents[0].pk), "version": application.version}
    )
    assert response.status_code == 302
    assert list(ApplicationDocument.objects.filter(application=application)) == [documents[1]]


def test_a_required_upload_is_satisfied_by_a_file_already_attached(service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    assert _post_file(client, application, "resolution", "resolution", upload("a.pdf", PDF_BYTES)).status_code == 302
    data = step_post_data(application, "resolution")
    data.pop("resolution")
    assert client.post(step_url(application, "resolution"), data).status_code == 302
    data = step_post_data(application, "resolution")
    data.pop("resolution")
    ApplicationDocument.objects.filter(application=application).delete()
    body = client.post(step_url(application, "resolution"), data).content.decode()
    assert "Upload the shareholders" in body
