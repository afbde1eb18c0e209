"""List pages read a fixed number of queries whatever the number of rows: the service's name of each row is read
for all rows at once (applications.selectors.service_names), not one page and translation per row."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.applications import selectors, services
from tests.queries import page_reads

pytestmark = pytest.mark.django_db


def _drafts(citizen, page, count):
    version = selectors.flow_version_current(page.flow_key)
    return [
        services.application_start(
            flow_version=version, applicant=citizen, actor=citizen, service_code=page.service_code, service_page=page
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_my_applications_reads_as_many_queries_for_eight_rows_as_for_two(service_for, citizen, client_for, language):
    page = service_for("senior-bus-pass", english=True)
    client = client_for(citizen)
    with translation.override(language):
        url = reverse("applications:mine")
    _drafts(citizen, page, 2)
    two, html = page_reads(client, url)
    assert html.count('class="application-list__item"') == 2
    _drafts(citizen, page, 6)
    eight, html = page_reads(client, url)
    assert html.count('class="application-list__item"') == 8
    assert len(eight) == len(two), "\n".join(eight)


def test_the_service_names_of_a_list_are_in_the_reader_s_language(service_for, citizen):
    page = service_for("senior-bus-pass", english=True)
    [application] = _drafts(citizen, page, 1)
    english = page.get_translations().get(locale__language_code="en")

    assert selectors.service_names([application], "zh-hans") == {application.pk: page.title}
    assert selectors.service_names([application], "en") == {application.pk: english.title}
    assert english.title != page.title
