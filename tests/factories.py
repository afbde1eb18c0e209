"""Catalogue factories for everyone's tests.

Snippets (departments, regions, life events, halls) are factory_boy factories. Pages are never built by
hand: `service_create()` and `catalogue_build()` go through `services_catalog.services` (site_tree_ensure,
service_page_upsert), the one way code builds pages.

    catalogue = catalogue_build()                  # a small bilingual catalogue, see SERVICES below
    catalogue.service("3700-GA-001", "en").url     # the English guide of one service
    service_create(tree=catalogue.trees["zh-hans"], department=DepartmentFactory())  # one more, Chinese only
"""

from dataclasses import dataclass, field

import factory
from django.conf import settings
from wagtail.models import Page

from services_catalog import services
from services_catalog.models import Department, LifeEvent, Region, RegionLevel, ServiceHall

PROVINCE_CODE = "370000"
# Six of Shandong's sixteen cities: (code, Chinese name, English name).
CITIES = [
    ("370100", "济南市", "Jinan"),
    ("370200", "青岛市", "Qingdao"),
    ("370300", "淄博市", "Zibo"),
    ("370600", "烟台市", "Yantai"),
    ("370700", "潍坊市", "Weifang"),
    ("370800", "济宁市", "Jining"),
]


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"dept-{n}")
    name_zh = factory.Sequence(lambda n: f"测试厅{n}")
    name_en = factory.Sequence(lambda n: f"Test Department {n}")
    phone = "0531-12345678"


class RegionFactory(factory.django.DjangoModelFactory):
    """A city of the province by default; `RegionFactory(province=True)` for the province itself."""

    class Meta:
        model = Region
        django_get_or_create = ("code",)

    class Params:
        province = factory.Trait(
            level=RegionLevel.PROVINCE, code=PROVINCE_CODE, parent=None, name_zh="山东省", name_en="Shandong Province"
        )

    code = factory.Sequence(lambda n: f"37{(n % 90) + 10:02d}00")
    level = RegionLevel.CITY
    parent = factory.LazyFunction(lambda: RegionFactory(province=True))
    name_zh = factory.Sequence(lambda n: f"测试市{n}")
    name_en = factory.Sequence(lambda n: f"Test City {n}")


class LifeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeEvent
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"life-event-{n}")
    name_zh = factory.Sequence(lambda n: f"人生事件{n}")
    name_en = factory.Sequence(lambda n: f"Life event {n}")
    summary_zh = "一次办好相关的几件事。"
    summary_en = "The services you need together, done at once."


class ServiceHallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceHall
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"hall-{n}")
    name_zh = factory.Sequence(lambda n: f"测试政务服务中心{n}")
    name_en = factory.Sequence(lambda n: f"Test Government Service Centre {n}")
    region = factory.SubFactory(RegionFactory)
    address_zh = "经十路100号"
    address_en = "100 Jingshi Road"
    opening_hours_zh = "周一至周五 9:00–17:00\n周六 9:00–12:00"
    opening_hours_en = "Monday to Friday 9:00–17:00\nSaturday 9:00–12:00"
    phone = "0531-88880000"
    transport_zh = "乘坐地铁1号线到政务中心站。"
    transport_en = "Metro line 1 to Government Centre station."
    step_free_access = True
    accessible_toilet = True
    priority_window = True


def page_root_ensure():
    """Wagtail's root page, which a transactional test's flush removes along with the migrations' data."""
    root = Page.get_first_root_node()
    if root is None:
        locale = services.locales_ensure()[settings.LANGUAGES[0][0]]
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    return root


def site_tree_ensure():
    """The home page and catalogue in both languages ({language_code: CatalogueTree})."""
    page_root_ensure()
    return services.site_tree_ensure()


def _service_fields(n, department, **overrides):
    fields = {
        "service_code": f"TEST-{n:04d}",
        "department": department,
        "audience": "individuals",
        "summary": f"测试服务{n}的简介。",
        "eligibility": "<p>本省户籍居民。</p>",
        "legal_time_limit_days": 20,
        "promised_time_limit_days": 5,
        "legal_basis": "《测试条例》第一条",
    }
    fields.update(overrides)
    return fields


_service_counter = iter(range(1, 1_000_000))


