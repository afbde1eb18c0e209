"""The demo's settings (portal.settings.dev, as `make run` serves) with the portal's URLs plus a view that fails
(tests/browser/urls.py), for the black-box tests that start the demo server (tests/portal/test_demo_server.py)."""

from portal.settings.dev import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
