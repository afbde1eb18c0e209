"""THE list of page states the accessibility harness checks. Add a page here, in one line, and
tests/browser/test_accessibility.py checks it with axe in both languages and both display modes.

    PageState(name, path, check, setup=None, then=None, languages=LANGUAGES, modes=MODES)

- path: a path without the language prefix ("/help/"; English gets "/en/" in front), or a function of the
  Visit that returns the full path (`lambda v: v.service("3700-GA-001").url`, `lambda v: v.path("/x/", q="y")`).
- check: a function of the Visit that returns what is wrong, or None, so the harness knows the page is in
  the state it is meant to test (shows / lacks / heading from tests/browser/states.py, combined with all_of).
- setup: runs before the page is opened: create data, sign someone in (`signed_in(citizen)`). Every
  state of every page shares one database (the catalogue is built once), so make setup idempotent
  (get_or_create) and keep what it creates from changing other pages.
- then: browser actions after it has opened, to reach a state that needs them, such as a form
  submitted with errors (`then=submit()`: a real POST through the form's submit button).

Examples for pages still to come:

    PageState("sign in", "/accounts/sign-in/", shows("form input[autocomplete=username]")),
    PageState("sign in with errors", "/accounts/sign-in/", heading_error(), then=submit()),
    PageState("my applications", "/apply/", shows("main h1"), setup=signed_in(citizen)),
"""

import itertools

from tests.assisted import axe_setup as staff
from tests.metrics import axe_setup as h5

from . import key_pages
from .states import (
    NO_RESULTS_QUERY,
    SERVICE,
    PageState,
    all_of,
    citizen,
    heading,
    heading_error,
    lacks,
    shows,
    signed_in,
    submit,
)


def _service_path(suffix=""):
    return lambda visit: visit.service(SERVICE).url + suffix


def _booking_day_path(visit):
    # The first day of the slots h5.citizen_booking publishes (two days from today).
    import datetime

    from django.utils import timezone

    day = timezone.localdate() + datetime.timedelta(days=2)
    return visit.path("/appointments/book/jinan-hall/in_person/", day=day.isoformat())


def _search_found(visit):
    # The exact title of a service: found by any search, whatever its word segmentation.
    return visit.path("/search/", q=visit.service("3700-RS-002").title)


