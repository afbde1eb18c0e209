"""The key pages the screen-reader, transcript, keyboard and geometry tests visit, and the application data
behind them.

Page states are tests/browser/pages.py PageStates (as in the axe harness's list), with application pages
that need a signed-in applicant and an application in a given state. tests/browser/harness.py's
open_page_state() opens one without running axe.

The application data is made with the engine's own helpers from tests/applying.py, over HTTP,
so the pages show what a real applicant sees:
- "pension-certification": yes/no radios, a declaration checkbox and, answered as here, no upload: the flow
  the keyboard journey goes through, and the one behind check answers and the confirmation.
- "disability-certificate": its "disability" step has checkboxes and radios on one page.
"""

import uuid

from django.test import Client
from django.urls import reverse
from django.utils import translation
from selenium.webdriver.common.by import By

from tests.applying import complete_steps, start_application
from tests.applying import submit as submit_application
from tests.factories import service_create
from tests.people import make_resident_id

from .chromium import wait_until_replaced
from .states import SERVICE, PageState, all_of, heading_error, shows, submit

PENSION = "pension-certification"
DISABILITY = "disability-certificate"
HOUSEHOLD = "household-registration-transfer"  # its "from" step offers to look answers up in a register
FLOW_SERVICES = {
    # flow key: (service code, slug, Chinese title and summary, English title and summary)
    PENSION: (
        "3700-RS-108",
        "pension-certification",
        ("养老金领取资格认证", "每年确认一次您仍可领取养老金。"),
        ("Pension certification", "Confirm once a year that you are still entitled to your pension."),
    ),
    DISABILITY: (
        "3700-CL-103",
        "disability-certificate",
        ("残疾人证申领", "申请办理残疾人证。"),
        ("Disability certificate", "Apply for a disability certificate."),
    ),
    HOUSEHOLD: (
        "3700-GA-104",
        "household-registration-transfer",
        ("户口迁移", "把户口迁到新的住址。"),
        ("Moving your household registration", "Move your household registration to a new address."),
    ),
}
# Answers that keep the pension flow free of uploads: same address, not abroad.
PENSION_ANSWERS = {"same_address": "yes", "lives_abroad": "no"}
CHOICES_STEP = "disability"  # checkboxes ("Which types of disability?") and radios ("Had a certificate?")
APPLICANT_PHONE = "13912345678"
PASSWORD = "correct-horse-battery"


# Data -------------------------------------------------------------------------------------------------------


def flow_services(catalogue):
    """The two online services in Chinese and English ({flow key: Chinese ServicePage}), made once per
    catalogue, with fixed summaries (so what a screen reader reads of the home page does not change)."""
    from portal.applications.services import flows_load_from_code

    if getattr(catalogue, "flow_services", None) is None:
        flows_load_from_code()
        department = catalogue.departments["civil-affairs"]
        pages = {}
        for key, (code, slug, (title_zh, summary_zh), (title_en, summary_en)) in FLOW_SERVICES.items():
            common = {"department": department, "service_code": code, "slug": slug, "online": True, "flow_key": key}
            pages[key] = service_create(tree=catalogue.trees["zh-hans"], title=title_zh, summary=summary_zh, **common)
            service_create(
                tree=catalogue.trees["en"], title=title_en, summary=summary_en, translation_of=pages[key], **common
            )
        catalogue.flow_services = pages
    return catalogue.flow_services


def applicant():
    """张三, who signs in with APPLICANT_PHONE and PASSWORD; the portal knows his name, ID number and phone."""
    from django.contrib.auth import get_user_model

    from portal.accounts.services import user_register

    user = get_user_model().objects.filter(phone=APPLICANT_PHONE).first()
    if user is None:
        user = user_register(
            real_name="张三",
            password=PASSWORD,
            phone=APPLICANT_PHONE,
            email="zhang@example.com",
            resident_id=make_resident_id(),
        )
    return user


def applicant_in_standard_mode():
    """The applicant, with no elder mode saved in the account (a visit's mode comes from its cookie)."""
    user = applicant()
    if user.elder_mode:
        user.elder_mode = False
        user.save(update_fields=["elder_mode"])
    return user


