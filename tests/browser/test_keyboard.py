"""A whole application with the keyboard only: Tab, Shift+Tab, Enter, Space, arrow keys and typing, never a
mouse click, in headless Chromium. From the service's start page the applicant turns on elder mode (the
switch is within the first three Tab stops), signs in, starts, goes through every step (radios with arrow
keys, checkboxes with Space), recovers from an error through the error summary, checks the answers and sends
the application, reaching the confirmation.

At every Tab stop the focused element must be visibly focused (WCAG 2.4.7): its computed outline, box-shadow,
background or border differ from those of the same element unfocused (a copy of it, without id and name,
put beside it for the measurement; :focus-visible is reported too); and it must not be hidden (WCAG 2.4.11): it is
inside the viewport, no position:fixed or position:sticky element overlaps it, and the element at its centre
is itself (or inside it).

The applicant answers what each page asks, whatever the layout: radios and checkboxes by their name (ANSWERS),
text fields by name (TYPED) when empty; anything else left empty fails the test, so a new question is noticed.
"""

from urllib.parse import quote

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .chromium import wait_until_replaced
from .key_pages import APPLICANT_PHONE, PASSWORD, PENSION, applicant, flow_services

pytestmark = pytest.mark.browser

# The pension flow answered without an upload: same address, not abroad, declarations ticked.
ANSWERS = {"same_address": "yes", "lives_abroad": "no"}
TICKED = {"alive_declaration", "declaration"}
TYPED = {"identifier": APPLICANT_PHONE, "password": PASSWORD}
PRIMARY = "main .button--start, main form .button--primary"  # the page's main action (a link or a button)
MAX_STOPS = 60  # Tab stops on one page before giving up

FOCUS_SCRIPT = """
const element = document.activeElement;
const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
  + (e.className ? "." + String(e.className).trim().split(/\\s+/).join(".") : "");
if (!element || element === document.body || element === document.documentElement) return null;
const keys = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor", "color",
              "borderTopColor", "borderBottomColor", "borderBottomWidth", "textDecorationLine"];
const style = element => { const computed = getComputedStyle(element); return keys.map(key => computed[key]); };
const focused = style(element);
const copy = element.cloneNode(true);
["id", "name", "autofocus", "data-error-summary"].forEach(name => copy.removeAttribute(name));
copy.tabIndex = -1;
element.insertAdjacentElement("afterend", copy);
const unfocused = style(copy);
copy.remove();
const changed = keys.filter((key, index) => focused[index] !== unfocused[index]);
const width = document.documentElement.clientWidth, height = window.innerHeight;
const rect = element.getBoundingClientRect();
const box = r => ({top: Math.round(r.top), left: Math.round(r.left), bottom: Math.round(r.bottom),
                   right: Math.round(r.right)});
const covering = [];
for (const other of document.querySelectorAll("body *")) {
  const computed = getComputedStyle(other);
  if (!["fixed", "sticky"].includes(computed.position) || other.contains(element) || element.contains(other)) continue;
  if (computed.display === "none" || computed.visibility === "hidden") continue;
  const o = other.getBoundingClientRect();
  if (o.width && o.height && o.left < rect.right && o.right > rect.left && o.top < rect.bottom && o.bottom > rect.top) {
    covering.push(name(other));
  }
}
const inside = rect.top >= -1 && rect.left >= -1 && rect.bottom <= height + 1 && rect.right <= width + 1;
const x = Math.min(Math.max(rect.left + rect.width / 2, 0), width - 1);
const y = Math.min(Math.max(rect.top + rect.height / 2, 0), height - 1);
const top = document.elementFromPoint(x, y);
const labelled = top && element.labels && Array.from(element.labels).some(label => label.contains(top));
return {
  describe: name(element) + (element.name ? "[name=" + element.name + "]" : "")
    + (element.type === "radio" ? "[value=" + element.value + "]" : "")
    + " " + JSON.stringify((element.tagName === "INPUT" ? "" : element.innerText || "").trim().slice(0, 40)),
  tag: element.tagName.toLowerCase(), type: element.type || "", name: element.name || "", value: element.value || "",
  checked: !!element.checked, primary: element.matches(arguments[0]),
  focusVisible: element.matches(":focus-visible"), changed: changed,
  indicator: changed.some(key => ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor",
                                  "borderBottomWidth", "borderBottomColor", "borderTopColor"].includes(key)),
  rect: box(rect), viewport: [width, height], inside: inside, covering: covering,
  atCentre: top ? top.tagName.toLowerCase() + (top.id ? "#" + top.id : "") : null,
  reachable: !!top && (top === element || element.contains(top) || !!labelled),
};
"""


