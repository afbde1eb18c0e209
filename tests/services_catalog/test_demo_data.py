"""Demo data (manage.py load_demo) and the benchmark catalogue (manage.py generate_catalogue).

Loading the demo takes a while, so it is loaded (twice) once for this module, inside a transaction that
is rolled back when the module is done; each test runs in its own savepoint on top of it.
"""

import hashlib
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision

from services_catalog.models import (
    Department,
    LifeEvent,
    Region,
    ServiceHall,
    ServicePage,
    flow_material_codes,
    service_material_problems,
)

DEMO_CODE_PREFIX = "370000-"
CITY_CODES = {
    "370100",
    "370200",
    "370300",
    "370400",
    "370500",
    "370600",
    "370700",
    "370800",
    "370900",
    "371000",
    "371100",
    "371300",
    "371400",
    "371500",
    "371600",
    "371700",
}
NAMED_SERVICES = [
    "居民身份证换领",
    "居民身份证补领",
    "户口迁移",
    "出生登记",
    "结婚登记",
    "社会保险参保登记",
    "医疗保险费用报销",
    "高龄津贴申请",
    "老年人乘车卡办理",
    "残疾人证办理",
    "养老金领取资格认证",
    "企业营业执照变更登记",
    "住房公积金提取",
]
NAMED_FLOWS = {
    "高龄津贴申请": "elderly-care-subsidy",
    "老年人乘车卡办理": "senior-bus-pass",
    "残疾人证办理": "disability-certificate",
    "医疗保险费用报销": "medical-insurance-reimbursement",
    "户口迁移": "household-registration-transfer",
    "企业营业执照变更登记": "business-licence-change",
    "出生登记": "birth-registration",
    "养老金领取资格认证": "pension-certification",
    "出生医学证明首次签发": "birth-medical-certificate",
    "新生儿参加城乡居民医疗保险": "newborn-medical-insurance",
    "预防接种证办理": "vaccination-record",
}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def demo_pages(language=None):
    pages = (
        ServicePage.objects.filter(service_code__startswith=DEMO_CODE_PREFIX)
        .select_related("locale", "department")
        .prefetch_related("materials", "faqs", "regions", "halls", "life_events")
        .order_by("service_code", "locale__language_code")
    )
    if language:
        pages = pages.filter(locale__language_code=language)
    return pages


def snapshot():
    """Counts of everything the demo loads, and a digest of its content."""
    rows = []
    for page in demo_pages():
        rows.append(
            [
                page.service_code,
                page.locale.language_code,
                page.title,
                page.slug,
                page.live,
                page.has_unpublished_changes,
                str(page.translation_key),
                page.department.code,
                page.audience,
                page.summary,
                page.eligibility,
                page.is_free,
                page.fee_description,
                page.legal_time_limit_days,
                page.promised_time_limit_days,
                page.in_person_visits,
                page.legal_basis,
                page.online,
                page.in_person,
                page.proxy_allowed,
                page.flow_key,
                page.popularity,
                sorted(region.code for region in page.regions.all()),
                sorted(hall.slug for hall in page.halls.all()),
                sorted(event.slug for event in page.life_events.all()),
                [
                    [row.sort_order, row.name, row.form, row.quantity, row.notes, row.fetched_electronically]
                    for row in sorted(page.materials.all(), key=lambda row: row.sort_order)
                ],
                [
                    [row.sort_order, row.question, row.answer]
                    for row in sorted(page.faqs.all(), key=lambda row: row.sort_order)
                ],
            ]
        )
    snippets = [
        list(Region.objects.order_by("code").values_list("code", "level", "parent__code", "name_zh", "name_en")),
        list(Department.objects.order_by("code").values_list("code", "name_zh", "name_en", "description_en")),
        list(LifeEvent.objects.order_by("slug").values_list("slug", "name_zh", "name_en", "summary_en")),
        list(ServiceHall.objects.order_by("slug").values_list("slug", "region__code", "address_en", "phone")),
    ]
    digest = hashlib.sha256(json.dumps([rows, snippets], ensure_ascii=False, default=str).encode()).hexdigest()
    service_page_ids = [str(pk) for pk in ServicePage.objects.values_list("pk", flat=True)]
    counts = {
        "services_zh": ServicePage.objects.filter(locale__language_code="zh-hans").count(),
        "services_en": ServicePage.objects.filter(locale__language_code="en").count(),
        "pages": Page.objects.count(),
        "service_revisions": Revision.objects.filter(object_id__in=service_page_ids).count(),
        "departments": Department.objects.count(),
        "cities": Region.objects.filter(level="city").count(),
        "districts": Region.objects.filter(level="district").count(),
        "life_events": LifeEvent.objects.count(),
        "halls": ServiceHall.objects.count(),
    }
    return {"counts": counts, "digest": digest}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            first_output, second_output = StringIO(), StringIO()
            call_command("load_demo", stdout=first_output)
            first = snapshot()
            call_command("load_demo", stdout=second_output)
            second = snapshot()
            yield {
                "first": first,
                "second": second,
                "first_output": first_output.getvalue(),
                "second_output": second_output.getvalue(),
            }
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# (a) complete, consistent and idempotent