PAGES = [
    PageState("home", "/", shows("#popular-heading ~ .service-list .service-card", at_least=3)),
    PageState(
        "home, city chosen",
        "/",
        shows("#home-city option[value='370100']:checked"),
        setup=lambda visit: visit.set_cookie("city", "370100"),
    ),
    PageState("catalogue", "/services/", all_of(shows(".service-card", at_least=6), shows("form.filters"))),
    PageState(
        "catalogue filtered",
        "/services/?life_event=retiring&online=1&audience=individuals",
        all_of(shows(".service-card"), shows("form.filters #filter-online:checked")),
    ),
    PageState("catalogue, unrecognised filter", "/services/?department=no-such-department", shows(".notice")),
    PageState(
        "catalogue, no results",
        "/services/?department=market-regulation&audience=individuals",
        all_of(lacks(".service-card"), shows(".result-count")),
    ),
    PageState(
        "service page",
        _service_path(),  # what to bring: a table, or a plain list in elder mode
        all_of(shows("article.service-guide"), shows(".table, .service-guide--elder #materials ~ ul")),
    ),
    PageState("service page, print view", _service_path("?print=1"), shows(".service-guide--print")),
    PageState("service page, apply online", lambda visit: visit.service("3700-RS-001").url, shows(".button--start")),
    PageState("search, results", _search_found, shows(".service-list .service-card")),
    PageState("search, no results", f"/search/?q={NO_RESULTS_QUERY}", shows("#no-results-heading")),
    PageState("service hall", "/halls/jinan-hall/", shows("#hall-services ~ .service-list .service-card")),
    PageState("life-event bundle", "/life-events/retiring/", shows("#materials ~ ul li", at_least=2)),
    PageState("search, a life event first", "/search/?q=退休", shows("#bundles-heading ~ .service-list a")),
    PageState("service halls", "/halls/", shows(".hall-list h2 a", at_least=2)),
    PageState("help", "/help/", heading("Get help")),
    PageState(
        "text size and contrast", "/preferences/display/", shows("form.display-settings input[name=size]", at_least=4)
    ),
    PageState("catalogue, all filters", "/services/?all_filters=1", shows("form.filters #filter-department")),
    PageState("page not found", "/no-such-page/", heading("Page not found")),
    PageState("server error", "/__test__/server-error/", heading("Sorry, there is a problem with the service")),
    PageState("not allowed", "/staff/", heading("You cannot see this page"), setup=signed_in(citizen)),
    PageState("password reset", "/accounts/password-reset/", heading("Reset your password")),
    PageState("sign in, with the unified identity platform", "/accounts/sign-in/", shows("#oidc-sign-in")),
    PageState(
        "unified identity sign-in cancelled",
        "/accounts/unified-identity/failed/cancelled/",
        heading("You are not signed in"),
    ),
    PageState(
        "signed out of the unified identity platform too",
        "/accounts/signed-out/?platform=ended",
        heading("You have signed out"),
    ),
    PageState("password reset with errors", "/accounts/password-reset/", heading_error(), then=submit()),
    PageState("security", "/accounts/security/", shows("#sign-out-everywhere"), setup=signed_in(citizen)),
    PageState("two-step set-up", "/accounts/two-step/set-up/", shows(".qr-code svg"), setup=signed_in(citizen)),
    PageState("acting for someone", "/acting-for/", shows("#ask-to-act"), setup=signed_in(citizen)),
    PageState(
        "ask to act with errors",
        "/acting-for/ask/",
        heading_error(),
        setup=signed_in(citizen),
        then=submit(button=".button--primary"),
    ),  # not "Find services", the form's other button
    PageState("who acted for me", "/accounts/activity/", shows("#no-activity"), setup=signed_in(citizen)),
    PageState("staff home", "/staff/", shows("#task-staff"), setup=staff.staff("administrator")),
    PageState("staff: assist a citizen", "/staff/assist/", shows("#find-citizen"), setup=staff.staff("hall_staff")),
    PageState(
        "staff: assist, find with errors",
        "/staff/assist/",
        heading_error(),
        setup=staff.staff("hall_staff"),
        then=submit("#find-citizen"),
    ),
    PageState(
        "staff: assist, register a citizen",
        "/staff/assist/register/",
        shows("#register-citizen"),
        setup=staff.staff("hall_staff"),
    ),
    PageState(
        "staff: assist, register with errors",
        "/staff/assist/register/",
        heading_error(),
        setup=staff.staff("hall_staff"),
        then=submit("#register-citizen"),
    ),
    PageState("staff: assist, the three checks", "/staff/assist/checks/", shows("#assist-checks"), setup=staff.checks),
    PageState(
        "staff: assist, checks with errors",
        "/staff/assist/checks/",
        heading_error(),
        setup=staff.checks,
        then=submit("#assist-checks"),
    ),
    PageState(
        "staff: assist session, banner and services found",
        staff.session_path,
        all_of(shows("#assist-banner"), shows("#service-results a")),
        setup=staff.in_session,
    ),
    PageState("staff: assist, session to resume", "/staff/assist/", shows("#resume-session"), setup=staff.resumable),
    PageState(
        "staff: department queue",
        "/staff/queue/",
        shows(".queue-table tbody tr", at_least=2),
        setup=staff.reviewer_with_queue,
    ),
    PageState(
        "staff: queue, no results",
        "/staff/queue/?status=rejected",
        shows("#queue-empty"),
        setup=staff.reviewer_with_queue,
    ),
    PageState("staff: queue application", staff.queue_detail_path, shows("#decide"), setup=staff.reviewer_with_queue),
    PageState(
        "staff: queue application with errors",
        staff.queue_detail_path,
        heading_error(),
        setup=staff.reviewer_with_queue,
        then=submit("#request-more"),
    ),
    PageState(
        "staff workbench: citizen answers more information",
        staff.answer_path,
        shows("#more-information-form"),
        setup=staff.citizen_answering,
    ),
    PageState(
        "appointment booking: hall and kind",
        "/appointments/book/?hall=jinan-hall",
        shows("#id_hall option[value=jinan-hall][selected]"),
        setup=h5.citizen_booking,
    ),
    PageState(
        "appointment booking with errors",
        "/appointments/book/",
        heading_error(),
        setup=h5.citizen_booking,
        then=submit(),
    ),
    PageState(
        "appointment booking: days",
        "/appointments/book/jinan-hall/in_person/",
        shows("#booking-days a", at_least=2),
        setup=h5.citizen_booking,
    ),
    PageState("appointment booking: times", _booking_day_path, shows(".choice-group legend"), setup=h5.citizen_booking),
    PageState(
        "appointment booking: times with errors",
        _booking_day_path,
        heading_error(),
        setup=h5.citizen_booking,
        then=submit(),
    ),
    PageState(
        "appointment booked",
        h5.appointment_path("booked/"),
        shows(".panel--confirmation .reference"),
        setup=h5.citizen_with_appointment,
    ),
    PageState(
        "appointment, cancel",
        h5.appointment_path("cancel/"),
        shows("main form .button--warning"),
        setup=h5.citizen_with_appointment,
    ),
    PageState("my appointments", "/appointments/", shows("#book-appointment"), setup=h5.citizen_with_appointment),
    PageState(
        "staff: appointments of a day",
        h5.day_path,
        shows("#day-slots tbody tr", at_least=2),
        setup=h5.manager_with_bookings,
    ),
    PageState(
        "staff: appointment slot places",
        h5.slot_path,
        shows("main form input[name=capacity]"),
        setup=h5.manager_with_bookings,
    ),
    PageState(
        "rating panel on a completed application",
        h5.application_path,
        shows("#rating input[name=score]"),
        setup=h5.citizen_to_rate,
    ),
    PageState("rating with errors", h5.rate_path, heading_error(), setup=h5.citizen_to_rate, then=submit()),
    PageState(
        "staff: ratings to follow up",
        "/staff/ratings/",
        shows("#flagged-ratings tbody tr"),
        setup=h5.manager_with_poor_rating,
    ),
    PageState("staff: rating follow-up", h5.rating_path, shows("#rating-details"), setup=h5.manager_with_poor_rating),
    PageState(
        "staff: service metrics",
        "/staff/metrics/",
        all_of(shows(".chart svg rect"), shows("#dropoff-table")),
        setup=h5.administrator_with_figures,
    ),
    PageState(
        "staff: service metrics with errors",
        "/staff/metrics/?start_0=2025&start_1=13&start_2=1",
        heading_error(),
        setup=h5.administrator_with_figures,
    ),
]