def service_create(*, tree, department=None, title=None, slug=None, regions=None, translation_of=None, **fields):
    """One published service page in `tree`'s language, through services.service_page_upsert.
    Defaults make a valid, Chinese, province-wide, in-person service; override any field."""
    n = next(_service_counter)
    department = department or DepartmentFactory()
    if regions is None:
        regions = [RegionFactory(province=True)]
    return services.service_page_upsert(
        tree=tree,
        title=title or f"测试服务{n}",
        slug=slug or f"test-service-{n}",
        regions=regions,
        translation_of=translation_of,
        **_service_fields(n, department, **fields),
    )


def flow_materials(flow_key, language):
    """The materials a service using a code-defined flow lists: each one the flow uploads (named by its question),
    as the editor's checks require, after the applicant's ID card, which their sign-in confirms."""
    from portal.applications.definitions import FlowDef
    from portal.applications.registry import code_flow_definitions
    from portal.applications.text import localised

    id_card = "Resident ID card" if language == "en" else "居民身份证"
    rows = [{"code": "id_card", "name": id_card, "form": "electronic", "fetched_electronically": True}]
    definition = code_flow_definitions().get(flow_key)
    if definition is not None:
        flow = FlowDef.from_dict(definition)
        for code, key in flow.materials().items():
            rows.append({"code": code, "name": localised(flow.field(key).label, language), "form": "electronic"})
    return rows


def online_service(tree, department, *, code, title, flow_key, title_en=None):
    """A Chinese service page with an online application through the flow `flow_key` (and its English
    translation when `title_en` is given); the page of `service_code` `code`."""
    zh = service_create(
        tree=tree["zh-hans"],
        department=department,
        title=title,
        service_code=code,
        online=True,
        flow_key=flow_key,
        slug=code.lower(),
        materials=flow_materials(flow_key, "zh-hans"),
    )
    if title_en:
        service_create(
            tree=tree["en"],
            department=department,
            title=title_en,
            service_code=code,
            online=True,
            flow_key=flow_key,
            slug=code.lower(),
            translation_of=zh,
            materials=flow_materials(flow_key, "en"),
        )
    return zh


# The online services of the application engine's flows (tests/conftest.py: service_for builds them on demand).
ONLINE_SERVICES = [
    # service code, Chinese title, English title, flow key
    ("3700-MZ-101", "高龄津贴申请", "Elderly care subsidy", "elderly-care-subsidy"),
    ("3700-MZ-102", "老年人乘车卡申请", "Senior bus pass", "senior-bus-pass"),
    ("3700-CL-103", "残疾人证申领", "Disability certificate", "disability-certificate"),
    ("3700-YB-104", "医疗费用报销", "Medical costs", "medical-insurance-reimbursement"),
    ("3700-GA-105", "户口迁移", "Household registration transfer", "household-registration-transfer"),
    ("3700-SJ-106", "营业执照变更登记", "Business licence change", "business-licence-change"),
    ("3700-GA-107", "新生儿出生登记", "Birth registration", "birth-registration"),
    ("3700-RS-108", "养老金领取资格认证", "Pension certification", "pension-certification"),
    ("3700-QT-109", "其他事项申请", "Other request", "general-application"),
    ("3700-WJ-110", "出生医学证明首次签发", "Birth medical certificate", "birth-medical-certificate"),
    ("3700-YB-111", "新生儿参加城乡居民医疗保险", "Medical insurance for a newborn", "newborn-medical-insurance"),
    ("3700-WJ-112", "预防接种证办理", "Vaccination record booklet", "vaccination-record"),
]


