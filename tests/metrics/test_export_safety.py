"""What an editor or a crafted link can do to the metrics pages: a service title written as a spreadsheet
formula stays text in the CSV file, and dates outside what the form allows get the form's error, not a
server error or a period longer than 3 years."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from services_catalog.models import ServicePage
from tests.people import client_for

from .conftest import X
from .tables import csv_rows, html_tables

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil/","x")'


def test_a_title_written_as_a_formula_stays_text_in_the_csv(demo, administrator):
    ServicePage.objects.filter(service_code=X).update(title=FORMULA)
    rows = csv_rows(client_for(administrator).get(reverse("metrics:csv", kwargs={"table": "services"})))
    assert rows[1] == ["'" + FORMULA, X, "12"]  # the number stays a number
    for start in ("+", "-", "@", "\t", "\r"):
        ServicePage.objects.filter(service_code=X).update(title=start + "1+1")
        rows = csv_rows(client_for(administrator).get(reverse("metrics:csv", kwargs={"table": "services"})))
        assert rows[1][0] == "'" + start + "1+1", repr(start)


@pytest.mark.parametrize(
    "query",
    [
        {"from": "0001-01-01", "to": "9999-12-31"},
        {"from": "9999-12-30", "to": "9999-12-31"},
        {"start_0": "9999", "start_1": "12", "start_2": "30", "end_0": "9999", "end_1": "12", "end_2": "31"},
    ],
)
def test_dates_out_of_range_get_the_forms_error_not_a_server_error(demo, administrator, query):
    client = client_for(administrator)
    response = client.get(reverse("metrics:dashboard"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    default = html_tables(client.get(reverse("metrics:dashboard")).content.decode())
    assert html_tables(html)["services-table"] == default["services-table"]  # the usual figures meanwhile
    assert client.get(reverse("metrics:csv", kwargs={"table": "services"}), query).status_code == 200


def test_a_csv_link_cannot_ask_for_more_than_3_years(demo, administrator):
    client = client_for(administrator)
    today = timezone.localdate()
    query = {"from": (today - datetime.timedelta(days=5 * 365)).isoformat(), "to": today.isoformat()}
    html = client.get(reverse("metrics:dashboard"), query).content.decode()
    assert "Choose a period of 3 years or less" in html
    response = client.get(reverse("metrics:csv", kwargs={"table": "services"}), query)
    default_start = (today - datetime.timedelta(days=89)).isoformat()
    assert default_start in response["Content-Disposition"] and query["from"] not in response["Content-Disposition"]
