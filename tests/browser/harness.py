"""What a browser test does with one page state: set the display state (language and elder mode), run the
page's setup (sign-in, data), open it, run its browser actions (for example submit a form to show its
errors), check that the intended state was reached, then run axe.

Page states are declared in tests/browser/pages.py; this module knows nothing about particular pages.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.test import Client
from django.utils import translation
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.preferences import ELDER_COOKIE

from .axe import axe_check

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)  # zh-hans (no URL prefix), en (/en/)
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
STANDARD, ELDER = "standard", "elder"
MODES = (STANDARD, ELDER)


@dataclass
class Visit:
    """One page in one language and display mode: what setup, path, browser actions and checks are given."""

    driver: object
    base_url: str
    catalogue: object
    language: str
    mode: str
    user: object = None

    @property
    def elder(self):
        return self.mode == ELDER

    def path(self, path, **query):
        """`path` in this visit's language (Chinese has no prefix, English is under /en/), with a query."""
        prefix = "" if self.language == DEFAULT_LANGUAGE else f"/{self.language}"
        query = {key: value for key, value in query.items() if value is not None}
        return prefix + path + (f"?{urlencode(query)}" if query else "")

    def service(self, code):
        """A catalogue service page in this visit's language."""
        return self.catalogue.service(code, self.language)

    def gettext(self, message):
        with translation.override(self.language):
            return translation.gettext(message)

    # Browser helpers for setup and actions.
    def set_cookie(self, name, value):
        self.driver.execute_cdp_cmd(
            "Network.setCookie", {"name": name, "value": value, "url": self.base_url, "path": "/"}
        )

    def sign_in(self, user, **session_data):
        """Sign `user` in for this visit (a real session, as after the sign-in form). Extra session data,
        such as a verified second factor, can be given. Elder mode follows the visit's mode, since a
        signed-in user's own preference wins over the cookie."""
        if user.elder_mode != self.elder:
            user.elder_mode = self.elder
            user.save(update_fields=["elder_mode"])
        client = Client()
        client.force_login(user)
        if session_data:
            session = client.session
            session.update(session_data)
            session.save()
        self.set_cookie(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
        self.user = user

    def find(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def submit(self, selector="main form", button="[type=submit]"):
        """Submit a form in the page the way a person would (its submit button, or `button` where the form has
        several) and wait for the answer."""
        form = self.find(selector)
        if not form:
            raise AssertionError(f"no form {selector!r} to submit")
        old_root = self.driver.find_element(By.TAG_NAME, "html")
        form[0].find_element(By.CSS_SELECTOR, button).click()
        WebDriverWait(self.driver, 15).until(lambda driver: _is_stale(old_root))
        WebDriverWait(self.driver, 15).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )


def _is_stale(element):
    try:
        element.tag_name  # noqa: B018
    except Exception:  # StaleElementReferenceException: a new document was loaded
        return True
    return False


def display_problems(visit):
    """The language and mode the visit asked for are what the page shows."""
    problems = []
    lang = visit.driver.execute_script("return document.documentElement.lang") or ""
    if lang.lower() != visit.language.lower():
        problems.append(f'<html lang="{lang}"> on a {visit.language} page')
    classes = visit.driver.execute_script("return document.documentElement.className") or ""
    if visit.elder != ("elder-mode" in classes.split()):
        problems.append(f'<html class="{classes}"> in {visit.mode} mode')
    if not visit.driver.execute_script(STYLESHEET_LOADED):
        problems.append("the portal's stylesheet did not load, so colour contrast cannot be judged")
    return problems


# Contrast and target sizes mean nothing without the styles: the page's own stylesheet must have loaded.
STYLESHEET_LOADED = """
return Array.from(document.styleSheets).some(sheet => {
  if (!sheet.href || !sheet.href.startsWith(location.origin) || sheet.disabled) return false;
  const media = Array.from(sheet.media);
  if (media.length && !media.some(medium => medium === "all" || medium === "screen")) return false;
  try { return sheet.cssRules.length > 0; } catch (error) { return false; }
});
"""


def open_page_state(page, *, driver, base_url, catalogue, language, mode=STANDARD, cookies=None):
    """Open one page state: fresh cookies, the display mode (and any other `cookies`), its setup, the page, its
    browser actions. Returns (visit, where, problems); problems mean the page did not reach the state it is meant
    to test (wrong page, wrong language or mode), so whatever is checked on it proves nothing."""
    visit = Visit(driver=driver, base_url=base_url, catalogue=catalogue, language=language, mode=mode)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    if visit.elder:
        visit.set_cookie(ELDER_COOKIE, "1")
    for name, value in (cookies or {}).items():
        visit.set_cookie(name, value)
    if page.setup:
        page.setup(visit)
    path = page.path(visit) if callable(page.path) else visit.path(page.path)
    where = f"{page.name} [{language}, {mode} mode] {path}"
    driver.get(base_url + path)
    if page.then:
        page.then(visit)
        where += f" -> {driver.current_url.removeprefix(base_url)}"
    problems = display_problems(visit)
    if page.check and (problem := page.check(visit)):
        problems.append(problem)
    return visit, where, problems


def run_page_state(page, *, driver, base_url, catalogue, language, mode):
    """Open one page state and run axe on it: (where, violations, problems)."""
    _visit, where, problems = open_page_state(
        page, driver=driver, base_url=base_url, catalogue=catalogue, language=language, mode=mode
    )
    return where, axe_check(driver, where), [f"{where}: {problem}" for problem in problems]
