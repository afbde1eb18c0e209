"""A whole application in a real headless Chromium: upload, conditional step, sign out, sign in, resume,
send, download the receipt and read it back. Selectors use ids and classes, never translated text."""

import subprocess
import time

import pytest

from tests.browser.chromium import chromium_start, path_of, press, sign_in, wait_until_replaced

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chromium(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
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


def test_apply_sign_out_resume_send_and_read_the_receipt(chromium, live_server, service_for, citizen, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from portal.applications.models import Application

    driver, base = chromium, live_server.url
    page = service_for("senior-bus-pass")
    sign_in(driver, base)
    assert path_of(driver) == "/apply/mine/"

    driver.get(f"{base}/apply/{page.service_code}/")
    press(driver, "main button.button--start")
    # Step 1: about you, prefilled from the account; the ID number is shown masked, not asked.
    assert driver.find_element(By.ID, "id_full_name").get_attribute("value") == "张三"
    assert citizen.masked_resident_id in driver.page_source
    press(driver)
    # Step 2: the photo, uploaded. First a disguised executable, refused with the error summary focused.
    photo = driver.find_element(By.ID, "id_photo")
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"MZ\x90\x00" + b"\0" * 100)
    photo.send_keys(str(fake))
    press(driver)
    assert driver.title.startswith("错误：")  # "Error:", the page being in Chinese
    assert driver.switch_to.active_element.get_attribute("class") == "error-summary"
    real = tmp_path / "me.png"
    real.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    driver.find_element(By.ID, "id_photo").send_keys(str(real))
    press(driver)
    # Step 3: ask for it by post, which brings in the conditional delivery step.
    driver.find_element(By.CSS_SELECTOR, "input[name=collect_method][value=post]").click()
    press(driver)
    assert path_of(driver).endswith("/step/delivery/")
    Select(driver.find_element(By.ID, "id_delivery_address_0")).select_by_value("370100")
    Select(driver.find_element(By.ID, "id_delivery_address_1")).select_by_value("370102")
    driver.find_element(By.ID, "id_delivery_address_2").send_keys("经十路100号")
    press(driver)
    assert path_of(driver).endswith("/check/")
    assert "经十路100号" in driver.page_source and "me.png" in driver.page_source

    # Sign out, sign in again, and resume from "My applications".
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    driver.find_element(By.CSS_SELECTOR, "header .tool-form .tool-button").click()  # sign out
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/accounts/sign-out/"))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.get(base + "/apply/mine/")
    assert "/accounts/sign-in/" in driver.current_url
    sign_in(driver, base)
    application = Application.objects.get(applicant=citizen)
    link = driver.find_element(By.CSS_SELECTOR, f"a[href='/apply/a/{application.pk}/']")
    link.click()
    wait_until_replaced(driver, link)
    assert path_of(driver).endswith("/check/")
    driver.find_element(By.ID, "id_declaration").click()
    press(driver)
    assert path_of(driver).endswith("/confirmation/")
    reference = driver.find_element(By.CSS_SELECTOR, ".reference").text.strip()
    application.refresh_from_db()
    assert reference == application.reference

    driver.find_element(By.CSS_SELECTOR, "a[href$='receipt.pdf?large=0']").click()
    deadline = time.monotonic() + 30
    pdfs = []
    while time.monotonic() < deadline:
        pdfs = [p for p in chromium.downloads.iterdir() if p.suffix == ".pdf"]
        if pdfs:
            break
        time.sleep(0.2)
    assert pdfs, "the receipt was downloaded"
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdfs[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert reference in text
    assert "老年人乘车卡申请" in text
