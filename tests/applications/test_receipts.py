"""Receipts: a PDF in the applicant's language, read back with pdftotext; cached; verifiable."""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from portal.applications.models import ApplicationReceipt
from portal.applications.receipts import receipt_render_pdf, verification_token
from tests.applying import complete_steps, pdf_text, start_application, submit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
]


def test_receipt_download_in_chinese(submitted, citizen, client_for, tmp_path):
    client = client_for(citizen)
    with translation.override("zh-hans"):
        url = reverse("applications:receipt", kwargs={"pk": submitted.pk})
    assert not url.startswith("/en/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    text = pdf_text(data, tmp_path)
    assert submitted.reference in text
    assert "老年人乘车卡申请" in text
    assert "山东省民政厅" in text  # the department
    assert citizen.masked_resident_id in text and citizen.resident_id not in text
    assert "/apply/verify/" in re.sub(r"\s+", "", text)
    # Cached: asking again serves the same stored file.
    assert ApplicationReceipt.objects.filter(application=submitted).count() == 1
    client.get(url)
    assert ApplicationReceipt.objects.filter(application=submitted).count() == 1


def test_receipt_pdf_embeds_chinese_fonts_and_is_tagged(submitted, tmp_path):
    data = receipt_render_pdf(application=submitted, language="zh-hans")
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())  # embedded
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M)  # tagged for screen readers (PDF/UA-1)


def test_large_print_receipt_in_english(submitted, citizen, client_for, tmp_path):
    response = client_for(citizen).get(reverse("applications:receipt", kwargs={"pk": submitted.pk}) + "?large=1")
    assert "large-print" in response["Content-Disposition"]
    text = pdf_text(b"".join(response.streaming_content), tmp_path)
    assert submitted.reference in text and "Application receipt" in text


def test_the_receipt_is_rendered_by_the_worker_not_in_the_submission(
    service_for, citizen, client_for, django_capture_on_commit_callbacks
):
    from portal.background.jobs import EMBEDDED, Schedule, jobs_for

    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    complete_steps(client, application)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, application)
    # The submission returned without rendering a PDF ...
    assert not ApplicationReceipt.objects.filter(application=application).exists()
    # ... a pass of the embedded worker's jobs (manage.py worker) renders it, once, in the applicant's language.
    Schedule(jobs_for(EMBEDDED)).run_due()
    receipt = ApplicationReceipt.objects.get(application=application)
    assert (receipt.language, receipt.large_print) == ("en", False)
    Schedule(jobs_for(EMBEDDED)).run_due()
    assert ApplicationReceipt.objects.filter(application=application).count() == 1


def test_the_qr_link_verifies_a_genuine_receipt(submitted, client):
    url = reverse("applications:verify", kwargs={"token": verification_token(submitted)})
    body = client.get(url).content.decode()
    assert "This receipt is genuine" in body and submitted.reference in body
    assert "张三" not in body  # nothing personal
    forged = reverse("applications:verify", kwargs={"token": submitted.reference + ":forged"})
    assert client.get(forged).status_code == 404


def test_a_draft_has_no_receipt(service_for, citizen, client_for):
    from tests.applying import start_application

    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    assert client.get(reverse("applications:receipt", kwargs={"pk": application.pk})).status_code == 404


def test_the_receipt_masks_the_bank_account_as_it_masks_the_id(service_for, citizen, client_for, tmp_path):
    client = client_for(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    complete_steps(client, application)
    check = client.get(reverse("applications:check", kwargs={"pk": application.pk})).content.decode()
    assert "6222 0212 3456 7890 128" in check  # shown whole, grouped, for checking before sending
    submit(client, application)

    text = pdf_text(
        b"".join(client.get(reverse("applications:receipt", kwargs={"pk": application.pk})).streaming_content), tmp_path
    )

    assert "6222021234567890128" not in re.sub(r"\s+", "", text)
    assert "***************0128" in text