@pytest.mark.django_db
def test_loading_twice_gives_the_same_data(demo):
    assert demo["second"]["counts"] == demo["first"]["counts"]
    assert demo["second"]["digest"] == demo["first"]["digest"]
    assert "0 created, 0 updated" in demo["second_output"]


@pytest.mark.django_db
def test_the_summary_line_counts_each_kind(demo):
    summary = demo["first_output"].strip()
    assert len(summary.splitlines()) == 1
    for words in ("16 cities", "departments", "life events", "service halls", "services in Chinese"):
        assert words in summary


@pytest.mark.django_db
def test_there_is_enough_of_everything(demo):
    counts = demo["first"]["counts"]
    assert counts["services_zh"] >= 300
    assert counts["services_en"] == counts["services_zh"]
    assert counts["departments"] >= 12
    assert counts["life_events"] == 10
    assert counts["halls"] >= 20
    assert set(Region.objects.filter(level="city").values_list("code", flat=True)) == CITY_CODES
    assert Region.objects.get(code="370000").level == "province"


@pytest.mark.django_db
def test_every_city_has_districts_and_a_service_hall(demo):
    for city in Region.objects.filter(level="city"):
        districts = city.children.filter(level="district")
        assert districts.count() >= 3, city.name_zh
        assert all(re.fullmatch(r"\d{6}", d.code) and d.code[:4] == city.code[:4] and d.name_en for d in districts)
        assert ServiceHall.objects.filter(region__in=[city, *districts]).exists(), city.name_zh


@pytest.mark.django_db
def test_halls_have_hours_contacts_and_english(demo):
    for hall in ServiceHall.objects.all():
        assert hall.address_zh and hall.address_en and hall.phone and hall.transport_en
        assert "周一至周五" in hall.opening_hours_zh and "Monday to Friday" in hall.opening_hours_en
        assert hall.facilities, hall.slug


@pytest.mark.django_db
def test_every_chinese_service_has_a_live_english_translation(demo):
    english = {page.translation_key: page for page in demo_pages("en") if page.live}
    for page in demo_pages("zh-hans"):
        assert page.live and not page.has_unpublished_changes, page.service_code
        translation = english.get(page.translation_key)
        assert translation is not None, page.service_code
        assert translation.service_code == page.service_code
        assert translation.department_id == page.department_id


@pytest.mark.django_db
def test_english_pages_are_written_in_english(demo):
    for page in demo_pages("en"):
        texts = [page.title, page.summary, page.eligibility, page.fee_description, page.legal_basis]
        texts += [text for row in page.materials.all() for text in (row.name, row.notes)]
        texts += [text for row in page.faqs.all() for text in (row.question, row.answer)]
        assert not any(CJK.search(text) for text in texts), page.service_code
        assert page.materials.count() == len(
            page.get_translation(Locale.objects.get(language_code="zh-hans")).specific.materials.all()
        )


@pytest.mark.django_db
def test_services_are_complete_and_consistent(demo):
    pages = list(demo_pages("zh-hans"))
    for page in pages:
        code = page.service_code
        assert re.fullmatch(r"370000-[A-Z]+-\d{4}", code)
        assert page.promised_time_limit_days <= page.legal_time_limit_days, code
        assert 0 <= page.in_person_visits <= 2, code
        assert 2 <= len(page.materials.all()) <= 7, code
        assert 1 <= len(page.faqs.all()) <= 3, code
        assert page.summary and page.eligibility.startswith("<p>") and page.legal_basis.startswith("《"), code
        assert page.is_free or page.fee_description, code
        assert page.online or page.in_person, code
        assert page.regions.all(), code
        if page.in_person:
            assert page.halls.all(), code
        if page.online:
            assert page.flow_key, code
        else:
            assert not page.flow_key, code
    online = sum(page.online for page in pages)
    assert 0.35 <= online / len(pages) <= 0.65
    assert any(not page.is_free for page in pages) and sum(page.is_free for page in pages) > len(pages) / 2


