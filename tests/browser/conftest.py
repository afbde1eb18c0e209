"""Browser fixtures: one headless Chromium for the whole session (Selenium, offline), the live server
on the test URLconf (tests/browser/urls.py) and the bilingual catalogue."""

import logging
import threading

import pytest

from .chromium import chromium_start


@pytest.fixture(scope="session")
def browser(django_db_setup, live_server):
    """One headless Chromium for every browser test in the session. It depends on the test databases and
    the live server only so that it quits before they go (see the end)."""
    driver = chromium_start()
    yield driver
    driver.quit()
    # Chromium keeps HTTP connections alive, each served by a live-server thread that holds a database
    # connection (on SQLite, the test thread's own) until Chromium closes it. Let those threads end while
    # the live server and the database are still there.
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=5)


@pytest.fixture
def browser_server(live_server, settings):
    """The live server (transactional database) on the portal's URLs plus a failing view for the 500 page."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    settings.DEBUG = False
    # Sign-in through the unified identity platform on, so that its button and pages are checked too; nothing
    # here reaches a platform (tests/accounts/test_oidc.py signs in against a real one).
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9/"
    return live_server


@pytest.fixture
def browser_catalogue(browser_server):
    from tests.factories import catalogue_build

    return catalogue_build()


@pytest.fixture
def quiet_server_errors():
    """The deliberate 500 is logged by django.request; keep it out of the output."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)
