"""Drafts expire under the retention setting, with one reminder before."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from portal.applications.models import Application, ApplicationDocument
from tests.applying import complete_steps, start_application

pytestmark = pytest.mark.django_db


def test_a_new_draft_expires_after_the_retention_period(service_for, citizen, client_for, settings):
    settings.APPLICATION_DRAFT_RETENTION_DAYS = 30
    application = start_application(client_for(citizen), service_for("general-application"))
    assert timedelta(days=29) < application.expires_at - timezone.now() <= timedelta(days=30)


def test_reminder_then_purge(service_for, citizen, client_for, settings, django_capture_on_commit_callbacks):
    settings.APPLICATION_DRAFT_REMINDER_DAYS = 7
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application, overrides={"collect_method": "hall"})
    document = ApplicationDocument.objects.get(application=application)
    name = document.file.name
    Application.objects.filter(pk=application.pk).update(expires_at=timezone.now() + timedelta(days=3))
    mail.outbox.clear()
    call_command("expire_drafts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1 and "deleted" in mail.outbox[0].subject
    call_command("expire_drafts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # reminded once only
    Application.objects.filter(pk=application.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_drafts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not storages["default"].exists(name)


def test_sent_applications_are_never_purged(submitted):
    Application.objects.filter(pk=submitted.pk).update(expires_at=timezone.now() - timedelta(days=1))
    call_command("expire_drafts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Application.objects.filter(pk=submitted.pk).exists()


def test_the_applicant_can_delete_a_draft(service_for, citizen, client_for):
    from django.urls import reverse

    client = client_for(citizen)
    application = start_application(client, service_for("general-application"))
    url = reverse("applications:withdraw", kwargs={"pk": application.pk})
    assert "Delete this draft?" in client.get(url).content.decode()
    assert client.post(url, {"version": str(application.version)}).status_code == 302
    assert not Application.objects.filter(pk=application.pk).exists()


def test_load_demo_flows_is_idempotent(db):
    from portal.applications.models import FlowVersion

    call_command("load_demo_flows", stdout=open("/dev/null", "w"))  # noqa: SIM115
    count = FlowVersion.objects.count()
    call_command("load_demo_flows", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert FlowVersion.objects.count() == count >= 9
