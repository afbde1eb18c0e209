"""The dashboard's figures and its CSV files equal those of a data set built to have them (see
portal/demo/metrics.py; every number below is worked out by hand from that description). Run on SQLite
and on PostgreSQL: the percentiles must agree."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.demo.metrics import expected, metrics_demo_generate
from portal.metrics.services import metrics_refresh
from portal.staff.roles import Role
from tests.people import client_for, staff_make

from .conftest import X, Y, Z
from .tables import csv_rows, html_tables

pytestmark = pytest.mark.django_db

X_NAME, Y_NAME, Z_NAME = "Get a senior citizen card", "Register a sole proprietorship", "Register a newborn baby"

EXPECTED = {
    "services": [["Service", "Service code", "Applications"], [X_NAME, X, "12"], [Y_NAME, Y, "4"], [Z_NAME, Z, "3"]],
    "departments": [
        ["Department", "Applications"],
        ["Department of Civil Affairs", "12"],
        ["Administration for Market Regulation", "4"],
        ["Department of Public Security", "3"],
    ],
    "cities": [["City", "Applications"], ["Jinan", "13"], ["Qingdao", "4"], ["Not recorded", "2"]],
    "channels": [
        ["How it was sent", "Applications", "Share (%)"],
        ["Online", "14", "73.7"],
        ["On someone's behalf", "2", "10.5"],
        ["With help at a service hall", "3", "15.8"],
    ],
    # x took [1, 2, 2, 3, 3, 4, 5, 6, 8, 10] working days: median the 5th (3), p90 the 9th (8), 3 over 5 days;
    # y took [0, 1, 1, 7]: median the 2nd (1), p90 the 4th (7), 1 over 1 day; all 14: the 7th (3) and 13th (8).
    "processing": [
        [
            "Service",
            "Service code",
            "Promised limit (working days)",
            "Decided",
            "Median (working days)",
            "90th percentile (working days)",
            "Decided after the promised limit",
        ],
        [X_NAME, X, "5", "10", "3", "8", "3"],
        [Y_NAME, Y, "1", "4", "1", "7", "1"],
        ["All services", "—", "—", "14", "3", "8", "4"],
    ],
    "overdue": [
        ["Service", "Service code", "Promised limit (working days)", "Still open", "Past the promised limit"],
        [Z_NAME, Z, "0", "3", "2"],
        [X_NAME, X, "5", "2", "1"],
    ],
    "ratings": [
        ["Rating", "Ratings", "Share (%)"],
        ["5 – Very good", "1", "14.3"],
        ["4 – Good", "2", "28.6"],
        ["3 – Average", "1", "14.3"],
        ["2 – Poor", "1", "14.3"],
        ["1 – Very poor", "2", "28.6"],
    ],
    "ratings_by_service": [
        ["Service", "Service code", "Ratings", "Average rating", "Poor (2 or less)"],
        [X_NAME, X, "6", "3.17", "2"],
        [Y_NAME, Y, "1", "1", "1"],
    ],
    "dropoff": [
        ["Form", "Furthest step", "Applications", "Share (%)"],
        ["Metrics demonstration", "Started, no step completed", "4", "13.8"],
        ["Metrics demonstration", "Step 1 completed: First question", "3", "10.3"],
        ["Metrics demonstration", "Step 2 completed: Second question", "2", "6.9"],
        ["Metrics demonstration", "Step 3 completed: Third question", "1", "3.4"],
        ["Metrics demonstration", "Sent", "19", "65.5"],
    ],
}
# In a CSV, numbers are written as they are (the page writes 1.00 as 1) and an empty value stays empty.
EXPECTED_CSV = {key: [[cell if cell != "—" else "" for cell in row] for row in rows] for key, rows in EXPECTED.items()}
EXPECTED_CSV["ratings_by_service"][2][3] = "1.00"


def dashboard_url(**query):
    url = reverse("metrics:dashboard")
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def test_the_dashboard_shows_the_known_figures(demo, administrator):
    page = client_for(administrator).get(dashboard_url()).content.decode()
    tables = html_tables(page)
    for key, rows in EXPECTED.items():
        assert tables[f"{key}-table"] == rows, key
    summary = page[page.index('id="metrics-summary"') : page.index("</dl>", page.index('id="metrics-summary"'))]
    assert "<dd>19</dd>" in summary  # applications sent
    assert "<dd>7</dd>" in summary and "2.86 out of 5" in summary and "<dd>3</dd>" in summary  # 20/7; 3 poor


def test_each_csv_equals_its_table(demo, administrator):
    client = client_for(administrator)
    for key, rows in EXPECTED_CSV.items():
        response = client.get(reverse("metrics:csv", kwargs={"table": key}))
        assert response["Content-Type"].startswith("text/csv")
        assert csv_rows(response) == rows, key


def test_the_generator_states_the_same_answers(demo):
    figures = expected(demo.services)
    assert figures["processing"][X] == {"decided": 10, "median": 3, "p90": 8, "late": 3}
    assert figures["processing"][Y] == {"decided": 4, "median": 1, "p90": 7, "late": 1}
    assert figures["ratings"]["distribution"] == {5: 1, 4: 2, 3: 1, 2: 1, 1: 2}


def test_a_longer_period_takes_in_the_old_applications(demo, administrator):
    today = timezone.localdate()
    query = {"from": (today - datetime.timedelta(days=400)).isoformat(), "to": today.isoformat()}
    tables = html_tables(client_for(administrator).get(dashboard_url(**query)).content.decode())
    assert tables["services-table"][1] == [X_NAME, X, "14"]
    # x now also took 20 and 30 working days: 12 values, median the 6th (4), p90 the 11th (20), 5 over 5 days.
    assert tables["processing-table"][1] == [X_NAME, X, "5", "12", "4", "20", "5"]
    csv_processing = csv_rows(
        client_for(administrator).get(
            reverse("metrics:csv", kwargs={"table": "processing"}) + f"?from={query['from']}&to={query['to']}"
        )
    )
    assert csv_processing[1] == [X_NAME, X, "5", "12", "4", "20", "5"]


def test_the_period_form_filters_and_explains_its_errors(demo, administrator):
    client = client_for(administrator)
    today = timezone.localdate()
    page = client.get(
        dashboard_url(
            start_0=today.year, start_1=today.month, start_2=today.day, end_0=today.year - 1, end_1=1, end_2=1
        )
    ).content.decode()
    assert "<title>Error:" in page and "The end of the period must be the same as or after its start" in page
    old = today - datetime.timedelta(days=200)
    page = client.get(
        dashboard_url(start_0=old.year - 1, start_1=1, start_2=1, end_0=old.year, end_1=old.month, end_2=old.day)
    ).content.decode()
    assert html_tables(page)["services-table"] == [["Service", "Service code", "Applications"], [X_NAME, X, "2"]]


def test_a_hall_manager_sees_the_services_of_their_hall(demo, other_catalogue_hall, catalogue_hall):
    qingdao = client_for(staff_make("qingdao-manager", Role.HALL_MANAGER, hall=other_catalogue_hall))
    tables = html_tables(qingdao.get(dashboard_url()).content.decode())
    assert tables["services-table"] == [["Service", "Service code", "Applications"], [Y_NAME, Y, "4"]]
    assert tables["channels-table"][1:] == [
        ["Online", "2", "50"],
        ["On someone's behalf", "2", "50"],
        ["With help at a service hall", "0", "0"],
    ]
    assert [row[1] for row in tables["processing-table"][1:]] == [Y, "—"]
    jinan = client_for(staff_make("jinan-manager", Role.HALL_MANAGER, hall=catalogue_hall))
    tables = html_tables(jinan.get(dashboard_url()).content.decode())
    assert [row[1] for row in tables["services-table"][1:]] == [X, Z]


def test_no_metrics_without_a_second_factor_or_the_permission(demo, catalogue_hall, administrator):
    window = staff_make("window", Role.HALL_STAFF, hall=catalogue_hall)  # hall staff do not see metrics
    for url in (dashboard_url(), reverse("metrics:csv", kwargs={"table": "services"})):
        assert client_for(window).get(url).status_code == 403
        unverified = client_for(administrator, verified=False).get(url)
        assert unverified.status_code == 302 and "/accounts/two-step/" in unverified["Location"]
    assert client_for(administrator).get(reverse("metrics:csv", kwargs={"table": "nothing"})).status_code == 404


def test_the_dashboard_runs_a_fixed_number_of_queries(catalogue, administrator):
    client = client_for(administrator)
    services = [catalogue.service(code) for code in (X, Y, Z)]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(dashboard_url()).status_code == 200
        return len(queries)

    metrics_demo_generate(services=services)
    count()  # the session's first request does some one-off work
    small = count()
    for _ in range(3):
        metrics_demo_generate(services=services)
    large = count()
    assert large == small
    assert small <= 30


def test_the_service_page_shows_the_measured_time_once_computed(demo, catalogue, client):
    x_page, y_page = catalogue.service(X, "en").url, catalogue.service(Y, "en").url
    assert "Measured processing time: not enough data yet." in client.get(x_page).content.decode()
    assert metrics_refresh() == 2
    from django.core.cache import cache

    cache.clear()  # the anonymous page cache; it also expires by itself within PAGE_CACHE_SECONDS
    page = client.get(x_page).content.decode()
    assert (
        "Measured: in the last 90 days, 9 in 10 applications were decided within 8 working days (of 10 applications)."
    ) in page
    assert "Measured processing time: not enough data yet." in client.get(y_page).content.decode()  # only 4


def test_the_refresh_replaces_the_figures(demo, settings):
    from portal.metrics.models import ServiceProcessingTime

    settings.METRICS_PUBLIC_WINDOW_DAYS = 30
    metrics_refresh()
    figures = ServiceProcessingTime.objects.get(service_code=X)
    assert (figures.sample_count, figures.median_days, figures.p90_days, figures.late_count) == (10, 3, 8, 3)
    settings.METRICS_PUBLIC_WINDOW_DAYS = 3  # x's decisions fall on the last 10 working days: fewer remain
    metrics_refresh()
    assert ServiceProcessingTime.objects.get(service_code=X).sample_count < 10