@pytest.mark.django_db
def test_every_life_event_and_department_has_services(demo):
    for event in LifeEvent.objects.all():
        assert event.services.filter(locale__language_code="zh-hans").count() >= 3, event.slug
    for department in Department.objects.all():
        assert department.name_en and department.description_en
        assert department.services.exists(), department.code


# (b) the services the search tests use


@pytest.mark.django_db
@pytest.mark.parametrize("title", NAMED_SERVICES)
def test_named_services_exist(demo, title):
    page = ServicePage.objects.live().get(title=title, locale__language_code="zh-hans")
    assert page.get_translation(Locale.objects.get(language_code="en")).live
    if title in NAMED_FLOWS:
        assert page.online and page.flow_key == NAMED_FLOWS[title]


@pytest.mark.django_db
def test_other_online_services_use_the_general_flow(demo):
    for page in demo_pages("zh-hans").filter(online=True).exclude(title__in=NAMED_FLOWS):
        assert page.flow_key in {"general-application", *NAMED_FLOWS.values()}, page.service_code


# (d) one source of service facts: no page of an application says a time limit, a visit count or a list of materials
# other than its service's guide


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def section(html, pattern):
    """The first match of `pattern` in `html` (a part of the page that says the facts), as one string."""
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match.group(0)


KEY_FACTS = r'<dl class="key-facts">.*?</dl>'
MATERIALS = r'<section aria-labelledby="materials">.*?</section>'
STATED_DAYS = re.compile(r"(\d+)\s*个?工作日|(\d+) working days?")


def stated_days(text):
    return {int(chinese or english) for chinese, english in STATED_DAYS.findall(text)}


def promised(page):
    return {page.promised_time_limit_days} - {0}


@pytest.fixture
def online_pages(demo, flows):
    return list(
        ServicePage.objects.live()
        .filter(service_code__startswith=DEMO_CODE_PREFIX, online=True)
        .select_related("locale", "department")
        .prefetch_related("materials")
        .order_by("service_code", "locale__language_code")
    )


@pytest.mark.django_db
def test_every_demo_service_passes_the_editors_checks(online_pages):
    """The checks an editor meets when saving: no 零次 service asks for an original at a counter, and every material a
    flow collects is one its services list (and do not say the portal fetches)."""
    pages = [*online_pages, *demo_pages("zh-hans").filter(online=False).prefetch_related("materials")]
    for page in pages:
        problems = service_material_problems(
            in_person_visits=page.in_person_visits,
            materials=list(page.materials.all()),
            flow_materials=flow_material_codes(page.flow_key) if page.online else {},
        )
        assert problems == {}, (page.service_code, page.locale.language_code, problems)
    assert sum(page.in_person_visits == 0 for page in pages) > 100


@pytest.mark.django_db
def test_start_pages_say_what_the_guides_say(online_pages, client):
    """Every online demo service, in both languages: the start page's facts and materials are the guide's."""
    assert len(online_pages) > 300
    for page in online_pages:
        with translation.override(page.locale.language_code):
            start = client.get(reverse("applications:start", kwargs={"service_code": page.service_code}))
        guide = client.get(page.url).content.decode()
        start = start.content.decode()
        where = (page.service_code, page.locale.language_code)
        assert section(start, KEY_FACTS) == section(guide, KEY_FACTS), where
        names = re.findall(r"<li><strong>(.*?)</strong>", section(start, MATERIALS))
        assert names == [escape(material.name) for material in page.materials.all()], where
        assert stated_days(visible_text(start)) == promised(page), where


