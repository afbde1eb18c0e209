"""The harness catches what it is there to catch: a page with a missing label, an image without alt text
and a low-contrast button fails, with exactly those rules reported readably."""

from pathlib import Path

import pytest

from .axe import AXE_TAGS, AXE_VERSION, assert_no_violations, axe_check

pytestmark = pytest.mark.browser

BROKEN_PAGE = Path(__file__).with_name("broken_page.html")


def test_harness_reports_exactly_the_deliberate_defects(browser):
    browser.get(BROKEN_PAGE.as_uri())
    violations = axe_check(browser, "deliberately broken page")

    assert sorted(violation.rule for violation in violations) == ["color-contrast", "image-alt", "label"]
    targets = {violation.rule: [target for target, _summary in violation.nodes] for violation in violations}
    assert targets == {"color-contrast": ["#send"], "image-alt": ["#logo"], "label": ["#name"]}

    with pytest.raises(AssertionError) as failure:
        assert_no_violations(violations)
    message = str(failure.value)
    assert f"axe-core {AXE_VERSION} found 3 violation(s)" in message
    assert "deliberately broken page" in message
    for rule in ("- color-contrast (serious):", "- image-alt (critical):", "- label (critical):"):
        assert rule in message
    for target in ("#send", "#logo", "#name"):
        assert f"\n    {target}\n" in message
    assert ", ".join(AXE_TAGS) in message


def test_a_clean_page_passes(browser):
    browser.get(
        "data:text/html;charset=utf-8," + "<!DOCTYPE html><html lang=en><head><title>Fine</title></head>"
        "<body><main><h1>Fine</h1><p>Nothing wrong here.</p></main></body></html>"
    )
    violations = axe_check(browser, "clean page")
    assert_no_violations(violations)
