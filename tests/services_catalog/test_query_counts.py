"""Catalogue pages run a fixed number of queries whatever the size of the catalogue (50 vs 500 services)."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import service_create

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/en/",
    "/services/",
    "/services/?city=370100&online=1&audience=individuals",
    "/services/?department=public-security&life_event=retiring&page=2",
    "/halls/jinan-hall/",
    "/halls/",
]


def add_services(catalogue, count):
    """`count` more services spread over departments, cities, halls and life events, in Chinese."""
    departments = itertools.cycle(catalogue.departments.values())
    regions = itertools.cycle([[catalogue.province], *[[city] for city in catalogue.cities.values()]])
    halls = itertools.cycle([[], [catalogue.hall("jinan-hall")], list(catalogue.halls.values())])
    events = itertools.cycle([[], list(catalogue.life_events.values())[:2]])
    for n in range(count):
        service_create(
            tree=catalogue.trees["zh-hans"],
            department=next(departments),
            regions=next(regions),
            halls=next(halls),
            life_events=next(events),
            online=n % 2 == 0,
            flow_key="general-application" if n % 2 == 0 else "",
            materials=[{"name": f"材料{i}", "form": "original"} for i in range(3)],
            faqs=[{"question": "问题？", "answer": "回答。"}],
        )


def query_counts(client, paths):
    counts = {}
    for path in paths:
        cache.clear()  # measure the work of building the page, not the page cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_catalogue_pages_query_count_does_not_grow_with_the_catalogue(client, catalogue):
    add_services(catalogue, 44)  # 50 in Chinese with the six of the small catalogue
    service_paths = [catalogue.service("3700-GA-001").url, catalogue.service("3700-GA-001", "en").url]
    small = query_counts(client, PAGES + service_paths)

    add_services(catalogue, 450)
    large = query_counts(client, PAGES + service_paths)

    assert large == small
    assert max(small.values()) <= 25, small
