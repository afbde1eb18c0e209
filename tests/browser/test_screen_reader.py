"""What a screen reader gets on the key pages, read from the accessibility tree Chromium computes (Chrome
DevTools Protocol, Accessibility.getFullAXTree; see tests/browser/axtree.py), in Chinese and English, in
standard and elder mode:

- label in name (WCAG 2.5.3): every control in the Tab order has an accessible name that contains the label
  a sighted user sees (its <label>, or its own text), so "click Save and continue" works with speech input;
- radio buttons and checkbox groups are in a group whose name comes from a <legend> (WCAG 1.3.1, 3.3.2);
- the heading outline has exactly one h1 and skips no level on the way down (WCAG 1.3.1, 2.4.6);
- after a form is sent with errors, the error summary has focus and each of its links leads to a field that
  exists and whose description carries the same error (WCAG 3.3.1);
- status changes are announced: "your answers have been saved" and "application sent" are inside a live
  region (role status or alert, or aria-live) in the tree (WCAG 4.1.3).

One test opens each page state once and checks every rule on it, each page state as a subtest. A second test
shows the checks fail on a page with each of those defects.
"""

from urllib.parse import quote

import pytest

from .axtree import controls_with_tree, describe_outline, dump, label_in_name, normalise, outline_problems
from .harness import LANGUAGES, MODES, open_page_state
from .key_pages import (
    CATALOGUE_FILTERED,
    CHECK_ANSWERS,
    CONFIRMATION,
    HOME,
    MY_APPLICATIONS,
    REGISTER,
    SAVED_FOR_LATER,
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
    MY_APPLICATIONS,
    SAVED_FOR_LATER,
    CONFIRMATION,
]
# What must be announced in a live region on a page state (English msgids, translated for the visit).
ANNOUNCED = {
    SAVED_FOR_LATER.name: "Your answers have been saved. You can come back to them at any time from “My applications”.",
    CONFIRMATION.name: "Application sent",
}
FIELD_ROLES = {"textbox", "searchbox", "checkbox", "radio", "combobox", "listbox", "spinbutton", "switch", "slider"}
ERROR_SUMMARY = ".error-summary"  # accessibility/templates/accessibility/error_summary.html


# The rules: each takes what the page gives and returns a list of problems (empty: all is well). -------------


def label_problems(controls):
    """WCAG 2.5.3: the accessible name contains the visible label; and every control has a name at all."""
    problems = []
    for control in controls:
        if control.node is None:
            problems.append(f"{control.describe}: not in the accessibility tree")
        elif not normalise(control.node.name):
            problems.append(f"{control.describe}: a {control.node.role} without an accessible name")
        elif control.label and not label_in_name(control.label, control.node.name):
            problems.append(
                f"{control.describe}: visible label {control.label!r} is not in its accessible name "
                f"{control.node.name!r}"
            )
    return problems


def group_problems(tree):
    """Radios, and checkboxes that share a name, are inside one fieldset whose name is its legend's text."""
    problems = []
    inputs = tree.find_all(role=("radio", "checkbox"), predicate=lambda node: node.tag == "input")
    names = [node.attributes.get("name", "") for node in inputs]
    groups = {}
    for node in inputs:
        name = node.attributes.get("name", "")
        if node.role == "checkbox" and names.count(name) == 1:
            continue  # a single checkbox (a declaration, a filter) is labelled by its own label
        group = next((ancestor for ancestor in node.ancestors() if ancestor.role in ("group", "radiogroup")), None)
        what = f"{node.role} {node.name!r} (name={name})"
        if group is None:
            problems.append(f"{what} is not in a group: a screen reader does not say what the question is")
            continue
        groups.setdefault(name, set()).add(group.id)
        legend = next((child for child in group.children if child.tag == "legend"), None)
        legend_text = legend.text() if legend else ""
        if group.tag != "fieldset" or not normalise(legend_text):
            problems.append(f"{what} is in a {group.role} {group.name!r} that is not a fieldset with a legend")
        elif not label_in_name(legend_text, group.name):
            problems.append(f"{what}: its group is named {group.name!r}, not by its legend {legend_text!r}")
    problems.extend(
        f"the options named {name} are split over {len(ids)} groups" for name, ids in groups.items() if len(ids) > 1
    )
    return sorted(set(problems))


def heading_problems(tree):
    outline = tree.outline()
    problems = outline_problems(outline)
    return [f"{problem}; the outline is:\n{describe_outline(outline)}" for problem in problems]