def _client(user, language):
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def draft(user, flow_key, *, catalogue, language, complete=False):
    """A new draft of `user`'s, answered to the end (complete=True) or not at all."""
    pages = flow_services(catalogue)
    client = _client(user, language)
    with translation.override(language):
        application = start_application(client, pages[flow_key])
        if complete:
            application = complete_steps(client, application, overrides=PENSION_ANSWERS)
    return application


def sent(user, flow_key, *, catalogue, language):
    """A complete application of `user`'s, sent."""
    application = draft(user, flow_key, catalogue=catalogue, language=language, complete=True)
    with translation.override(language):
        response = submit_application(_client(user, language), application)
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    return application


def url(name, language, **kwargs):
    """An applications URL in `language` (Chinese has no prefix)."""
    with translation.override(language):
        return reverse(f"applications:{name}", kwargs=kwargs)


# Page states ------------------------------------------------------------------------------------------------


def with_application(flow_key, *, complete=False, send=False):
    """Setup: sign the applicant in and give the visit an application (visit.application)."""

    def setup(visit):
        user = applicant_in_standard_mode()  # answered all of a step's questions at once, then shown
        make = sent if send else draft
        options = {} if send else {"complete": complete}
        visit.application = make(user, flow_key, catalogue=visit.catalogue, language=visit.language, **options)
        visit.sign_in(user)

    return setup


def signed_in_applicant(visit):
    """Setup: sign the applicant in (the visit sets the display mode)."""
    visit.sign_in(applicant_in_standard_mode())


def start_page(flow_key):
    """The path of the start page of the service whose flow is `flow_key`."""

    def path(visit):
        page = flow_services(visit.catalogue)[flow_key]
        return url("start", visit.language, service_code=page.service_code)

    return path


def application_page(name, **kwargs):
    """The path of an application page of the visit's application."""
    return lambda visit: url(name, visit.language, pk=visit.application.pk, **kwargs)


def press(selector):
    """Then: press the button `selector` in the page's main form and wait for the next page."""

    def then(visit):
        button = visit.driver.find_element(By.CSS_SELECTOR, selector)
        button.click()
        wait_until_replaced(visit.driver, button)

    return then


STEP_WITH_CHOICES = PageState(
    "application step with choices",
    application_page("step", step=CHOICES_STEP),
    shows("main input[type=checkbox], main input[type=radio]", at_least=2),  # elder mode: one question
    setup=with_application(DISABILITY),
)
STEP_WITH_ERRORS = PageState(
    "application step with errors",
    application_page("step", step=CHOICES_STEP),
    heading_error(),
    setup=with_application(DISABILITY),
    then=submit(),
)
CHECK_ANSWERS = PageState(
    "check answers",
    application_page("check"),
    shows("main .summary-list"),
    setup=with_application(PENSION, complete=True),
)
CONFIRMATION = PageState(
    "confirmation",
    application_page("confirmation"),
    shows("main .reference"),
    setup=with_application(PENSION, send=True),
)
SAVED_FOR_LATER = PageState(
    "my applications after saving for later",
    application_page("step", step="about-you"),
    shows("main [role=status]"),
    setup=with_application(PENSION),
    then=press("main form button[name=save_and_exit]"),
)
MY_APPLICATIONS = PageState(
    "my applications", "/apply/mine/", shows("main .application-list"), setup=with_application(PENSION, send=True)
)

HOME = PageState("home", "/", shows("main h1"))
CATALOGUE_FILTERED = PageState(
    "catalogue with filters",
    "/services/?life_event=retiring&online=1&audience=individuals",
    all_of(shows(".service-card"), shows("form.filters input:checked")),
)
SERVICE_PAGE = PageState("service page", lambda visit: visit.service(SERVICE).url, shows("article.service-guide"))
SEARCH = PageState(
    "search results",
    lambda visit: visit.path("/search/", q=visit.service("3700-RS-002").title),
    shows(".service-list .service-card"),
)
SIGN_IN = PageState("sign in", "/accounts/sign-in/", shows("main form input[type=password]"))
REGISTER = PageState("registration", "/accounts/register/", shows("main form input[type=password]"))


# 一件事: a life-event bundle over two of the online services, applied for once ---------------------------------

