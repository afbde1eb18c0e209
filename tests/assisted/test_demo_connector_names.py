"""The demo back office's name is shown in the page's language (issue 13, item 15): on the workbench page of an
application that the simulated back office receives."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from .helpers import application_make

pytestmark = pytest.mark.django_db

ENGLISH_NAME = "Demo back office (simulated)"


@pytest.fixture
def connected(other_service, citizen):
    """An application for a service of a department the demo connects (not one left on the workbench)."""
    call_command("connectors_load_demo", "--backoffice-url", "http://127.0.0.1:8765", stdout=io.StringIO())
    return application_make(other_service, citizen)


def _page(client, application, language, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        url = reverse("assisted:queue_detail", kwargs={"pk": application.pk})
        return client.get(url).content.decode()


def test_the_demo_back_office_is_named_in_the_pages_language(connected, client_for, other_reviewer, settings):
    client = client_for(other_reviewer)
    english = _page(client, connected, "en", settings)
    assert 'id="back-office-note"' in english and ENGLISH_NAME in english
    chinese = _page(client, connected, "zh-hans", settings)
    assert 'id="back-office-note"' in chinese
    with translation.override("zh-hans"):
        expected = translation.gettext(ENGLISH_NAME)
    assert ENGLISH_NAME not in chinese and expected in chinese
