"""Filling in and sending applications through the views, as a citizen (or someone acting for one) does:
the POST data that answers a step validly, the URLs, and whole runs from the start page to the check page.
Plain functions for any directory's tests; the fixtures that use them (`submitted`) are in tests/conftest.py.

    application = start_application(client, service_for("senior-bus-pass"))
    application = complete_steps(client, application)   # every step the answers ask, in order
    submit(client, application)                          # from the check page, with its current version
"""

import datetime
import io

from tests.people import make_resident_id

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def upload(name, content):
    """A file to POST, named `name`."""
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def field_post_data(field_def, *, applicant=None, value=None):
    """POST data answering one question validly (or with `value` when given)."""
    key, kind = field_def.key, field_def.type
    if (
        kind == "resident_id"
        and field_def.from_account == "resident_id"
        and applicant is not None
        and applicant.resident_id_encrypted
    ):
        return {}  # already known: shown, not asked
    if value is not None:
        if kind == "date" and isinstance(value, tuple):
            return {f"{key}_0": value[0], f"{key}_1": value[1], f"{key}_2": value[2]}
        if kind == "address" and isinstance(value, tuple):
            return {f"{key}_0": value[0], f"{key}_1": value[1], f"{key}_2": value[2]}
        return {key: value}
    if kind in ("text", "textarea"):
        return {key: "测试内容"}
    if kind == "name":
        return {key: "王小明"}
    if kind == "bank_account":
        return {key: "6222021234567890128"}
    if kind == "number":
        return {key: "2"}
    if kind == "date":
        year = datetime.date.today().year + 1 if field_def.date_rule == "future" else 1950
        return {f"{key}_0": str(year), f"{key}_1": "3", f"{key}_2": "27"}
    if kind in ("choice",):
        from portal.applications.field_types import FIELD_TYPES

        return {key: FIELD_TYPES[kind].choices(field_def)[0][0]}
    if kind == "multiple_choice":
        return {key: [field_def.options[0].value]}
    if kind == "yes_no":
        return {key: "yes"}
    if kind == "resident_id":
        return {key: make_resident_id(sequence=789)}
    if kind == "phone":
        return {key: "13912345678"}
    if kind == "email":
        return {key: "someone@example.com"}
    if kind == "address":
        return {f"{key}_0": "370100", f"{key}_1": "370102", f"{key}_2": "经十路1号"}
    if kind == "money":
        return {key: "1200.50"}
    if kind == "file":
        kinds = field_def.allowed_types or ["pdf"]
        return {key: upload("scan.pdf", PDF_BYTES) if "pdf" in kinds else upload("photo.png", PNG_BYTES)}
    if kind == "declaration":
        return {key: "on"}
    raise AssertionError(kind)


def step_post_data(application, step_key, overrides=None):
    """POST data answering every question the step shows now (with the version the page would send)."""
    from portal.applications.models import Application

    application = Application.objects.get(pk=application.pk)
    flow = application.flow
    data = {"version": str(application.version)}
    for field_def in flow.visible_fields(flow.step(step_key), application.answers):
        data.update(
            field_post_data(field_def, applicant=application.applicant, value=(overrides or {}).get(field_def.key))
        )
    return data


def step_url(application, step_key):
    """The step's page (reversed in the active language)."""
    from django.urls import reverse

    return reverse("applications:step", kwargs={"pk": application.pk, "step": step_key})


def complete_steps(client, application, overrides=None, limit=20):
    """Answer every step the application asks, in order, until nothing is missing."""
    from portal.applications.models import Application
    from portal.applications.selectors import application_missing_steps

    for _ in range(limit):
        application = Application.objects.get(pk=application.pk)
        missing = application_missing_steps(application)
        if not missing:
            return application
        response = client.post(step_url(application, missing[0]), step_post_data(application, missing[0], overrides))
        assert response.status_code == 302, response.content.decode()[:4000]
    raise AssertionError("the application never completed")


def start_application(client, page):
    """Start an application for the service `page` from its start page: the new draft."""
    from django.urls import reverse

    from portal.applications.models import Application

    response = client.post(reverse("applications:start", kwargs={"service_code": page.service_code}))
    assert response.status_code == 302
    return Application.objects.filter(service_code=page.service_code).latest("created_at")


def submit(client, application, key=None):
    """Send the application from its check page, as loaded now (with its current version)."""
    import uuid

    from django.urls import reverse

    from portal.applications.models import Application

    version = Application.objects.values_list("version", flat=True).get(pk=application.pk)
    return client.post(
        reverse("applications:check", kwargs={"pk": application.pk}),
        {"declaration": "on", "idempotency_key": str(key or uuid.uuid4()), "version": str(version)},
    )


def pdf_text(data, tmp_path):
    """A PDF's text as pdftotext (poppler-utils) reads it."""
    import subprocess

    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
