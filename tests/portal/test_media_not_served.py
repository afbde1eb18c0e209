"""In development (DEBUG, as `make run` serves) the media route serves Wagtail's images, the public content of
public pages, and nothing else under MEDIA_ROOT: citizens' uploads, receipts, answers to requests for more
information, editors' documents (Wagtail serves those itself, checking their collection's privacy) and
anything else stored there are reached only through the views that check who is asking.

The files are real files in a real FileSystemStorage under a temporary MEDIA_ROOT, as in development, and
the URL configuration is portal.urls itself, built with DEBUG on."""

import importlib
import io
import uuid

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a citizen's private document " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"


@pytest.fixture
def media_root(tmp_path, settings, monkeypatch):
    """MEDIA_ROOT on disk with FileSystemStorage as the default storage, as in development. The private
    fields took their storage when the models were imported (the test settings' in-memory one): they get
    the development one too."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}},
    }
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and getattr(field, "_storage_callable", None) is not None:
                monkeypatch.setattr(field, "storage", field._storage_callable())
    return root


@pytest.fixture
def development_urls(media_root):
    """portal.urls as DEBUG builds it; rebuilt as the tests' own afterwards."""
    import portal.urls

    with override_settings(DEBUG=True):
        importlib.reload(portal.urls)
    clear_url_caches()
    yield
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture
def application(db):
    from portal.accounts.services import user_register
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import application_start, flows_load_from_code
    from tests.people import make_resident_id

    citizen = user_register(
        real_name="张三", password="correct-horse-battery", phone="13912345678", resident_id=make_resident_id()
    )
    flows_load_from_code()
    return application_start(
        flow_version=flow_version_current("general-application"),
        applicant=citizen,
        actor=citizen,
        service_code="3700-QT-109",
    )


def png_bytes():
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def stored_instances(application):
    """One saved file for every FileField model in the project: model label → (instance, public?)."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import UploadedFile
    from wagtail.users.models import UserProfile

    from portal.applications.models import ApplicationDocument, ApplicationReceipt
    from portal.assisted.models import MoreInformationAnswer, MoreInformationDocument

    citizen = application.applicant
    document = ApplicationDocument(
        application=application,
        field_key="supporting_documents",
        original_name="户口本.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=citizen,
    )
    receipt = ApplicationReceipt(application=application, language="en")
    answer = MoreInformationAnswer.objects.create(
        application=application, text="see attached", answered_by=citizen, created_at=application.created_at
    )
    answer_document = MoreInformationDocument(
        answer=answer, original_name="证明.pdf", content_type="application/pdf", size=len(PDF), sha256="0" * 64
    )
    editors_document = Document(title="Internal guidance (private collection)")
    uploaded = UploadedFile(for_content_type=None, uploaded_by_user=None)
    profile = UserProfile.get_for_user(citizen)
    files = {
        "applications.ApplicationDocument": (document, "file", PDF),
        "applications.ApplicationReceipt": (receipt, "file", PDF),
        "assisted.MoreInformationDocument": (answer_document, "file", PDF),
        "wagtaildocs.Document": (editors_document, "file", PDF),
        "wagtailcore.UploadedFile": (uploaded, "file", PDF),
        "wagtailusers.UserProfile": (profile, "avatar", png_bytes()),
    }
    for instance, field_name, content in files.values():
        getattr(instance, field_name).save("file.pdf" if content is PDF else "face.png", ContentFile(content))
    image = Image(title="Service hall entrance")
    image.file.save("entrance.png", ImageFile(io.BytesIO(png_bytes()), name="entrance.png"))
    rendition = image.get_rendition("max-800x800")
    return {
        **{label: (getattr(i, f), False) for label, (i, f, _) in files.items()},
        "wagtailimages.Image": (image.file, True),
        "wagtailimages.Rendition": (rendition.file, True),
    }


def test_in_development_media_serves_wagtail_images_only_and_private_files_only_through_their_views(
    development_urls, media_root, application
):
    stored = stored_instances(application)
    every_file_field = {
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    assert every_file_field == set(stored), "a new FileField: decide whether /media/ may serve it (portal/urls.py)"

    anonymous = Client()
    for label, (field_file, public) in stored.items():
        assert (media_root / field_file.name).is_file(), label  # really on disk under MEDIA_ROOT
        assert field_file.url.startswith("/media/")
        response = anonymous.get(field_file.url, follow=True)  # (APPEND_SLASH may redirect first)
        if public:  # the images on public pages keep working in development
            assert response.status_code == 200, label
            assert b"".join(response.streaming_content) == field_file.storage.open(field_file.name).read()
        else:
            assert response.status_code == 404, f"{label} served at {field_file.url}"
            assert PDF not in response.content
            for sneaky in (f"/media/images/../{field_file.name}", f"/media/original_images/%2e%2e/{field_file.name}"):
                climbed = anonymous.get(sneaky, follow=True)  # refused as a suspicious path
                assert climbed.status_code == 400 and PDF not in climbed.content, sneaky

    # The citizen's document is still theirs to download, through the view that checks who is asking...
    from portal.applications.models import ApplicationDocument

    document = ApplicationDocument.objects.get(application=application)
    owner = Client()
    owner.force_login(application.applicant)
    with translation.override("en"):
        url = reverse("applications:document", kwargs={"pk": document.pk})
    response = owner.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert anonymous.get(url).status_code == 302  # ...and nobody else's: sent to sign in
    # ...and an editor's document goes through Wagtail's own view (which checks its collection's privacy).
    from wagtail.documents.models import Document

    editors_document = Document.objects.get()
    response = anonymous.get(editors_document.url)
    assert editors_document.url.startswith("/documents/") and response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
