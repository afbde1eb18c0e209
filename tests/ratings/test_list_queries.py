"""The staff's list of ratings to follow up reads a fixed number of queries whatever the number of rows: each
rating's service is named for all rows at once (applications.selectors.service_names), not one row at a time."""

import datetime

import pytest
from django.urls import reverse

from portal.applications.models import Application
from portal.applications.selectors import service_name
from portal.ratings import services
from portal.staff.roles import Role
from tests.people import client_for, staff_make
from tests.queries import page_reads

pytestmark = pytest.mark.django_db

CODES = ["3700-GA-001", "3700-RS-001"]  # two services, so the rows' names come from more than one page
WITHDRAWN = "3700-XX-999"  # a service no page has the code of any more: its rows are named by their form


def _poor_ratings(citizen, completed_for, count, *, followed_up_by=None):
    """`count` flagged ratings of `citizen`'s completed applications; followed up by `followed_up_by` if given."""
    ratings = [
        services.rating_give(
            application=completed_for(citizen, code=CODES[index % len(CODES)]), rater=citizen, score=1 + index % 2
        )
        for index in range(count)
    ]
    for rating in ratings if followed_up_by else []:
        services.rating_follow_up_record(
            rating=rating, actor=followed_up_by, action="Called back.", done_on=datetime.date(2025, 3, 27)
        )
    return ratings


def _withdraw_services(ratings):
    Application.objects.filter(rating__in=ratings).update(service_code=WITHDRAWN, service_page=None)


@pytest.mark.parametrize("show", ["", "done"], ids=["waiting", "followed-up"])
def test_the_ratings_list_reads_as_many_queries_for_eight_ratings_as_for_two(citizen, completed_for, show):
    administrator = staff_make("管理员", Role.ADMINISTRATOR)  # sees every hall's ratings, whichever service's
    client = client_for(administrator)
    url = reverse("staff_ratings:list") + (f"?show={show}" if show else "")
    ratings = _poor_ratings(citizen, completed_for, 2, followed_up_by=administrator if show else None)
    two, html = page_reads(client, url)
    assert all(r.application.reference in html for r in ratings)
    ratings += _poor_ratings(citizen, completed_for, 6, followed_up_by=administrator if show else None)
    eight, html = page_reads(client, url)
    assert all(r.application.reference in html for r in ratings) and html.count('<th scope="row">') == 8
    assert len(eight) == len(two), "\n".join(eight)


def test_the_ratings_list_reads_as_many_queries_for_eight_ratings_of_withdrawn_services_as_for_two(
    citizen, completed_for
):
    client = client_for(staff_make("管理员", Role.ADMINISTRATOR))
    url = reverse("staff_ratings:list")
    ratings = _poor_ratings(citizen, completed_for, 2)
    _withdraw_services(ratings)
    two, html = page_reads(client, url)
    ratings += _poor_ratings(citizen, completed_for, 6)
    _withdraw_services(ratings)
    eight, html = page_reads(client, url)
    name = service_name(Application.objects.get(rating=ratings[0]), "en")
    assert html.count('<th scope="row">') == 8 and html.count(f"<td>{name}</td>") == 8
    assert len(eight) == len(two), "\n".join(eight)
