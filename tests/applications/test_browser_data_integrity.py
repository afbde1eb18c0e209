"""In a real headless Chromium: a bank account number typed with spaces keeps all its digits and is shown
back grouped; the district list narrows in place to the chosen city."""

import pytest
from django.test import Client

from tests.applying import complete_steps, start_application, step_url
from tests.browser.chromium import chromium_start, press, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chromium():
    driver = chromium_start()
    yield driver
    driver.quit()


def test_a_spaced_card_number_keeps_all_19_digits_and_is_shown_back(chromium, live_server, service_for, citizen):
    from selenium.webdriver.common.by import By

    client = Client()
    client.force_login(citizen)
    application = start_application(client, service_for("elderly-care-subsidy"))
    complete_steps(client, application)
    driver, base = chromium, live_server.url
    sign_in(driver, base)
    driver.get(base + step_url(application, "bank") + "?change=1")
    assert "id_account_number" in driver.page_source, (driver.current_url, driver.page_source[:2000])
    box = driver.find_element(By.ID, "id_account_number")
    box.clear()
    box.send_keys("6222 0212 3456 7890 128")
    assert box.get_attribute("value") == "6222 0212 3456 7890 128"
    press(driver)
    assert driver.current_url.endswith("/check/"), driver.page_source[:3000]
    values = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".summary-list__value")]
    assert "6222 0212 3456 7890 128" in values
    application.refresh_from_db()
    assert application.answers["account_number"] == "6222021234567890128"


def test_the_district_list_narrows_to_the_chosen_city_in_place(chromium, live_server, service_for, citizen):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    client = Client()
    client.force_login(citizen)
    application = start_application(client, service_for("household-registration-transfer"))
    driver, base = chromium, live_server.url
    sign_in(driver, base)
    driver.get(base + step_url(application, "to"))
    districts = Select(driver.find_element(By.ID, "id_new_address_1"))
    before = [option.get_attribute("value") for option in districts.options if option.get_attribute("value")]
    assert "370103" in before and "370402" in before  # no city yet: every district, grouped by city
    Select(driver.find_element(By.ID, "id_new_address_0")).select_by_value("370400")
    districts = Select(driver.find_element(By.ID, "id_new_address_1"))
    offered = {
        option.get_attribute("value"): option.text for option in districts.options if option.get_attribute("value")
    }
    assert set(offered) == {"370402", "370403"}
    assert offered["370402"] == "Shizhong (Zaozhuang)"  # the English page: /en/ (step_url)
    districts.select_by_value("370402")
    Select(driver.find_element(By.ID, "id_new_address_0")).select_by_value("370100")
    districts = Select(driver.find_element(By.ID, "id_new_address_1"))
    assert "370402" not in [option.get_attribute("value") for option in districts.options]
    assert districts.first_selected_option.get_attribute("value") == ""