# The bilingual catalogue: what a citizen would really find, small enough to build in a test.
DEPARTMENTS = [
    # code, Chinese, English, sort order
    ("public-security", "山东省公安厅", "Department of Public Security", 10),
    ("human-resources", "山东省人力资源和社会保障厅", "Department of Human Resources and Social Security", 20),
    ("civil-affairs", "山东省民政厅", "Department of Civil Affairs", 30),
    ("market-regulation", "山东省市场监督管理局", "Administration for Market Regulation", 40),
]
LIFE_EVENTS = [
    ("having-a-baby", "生个宝宝", "Having a baby", 10),
    ("retiring", "退休", "Retiring", 20),
    ("starting-a-business", "开办企业", "Starting a business", 30),
]
HALLS = [
    # slug, city code, Chinese name, English name, Chinese address, English address
    (
        "jinan-hall",
        "370100",
        "济南市政务服务中心",
        "Jinan Government Service Centre",
        "济南市历下区经十路12345号",
        "12345 Jingshi Road, Lixia District, Jinan",
    ),
    (
        "qingdao-hall",
        "370200",
        "青岛市政务服务中心",
        "Qingdao Government Service Centre",
        "青岛市市南区香港中路1号",
        "1 Hong Kong Middle Road, Shinan District, Qingdao",
    ),
]


@dataclass(frozen=True)
class ServiceSpec:
    code: str
    slug: str
    department: str
    zh: dict
    en: dict
    regions: tuple = (PROVINCE_CODE,)
    halls: tuple = ()
    life_events: tuple = ()
    fields: dict = field(default_factory=dict)
    materials: tuple = ()  # (zh name, en name, form, quantity, fetched electronically)


