"""The assist session page reads a fixed number of queries whatever the number of applications made in the
session (the workbench queue has its own test in test_workbench.py)."""

import pytest
from django.urls import reverse

from portal.applications import selectors, services
from portal.applications.models import Application
from portal.applications.references import reference_generate
from portal.applications.status import Channel, Status
from tests.queries import page_reads

from .helpers import assist_session_start

pytestmark = pytest.mark.django_db


WITHDRAWN = "3700-XX-999"  # a service no page has the code of any more: its rows are named by their form


def _session_applications(session, page, count):
    """`count` applications made in `session`: every other one sent, so both kinds of row are shown."""
    version = selectors.flow_version_current(page.flow_key)
    made = [
        services.application_start(
            flow_version=version,
            applicant=session.citizen,
            actor=session.staff,
            service_code=page.service_code,
            service_page=page,
            channel=Channel.ASSISTED,
            assist_session_reference=session.reference,
        )
        for _ in range(count)
    ]
    for application in made[::2]:
        Application.objects.filter(pk=application.pk).update(status=Status.SUBMITTED, reference=reference_generate())
    return made


def _english_title(page):
    return page.get_translations().get(locale__language_code="en").title


def _session_rows(html):
    return html.count('class="application-list__item"')


def test_the_assist_session_page_reads_as_many_queries_for_eight_applications_as_for_two(
    client_for, hall_staff, citizen, hall, service_for
):
    page = service_for("senior-bus-pass", english=True)
    staff = client_for(hall_staff)
    session = assist_session_start(staff, citizen, hall)
    url = reverse("assisted:session", kwargs={"reference": session.reference})
    _session_applications(session, page, 2)
    two, html = page_reads(staff, url)
    assert _session_rows(html) == 2
    _session_applications(session, page, 6)
    eight, html = page_reads(staff, url)
    assert _session_rows(html) == 8 and html.count("Continue the application") == 4
    assert html.count(f">{_english_title(page)}</h3>") == 8  # each row named in the reader's language
    assert len(eight) == len(two), "\n".join(eight)


def test_the_assist_session_page_reads_as_many_queries_for_eight_applications_of_a_withdrawn_service_as_for_two(
    client_for, hall_staff, citizen, hall, service_for
):
    page = service_for("senior-bus-pass")
    staff = client_for(hall_staff)
    session = assist_session_start(staff, citizen, hall)
    url = reverse("assisted:session", kwargs={"reference": session.reference})
    made = _session_applications(session, page, 2)
    Application.objects.update(service_code=WITHDRAWN, service_page=None)
    two, html = page_reads(staff, url)
    made += _session_applications(session, page, 6)
    Application.objects.update(service_code=WITHDRAWN, service_page=None)
    eight, html = page_reads(staff, url)
    name = selectors.service_name(Application.objects.get(pk=made[0].pk), "en")
    assert _session_rows(html) == 8 and html.count(f">{name}</h3>") == 8
    assert len(eight) == len(two), "\n".join(eight)
