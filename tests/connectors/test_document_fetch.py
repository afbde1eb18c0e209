"""A back office fetches the documents of an application it was sent: the delivery names each document's address,
and the request is signed with the connector's own secret, like a status update. Another connector, a signature
for another document or a stale one gets nothing; each fetch is audited for the applicant."""

import hashlib
import io
import json
import time
import uuid

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import resolve, reverse
from openapi_spec_validator import validate

from portal.applications.models import ApplicationDocument
from portal.audit.models import AuditEvent
from portal.connectors import signing
from portal.connectors.models import Delivery
from portal.connectors.services import delivery_payload
from tests.applying import PDF_BYTES

from .conftest import SECRET

pytestmark = pytest.mark.django_db

OTHER_SECRET_ENV, OTHER_SECRET = "TEST_HOUSING_BACKOFFICE_SECRET", "another-back-office-secret-0123"


@pytest.fixture
def sent(fast, rest_connector, submit, citizen, monkeypatch):
    """An application with one document, sent to the civil-affairs back office only; the housing back office
    (its own secret) takes another service."""
    monkeypatch.setenv(OTHER_SECRET_ENV, OTHER_SECRET)
    connector = rest_connector("http://127.0.0.1:9")
    other = rest_connector("http://127.0.0.1:9", slug="housing-bo", service_codes="3700-ZJ-001")
    other.secret_env = OTHER_SECRET_ENV
    other.save()
    application = submit(citizen)
    document = ApplicationDocument(
        application=application,
        field_key="supporting_documents",
        original_name="证明.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        sha256=hashlib.sha256(PDF_BYTES).hexdigest(),
    )
    document.file.save("proof", ContentFile(PDF_BYTES), save=False)
    document.save()
    return connector, other, application, document


def fetch(client, slug, document, *, secret=SECRET, signed_path=None, timestamp=None):
    path = reverse("connectors:document_fetch", kwargs={"slug": slug, "document_id": document.pk})
    headers = signing.signed_headers(secret, signing.request_message("GET", signed_path or path), timestamp=timestamp)
    return client.get(path, headers=headers)


def test_the_back_office_fetches_the_document_its_delivery_names(client, sent, settings):
    connector, _other, application, document = sent
    [named] = delivery_payload(Delivery.objects.get(connector=connector, application=application))["documents"]

    response = fetch(client, connector.slug, document)

    assert named["url"] == settings.PORTAL_BASE_URL + response.wsgi_request.path
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert response["X-Content-SHA256"] == named["sha256"] == document.sha256
    assert "attachment" in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="document.fetched_by_back_office")
    assert event.on_behalf_of_id == application.applicant_id and event.details["connector"] == connector.slug


def test_another_connector_gets_nothing_with_its_own_credentials_or_ours(client, sent):
    connector, other, _application, document = sent

    assert fetch(client, other.slug, document, secret=OTHER_SECRET).status_code == 404  # never sent it
    assert fetch(client, connector.slug, document, secret=OTHER_SECRET).status_code == 401  # not its secret
    assert not AuditEvent.objects.filter(action="document.fetched_by_back_office").exists()


def test_a_signature_is_for_one_document_and_one_moment(client, sent):
    connector, _other, _application, document = sent
    elsewhere = reverse("connectors:document_fetch", kwargs={"slug": connector.slug, "document_id": uuid.uuid4()})

    assert fetch(client, connector.slug, document, signed_path=elsewhere).status_code == 401
    assert fetch(client, connector.slug, document, timestamp=time.time() - 3600).status_code == 401
    assert (
        client.get(
            reverse("connectors:document_fetch", kwargs={"slug": connector.slug, "document_id": document.pk})
        ).status_code
        == 401
    )


def test_a_signed_request_is_used_once_and_odd_headers_are_refused_not_crashed(client, sent):
    connector, _other, _application, document = sent
    path = reverse("connectors:document_fetch", kwargs={"slug": connector.slug, "document_id": document.pk})
    headers = signing.signed_headers(SECRET, signing.request_message("GET", path))

    assert client.get(path, headers=headers).status_code == 200
    again = client.get(path, headers=headers)  # the same headers, copied from a log
    odd = client.get(path, headers={**headers, signing.SIGNATURE_HEADER: "sha256=é"})

    assert again.status_code == 401 and again.json() == {"error": "replayed"}
    assert odd.status_code == 401 and odd.json() == {"error": "signature"}


def test_an_unknown_document_looks_like_one_not_sent(client, sent):
    connector, _other, _application, document = sent
    ApplicationDocument.objects.filter(pk=document.pk).delete()

    response = fetch(client, connector.slug, document)

    assert response.status_code == 404 and response.json() == {"error": "unknown_document"}


def test_the_interface_is_described_by_a_valid_openapi_document_that_matches_the_code(sent):
    """`manage.py connectors_openapi` prints it; its paths are the portal's, and a real delivery fits its schema."""
    connector, _other, application, document = sent
    out = io.StringIO()
    call_command("connectors_openapi", stdout=out)
    spec = json.loads(out.getvalue())

    validate(spec)
    for path in spec["paths"]:
        concrete = path.replace("{slug}", connector.slug).replace("{document_id}", str(document.pk))
        assert resolve(concrete).url_name in {"status_webhook", "document_fetch"}
    payload = delivery_payload(Delivery.objects.get(connector=connector, application=application))
    schema = {**spec["components"]["schemas"]["Delivery"], "$defs": spec["components"]["schemas"]}
    schema = json.loads(json.dumps(schema).replace("#/components/schemas/", "#/$defs/"))
    jsonschema.validate(payload, schema, format_checker=jsonschema.FormatChecker())
