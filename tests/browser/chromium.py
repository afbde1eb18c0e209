"""The one way tests start a headless Chromium: offline (Selenium never downloads), Debian's browser and
driver, the flags this machine needs. Fails the test clearly when Chromium is not installed."""

import os
import shutil

import pytest

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download anything

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1024",
]


def chromium_start(*, prefs=None):
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    if missing:
        pytest.fail(
            f"Browser tests need Chromium and its driver; missing {', '.join(missing)} "
            "(apt-get install chromium chromium-driver, or set CHROMIUM_BINARY and CHROMEDRIVER)."
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    if prefs:
        options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def wait_until_replaced(driver, element, timeout=20):
    """Wait until `element`'s page has been replaced by the next one. While Chromium swaps documents, asking
    about the old element can fail with "Node … does not belong to the document" rather than the stale
    element error Selenium's staleness_of expects; both mean the old page is gone."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def replaced(_driver):
        try:
            element.is_enabled()
        except WebDriverException:
            return True
        return False

    WebDriverWait(driver, timeout).until(replaced)
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


def press(driver, selector="main button.button--primary"):
    """Press the button `selector` (a CSS selector) and wait until the next page has replaced this one."""
    from selenium.webdriver.common.by import By

    button = driver.find_element(By.CSS_SELECTOR, selector)
    button.click()
    wait_until_replaced(driver, button)


def path_of(driver):
    """The path of the page the browser shows (no host, no query)."""
    from urllib.parse import urlparse

    return urlparse(driver.current_url).path


def sign_in(driver, base, phone="13912345678", password="correct-horse-battery"):  # noqa: S107 (a test account)
    """Sign in through the sign-in page (in Chinese, the default language) as the citizen with `phone`; the
    defaults are the `citizen` fixture's (tests/people.py)."""
    from selenium.webdriver.common.by import By

    driver.get(base + "/accounts/sign-in/")
    driver.find_element(By.ID, "id_identifier").send_keys(phone)
    driver.find_element(By.ID, "id_password").send_keys(password)
    press(driver)
