"""Every page state in tests/browser/pages.py has no axe violations (WCAG 2.0, 2.1 and 2.2 A and AA, and
best practice) in headless Chromium, in Chinese and English, in standard and elder mode.

One test builds the catalogue once and checks each page state as a subtest, so every failing state is
reported on its own (SUBFAILED[service page [en, elder mode]] ...). To check only some pages while working
on them: BROWSER_PAGES="service page,help" pytest tests/browser (names from pages.py, matched as substrings).
"""

import os

import pytest

from .axe import assert_no_violations, axe_report
from .harness import run_page_state
from .pages import PAGES

pytestmark = pytest.mark.browser


def selected_pages():
    wanted = [name.strip() for name in os.environ.get("BROWSER_PAGES", "").split(",") if name.strip()]
    return [page for page in PAGES if not wanted or any(name in page.name for name in wanted)]


def test_every_page_state_has_no_axe_violations(
    subtests, browser, browser_server, browser_catalogue, quiet_server_errors
):
    pages = selected_pages()
    assert pages, f"BROWSER_PAGES={os.environ.get('BROWSER_PAGES')!r} matches no page in tests/browser/pages.py"
    for page in pages:
        for language in page.languages:
            for mode in page.modes:
                with subtests.test(f"{page.name} [{language}, {mode} mode]"):
                    _where, violations, problems = run_page_state(
                        page,
                        driver=browser,
                        base_url=browser_server.url,
                        catalogue=browser_catalogue,
                        language=language,
                        mode=mode,
                    )
                    assert not problems, (
                        "The page did not reach the state to test: "
                        + "; ".join(problems)
                        + ("\n\n" + axe_report(violations) if violations else "")
                    )
                    assert_no_violations(violations)


def test_page_names_are_unique():
    names = [page.name for page in PAGES]
    assert len(names) == len(set(names))