BUNDLE = "harness-bundle"


def bundle_ensure(catalogue):
    """A published bundle over the pension certification and the disability certificate, the household transfer
    optional, the applicant's phone asked once."""
    from services_catalog.bundles import bundle_publish
    from services_catalog.models import Bundle, BundleInclusion, BundleMember, BundleQuestion

    pages = flow_services(catalogue)
    codes = [pages[key].service_code for key in (PENSION, DISABILITY, HOUSEHOLD)]
    bundle = Bundle.objects.filter(slug=BUNDLE).first()
    if bundle is None:
        bundle = Bundle(slug=BUNDLE, name_zh="残疾人服务一件事", name_en="Disability: one application")
        bundle.summary_zh, bundle.summary_en = (
            "残疾人证和养老金认证一次办好。",
            "The disability card and pension check at once.",
        )
        bundle.who_zh, bundle.who_en = "本省户籍的残疾人。", "Disabled people registered in Shandong."
        bundle.members = [
            BundleMember(service_code=codes[0]),
            BundleMember(service_code=codes[1]),
            BundleMember(
                service_code=codes[2],
                inclusion=BundleInclusion.OPTIONAL,
                condition_zh="需要迁移户口的选择此项。",
                condition_en="Choose it if you are moving your household registration.",
            ),
        ]
        bundle.shared_questions = [
            BundleQuestion(
                key="phone",
                type="phone",
                label_zh="手机号码",
                label_en="Your mobile phone number",
                targets=f"{codes[0]} phone\n{codes[1]} phone",
            )
        ]
        bundle.save()
        bundle_publish(bundle=bundle)
    return bundle


def bundle_path(name):
    return lambda visit: _bundle_url(name, visit.language, pk=visit.case.pk)


def _bundle_url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"bundles:{name}", kwargs=kwargs)


def bundle_start_path(visit):
    return _bundle_url("start", visit.language, slug=BUNDLE)


BUNDLE_APPLICANT_PHONE = "13912345679"


def bundle_applicant():
    """李娜, who applies for the bundle: another person than the single-service applicant, whose drafts the bundle's
    member drafts would otherwise sit beside."""
    from django.contrib.auth import get_user_model

    from portal.accounts.services import user_register

    user = get_user_model().objects.filter(phone=BUNDLE_APPLICANT_PHONE).first()
    if user is None:
        user = user_register(
            real_name="李娜",
            password=PASSWORD,
            phone=BUNDLE_APPLICANT_PHONE,
            email="li.na@example.com",
            resident_id=make_resident_id(sequence=789),
        )
    if user.elder_mode:
        user.elder_mode = False
        user.save(update_fields=["elder_mode"])
    return user


def with_bundle_case(*, shared=False, complete=False, send=False):
    """Setup: sign the applicant in with a new case of the bundle: started, its shared questions answered, every
    member finished, or sent."""
    from portal.bundles.models import BundleCase

    def setup(visit):
        user = bundle_applicant()
        bundle_ensure(visit.catalogue)
        BundleCase.objects.filter(applicant=user, status="draft").delete()
        client = _client(user, visit.language)
        with translation.override(visit.language):
            client.post(_bundle_url("start", visit.language, slug=BUNDLE), {"new": "1"})
            case = BundleCase.objects.filter(applicant=user).latest("created_at")
            if shared or complete or send:
                client.post(_bundle_url("shared", visit.language, pk=case.pk), {"phone": BUNDLE_APPLICANT_PHONE})
            if complete or send:
                for member in case.members.all():
                    complete_steps(client, member.application, overrides=PENSION_ANSWERS)
            if send:
                key = str(uuid.uuid4())
                client.post(
                    _bundle_url("check", visit.language, pk=case.pk), {"declaration": "on", "idempotency_key": key}
                )
        visit.case = case
        visit.sign_in(user)

    return setup


def signed_in_without_a_case(visit):
    """Setup: the applicant, signed in, with no draft of the bundle (its start page, not the task list)."""
    from portal.bundles.models import BundleCase

    user = bundle_applicant()
    bundle_ensure(visit.catalogue)
    BundleCase.objects.filter(applicant=user, status="draft").delete()
    visit.sign_in(user)