# Accounts, the statement and the application engine (application states: tests/browser/key_pages.py).
def _statement(visit):
    from accessibility.models import AccessibilityStatementPage
    from accessibility.services import statement_page_ensure

    statement_page_ensure(trees=visit.catalogue.trees)
    return AccessibilityStatementPage.objects.get(locale__language_code=visit.language).url


_REGISTRATION_NUMBERS = itertools.count()


def _registration_sent(wrong_code=False):
    """Fill in the registration form as a person would and send it: the page that asks for the code."""

    def then(visit):
        from selenium.webdriver.common.by import By

        # A new number each time: registrations from one number are limited, as an attacker's would be.
        details = {
            "real_name": "孙秀兰",
            "phone": f"1392026{next(_REGISTRATION_NUMBERS):04d}",
            "password": "a long enough pass phrase",
        }
        for name, value in details.items():
            visit.driver.find_element(By.NAME, name).send_keys(value)
        visit.submit()
        if wrong_code:
            visit.driver.find_element(By.NAME, "code").send_keys("000000")
            visit.submit()

    return then


PAGES += [
    PageState("sign in", "/accounts/sign-in/", shows("main form input[type=password]")),
    PageState("sign in with errors", "/accounts/sign-in/", heading_error(), then=submit()),
    PageState("registration", "/accounts/register/", shows("main form input[type=password]")),
    PageState("registration with errors", "/accounts/register/", heading_error(), then=submit()),
    PageState(
        "registration: enter the code",
        "/accounts/register/",
        shows("main form input[name=code]"),
        then=_registration_sent(),
    ),
    PageState(
        "registration: a wrong code", "/accounts/register/", heading_error(), then=_registration_sent(wrong_code=True)
    ),
    PageState("accessibility statement", _statement, shows("main h1")),
    PageState(
        "life-event application: start",
        key_pages.bundle_start_path,
        shows("main form .button--start"),
        setup=key_pages.signed_in_without_a_case,
    ),
    PageState(
        "life-event application: shared questions",
        key_pages.bundle_path("shared"),
        shows("main form input"),
        setup=key_pages.with_bundle_case(),
    ),
    PageState(
        "life-event application: task list",
        key_pages.bundle_path("tasks"),
        shows(".task-list__item", at_least=3),
        setup=key_pages.with_bundle_case(shared=True),
    ),
    PageState(
        "life-event application: check answers",
        key_pages.bundle_path("check"),
        shows(".summary-list", at_least=2),
        setup=key_pages.with_bundle_case(complete=True),
    ),
    PageState(
        "life-event application: sent",
        key_pages.bundle_path("sent"),
        shows(".table tbody tr", at_least=2),
        setup=key_pages.with_bundle_case(send=True),
    ),
    PageState(
        "application start page",
        key_pages.start_page(key_pages.PENSION),
        shows("main form .button--start"),
        setup=key_pages.signed_in_applicant,
    ),
    PageState(
        "application step, empty",
        key_pages.application_page("step", step="about-you"),
        shows("main form input"),
        setup=key_pages.with_application(key_pages.PENSION),
    ),
    PageState(
        "application step, answered",
        key_pages.application_page("step", step="about-you"),
        shows("main form input[value]:not([type=hidden])"),
        setup=key_pages.with_application(key_pages.PENSION, complete=True),
    ),
    key_pages.STEP_WITH_CHOICES,
    key_pages.STEP_WITH_ERRORS,
    PageState(
        "application step with an upload",
        key_pages.application_page("question", step="medical", question=2),
        shows("main form input[type=file]"),
        setup=key_pages.with_application(key_pages.DISABILITY),
    ),
    PageState(
        "application: offer to look answers up",
        key_pages.application_page("step", step="from"),
        shows("main form button[name=prefill]"),
        setup=key_pages.with_application(key_pages.HOUSEHOLD),
    ),
    key_pages.CHECK_ANSWERS,
    key_pages.CONFIRMATION,
    key_pages.SAVED_FOR_LATER,
    key_pages.MY_APPLICATIONS,
    PageState(
        "application page with its progress",
        key_pages.application_page("detail"),
        shows("main .timeline"),
        setup=key_pages.with_application(key_pages.PENSION, send=True),
    ),
]
