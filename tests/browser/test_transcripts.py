"""Golden transcripts: what a screen reader says, phrase by phrase, reading key pages from top to bottom,
compared with the files in tests/browser/transcripts/<page>-<language>.txt.

The reader is Guidepup's Virtual Screen Reader (npm @guidepup/virtual-screen-reader, its browser bundle,
vendored under static/vendor/virtual-screen-reader/<version>/, see the README there). The live server serves
it from /static/ and the test loads it into the page with import() of that same-origin URL (the bundle is an
ES module; the page's CSP, script-src 'self', allows it), then moves the reader's cursor with next() until
it says "end of document". Nothing is downloaded.

A transcript changes when a page's text or structure changes. When the change is intended, read the diff in
the failure (is it what a blind user should now hear?), then write the new transcripts:

    UPDATE_TRANSCRIPTS=1 .venv/bin/pytest tests/browser/test_transcripts.py

and review them with `git diff tests/browser/transcripts/` before they are committed. What changes from run to
run (reference numbers, dates, times) is replaced by placeholders such as <reference> first.
"""

import difflib
import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from .harness import LANGUAGES, open_page_state
from .key_pages import CONFIRMATION, HOME, SERVICE_PAGE, STEP_WITH_ERRORS, flow_services

pytestmark = pytest.mark.browser

VSR_VERSION = "0.33.0"
VSR_FILE = f"vendor/virtual-screen-reader/{VSR_VERSION}/index.browser.js"
TRANSCRIPTS = Path(__file__).with_name("transcripts")
UPDATE = os.environ.get("UPDATE_TRANSCRIPTS") == "1"
MAX_PHRASES = 3000  # a page longer than this is a runaway: the reader never reached the end

# page name: (page state, the whole page or only its main landmark). The header and footer are the same on
# every page: the golden files have them once, in the home page's transcript, so that a change to the header
# changes one file, not all of them. The reader always reads the whole page.
TRANSCRIBED = {
    "home": (HOME, False),
    "service-page": (SERVICE_PAGE, True),
    "step-with-errors": (STEP_WITH_ERRORS, True),
    "confirmation": (CONFIRMATION, True),
}

READ_PAGE = """
const [url, limit, done] = arguments;
import(url).then(async ({virtual}) => {
  await virtual.start({container: document.body});
  try {
    for (let moves = 0; moves < limit && (await virtual.lastSpokenPhrase()) !== "end of document"; moves++) {
      await virtual.next();
    }
    done({phrases: await virtual.spokenPhraseLog()});
  } finally {
    await virtual.stop();
  }
}).catch(error => done({error: String(error && error.stack || error)}));
"""

# What differs from one run to the next, replaced before comparing: (pattern, placeholder).
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
VOLATILE = [
    (re.compile(r"\bSD-[2-9A-Z]{4}-[2-9A-Z]{4}\b"), "<reference>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<uuid>"),
    (re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"), "<date>"),
    (re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b"), "<date>"),
    (re.compile(rf"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}\b"), "<date>"),
    (re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"), "<time>"),
    (re.compile(r"https?://(?:localhost|127\.0\.0\.1)(?::\d+)?"), "<server>"),
]


def stable(phrase):
    for pattern, placeholder in VOLATILE:
        phrase = pattern.sub(placeholder, phrase)
    return " ".join(phrase.split())


def transcript(driver, base_url, main_only=False):
    """The phrases the virtual screen reader speaks reading the page from start to end (or only those from
    "main" to "end of main"), made stable."""
    result = driver.execute_async_script(READ_PAGE, base_url + settings.STATIC_URL + VSR_FILE, MAX_PHRASES)
    if "error" in result:
        raise AssertionError(f"the virtual screen reader did not run: {result['error']}")
    phrases = result["phrases"]
    assert phrases and phrases[-1] == "end of document", (
        f"the reader did not reach the end of the page in {MAX_PHRASES} moves; it last said {phrases[-3:]}"
    )
    if main_only:
        assert phrases.count("main") == 1 and phrases.count("end of main") == 1, "expected one main landmark"
        phrases = phrases[phrases.index("main") : phrases.index("end of main") + 1]
    return [stable(phrase) for phrase in phrases]


def compare(name, phrases):
    """Compare with the golden file (or write it, with UPDATE_TRANSCRIPTS=1); returns the difference."""
    path = TRANSCRIPTS / f"{name}.txt"
    text = "\n".join(phrases) + "\n"
    if UPDATE:
        TRANSCRIPTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return ""
    if not path.exists():
        return f"no golden transcript {path}; write it with UPDATE_TRANSCRIPTS=1 and review it"
    golden = path.read_text(encoding="utf-8")
    if golden == text:
        return ""
    diff = difflib.unified_diff(
        golden.splitlines(), text.splitlines(), f"{path.name} (golden)", f"{path.name} (this run)", lineterm="", n=2
    )
    return (
        f"what a screen reader says on {name} changed. If that is intended, rewrite the golden files with "
        "UPDATE_TRANSCRIPTS=1 and review them:\n" + "\n".join(diff)
    )


def test_screen_reader_transcripts_match_the_golden_files(subtests, browser, browser_server, browser_catalogue):
    flow_services(browser_catalogue)
    for slug, (page, main_only) in TRANSCRIBED.items():
        for language in LANGUAGES:
            name = f"{slug}-{language}"
            with subtests.test(name):
                _visit, where, problems = open_page_state(
                    page, driver=browser, base_url=browser_server.url, catalogue=browser_catalogue, language=language
                )
                assert not problems, f"{where}: the page did not reach the state to test: {problems}"
                difference = compare(name, transcript(browser, browser_server.url, main_only))
                assert not difference, difference


def test_every_golden_file_is_a_transcribed_page():
    """A golden file left behind by a renamed page would never be compared."""
    expected = {f"{slug}-{language}.txt" for slug in TRANSCRIBED for language in LANGUAGES}
    assert {path.name for path in TRANSCRIPTS.glob("*.txt")} == expected


def test_volatile_text_is_replaced_and_the_rest_kept():
    assert stable("Your reference number SD-7KQ4-M9XP, sent 24 November 2026") == (
        "Your reference number <reference>, sent <date>"
    )
    assert stable("最后保存于 2026年11月24日 09:18") == "最后保存于 <date> <time>"
    assert stable("Last saved 24/11/2026, 09:18.") == "Last saved <date>, <time>."
    assert stable("heading, Step 3 of 4,  level 1") == "heading, Step 3 of 4, level 1"
