"""Issue 13, item 18 (d, f): on a phone the signed-in header is folded behind a "Menu" button that opens by
keyboard (the elder-mode switch still the 2nd Tab stop), and high contrast is truly black and white."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .harness import open_page_state
from .states import PageState, citizen, shows, signed_in

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True}
SIGNED_IN_HOME = PageState("home, signed in", "/", shows("main h1"), setup=signed_in(citizen))


@pytest.fixture
def phone(browser):
    normal = browser.execute_script("return window.innerWidth")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return window.innerWidth") == normal)


def _open(driver, server, catalogue, page=SIGNED_IN_HOME, cookies=None):
    _visit, where, problems = open_page_state(
        page, driver=driver, base_url=server.url, catalogue=catalogue, language="zh-hans", cookies=cookies
    )
    assert not problems, problems
    return where


def _tab(driver):
    ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.switch_to.active_element


def _shown_links(driver):
    return driver.execute_script("""
        return [...document.querySelectorAll('.site-header a, .site-header button')]
          .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
          .map(e => e.textContent.trim());""")


def test_the_signed_in_header_fits_a_phone_and_its_menu_opens_by_keyboard(phone, browser_server, browser_catalogue):
    driver = phone
    _open(driver, browser_server, browser_catalogue)
    assert driver.execute_script("return window.innerWidth") == 375
    height = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
    assert height <= 0.25 * 800, f"the header takes {height}px of 800"
    assert "我的申请" not in _shown_links(driver)  # folded away

    first = _tab(driver)  # the skip link
    assert first.get_attribute("class") == "skip-link"
    elder = _tab(driver)
    assert "elder=1" in (elder.get_attribute("href") or "")  # the elder-mode switch: the 2nd Tab stop, as ever
    menu = _tab(driver)
    assert menu.tag_name == "button" and menu.get_attribute("aria-expanded") == "false"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert menu.get_attribute("aria-expanded") == "true"
    assert "我的申请" in _shown_links(driver)
    assert "我的申请" in _tab_until(driver, "我的申请")  # and reachable with Tab
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert menu.get_attribute("aria-expanded") == "false"
    assert driver.switch_to.active_element == menu


def _tab_until(driver, text, limit=12):
    for _ in range(limit):
        element = _tab(driver)
        if text in element.text:
            return element.text
    return ""


def test_without_javascript_the_menu_link_shows_the_links(phone, browser_server, browser_catalogue):
    driver = phone
    _open(driver, browser_server, browser_catalogue)
    # What a browser without JavaScript has: the link to #site-menu; following it shows the folded links.
    driver.execute_script("""
        const menu = document.getElementById('site-menu');
        menu.classList.remove('js-menu', 'is-open');""")
    driver.get(driver.current_url.split("#")[0] + "#site-menu")
    driver.execute_script("document.getElementById('site-menu').classList.remove('js-menu', 'is-open')")
    assert "我的申请" in _shown_links(driver)


def test_on_a_wide_screen_every_link_shows_and_there_is_no_menu(browser, browser_server, browser_catalogue):
    _open(browser, browser_server, browser_catalogue)
    shown = _shown_links(browser)
    assert "我的申请" in shown and "菜单" not in shown and "Menu" not in shown


def test_high_contrast_is_black_and_white(browser, browser_server, browser_catalogue):
    _open(
        browser,
        browser_server,
        browser_catalogue,
        page=PageState("home", "/", shows("main h1")),
        cookies={"contrast": "high"},
    )
    colours = browser.execute_script("""
        const header = getComputedStyle(document.querySelector('.site-header'));
        const button = getComputedStyle(document.querySelector('.site-header .search-form__button'));
        return {header: header.backgroundColor, stripe: header.borderBottomColor,
                button: button.backgroundColor, buttonText: button.color};""")
    black, white = "rgb(0, 0, 0)", "rgb(255, 255, 255)"
    assert colours["header"] == black
    assert colours["stripe"] == white  # seen against the black header
    assert (colours["button"], colours["buttonText"]) == (black, white)