def error_summary_problems(driver, tree):
    """After a submit with errors: the error summary has focus, and each of its links points to a field
    that exists and whose description (or its group's) carries the same message."""
    problems = []
    if not driver.execute_script(f"return document.activeElement.matches({ERROR_SUMMARY!r})"):
        active = driver.execute_script("return document.activeElement.outerHTML.slice(0, 120)")
        problems.append(f"the error summary does not have focus; document.activeElement is {active}")
    summary = tree.focused()
    if (
        summary is None
        or summary.role not in ("alert", "region", "group", "generic")
        or not summary.find(role="heading")
    ):
        problems.append(f"the focused accessibility node is {summary!r}, not the error summary with its heading")
        summary = tree.find(role="alert")
    links = summary.find_all(role="link") if summary else []
    if not links:
        problems.append("the error summary has no links to the fields")
    for link in links:
        href = link.attributes.get("href", "")
        target = tree.by_id(href[1:]) if href.startswith("#") else None
        if target is None:
            problems.append(f"error link {link.name!r} points to {href!r}, which is not an element on the page")
            continue
        if target.role not in FIELD_ROLES or target.tag not in ("input", "select", "textarea") or not target.focusable:
            problems.append(f"error link {link.name!r} points to {href!r}, a {target.role} <{target.tag}>, not a field")
            continue
        described = [target.description] + [
            node.description for node in target.ancestors() if node.role in ("group", "radiogroup")
        ]
        if not any(label_in_name(link.name, text) for text in described):
            problems.append(
                f"error link {link.name!r}: the field {href} is not described by that message "
                f"(its description: {described[0]!r}); a screen reader would not say it at the field"
            )
    return problems


def announcement_problems(tree, message):
    regions = tree.live_regions()
    if any(label_in_name(message, region.text()) for region in regions):
        return []
    found = [f"{region.role} {region.live}: {region.text()!r}" for region in regions]
    return [f"{message!r} is not in a live region (role status or alert, or aria-live); live regions: {found}"]


# The tests. -----------------------------------------------------------------------------------------------


def test_screen_readers_get_names_groups_headings_errors_and_announcements(
    subtests, browser, browser_server, browser_catalogue
):
    flow_services(browser_catalogue)
    for page in PAGE_STATES:
        for language in LANGUAGES:
            for mode in MODES:
                with subtests.test(f"{page.name} [{language}, {mode} mode]"):
                    visit, where, problems = open_page_state(
                        page,
                        driver=browser,
                        base_url=browser_server.url,
                        catalogue=browser_catalogue,
                        language=language,
                        mode=mode,
                    )
                    assert not problems, f"{where}: the page did not reach the state to test: {problems}"
                    tree, controls = controls_with_tree(browser)
                    problems = label_problems(controls) + group_problems(tree) + heading_problems(tree)
                    if page is STEP_WITH_ERRORS:
                        problems += error_summary_problems(browser, tree)
                    if page.name in ANNOUNCED:
                        problems += announcement_problems(tree, visit.gettext(ANNOUNCED[page.name]))
                    assert not problems, (
                        f"{where}:\n- " + "\n- ".join(problems) + ("\n\nThe accessibility tree:\n" + dump(tree.root))
                    )


BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Broken for screen readers</title></head><body><main>
<h1>Broken for screen readers</h1><h1>A second h1</h1><h3>A skipped level</h3>
<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2>
  <ul><li><a href="#nowhere">Enter your name</a></li><li><a href="#intro">Choose a colour</a></li></ul></div>
<p id="intro">Answer the questions.</p>
<form><button type="submit" aria-label="Send the form">Save and continue</button>
  <p>Colour</p><input type="radio" name="colour" id="red" value="red"><label for="red">Red</label>
  <input type="radio" name="colour" id="blue" value="blue"><label for="blue">Blue</label>
  <div role="group" aria-label="Pets"><input type="checkbox" name="pets" id="cat"><label for="cat">Cat</label>
  <input type="checkbox" name="pets" id="dog"><label for="dog">Dog</label></div></form>
<div role="status"></div><p>Your answers have been saved.</p></main></body></html>"""


def test_the_checks_catch_a_page_broken_in_each_way(browser):
    browser.get("data:text/html;charset=utf-8," + quote(BROKEN_PAGE))
    tree, controls = controls_with_tree(browser)

    labels = label_problems(controls)
    assert labels == ["button: visible label 'Save and continue' is not in its accessible name 'Send the form'"]
    groups = group_problems(tree)
    assert "radio 'Red' (name=colour) is not in a group: a screen reader does not say what the question is" in groups
    assert "checkbox 'Cat' (name=pets) is in a group 'Pets' that is not a fieldset with a legend" in groups
    assert len(groups) == 4
    headings = heading_problems(tree)
    assert [problem.split(";")[0] for problem in headings] == [
        "2 h1 headings ['Broken for screen readers', 'A second h1'], expected exactly one",
        "h3 'A skipped level' follows an h1: a level is skipped",
    ]
    errors = error_summary_problems(browser, tree)
    assert errors[0].startswith("the error summary does not have focus; document.activeElement is <body>")
    assert "error link 'Enter your name' points to '#nowhere', which is not an element on the page" in errors
    assert "error link 'Choose a colour' points to '#intro', a paragraph <p>, not a field" in errors
    announcements = announcement_problems(tree, "Your answers have been saved.")
    assert len(announcements) == 1
    assert announcements[0].startswith("'Your answers have been saved.' is not in a live region")
    assert "status polite: ''" in announcements[0]

    browser.execute_script("document.querySelector('.error-summary').focus()")
    browser.execute_script("document.querySelector('[role=status]').textContent = 'Your answers have been saved.'")
    tree, _controls = controls_with_tree(browser)
    assert not error_summary_problems(browser, tree)[0].startswith("the error summary does not have focus")
    assert announcement_problems(tree, "Your answers have been saved.") == []