class Keyboard:
    """Presses keys and checks every place focus lands."""

    def __init__(self, driver):
        self.driver = driver
        self.stops = 0
        self.visited = []  # (url path, element description) of every stop, for failure messages

    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def shift_tab(self):
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        return self.focus()

    def tab(self):
        self.press(Keys.TAB)
        return self.focus()

    def focus(self):
        """What has focus now, checked: visibly focused and not hidden."""
        focus = self.driver.execute_script(FOCUS_SCRIPT, PRIMARY)
        path = self.driver.current_url.split("/", 3)[-1]
        if focus is None:
            return None
        self.stops += 1
        self.visited.append((path, focus["describe"]))
        where = f"/{path}, stop {self.stops}: {focus['describe']}"
        assert focus["indicator"], (
            f"{where}: no visible focus indicator: its outline, box-shadow, background and "
            f"border are the same as unfocused (:focus-visible {focus['focusVisible']}, "
            f"changed on focus: {focus['changed']})"
        )
        assert focus["inside"], f"{where} is outside the viewport {focus['viewport']}: {focus['rect']}"
        assert not focus["covering"], f"{where} is under a fixed or sticky element: {focus['covering']}"
        assert focus["reachable"], f"{where}: the element at its centre is {focus['atCentre']}, something on top of it"
        return focus

    def enter_and_wait(self):
        page = self.driver.find_element("tag name", "html")
        self.press(Keys.ENTER)
        wait_until_replaced(self.driver, page)


def answer_page(keyboard, *, provoke_error=False):
    """Answer what the page asks, moving with Tab from where focus is, and press the page's main action with
    Enter; on the way, check that Shift+Tab from the main action goes back to the previous stop. With
    provoke_error, answer nothing: press the main action at once, to see the errors."""
    previous = None
    focus = keyboard.focus()
    for _ in range(MAX_STOPS):
        if focus is None:
            focus = keyboard.tab()
            continue
        if focus["primary"]:
            if provoke_error:
                keyboard.enter_and_wait()
                return
            if previous is not None:  # Shift+Tab goes back to the previous stop, Tab forward again
                back = keyboard.shift_tab()
                assert back and back["describe"] == previous["describe"], (
                    f"Shift+Tab from {focus['describe']} went to {back and back['describe']}, "
                    f"not back to {previous['describe']}"
                )
                again = keyboard.tab()
                assert again and again["describe"] == focus["describe"]
            keyboard.enter_and_wait()
            return
        if provoke_error:
            pass  # leave everything unanswered
        elif focus["type"] == "radio" and focus["name"] in ANSWERS and focus["value"] != ANSWERS[focus["name"]]:
            for _ in range(10):  # moving onto the group chose nothing: go down to the answer, choosing it
                if focus["value"] == ANSWERS[focus["name"]]:
                    break
                keyboard.press(Keys.ARROW_DOWN)
                focus = keyboard.focus()
            assert focus["value"] == ANSWERS[focus["name"]] and focus["checked"], f"could not choose {focus}"
        elif focus["type"] == "radio" and focus["name"] in ANSWERS and not focus["checked"]:
            keyboard.press(Keys.SPACE)
            focus = keyboard.focus()
            assert focus["checked"], f"Space did not choose {focus['describe']}"
        elif focus["type"] == "radio" and focus["name"] not in ANSWERS:
            raise AssertionError(f"a question this test cannot answer: {focus['describe']}")
        elif focus["type"] == "checkbox" and focus["name"] in TICKED and not focus["checked"]:
            keyboard.press(Keys.SPACE)
            focus = keyboard.focus()
            assert focus["checked"], f"Space did not tick {focus['describe']}"
        elif (
            focus["tag"] in ("input", "textarea")
            and focus["type"] not in ("radio", "checkbox", "submit", "search")
            and not focus["value"]
        ):
            assert focus["name"] in TYPED, f"an empty field this test cannot fill in: {focus['describe']}"
            keyboard.press(TYPED[focus["name"]])
        previous = focus
        focus = keyboard.tab()
    raise AssertionError(f"no main action found on {keyboard.driver.current_url}")


