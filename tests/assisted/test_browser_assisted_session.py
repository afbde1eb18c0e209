"""A whole assisted session (帮办) in headless Chromium, as a member of staff at the counter does it: look the
citizen up by resident ID, record the three checks, find the service, fill in the application with them
(the photo uploaded through the normal field), send it, print the receipt (the PDF downloaded and read back),
end the session. Selectors use ids, names and classes, never translated text."""

import subprocess
import time

import pytest

from tests.browser.chromium import chromium_start, path_of, press, wait_until_replaced

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    downloads = tmp_path_factory.mktemp("downloads")
    driver = chromium_start(
        prefs={
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "intl.accept_languages": "zh-CN",
        }
    )
    driver.downloads = downloads
    yield driver
    driver.quit()


def _sign_in_with_second_factor(driver, base, user):
    """A real session, as after the sign-in and two-step pages (those have their own tests)."""
    from django.conf import settings
    from django.test import Client

    from tests.accounts.otp_helpers import otp_verified_login

    client = Client()
    otp_verified_login(client, user)
    driver.execute_cdp_cmd(
        "Network.setCookie",
        {
            "name": settings.SESSION_COOKIE_NAME,
            "path": "/",
            "url": base,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        },
    )


def test_a_whole_assisted_session_from_look_up_to_printed_receipt(
    chromium, live_server, service_for, citizen, hall_staff, hall, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from portal.applications.models import Application
    from portal.assisted.models import AssistSession

    driver, base = chromium, live_server.url
    page = service_for("senior-bus-pass")
    _sign_in_with_second_factor(driver, base, hall_staff)

    # Look the citizen up by the number on their ID card.
    driver.get(base + "/staff/assist/")
    driver.find_element(By.ID, "id_resident_id").send_keys(citizen.resident_id)
    press(driver)
    assert path_of(driver) == "/staff/assist/checks/"
    assert citizen.masked_resident_id in driver.find_element(By.ID, "citizen-found").text
    # The three checks, each ticked on its own; then the session starts and the banner shows whom we assist.
    for name in ("presence_confirmed", "id_checked", "consent_recorded"):
        driver.find_element(By.ID, f"id_{name}").click()
    press(driver)
    banner = driver.find_element(By.ID, "assist-banner")
    assert citizen.real_name in banner.text and citizen.masked_resident_id in banner.text

    # Find the service and start the application: in the citizen's name.
    driver.find_element(By.ID, "id_q").send_keys(page.service_code)
    press(driver, "#service-search button")
    link = driver.find_element(By.CSS_SELECTOR, "#service-results a")
    link.click()
    wait_until_replaced(driver, link)
    press(driver, "main button.button--start")
    assert citizen.real_name in driver.find_element(By.ID, "assist-banner").text
    assert driver.find_element(By.ID, "id_full_name").get_attribute("value") == citizen.real_name
    press(driver)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    driver.find_element(By.ID, "id_photo").send_keys(str(scan))  # the scanned photo, through the normal field
    press(driver)
    driver.find_element(By.CSS_SELECTOR, "input[name=collect_method][value=post]").click()
    press(driver)
    Select(driver.find_element(By.ID, "id_delivery_address_0")).select_by_value("370100")
    Select(driver.find_element(By.ID, "id_delivery_address_1")).select_by_value("370102")
    driver.find_element(By.ID, "id_delivery_address_2").send_keys("经十路100号")
    press(driver)
    assert path_of(driver).endswith("/check/")
    driver.find_element(By.ID, "id_declaration").click()
    press(driver)
    assert path_of(driver).endswith("/confirmation/")
    reference = driver.find_element(By.CSS_SELECTOR, ".reference").text.strip()

    # Back to the session page from the banner; print the receipt.
    link = driver.find_element(By.CSS_SELECTOR, "#assist-banner a")
    link.click()
    wait_until_replaced(driver, link)
    assert reference in driver.find_element(By.ID, "session-applications").text
    driver.find_element(By.CSS_SELECTOR, "#session-applications a.print-receipt").click()
    deadline, pdfs = time.monotonic() + 30, []
    while time.monotonic() < deadline and not pdfs:
        pdfs = [p for p in chromium.downloads.iterdir() if p.suffix == ".pdf"]
        time.sleep(0.2)
    assert pdfs, "the receipt was downloaded"
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdfs[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert reference in text and "老年人乘车卡申请" in text

    # End the session: the banner goes.
    press(driver, "#end-session")
    assert path_of(driver) == "/staff/assist/"
    assert not driver.find_elements(By.ID, "assist-banner")

    application = Application.objects.get(reference=reference)
    session = AssistSession.objects.get()
    assert (
        application.applicant,
        application.submitted_by,
        application.channel,
        application.assist_session_reference,
    ) == (citizen, hall_staff, "assisted", session.reference)
    assert session.state == "ended" and application.documents.count() == 1
