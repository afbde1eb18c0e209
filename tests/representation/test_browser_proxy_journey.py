"""The whole proxy journey in headless Chromium: the agent asks, the principal agrees, the agent acts for
them and sends an application, the principal sees it, withdraws the permission, and the agent is locked
out at once. Two browsers, one per person. Selectors use ids, names and classes, never translated text."""

import pytest

from tests.browser.chromium import chromium_start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browsers():
    started = []

    def start():
        driver = chromium_start(prefs={"intl.accept_languages": "en"})
        started.append(driver)
        return driver

    yield start
    for driver in started:
        driver.quit()


def _click(driver, selector):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.__before_click = true")  # gone once the next page has loaded
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return !window.__before_click && document.readyState === 'complete'")
    )


def _sign_in(driver, base, phone):
    from selenium.webdriver.common.by import By

    driver.get(base + "/en/accounts/sign-in/")
    driver.find_element(By.ID, "id_identifier").send_keys(phone)
    driver.find_element(By.ID, "id_password").send_keys("correct-horse-battery")
    _click(driver, "main button.button--primary")


def _status(driver, base, path):
    """The HTTP status of a GET in this browser's session (fetch, so the status is visible)."""
    return driver.execute_script("return fetch(arguments[0], {redirect: 'manual'}).then(r => r.status)", base + path)


def test_proxy_journey(browsers, live_server, service_for, principal, agent):
    from django.test import Client
    from django.utils import translation
    from selenium.webdriver.common.by import By

    from portal.applications.models import Application
    from portal.representation.models import Mandate
    from tests.applying import complete_steps

    page = service_for("senior-bus-pass")
    base = live_server.url
    them, me = browsers(), browsers()  # the principal (grandmother) and the agent (grandson)

    _sign_in(me, base, agent.phone)
    me.get(base + "/en/acting-for/ask/")
    me.find_element(By.ID, "id_principal_name").send_keys(principal.real_name)
    me.find_element(By.ID, "id_principal_identifier").send_keys(principal.resident_id)
    for name, value in (("relationship", "grandparent"), ("scope", "all"), ("days", "365")):
        me.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").click()
    _click(me, "main button.button--primary")
    mandate = Mandate.objects.get(principal=principal, agent=agent)
    assert mandate.state == "requested"

    _sign_in(them, base, principal.phone)
    them.get(base + "/en/acting-for/")
    _click(them, "button[name=answer][value=agree]")
    assert Mandate.objects.get(pk=mandate.pk).state == "active"

    me.get(base + "/en/acting-for/")
    _click(me, "button.act-for")
    banner = me.find_element(By.ID, "acting-banner")
    assert banner.get_attribute("role") == "status" and principal.real_name in banner.text

    me.get(base + f"/en/apply/{page.service_code}/")
    _click(me, "main button.button--start")
    application = Application.objects.get(service_code=page.service_code)
    assert (application.applicant_id, application.submitted_by_id, application.channel) == (
        principal.pk,
        agent.pk,
        "proxy",
    )
    # The steps themselves are covered by the engine's own browser test: answer them over HTTP in this session.
    helper = Client()
    helper.cookies["sessionid"] = me.get_cookie("sessionid")["value"]
    with translation.override("en"):
        complete_steps(helper, application)
    me.get(base + f"/en/apply/a/{application.pk}/check/")
    me.find_element(By.ID, "id_declaration").click()
    _click(me, "main button.button--primary")
    assert me.find_element(By.ID, "submitted-by").is_displayed()
    application.refresh_from_db()
    assert application.status == "submitted"

    them.get(base + "/en/apply/mine/")
    assert application.reference in them.find_element(By.TAG_NAME, "main").text
    detail = f"/en/apply/a/{application.pk}/"
    assert _status(me, base, detail) == 200

    them.get(base + "/en/acting-for/")
    _click(them, f"#given-{mandate.pk} button.button--warning")
    assert Mandate.objects.get(pk=mandate.pk).state == "revoked"

    assert _status(me, base, detail) == 404  # at once: the very next request
    me.get(base + "/en/apply/mine/")
    assert application.reference not in me.find_element(By.TAG_NAME, "main").text
    assert "acting-banner" in me.page_source  # now saying the permission has ended