def test_a_whole_application_with_the_keyboard_only(browser, browser_server, browser_catalogue):
    from portal.applications.models import Application

    driver, base = browser, browser_server.url
    service = flow_services(browser_catalogue)[PENSION]
    user = applicant()
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    keyboard = Keyboard(driver)

    driver.get(f"{base}/apply/{service.service_code}/")
    for _ in range(3):  # the elder-mode switch (a link to the preferences with elder=1) is among the first three
        keyboard.tab()
        if driver.execute_script("return (document.activeElement.getAttribute('href') || '').includes('elder=1')"):
            break
    else:
        raise AssertionError(f"the elder-mode switch is not within the first three Tab stops: {keyboard.visited}")
    keyboard.enter_and_wait()
    assert "elder-mode" in driver.execute_script("return document.documentElement.className")

    # Sign in to start (a link), sign in (typing), start (a button).
    answer_page(keyboard)
    assert "/accounts/sign-in/" in driver.current_url
    answer_page(keyboard)
    assert f"/apply/{service.service_code}/" in driver.current_url, "signing in leads back to the start page"
    answer_page(keyboard)

    # Every step, up to the check-your-answers page; the first question is first left unanswered.
    errors_seen = False
    for _ in range(20):
        if "/check/" in driver.current_url:
            break
        assert "/step/" in driver.current_url, f"expected a step of the application, not {driver.current_url}"
        asks = driver.execute_script("return !!document.querySelector('main input[type=radio]')")
        if asks and not errors_seen:
            answer_page(keyboard, provoke_error=True)
            errors_seen = True
            summary = keyboard.focus()
            assert summary and "error-summary" in summary["describe"], f"the error summary has no focus: {summary}"
            link = keyboard.tab()
            assert link["tag"] == "a" and driver.execute_script(
                "return document.activeElement.closest('.error-summary') !== null"
            ), link
            target = driver.execute_script("return document.activeElement.getAttribute('href').slice(1)")
            keyboard.press(Keys.ENTER)
            field = keyboard.focus()
            assert driver.execute_script("return document.activeElement.id") == target, (
                f"Enter on the error link {link['describe']} did not move focus to #{target}, but to {field}"
            )
        answer_page(keyboard)
    else:
        raise AssertionError("the application never reached check your answers")
    assert errors_seen, "no step asked a question with radio buttons"

    answer_page(keyboard)  # tick the declaration, accept and send
    assert "/confirmation/" in driver.current_url, driver.current_url
    assert driver.find_element("css selector", "main .reference").text.strip()
    application = Application.objects.get(applicant=user)
    assert application.status == "submitted"
    assert application.answers["same_address"] == "yes" and application.answers["lives_abroad"] == "no"


HIDDEN_FOCUS_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Focus problems</title><style>
.bar { position: fixed; top: 0; left: 0; right: 0; height: 6rem; background: #fff; z-index: 1; }
#no-ring:focus { outline: none; }
</style></head><body><div class="bar">A fixed bar</div><main>
<p><button id="under" type="button">Under the bar</button></p>
<p style="margin-top: 8rem"><a id="no-ring" href="#x">No focus indicator</a></p>
<p><a id="fine" href="#y">Fine</a></p></main></body></html>"""


def test_the_focus_checks_catch_a_hidden_and_an_invisible_focus(browser):
    browser.get("data:text/html;charset=utf-8," + quote(HIDDEN_FOCUS_PAGE))
    keyboard = Keyboard(browser)
    with pytest.raises(AssertionError, match=r"button#under .* is under a fixed or sticky element: \['div.bar'\]"):
        keyboard.tab()
    with pytest.raises(AssertionError, match=r"a#no-ring .*: no visible focus indicator"):
        keyboard.tab()
    assert keyboard.tab()["describe"].startswith("a#fine")
