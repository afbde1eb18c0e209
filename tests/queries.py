"""Counting the queries a page reads, for the tests that a list page's cost does not grow with its rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_reads(client, url, params=None):
    """The SQL the page `url` reads, and its HTML. The session's own writes (its last-seen time, saved when the
    second has changed) and savepoints are left out: they come and go with the clock, not with the rows."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    queries = [
        q["sql"] for q in captured.captured_queries if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]
    return queries, response.content.decode()
