"""Read aloud on every page: a header button, shown only when JavaScript and the browser's speech synthesis
are there, that reads the page's h1 and main text (never the navigation) in the page's language (zh-CN on
Chinese pages, en on English ones), with Pause/Resume and Stop, its state exposed and announced.

Headless Chromium has speech synthesis but no voices, so the page's window.speechSynthesis is replaced by a
recording stub before the button is pressed."""

import pytest
from django.utils import translation
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.django_db

STUB = """
window.spoken = []; window.calls = [];
window.speechSynthesis.cancel();
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speak(utterance) { window.spoken.push(utterance); },
  cancel() { window.calls.push("cancel"); },
  pause() { window.calls.push("pause"); },
  resume() { window.calls.push("resume"); },
  getVoices() { return []; },
}});
"""
SPOKEN = "return window.spoken.map(u => ({text: u.text, lang: u.lang}))"
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", {configurable: true, value: undefined});'


def test_the_button_is_hidden_until_javascript_shows_it(client):
    body = client.get("/help/").content.decode()

    assert '<li class="read-aloud" hidden data-read-aloud data-lang="zh-CN"' in body
    assert 'data-lang="en"' in client.get("/en/help/").content.decode()


def gettext(language, message):
    with translation.override(language):
        return translation.gettext(message)


class Controls:
    def __init__(self, driver):
        self.driver = driver
        self.start = driver.find_element(By.CSS_SELECTOR, "[data-read-aloud-start]")
        self.pause = driver.find_element(By.CSS_SELECTOR, "[data-read-aloud-pause]")
        self.stop = driver.find_element(By.CSS_SELECTOR, "[data-read-aloud-stop]")
        self.status = driver.find_element(By.CSS_SELECTOR, "[data-read-aloud-status]")

    @property
    def pressed(self):
        return self.start.get_attribute("aria-pressed")

    @property
    def announced(self):
        return self.status.get_attribute("textContent")

    def calls(self):
        return self.driver.execute_script("return window.calls")


@pytest.mark.browser
@pytest.mark.parametrize("language,path,lang", [("zh-hans", "/help/", "zh-CN"), ("en", "/en/help/", "en")])
def test_read_aloud_reads_the_main_content_in_the_pages_language(
    driver, live_server, transactional_db, language, path, lang
):
    driver.get(live_server.url + path)
    controls = Controls(driver)
    assert controls.start.is_displayed() and controls.start.text == gettext(language, "Read aloud")
    assert not controls.pause.is_displayed() and not controls.stop.is_displayed()
    driver.execute_script(STUB)

    controls.start.click()

    spoken = driver.execute_script(SPOKEN)
    texts = [utterance["text"] for utterance in spoken]
    assert texts[0] == gettext(language, "Get help"), "the h1 first"
    assert gettext(language, "You do not have to do this alone. Choose the help that suits you.") in texts
    assert gettext(language, "Book help from staff") in texts
    header_and_footer = [gettext(language, words) for words in ("Sign in", "Skip to main content", "Service halls")]
    assert not set(texts) & set(header_and_footer)
    assert {utterance["lang"] for utterance in spoken} == {lang}
    assert controls.pressed == "true" and controls.announced == gettext(language, "Reading the page aloud")
    assert controls.pause.is_displayed() and controls.stop.is_displayed()

    controls.pause.click()
    assert controls.calls()[-1] == "pause"
    assert controls.pause.text == gettext(language, "Resume")
    assert controls.announced == gettext(language, "Reading paused")

    controls.pause.click()
    assert controls.calls()[-1] == "resume" and controls.pause.text == gettext(language, "Pause")

    controls.stop.click()
    assert controls.calls()[-1] == "cancel"
    assert controls.pressed == "false" and controls.announced == gettext(language, "Reading stopped")
    assert not controls.stop.is_displayed()
    assert driver.switch_to.active_element == controls.start, "focus goes back to the button, not to nowhere"


@pytest.mark.browser
def test_pressing_the_button_again_stops_and_the_end_is_announced(driver, live_server, transactional_db):
    driver.get(live_server.url + "/en/help/")
    controls = Controls(driver)
    driver.execute_script(STUB)

    controls.start.click()
    driver.execute_script("const spoken = window.spoken; spoken[spoken.length - 1].onend()")
    assert controls.pressed == "false" and controls.announced == "Finished reading the page"
    assert not controls.pause.is_displayed()

    controls.start.click()
    controls.start.click()
    assert controls.pressed == "false" and controls.calls()[-1] == "cancel"
    assert controls.announced == "Reading stopped"


@pytest.mark.browser
def test_no_button_without_speech_synthesis(driver, live_server, transactional_db):
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NO_SPEECH})
    try:
        driver.get(live_server.url + "/en/help/")
        widget = driver.find_element(By.CSS_SELECTOR, "[data-read-aloud]")
        assert driver.execute_script(
            'return performance.getEntriesByType("resource").some(entry => entry.name.endsWith("/js/portal.js"))'
        )
        assert driver.execute_script("return document.readyState") == "complete"
        assert not widget.is_displayed()
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