@pytest.mark.django_db
def test_confirmations_and_receipts_say_the_guides_time_limit(online_pages, citizen, client_for):
    """The confirmation and the receipt of an application to every online demo service, in its language, state the
    service's promised time limit and no other number of days (a flow's "what happens next" once said its own)."""
    from portal.applications.models import Application
    from portal.applications.receipts import receipt_context
    from portal.applications.selectors import flow_version_current
    from portal.applications.services import application_start
    from portal.applications.status import Status

    client = client_for(citizen)
    for number, page in enumerate(online_pages):
        language = page.locale.language_code
        application = application_start(
            flow_version=flow_version_current(page.flow_key),
            applicant=citizen,
            actor=citizen,
            service_code=page.service_code,
            service_page=page,
            language=language,
        )
        Application.objects.filter(pk=application.pk).update(status=Status.SUBMITTED, reference=f"TEST{number:06d}")
        application.refresh_from_db()
        with translation.override(language):
            confirmation = client.get(reverse("applications:confirmation", kwargs={"pk": application.pk}))
            receipt = render_to_string(
                "applications/receipt_pdf.html",
                receipt_context(application=application, language=language, large_print=False),
            )
        where = (page.service_code, language)
        assert confirmation.status_code == 200, where
        assert stated_days(visible_text(confirmation.content.decode())) == promised(page), where
        assert stated_days(visible_text(receipt)) == promised(page), where


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug, query",
    [("newborn", "孩子出生"), ("retiring", "退休"), ("after-a-death", "老人去世"), ("newborn", "baby born")],
)
def test_the_demo_bundles_are_published_and_found_first(demo, flows, client, slug, query):
    """新生儿出生一件事, 退休一件事 and 身后一件事: each at least four services from at least three departments, its
    shared questions checked against the member flows when published; a search describing the life event shows it
    first."""
    from services_catalog.bundles import bundle_current
    from services_catalog.demo.bundles import load_demo_bundles

    assert {result[0] for result in load_demo_bundles()} == {"newborn", "retiring", "after-a-death"}
    definition = bundle_current(slug).definition
    codes = [member["service_code"] for member in definition["members"]]
    departments = set(demo_pages("zh-hans").filter(service_code__in=codes).values_list("department", flat=True))
    assert len(codes) >= 4 and len(departments) >= 3

    body = client.get(reverse("search"), {"q": query}).content.decode()

    assert body.index(f'href="/life-events/{slug}/"') < body.index('class="result-count"')


@pytest.mark.django_db
def test_the_newborn_bundle_asks_the_babys_details_once_for_every_flow(demo, flows):
    from services_catalog.bundles import bundle_current
    from services_catalog.demo.bundles import load_demo_bundles

    load_demo_bundles()
    questions = {question["key"]: question for question in bundle_current("newborn").definition["questions"]}
    assert {"baby_name", "baby_birth_date", "other_parent_id"} <= set(questions)
    assert len(questions["baby_name"]["targets"]) == 4  # the four member flows that ask the baby's name


# (c) the benchmark catalogue


def generated(language):
    return ServicePage.objects.filter(service_code__startswith="GEN-", locale__language_code=language)


@pytest.mark.django_db
def test_generate_catalogue_builds_translated_pages_and_is_idempotent(demo):
    call_command("generate_catalogue", "--services", "30", "--seed", "7", stdout=StringIO())
    zh, en = generated("zh-hans"), generated("en")
    assert zh.count() == en.count() == 30
    assert all(page.live and page.latest_revision_id == page.live_revision_id for page in [*zh, *en])
    assert set(zh.values_list("translation_key", flat=True)) == set(en.values_list("translation_key", flat=True))
    assert Page.find_problems() == ([], [], [], [], [])
    demo_titles = set(demo_pages("zh-hans").values_list("title", flat=True))
    assert all(any(page.title.endswith(title) for title in demo_titles) for page in zh)
    page = zh.first()
    assert page.materials.exists() and page.faqs.exists() and page.regions.exists()
    assert page.get_latest_revision().as_object().title == page.title

    ids = set(ServicePage.objects.filter(service_code__startswith="GEN-").values_list("pk", flat=True))
    revisions = Revision.objects.filter(object_id__in=[str(pk) for pk in ids]).count()
    output = StringIO()
    call_command("generate_catalogue", "--services", "30", "--seed", "7", stdout=output)
    assert "0 created (0 of them rebuilt), 30 unchanged, 0 removed" in output.getvalue()
    assert set(ServicePage.objects.filter(service_code__startswith="GEN-").values_list("pk", flat=True)) == ids
    assert Revision.objects.filter(object_id__in=[str(pk) for pk in ids]).count() == revisions == 60

    call_command("generate_catalogue", "--services", "20", "--seed", "7", stdout=StringIO())
    assert generated("zh-hans").count() == generated("en").count() == 20
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_generated_pages_are_served(demo, client):
    call_command("generate_catalogue", "--services", "5", stdout=StringIO())
    for page in [*generated("zh-hans"), *generated("en")]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert escape(page.title) in response.content.decode()
