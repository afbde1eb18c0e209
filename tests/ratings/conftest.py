"""Completed applications to rate (the people and the catalogue's halls are in tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""


@pytest.fixture
def completed_for(catalogue):
    """completed_for(applicant, code="3700-GA-001", channel="online", assist=None) -> a completed application,
    moved there through the status table by the back office."""
    from django.utils import timezone

    from portal.applications.models import Application
    from portal.applications.references import reference_generate
    from portal.applications.services import application_transition
    from portal.applications.status import Source, Status
    from portal.demo.metrics import _Builder

    version = _Builder(timezone.now()).flow_version

    def make(applicant, code="3700-GA-001", channel="online", assist=None, final=Status.COMPLETED):
        now = timezone.now()
        application = Application.objects.create(
            service_code=code,
            service_page=catalogue.service(code),
            flow_version=version,
            applicant=applicant,
            submitted_by=applicant,
            channel=channel,
            assist_session_reference=assist,
            status=Status.SUBMITTED,
            reference=reference_generate(),
            created_at=now,
            updated_at=now,
            submitted_at=now,
            language="en",
        )
        for status in (Status.RECEIVED, Status.IN_REVIEW, Status.APPROVED, Status.COMPLETED):
            application = application_transition(
                application=application, to_status=status, actor=None, source=Source.CONNECTOR
            )
            if status == final:
                break
        return application

    return make
