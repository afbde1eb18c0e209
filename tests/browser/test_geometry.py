"""Elder mode's numbers, measured in the browser on the key pages (the rules are in ../shared/DESIGN.md and the
MIIT 2021 elder-friendly web specification; the CSS is static/css/portal.css):

- text: every piece of visible text is at least 18px at elder mode's default size and at least 30px at the
  largest text size; its line height is at least 1.3 times its size ("normal" does not count);
- targets: the page's main action (.button--primary, .button--start) is at least 60×60 CSS px and every other
  visible a, button, input, select, textarea, summary, [role=button] or [tabindex] at least 44×44. A radio
  button or checkbox is measured together with its label, since clicking the label works the same.
  Exception (WCAG 2.5.8 "inline"): a link displayed inline inside running text, that is, whose enclosing
  block has letters or digits outside links, is as tall as the line it sits in and is not measured.
  Elements off the page (the skip link until it has focus) and visually hidden ones are not measured;
- contrast: every piece of visible text, and the text in form fields, has a contrast ratio of at least 7:1
  with its background (WCAG relative luminance; the background is found by going up the ancestors until an
  opaque background colour, blending translucent ones; text over a background image is reported, not judged).
  Colours of visited links are hidden from scripts, so links are judged in their unvisited colour;
- reflow (WCAG 1.4.10, 1.4.4): no horizontal scrolling (document.documentElement.scrollWidth <= clientWidth)
  at 320 CSS px wide, and at 1280 px with 200% zoom. Browser zoom at 200% on a 1280 px window lays the page
  out in a 640 CSS px viewport with two device pixels per CSS pixel: that is exactly what
  Emulation.setDeviceMetricsOverride(width=640, deviceScaleFactor=2) sets, media queries included (CSS
  `zoom: 2` would not be the same: media queries would still see 1280 px). 320 CSS px is WCAG's own reflow
  width (1280 px at 400%), checked with width=320 and deviceScaleFactor=1. Scrollbars are hidden meanwhile
  (Emulation.setScrollbarsHidden), as on phones, whose scrollbars overlay the page: all 320 px are the page's;
- text spacing (WCAG 1.4.12): with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word
  spacing 0.16em forced on everything (a constructed stylesheet added to document.adoptedStyleSheets, which
  the page's CSP does not block, as an inline <style> would be), nothing is clipped (no element with
  overflow hidden or clip whose content is larger than its box), no two pieces of text overlap, and the page
  still does not scroll sideways.

Text size, line height, targets and contrast are measured in elder mode; reflow and text spacing in standard
and elder mode; the largest text size on the pages that can be opened again (GET).
"""

from urllib.parse import quote

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.preferences import TEXT_SIZE_COOKIE, TEXT_SIZES

from .harness import LANGUAGES, open_page_state
from .key_pages import (
    CATALOGUE_FILTERED,
    CHECK_ANSWERS,
    CONFIRMATION,
    HOME,
    MY_APPLICATIONS,
    REGISTER,
    SEARCH,
    SERVICE_PAGE,
    SIGN_IN,
    STEP_WITH_CHOICES,
    STEP_WITH_ERRORS,
    flow_services,
)

pytestmark = pytest.mark.browser