SERVICES = [
    ServiceSpec(
        "3700-GA-001",
        "renew-resident-id-card",
        "public-security",
        zh={
            "title": "居民身份证换领",
            "summary": "身份证有效期满或损坏时，换领新的居民身份证。",
            "faq": ("可以在外地换领吗？", "可以。全国范围内都可以异地换领居民身份证。"),
        },
        en={
            "title": "Renew a resident ID card",
            "summary": "Get a new resident ID card when yours has expired or is damaged.",
            "faq": ("Can I renew it in another city?", "Yes. You can renew your resident ID card anywhere in China."),
        },
        halls=("jinan-hall", "qingdao-hall"),
        fields={
            "legal_time_limit_days": 60,
            "promised_time_limit_days": 15,
            "in_person_visits": 1,
            "is_free": False,
            "fee_description": "20元 / CNY 20",
            "popularity": 900,
        },
        materials=(
            ("户口簿", "Household register", "original", 1, False),
            ("原居民身份证", "Your old resident ID card", "original", 1, False),
        ),
    ),
    ServiceSpec(
        "3700-GA-002",
        "register-a-newborn",
        "public-security",
        zh={
            "title": "新生儿出生登记",
            "summary": "为新出生的孩子办理户口登记。",
            "faq": ("孩子出生多久内要登记？", "应在出生后一个月内办理。"),
        },
        en={
            "title": "Register a newborn baby",
            "summary": "Register your newborn child in the household register.",
            "faq": ("How soon after the birth must I register?", "Within one month of the birth."),
        },
        halls=("jinan-hall",),
        life_events=("having-a-baby",),
        fields={
            "legal_time_limit_days": 10,
            "promised_time_limit_days": 0,
            "in_person_visits": 1,
            "proxy_allowed": True,
            "popularity": 700,
        },
        materials=(
            ("出生医学证明", "Medical certificate of birth", "original", 1, True),
            ("父母双方居民身份证", "Both parents' resident ID cards", "original_and_copy", 2, False),
        ),
    ),
    ServiceSpec(
        "3700-RS-001",
        "residents-pension-registration",
        "human-resources",
        zh={
            "title": "城乡居民基本养老保险参保登记",
            "summary": "参加城乡居民基本养老保险，年满60周岁后按月领取养老金。",
            "faq": ("每年缴费多少？", "缴费档次从每年300元到5000元，由您自己选择。"),
        },
        en={
            "title": "Join the residents' basic pension scheme",
            "summary": "Join the basic pension scheme for urban and rural residents and receive a monthly "
            "pension from the age of 60.",
            "faq": ("How much do I pay each year?", "You choose a level from CNY 300 to CNY 5,000 a year."),
        },
        life_events=("retiring",),
        fields={
            "legal_time_limit_days": 20,
            "promised_time_limit_days": 3,
            "in_person_visits": 0,
            "online": True,
            "flow_key": "general-application",
            "proxy_allowed": True,
            "popularity": 1200,
        },
        materials=(("居民身份证", "Resident ID card", "electronic", 1, True),),
    ),
    ServiceSpec(
        "3700-RS-002",
        "claim-your-pension",
        "human-resources",
        zh={
            "title": "养老金申领",
            "summary": "到达退休年龄后，申请按月领取基本养老金。",
            "faq": ("什么时候开始发放？", "审核通过后的次月开始按月发放。"),
        },
        en={
            "title": "Claim your pension",
            "summary": "Claim your monthly basic pension when you reach retirement age.",
            "faq": ("When is it first paid?", "From the month after your claim is approved."),
        },
        halls=("jinan-hall", "qingdao-hall"),
        life_events=("retiring",),
        fields={
            "legal_time_limit_days": 30,
            "promised_time_limit_days": 10,
            "in_person_visits": 1,
            "proxy_allowed": True,
            "popularity": 800,
        },
        materials=(("居民身份证", "Resident ID card", "original", 1, False), ("银行卡", "Bank card", "copy", 1, False)),
    ),
    ServiceSpec(
        "3701-MZ-001",
        "senior-citizen-card",
        "civil-affairs",
        zh={
            "title": "老年人优待证办理",
            "summary": "年满60周岁的济南市民可以办理老年人优待证，免费乘坐公交。",
            "faq": ("丢了怎么办？", "到社区服务中心申请补办。"),
        },
        en={
            "title": "Get a senior citizen card",
            "summary": "Residents of Jinan aged 60 or over can get a senior citizen card for free bus travel.",
            "faq": ("What if I lose it?", "Ask your community service centre for a new one."),
        },
        regions=("370100",),
        halls=("jinan-hall",),
        life_events=("retiring",),
        fields={
            "legal_time_limit_days": 15,
            "promised_time_limit_days": 5,
            "in_person_visits": 1,
            "proxy_allowed": True,
            "popularity": 500,
        },
        materials=(
            ("居民身份证", "Resident ID card", "original", 1, False),
            ("一寸照片", "Passport-size photos", "original", 2, False),
        ),
    ),
    ServiceSpec(
        "3700-SJ-001",
        "register-a-sole-proprietorship",
        "market-regulation",
        zh={
            "title": "个体工商户设立登记",
            "summary": "开个小店或做小生意，先办理个体工商户营业执照。",
            "faq": ("需要注册资本吗？", "个体工商户不需要注册资本。"),
        },
        en={
            "title": "Register a sole proprietorship",
            "summary": "Get a business licence before you open a small shop or business of your own.",
            "faq": ("Do I need registered capital?", "No. A sole proprietorship needs no registered capital."),
        },
        regions=("370100", "370200"),
        halls=("qingdao-hall",),
        life_events=("starting-a-business",),
        fields={
            "audience": "businesses",
            "legal_time_limit_days": 15,
            "promised_time_limit_days": 1,
            "in_person_visits": 0,
            "online": True,
            "flow_key": "general-application",
            "popularity": 600,
        },
        materials=(
            ("经营者居民身份证", "The owner's resident ID card", "electronic", 1, True),
            ("经营场所证明", "Proof of the business premises", "copy", 1, False),
        ),
    ),
]
# Text shared by every service, per language.
ELIGIBILITY = {
    "zh-hans": "<p>本省户籍居民或持有本省居住证的居民。</p>",
    "en": "<p>Residents registered in the province, or holding its residence permit.</p>",
}
LEGAL_BASIS = {"zh-hans": "《山东省政务服务条例》", "en": "Shandong Government Services Regulations"}
MATERIAL_NOTE = {"zh-hans": "请带齐原件。", "en": "Bring the originals."}
# A material's identity across services (ServiceMaterial.code), by its Chinese name.
MATERIAL_CODES = {"居民身份证": "id_card", "户口簿": "hukou", "银行卡": "bank_card", "一寸照片": "photo"}


@dataclass
class Catalogue:
    trees: dict
    province: Region
    cities: dict  # code -> Region
    departments: dict  # code -> Department
    life_events: dict  # slug -> LifeEvent
    halls: dict  # slug -> ServiceHall
    services: dict  # service code -> {language code: ServicePage}
    bundle: object = None  # 退休一件事 (services_catalog.models.Bundle)

    def service(self, code, language="zh-hans"):
        return self.services[code][language]

    def hall(self, slug=None):
        return self.halls[slug or next(iter(self.halls))]


