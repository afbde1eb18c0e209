"""Citizens' documents in an S3-compatible bucket (DOCUMENTS_S3_BUCKET, django-storages), against a real S3 server
on loopback (moto's server mode): an upload goes to the bucket, private, and the citizen (or a reviewer) who may
see it is sent to a link the bucket signs for a minute, so the file never passes through a web worker."""

import boto3
import pytest
import requests
from django.urls import reverse
from storages.backends.s3 import S3Storage

from portal.applications.models import ApplicationDocument
from tests.applying import PDF_BYTES, start_application, step_post_data, step_url, upload

pytestmark = pytest.mark.django_db

BUCKET = "portal-documents"
CREDENTIALS = {"access_key": "portal-test-key", "secret_key": "portal-test-secret"}


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, monkeypatch):
    """The documents' storage is the bucket, as DOCUMENTS_S3_BUCKET makes it (settings/base.py)."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=BUCKET)
    storage = S3Storage(
        bucket_name=BUCKET,
        endpoint_url=s3_server,
        region_name="us-east-1",
        **CREDENTIALS,
        default_acl="private",
        querystring_auth=True,
        file_overwrite=False,
        addressing_style="path",
        signature_version="s3v4",
    )  # the options settings/base.py gives with DOCUMENTS_S3_BUCKET
    # The file field took its storage when the model was made. STORAGES is left alone: changing it makes Django
    # build new storages, which the file fields of later tests would not be using.
    monkeypatch.setattr(ApplicationDocument._meta.get_field("file"), "storage", storage)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def test_a_document_goes_to_the_bucket_and_comes_back_through_a_signed_link(bucket, service_for, citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    data = step_post_data(application, "resolution")
    data["resolution"] = upload("决议.pdf", PDF_BYTES)
    assert client.post(step_url(application, "resolution"), data).status_code == 302
    document = ApplicationDocument.objects.get(application=application)

    [stored] = bucket.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert stored["Key"] == document.file.name and "决议" not in stored["Key"]
    assert requests.get(f"{bucket.meta.endpoint_url}/{BUCKET}/{stored['Key']}", timeout=10).status_code == 403

    response = client.get(reverse("applications:document", kwargs={"pk": document.pk}))

    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF_BYTES
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in fetched.headers["Content-Disposition"]
    assert "X-Amz-Expires=60&" in response["Location"]  # signed for a minute


def test_a_stranger_gets_no_link(bucket, service_for, citizen, other_citizen, client_for):
    client = client_for(citizen)
    application = start_application(client, service_for("business-licence-change"))
    data = step_post_data(application, "resolution")
    data["resolution"] = upload("决议.pdf", PDF_BYTES)
    client.post(step_url(application, "resolution"), data)
    document = ApplicationDocument.objects.get(application=application)

    response = client_for(other_citizen).get(reverse("applications:document", kwargs={"pk": document.pk}))

    assert response.status_code == 404