PAGE_STATES = [
    HOME,
    CATALOGUE_FILTERED,
    SERVICE_PAGE,
    SEARCH,
    SIGN_IN,
    REGISTER,
    STEP_WITH_CHOICES,
    STEP_WITH_ERRORS,
    CHECK_ANSWERS,
    CONFIRMATION,
    MY_APPLICATIONS,
]
ELDER_TEXT_PX = 18
LARGEST = max(TEXT_SIZES, key=TEXT_SIZES.get)
LARGEST_TEXT_PX = 30
LINE_HEIGHT = 1.3
PRIMARY_TARGET_PX = 60
TARGET_PX = 44
CONTRAST = 7.0
PRIMARY = ".button--primary, .button--start"
REFLOW = {
    "320 CSS px": {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
    "1280 px at 200% zoom": {"width": 640, "height": 512, "deviceScaleFactor": 2, "mobile": False},
}
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
    "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)

# Shared by the measurements: what is shown, and a readable name for an element.
COMMON = """
function invisible(element) {
  for (let e = element; e && e !== document.documentElement; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === "none" || s.visibility === "hidden" || s.visibility === "collapse") return true;
    if (s.opacity === "0") return true;
    if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath === "inset(50%)") return true;
    const r = e.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1 && s.overflow !== "visible") return true;
  }
  return false;
}
function describe(e) {
  let text = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "");
  if (typeof e.className === "string" && e.className.trim()) text += "." + e.className.trim().split(/\\s+/).join(".");
  const words = (e.innerText || e.value || e.getAttribute("aria-label") || "").replace(/\\s+/g, " ").trim();
  return text + (words ? " " + JSON.stringify(words.slice(0, 40)) : "");
}
function textNodes() {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Map();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, option, svg")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    if (!seen.has(parent)) seen.set(parent, invisible(parent));
    if (seen.get(parent)) continue;
    found.push({node: node, element: parent, rects: rects});
  }
  return found;
}
"""

TEXT_SCRIPT = (
    COMMON
    + """
const [minimum, lineHeight, contrast] = arguments;
function rgba(value) {
  const m = value.match(/rgba?\\(([^)]*)\\)/);
  if (!m) return null;
  const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function background(element) {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.backgroundImage !== "none") return null;
    const c = rgba(s.backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const problems = {size: [], lineHeight: [], contrast: [], unjudged: []};
const elements = new Set(textNodes().map(item => item.element));
const fields = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file]), select, textarea";
document.querySelectorAll(fields).forEach(e => {
  if (!invisible(e) && (e.value || e.tagName === "SELECT")) elements.add(e);
});
for (const e of elements) {
  const s = getComputedStyle(e);
  const size = parseFloat(s.fontSize);
  if (minimum && size < minimum - 0.01) problems.size.push(describe(e) + ": " + s.fontSize);
  if (lineHeight && !["INPUT", "SELECT", "TEXTAREA"].includes(e.tagName)) {
    const ratioLh = s.lineHeight === "normal" ? null : parseFloat(s.lineHeight) / size;
    if (ratioLh === null || ratioLh < lineHeight - 0.005) {
      problems.lineHeight.push(describe(e) + ": line-height " + s.lineHeight + " at " + s.fontSize
                               + (ratioLh ? " (" + ratioLh.toFixed(2) + ")" : ""));
    }
  }
  if (contrast) {
    const bg = background(e);
    if (!bg) { problems.unjudged.push(describe(e)); continue; }
    const fg = rgba(s.color);
    const value = ratio(over(fg, bg), bg);
    if (value < contrast) problems.contrast.push(describe(e) + ": " + value.toFixed(2) + ":1 (" + s.color
                                                  + " on rgb(" + bg.slice(0, 3).map(Math.round).join(", ") + "))");
  }
}
return problems;
"""
)

TARGET_SCRIPT = (
    COMMON
    + """
const [primarySelector, primary, other] = arguments;
function block(e) {
  let b = e.parentElement;
  while (b && getComputedStyle(b).display.startsWith("inline")) b = b.parentElement;
  return b || document.body;
}
function runningText(link) {
  const container = block(link);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest("a, button")) text += node.textContent;
  }
  return /[\\p{L}\\p{N}]/u.test(text);
}
const problems = [];
const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], "
                 + "[tabindex]:not([tabindex='-1'])";
const pageWidth = document.documentElement.scrollWidth;
for (const e of document.querySelectorAll(selector)) {
  if (invisible(e)) continue;
  let r = e.getBoundingClientRect();
  if (r.right <= 0 || r.left >= pageWidth || r.bottom + scrollY <= 0) continue;  // off the page, like the skip link
  if (e.tagName === "A" && getComputedStyle(e).display === "inline" && runningText(e)) continue;
  let box = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  if (e.labels && ["radio", "checkbox"].includes(e.type)) {
    for (const label of e.labels) {
      const l = label.getBoundingClientRect();
      box = {left: Math.min(box.left, l.left), top: Math.min(box.top, l.top),
             right: Math.max(box.right, l.right), bottom: Math.max(box.bottom, l.bottom)};
    }
  }
  const width = box.right - box.left, height = box.bottom - box.top;
  const needed = e.matches(primarySelector) ? primary : other;
  if (width < needed - 0.5 || height < needed - 0.5) {
    problems.push(describe(e) + ": " + width.toFixed(1) + "×" + height.toFixed(1) + ", needs " + needed + "×" + needed);
  }
}
return problems;
"""
)

SCROLL_SCRIPT = (
    COMMON
    + """
const root = document.documentElement;
if (root.scrollWidth <= root.clientWidth) return null;
const wide = [];
for (const e of document.querySelectorAll("body *")) {
  const r = e.getBoundingClientRect();
  if (r.right > root.clientWidth + 1 && r.width > 0 && !invisible(e)) {
    let scroller = false;
    for (let p = e.parentElement; p; p = p.parentElement) {
      if (p === document.body || p === root) break;
      if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) { scroller = true; break; }
    }
    const parentListed = e.parentElement && wide.includes(describe(e.parentElement) + " to " + Math.round(
      e.parentElement.getBoundingClientRect().right) + "px");
    if (!scroller && !parentListed) wide.push(describe(e) + " to " + Math.round(r.right) + "px");
  }
}
return "the page is " + root.scrollWidth + "px wide in a " + root.clientWidth + "px viewport: "
       + wide.slice(0, 6).join("; ");
"""
)

SPACING_SCRIPT = (
    COMMON
    + """
const css = arguments[0];
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const problems = [];
const probe = document.querySelector("main p, main li, main label, main h1") || document.body;
const applied = getComputedStyle(probe);
if (Math.abs(parseFloat(applied.letterSpacing) - 0.12 * parseFloat(applied.fontSize)) > 0.5) {
  problems.push("the text-spacing stylesheet did not apply (letter-spacing " + applied.letterSpacing + ")");
}
for (const e of document.querySelectorAll("body *")) {
  const s = getComputedStyle(e);
  if (![s.overflowX, s.overflowY].some(o => o === "hidden" || o === "clip") || invisible(e)) continue;
  if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
    problems.push("clipped: " + describe(e) + " shows " + e.clientWidth + "×" + e.clientHeight + " of "
                  + e.scrollWidth + "×" + e.scrollHeight);
  }
}
const texts = textNodes();
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) {
    const overlap = texts[i].rects.some(a => texts[j].rects.some(b => {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return w > 1 && h > Math.min(a.height, b.height) / 4;
    }));
    if (overlap) {
      const quoted = item => JSON.stringify(item.node.textContent.trim().slice(0, 30)) + " in "
                             + describe(item.element);
      problems.push("overlapping text: " + quoted(texts[i]) + " and " + quoted(texts[j]));
    }
  }
}
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth) {
  problems.push("the page scrolls sideways: " + root.scrollWidth + "px wide in " + root.clientWidth + "px");
}
document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== sheet);
return problems.slice(0, 20);
"""
)


# The measurements: each returns a list of problems for one page as the browser shows it now. --------------


def text_problems(driver, *, minimum, line_height=LINE_HEIGHT, contrast=None):
    found = driver.execute_script(TEXT_SCRIPT, minimum, line_height, contrast)
    problems = [f"text smaller than {minimum}px: {item}" for item in found["size"]]
    problems += [f"line height under {line_height}: {item}" for item in found["lineHeight"]]
    problems += [f"contrast under {contrast}:1: {item}" for item in found["contrast"]]
    problems += [f"text over a background image, contrast not judged: {item}" for item in found["unjudged"]]
    return problems


def target_problems(driver):
    return [
        f"target too small: {item}"
        for item in driver.execute_script(TARGET_SCRIPT, PRIMARY, PRIMARY_TARGET_PX, TARGET_PX)
    ]


def reflow_problems(driver):
    problems = []
    normal = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})  # as on a phone: all 320px for the page
    try:
        for name, metrics in REFLOW.items():
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            width = driver.execute_script("return document.documentElement.clientWidth")
            assert width == metrics["width"], f"the viewport did not become {metrics['width']}px wide ({width})"
            if found := driver.execute_script(SCROLL_SCRIPT):
                problems.append(f"horizontal scrolling at {name}: {found}")
    finally:
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        # The window's own size comes back at the next frame; wait for it, so nothing after runs at 640px.
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.innerWidth") == normal)
    return problems