def catalogue_build():
    """A small bilingual catalogue: the province and six cities, four departments, three life events,
    two halls and six services in Chinese and English (linked translations) with materials and FAQs.
    Safe to call twice in one test. Its two online services apply through the general application form, so the
    code-defined flows are loaded too (a service whose flow does not exist offers no online application)."""
    from portal.applications.services import flows_load_from_code

    flows_load_from_code()
    trees = site_tree_ensure()
    province = RegionFactory(province=True)
    cities = {code: RegionFactory(code=code, name_zh=zh, name_en=en, parent=province) for code, zh, en in CITIES}
    regions = {PROVINCE_CODE: province, **cities}
    departments = {
        code: DepartmentFactory(code=code, name_zh=zh, name_en=en, sort_order=order)
        for code, zh, en, order in DEPARTMENTS
    }
    life_events = {
        slug: LifeEventFactory(slug=slug, name_zh=zh, name_en=en, sort_order=order)
        for slug, zh, en, order in LIFE_EVENTS
    }
    halls = {
        slug: ServiceHallFactory(
            slug=slug,
            region=cities[city],
            name_zh=name_zh,
            name_en=name_en,
            address_zh=address_zh,
            address_en=address_en,
            hearing_loop=slug == "jinan-hall",
        )
        for slug, city, name_zh, name_en, address_zh, address_en in HALLS
    }
    built = {}
    for spec in SERVICES:
        pages = {}
        for language in ("zh-hans", "en"):
            text = spec.zh if language == "zh-hans" else spec.en
            question, answer = text["faq"]
            materials = [
                {
                    "code": MATERIAL_CODES.get(zh, ""),
                    "name": zh if language == "zh-hans" else en,
                    "form": form,
                    "quantity": quantity,
                    "fetched_electronically": fetched,
                    "notes": "" if fetched else MATERIAL_NOTE[language],
                }
                for zh, en, form, quantity, fetched in spec.materials
            ]
            pages[language] = services.service_page_upsert(
                tree=trees[language],
                title=text["title"],
                slug=spec.slug,
                translation_of=pages.get("zh-hans"),
                materials=materials,
                faqs=[{"question": question, "answer": answer}],
                regions=[regions[code] for code in spec.regions],
                halls=[halls[slug] for slug in spec.halls],
                life_events=[life_events[slug] for slug in spec.life_events],
                service_code=spec.code,
                department=departments[spec.department],
                summary=text["summary"],
                eligibility=ELIGIBILITY[language],
                legal_basis=LEGAL_BASIS[language],
                **spec.fields,
            )
        built[spec.code] = pages
    return Catalogue(
        trees=trees,
        province=province,
        cities=cities,
        departments=departments,
        life_events=life_events,
        halls=halls,
        services=built,
        bundle=retiring_bundle(life_events["retiring"]),
    )


def retiring_bundle(life_event):
    """退休一件事 over the catalogue's three retiring services, the senior citizen card optional: published."""
    from services_catalog.bundles import bundle_publish
    from services_catalog.models import Bundle, BundleInclusion, BundleMember

    bundle = Bundle.objects.filter(slug="retiring").first() or Bundle(slug="retiring")
    bundle.life_event = life_event
    bundle.name_zh, bundle.name_en = "退休一件事", "Retiring: one application"
    bundle.summary_zh = "退休时，养老金申领、居民养老保险和老年人优待证一次办好。"
    bundle.summary_en = "When you retire: your pension and the senior citizen card, all in one go."
    bundle.who_zh, bundle.who_en = "达到法定退休年龄的参保人员。", "People who have reached the retirement age."
    bundle.keywords_zh, bundle.keywords_en = "退休 办退休", "retire retirement"
    bundle.members = [
        BundleMember(service_code="3700-RS-002"),
        BundleMember(service_code="3700-RS-001"),
        BundleMember(
            service_code="3701-MZ-001",
            inclusion=BundleInclusion.OPTIONAL,
            condition_zh="年满60周岁的选择此项。",
            condition_en="Choose it if you are 60 or older.",
        ),
    ]
    bundle.save()
    bundle_publish(bundle=bundle)
    return bundle
