"""一件事一次办: life-event bundles built from existing services. Published as versions, checked against the member
services and their flows, told once on one page (materials merged by their code, the slowest promised time limit),
and found first by a search that describes the life event."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from services_catalog.bundles import bundle_current, bundle_publish, bundles_matching
from services_catalog.models import Bundle, BundleInclusion, BundleMember, BundleQuestion
from services_catalog.page_cache import invalidate_catalogue
from tests.factories import online_service, service_create
from tests.queries import page_reads

pytestmark = pytest.mark.django_db

BIRTH, INSURANCE, VACCINATION = "3700-GA-107", "3700-YB-111", "3700-WJ-112"


@pytest.fixture
def newborn_services(tree, department, flows):
    """Three online services of 新生儿出生一件事, each with its own demo flow (tests/factories.py: ONLINE_SERVICES)."""
    return {
        BIRTH: online_service(tree, department, code=BIRTH, title="出生登记", flow_key="birth-registration"),
        INSURANCE: online_service(
            tree, department, code=INSURANCE, title="新生儿医保参保", flow_key="newborn-medical-insurance"
        ),
        VACCINATION: online_service(
            tree, department, code=VACCINATION, title="预防接种证办理", flow_key="vaccination-record"
        ),
    }


def newborn_bundle(codes=(BIRTH, INSURANCE), questions=()):
    bundle = Bundle(
        slug="newborn",
        name_zh="新生儿出生一件事",
        name_en="Having a baby: one application",
        summary_zh="孩子出生后，出生登记和医保参保一次办好。",
        summary_en="After the birth: registration and medical insurance in one go.",
        who_zh="孩子在本省出生的家庭。",
        who_en="Families whose baby was born in Shandong.",
        keywords_zh="孩子出生 生孩子",
        keywords_en="baby born",
    )
    bundle.members = [BundleMember(service_code=code) for code in codes]
    bundle.shared_questions = list(questions)
    bundle.save()
    return bundle


def baby_name(*targets, type_="name"):
    return BundleQuestion(key="baby_name", type=type_, label_zh="新生儿姓名", targets="\n".join(targets))


def test_a_bundle_is_published_as_versions_and_only_a_change_makes_a_new_one(newborn_services):
    bundle = newborn_bundle(questions=[baby_name(f"{BIRTH} baby_name", f"{INSURANCE} baby_name")])

    first, created = bundle_publish(bundle=bundle)
    assert created and first.number == 1
    assert bundle_publish(bundle=bundle) == (first, False)
    assert first.definition["questions"][0]["targets"] == [
        {"service_code": BIRTH, "field": "baby_name"},
        {"service_code": INSURANCE, "field": "baby_name"},
    ]

    bundle.name_zh = "出生一件事"
    bundle.save()
    second, created = bundle_publish(bundle=bundle)
    assert created and second.number == 2
    assert bundle_current("newborn") == second
    first.refresh_from_db()
    assert first.definition["name"]["zh-hans"] == "新生儿出生一件事"  # a published version never changes


def test_the_editor_is_told_what_stops_a_bundle_from_being_published(newborn_services, tree, department):
    offline = service_create(tree=tree["zh-hans"], department=department, service_code="3700-WJ-113")
    bundle = newborn_bundle(
        codes=(BIRTH, BIRTH, "3700-XX-999", offline.service_code),
        questions=[
            baby_name(f"{BIRTH} baby_name", f"{VACCINATION} baby_name", f"{offline.service_code} baby_name"),
            BundleQuestion(key="birth_date", type="text", label_zh="出生日期", targets=f"{BIRTH} baby_birth_date"),
            BundleQuestion(key="weight", type="number", label_zh="体重", targets=f"{BIRTH} birth_weight"),
        ],
    )

    with pytest.raises(ValidationError) as refused, translation.override("en"):
        bundle_publish(bundle=bundle)

    assert refused.value.messages == [
        f"The service {BIRTH} is in the bundle twice.",
        "There is no published service with the code 3700-XX-999.",
        f"The shared question “baby_name” names {VACCINATION}, which is not a service of the bundle.",
        f"The shared question “baby_name” names {offline.service_code}, which has no online application.",
        f"The question “baby_birth_date” of {BIRTH} is of the type “date”, not “text” (shared question “birth_date”).",
        f"The application flow of {BIRTH} has no question “birth_weight” (shared question “weight”).",
    ]
    assert not bundle.versions.exists()

    bundle.members = [BundleMember(service_code=BIRTH, inclusion=BundleInclusion.OPTIONAL)]
    bundle.shared_questions = []
    bundle.save()
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        bundle_publish(bundle=bundle)
    assert refused.value.messages == [
        "A bundle needs at least two services.",
        "At least one service of a bundle must always be included.",
    ]


def test_the_bundle_page_tells_once(catalogue, client):
    """退休一件事 of the small catalogue: its facts are its services' own."""
    pension, scheme, card = (catalogue.service(code) for code in ("3700-RS-002", "3700-RS-001", "3701-MZ-001"))

    body = client.get(reverse("bundle", args=["retiring"])).content.decode()

    assert "<h1>退休一件事</h1>" in body
    for page in (pension, scheme, card):
        assert f'<a href="{page.url}">{escape(page.title)}</a>' in body
    slowest = max(page.promised_time_limit_days for page in (pension, scheme, card))
    assert f"最长{slowest}个工作日" in body  # the slowest service's promised limit
    assert "年满60周岁的选择此项。" in body  # the optional service's condition
    # 居民身份证 (id_card) is asked for by all three services, and listed once, with the services that need it.
    assert body.count("<strong>居民身份证</strong>") == 1
    assert f"{escape(pension.title)}、{escape(scheme.title)}、{escape(card.title)}" in body
    assert body.count("<strong>银行卡</strong>") == 1  # one service's own material
    assert 'href="/halls/jinan-hall/"' in body  # the hall that offers every service applied for in person

    with translation.override("en"):
        english = client.get(reverse("bundle", args=["retiring"])).content.decode()
    assert "<h1>Retiring: one application</h1>" in english and "Resident ID card" in english


def test_a_bundle_that_is_not_published_is_not_found(tree, client):
    assert client.get(reverse("bundle", args=["no-such-bundle"])).status_code == 404


def test_the_bundle_page_reads_the_same_queries_whatever_its_number_of_services(catalogue, client):
    bundle = catalogue.bundle
    page_reads(client, reverse("bundle", args=["retiring"]))  # the site's root paths, read once per process
    invalidate_catalogue()  # else the second visit is the page cache's
    few, _ = page_reads(client, reverse("bundle", args=["retiring"]))
    for code in ("3700-GA-001", "3700-GA-002", "3700-SJ-001"):
        bundle.members.add(BundleMember(service_code=code))
    bundle.save()
    bundle_publish(bundle=bundle)

    many, body = page_reads(client, reverse("bundle", args=["retiring"]))

    assert catalogue.service("3700-SJ-001").title in body
    assert len(many) == len(few), "\n".join(q[:150] for q in many)


def test_a_search_that_describes_the_life_event_shows_the_bundle_first(catalogue, client):
    assert [version.bundle.slug for version in bundles_matching("退休")] == ["retiring"]
    assert [version.bundle.slug for version in bundles_matching("how to retire")] == ["retiring"]
    assert bundles_matching("身份证") == [] and bundles_matching("") == []

    body = client.get(reverse("search"), {"q": "办退休"}).content.decode()

    bundle_link = body.index('href="/life-events/retiring/"')
    assert bundle_link < body.index('class="result-count"')