def spacing_problems(driver):
    return [f"with WCAG 1.4.12 text spacing: {item}" for item in driver.execute_script(SPACING_SCRIPT, TEXT_SPACING)]


# The tests. -----------------------------------------------------------------------------------------------


def test_elder_mode_text_targets_contrast_reflow_and_text_spacing(subtests, browser, browser_server, browser_catalogue):
    flow_services(browser_catalogue)

    def check(page, language, mode, largest=False):
        cookies = {TEXT_SIZE_COOKIE: LARGEST} if largest else None
        _visit, where, problems = open_page_state(
            page,
            driver=browser,
            base_url=browser_server.url,
            catalogue=browser_catalogue,
            language=language,
            mode=mode,
            cookies=cookies,
        )
        assert not problems, f"{where}: the page did not reach the state to test: {problems}"
        if largest:
            classes = browser.execute_script("return document.documentElement.className")
            assert f"text-{LARGEST}" in classes.split(), f"{where}: the largest text size is not on: {classes!r}"
            problems = text_problems(browser, minimum=LARGEST_TEXT_PX) + reflow_problems(browser)
        elif mode == "elder":
            problems = (
                text_problems(browser, minimum=ELDER_TEXT_PX, contrast=CONTRAST)
                + target_problems(browser)
                + reflow_problems(browser)
                + spacing_problems(browser)
            )
        else:
            problems = reflow_problems(browser) + spacing_problems(browser)
        assert not problems, f"{where}:\n- " + "\n- ".join(problems)

    for page in PAGE_STATES:
        for language in LANGUAGES:
            for mode in ("elder", "standard"):
                with subtests.test(f"{page.name} [{language}, {mode} mode]"):
                    check(page, language, mode)
            if page.then is None:
                with subtests.test(f"{page.name} [{language}, elder mode, {LARGEST} text]"):
                    check(page, language, "elder", largest=True)


BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Broken geometry</title><style>
body { font: 18px/1.6 sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
.small { font-size: 14px; } .tight { line-height: 1.1; } .faint { color: #767676; }
button { font: inherit; min-width: 60px; min-height: 60px; } #tiny { min-width: 0; min-height: 0; padding: 0; }
.wide { width: 700px; } .box { font-family: monospace; width: 20ch; white-space: nowrap; overflow: hidden; }
.over { position: relative; top: -0.8em; }
</style></head><body><main>
<p class="small">Small print.</p><p class="tight">Tight lines.</p><p class="faint">Faint text.</p>
<p>Running text with <a href="#a">an inline link</a> in it.</p>
<button id="tiny" type="button">x</button><button type="button">Big enough</button>
<div class="wide">Fixed width</div><div class="box">Fits without space</div><div class="over">On top</div>
</main></body></html>"""


def test_the_measurements_catch_a_page_broken_in_each_way(browser):
    browser.get("data:text/html;charset=utf-8," + quote(BROKEN_PAGE))
    text = text_problems(browser, minimum=ELDER_TEXT_PX, contrast=CONTRAST)
    assert text == [
        'text smaller than 18px: p.small "Small print.": 14px',
        'line height under 1.3: p.tight "Tight lines.": line-height 19.8px at 18px (1.10)',
        'contrast under 7.0:1: p.faint "Faint text.": 4.54:1 (rgb(118, 118, 118) on rgb(255, 255, 255))',
    ]
    targets = target_problems(browser)
    assert len(targets) == 1 and targets[0].startswith('target too small: button#tiny "x": ')
    reflow = reflow_problems(browser)
    assert len(reflow) == 2 and all("div.wide" in problem for problem in reflow), reflow
    assert browser.execute_script("return window.innerWidth") > 640  # the emulation is undone
    spacing = spacing_problems(browser)
    assert len(spacing) == 2, spacing
    assert spacing[0].startswith('with WCAG 1.4.12 text spacing: clipped: div.box "Fits without space" shows ')
    assert spacing[1] == (
        'with WCAG 1.4.12 text spacing: overlapping text: "Fits without space" in div.box "Fits '
        'without space" and "On top" in div.over "On top"'
    )
    assert spacing_problems(browser) == spacing  # the override is removed again after measuring
