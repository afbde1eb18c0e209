"""Every upload is checked by a real ClamAV daemon before it is kept (tests/clamd.py knows the EICAR test string):
a virus is refused with a clear message and nothing kept; when the scanner cannot be reached, uploads are refused
(fail closed) or, with UPLOAD_SCAN_FAIL_OPEN, kept and marked as not scanned."""

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from portal.applications.models import ApplicationDocument
from portal.applications.scanning import ScanState
from portal.assisted.models import MoreInformationAnswer
from tests.applying import PDF_BYTES, start_application, step_post_data, step_url, upload
from tests.clamd import EICAR

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:9"  # the discard port: nothing listens, so the scanner is down


def _post_file(client, application, content, name="report.pdf"):
    data = step_post_data(application, "resolution")
    data["resolution"] = upload(name, content)
    return client.post(step_url(application, "resolution"), data)


def _stored_files():
    """The folders and files under applications/ in the storage: one folder per application with a document."""
    storage = storages["default"]
    folders, files = storage.listdir("applications") if storage.exists("applications") else ([], [])
    return sorted(folders), sorted(files)


@pytest.fixture
def applying(service_for, citizen, client_for):
    client = client_for(citizen)
    return client, start_application(client, service_for("business-licence-change"))


@pytest.mark.parametrize(
    "content", [EICAR, PDF_BYTES + EICAR], ids=["the EICAR test file", "a PDF carrying the EICAR string"]
)
def test_a_virus_is_refused_with_a_clear_message_and_nothing_is_kept(scanned, applying, content):
    client, application = applying
    folders_before = _stored_files()

    response = _post_file(client, application, content)

    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "The selected file contains a virus, so it has not been kept" in body
    assert not ApplicationDocument.objects.filter(application=application).exists()
    assert _stored_files() == folders_before


def test_a_clean_file_is_kept_and_recorded_as_scanned(scanned, applying):
    client, application = applying

    assert _post_file(client, application, PDF_BYTES).status_code == 302

    assert ApplicationDocument.objects.get(application=application).scan_state == ScanState.CLEAN


def test_with_the_scanner_down_uploads_are_refused_by_default(settings, applying):
    settings.CLAMAV_ADDRESS, settings.UPLOAD_SCAN_FAIL_OPEN = CLOSED_PORT, False
    client, application = applying

    body = _post_file(client, application, PDF_BYTES).content.decode()

    assert "We could not check the selected file for viruses just now" in body
    assert not ApplicationDocument.objects.filter(application=application).exists()


def test_failing_open_keeps_the_file_marked_as_not_scanned(settings, applying):
    settings.CLAMAV_ADDRESS, settings.UPLOAD_SCAN_FAIL_OPEN = CLOSED_PORT, True
    client, application = applying

    assert _post_file(client, application, PDF_BYTES).status_code == 302

    assert ApplicationDocument.objects.get(application=application).scan_state == ScanState.NOT_SCANNED


def test_a_virus_sent_in_answer_to_a_request_for_more_information_is_refused(
    scanned, submitted, client_for, reviewer, citizen, django_capture_on_commit_callbacks
):
    reviewer_client = client_for(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        reviewer_client.post(
            reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "start"}),
            {"expected_status": "submitted"},
        )
        reviewer_client.post(
            reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "more-information"}),
            {"more-expected_status": "in_review", "more-note": "请补充户口簿首页。"},
        )
    response = client_for(citizen).post(
        reverse("more_information:answer", kwargs={"pk": submitted.pk}),
        {"text": "已补充。", "files": [upload("hukou-page.pdf", PDF_BYTES + EICAR)]},
    )

    assert response.status_code == 200
    assert "The selected file contains a virus, so it has not been kept" in response.content.decode()
    assert not MoreInformationAnswer.objects.filter(application=submitted).exists()


def test_a_file_too_large_for_the_scanner_is_refused_even_when_failing_open(settings, applying, tmp_path):
    """clamd is up but will not scan past its StreamMaxLength: that is no clean bill, whatever the setting."""
    from tests.clamd import Clamd

    small = Clamd(tmp_path, stream_max_length="1M").start()
    try:
        settings.CLAMAV_ADDRESS, settings.UPLOAD_SCAN_FAIL_OPEN = small.address, True
        client, application = applying

        body = _post_file(client, application, PDF_BYTES + EICAR + b"\0" * (3 * 1024 * 1024)).content.decode()
    finally:
        small.stop()

    assert "The selected file could not be checked for viruses, so it has not been kept" in body
    assert not ApplicationDocument.objects.filter(application=application).exists()
