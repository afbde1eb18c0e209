import pytest


@pytest.fixture(scope="module")
def driver():
    """A headless Chromium, one for each test module that asks for it."""
    from tests.browser.chromium import chromium_start

    browser = chromium_start()
    yield browser
    browser.quit()
