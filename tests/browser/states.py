"""The parts page states are made of: PageState, the checks that a page reached its state (shows, lacks,
heading, heading_error, all_of) and common setups and actions (signed_in, citizen, submit). The list of
states itself is tests/browser/pages.py; tests/browser/key_pages.py builds application states from these."""

from dataclasses import dataclass
from typing import Any

from .harness import LANGUAGES, MODES

SERVICE = "3700-GA-002"  # a rich guide: materials (one fetched electronically), halls, FAQ, life event
NO_RESULTS_QUERY = "zzqxj"


@dataclass(frozen=True)
class PageState:
    name: str
    path: Any  # str, or a function of the Visit returning the full path
    check: Any = None
    setup: Any = None
    then: Any = None
    languages: tuple = LANGUAGES
    modes: tuple = MODES

    def __str__(self):
        return self.name


# Checks: each returns a function of the Visit that says what is wrong, or None.
def shows(selector, at_least=1):
    def check(visit):
        found = len(visit.find(selector))
        return None if found >= at_least else f"expected at least {at_least} of {selector!r}, found {found}"

    return check


def lacks(selector):
    def check(visit):
        found = len(visit.find(selector))
        return None if found == 0 else f"expected no {selector!r}, found {found}"

    return check


def heading(message):
    """The page's h1 is `message`, translated into the visit's language."""

    def check(visit):
        expected = visit.gettext(message)
        found = [element.text.strip() for element in visit.find("h1")]
        return None if found == [expected] else f"expected the h1 {expected!r}, found {found}"

    return check


def heading_error():
    """A form shown with its errors: the title starts with "Error:" and the error summary is there."""

    def check(visit):
        prefix = visit.gettext("Error:")
        title = visit.driver.title
        return None if title.startswith(prefix) else f"expected the title to start with {prefix!r}: {title!r}"

    return all_of(check, shows(".error-summary[role=alert] a[href^='#']"))


def all_of(*checks):
    def check(visit):
        problems = [problem for problem in (one(visit) for one in checks) if problem]
        return "; ".join(problems) or None

    return check


# Setup and actions.
def signed_in(make_user, **session_data):
    """Setup that signs in the user `make_user(visit)` returns."""

    def setup(visit):
        visit.sign_in(make_user(visit), **session_data)

    return setup


def citizen(visit):
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="citizen",
        defaults={
            "real_name": "王秀英",
            "phone": "13800000001",
            "email": "citizen@example.com",
            "preferred_language": visit.language,
        },
    )
    return user


def submit(selector="main form", button="[type=submit]"):
    def then(visit):
        visit.submit(selector, button)

    return then
