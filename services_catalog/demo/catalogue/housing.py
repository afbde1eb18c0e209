"""住房和城乡建设: affordable housing, housing contracts, construction permits and qualifications."""

from ..materials import (
    APPLICATION,
    FINANCIAL_STATEMENTS,
    HUKOU,
    ID_CARD,
    INCOME_DECLARATION,
    LICENCE,
    PERMIT_ORIGINAL,
    PROPERTY_CERT,
    QUALIFICATION_CERTS,
    SAFETY_RULES,
    SALE_CONTRACT,
    TENANCY,
    Material,
)
from ..spec import BUSINESSES, FAQ, lifecycle_who, service

D = "housing-urban-rural-development"
BIG_CITIES = ["370100", "370200", "370300", "370600", "370700", "370800", "371300"]

HOUSING_SERVICES = [
    service(
        "ZJ-0001",
        D,
        ("公共租赁住房申请", "Applying for public rental housing"),
        (
            "住房困难的中低收入家庭、新就业无房职工和外来务工人员，申请承租公共租赁住房。",
            "Low- and middle-income households with housing difficulties, newly employed people without a home "
            "and migrant workers can apply to rent public housing.",
        ),
        (
            ["您家庭在当地无自有住房或人均住房面积低于规定标准", "家庭收入、财产符合当地规定"],
            [
                "your household owns no home locally, or less floor space per person than the set standard",
                "your household income and assets are within the local limits",
            ],
        ),
        [ID_CARD, HUKOU, INCOME_DECLARATION, Material("住房情况声明", "Declaration of your housing situation")],
        laws=["public_rental_housing"],
        legal=30,
        promised=20,
        visits=1,
        proxy=True,
        regions=BIG_CITIES,
        events=["finding-a-job"],
        popularity=11000,
        faqs=[
            FAQ(
                "审核通过后多久能住进去？",
                "审核通过后进入轮候，按轮候顺序和房源情况配租，各市公示轮候名单。",
                "How soon can I move in after approval?",
                "You join a waiting list and are offered a home as they become available; each city "
                "publishes its list.",
            )
        ],
    ),
    service(
        "ZJ-0002",
        D,
        ("住房租赁补贴申请", "Housing rent allowance"),
        (
            "符合条件的住房困难家庭在市场上租房的，申请领取住房租赁补贴。",
            "Households with housing difficulties who rent on the open market can claim a rent allowance.",
        ),
        (
            ["您家庭符合公共租赁住房保障条件", "您在市场上租赁住房并已登记备案"],
            ["your household qualifies for public rental housing", "you rent privately and the tenancy is registered"],
        ),
        [ID_CARD, INCOME_DECLARATION, TENANCY],
        laws=["public_rental_housing"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        regions=BIG_CITIES,
        popularity=6800,
    ),
    service(
        "ZJ-0003",
        D,
        ("保障性租赁住房申请", "Applying for affordable rental housing"),
        (
            "新市民、青年人在工作地无房的，申请租住租金低于市场价的保障性租赁住房。",
            "Newcomers and young people with no home where they work can apply to rent affordable housing "
            "below market rents.",
        ),
        (
            ["您在本市工作", "您和配偶在本市无自有住房"],
            ["you work in the city", "you and your spouse own no home there"],
        ),
        [ID_CARD, Material("劳动合同或社保缴纳证明", "Employment contract or social insurance record", fetched=True)],
        laws=["public_rental_housing"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        regions=BIG_CITIES[:4],
        events=["finding-a-job"],
        popularity=9400,
    ),
    service(
        "ZJ-0004",
        D,
        ("商品房买卖合同网签备案", "Registering a new-home sale contract"),
        (
            "购买新建商品房的，买卖双方签订网签合同并备案，备案后可办理贷款和不动产登记。",
            "When you buy a newly built home, you and the developer sign the contract online and register it. "
            "You need this for a mortgage and for the title registration.",
        ),
        (
            ["您购买新建商品房", "开发企业已取得商品房预售许可或完成现售备案"],
            ["you are buying a newly built home", "the developer has a pre-sale permit or has filed the sale"],
        ),
        [ID_CARD, SALE_CONTRACT(fetched=False, notes=("通过网签系统签订", "Signed in the online contract system"))],
        laws=["urban_real_estate", "presale"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home"],
        popularity=27000,
    ),
    service(
        "ZJ-0005",
        D,
        ("存量房买卖合同网签备案", "Registering a second-hand home sale contract"),
        (
            "买卖二手房的，买卖双方或经纪机构办理合同网签备案，资金可以存入监管账户。",
            "When a second-hand home is sold, the buyer and seller or their agent register the contract online; "
            "the money can be held in a protected account.",
        ),
        (
            ["房屋已取得不动产权证书", "房屋未被查封、抵押已解除或经抵押权人同意"],
            [
                "the home has a real estate title certificate",
                "it is not frozen, and any mortgage is cleared or the lender agrees",
            ],
        ),
        [ID_CARD(name_zh="买卖双方身份证件", name_en="ID of the buyer and seller"), PROPERTY_CERT, SALE_CONTRACT],
        laws=["urban_real_estate"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home"],
        popularity=19000,
    ),
    service(
        "ZJ-0006",
        D,
        ("房屋租赁登记备案", "Registering a tenancy"),
        (
            "房屋出租后30日内办理租赁登记备案，备案证明可用于办理居住证、子女入学和公积金提取。",
            "Register a tenancy within 30 days. The certificate can be used for a residence permit, school "
            "places and housing fund withdrawals.",
        ),
        (["您与出租人签订了房屋租赁合同"], ["you have a tenancy agreement with the landlord"]),
        [ID_CARD, TENANCY, PROPERTY_CERT(name_zh="出租房屋权属证明", name_en="Proof of the landlord's ownership")],
        laws=["housing_leases"],
        legal=3,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=15000,
    ),
    service(
        "ZJ-0007",
        D,
        ("商品房预售许可", "Pre-sale permit for new housing"),
        (
            "房地产开发企业预售商品房前，申请商品房预售许可证。",
            "Property developers apply for a pre-sale permit before selling homes that are still being built.",
        ),
        (
            [
                "已交付全部土地使用权出让金并取得土地使用权证书",
                "已取得建设工程规划许可证和施工许可证",
                "投入开发建设的资金达到工程建设总投资的25%以上",
            ],
            [
                "the land premium is paid in full and the land use certificate issued",
                "the building works have planning and construction permits",
                "at least 25% of the total investment has been spent on construction",
            ],
        ),
        [
            LICENCE,
            APPLICATION,
            Material("工程施工进度证明", "Proof of construction progress"),
            Material("商品房预售方案", "Pre-sale plan"),
        ],
        laws=["urban_real_estate", "presale"],
        legal=10,
        promised=5,
        visits=0,
        audience=BUSINESSES,
        popularity=800,
    ),
    service(
        "ZJ-0008",
        D,
        ("建筑工程施工许可证核发", "Construction permit for building works"),
        (
            "工程投资额30万元以上或建筑面积300平方米以上的建筑工程开工前，建设单位申请施工许可证。",
            "Before starting building works costing 300,000 yuan or more, or with a floor area of 300 m² or "
            "more, the client applies for a construction permit.",
        ),
        (
            ["已取得建设工程规划许可证", "已确定施工企业并落实建设资金", "有保证工程质量和安全的具体措施"],
            [
                "planning permission for the works has been granted",
                "the contractor is chosen and the funds are in place",
                "there are concrete measures for quality and safety",
            ],
        ),
        [
            APPLICATION,
            Material("建设工程规划许可证", "Planning permit for the works", fetched=True),
            Material("施工合同", "Construction contract"),
        ],
        laws=["construction", "construction_permits"],
        legal=7,
        promised=3,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=2600,
    ),
    service(
        "ZJ-0009",
        D,
        ("城镇燃气经营许可", "Urban gas supply licence"),
        (
            "从事城镇燃气经营的企业，申请燃气经营许可证。",
            "Companies that supply gas in towns and cities apply for a gas supply licence.",
        ),
        (
            [
                "有符合规划的燃气气源和设施",
                "有固定的经营场所和完善的安全管理制度",
                "企业主要负责人和安全管理人员经培训考核合格",
            ],
            [
                "you have a gas source and facilities that fit the local plan",
                "you have fixed premises and sound safety rules",
                "your managers and safety staff have passed the required training",
            ],
        ),
        [LICENCE, APPLICATION, SAFETY_RULES, QUALIFICATION_CERTS],
        laws=["urban_gas"],
        legal=20,
        promised=10,
        visits=1,
        audience=BUSINESSES,
        popularity=150,
    ),
    service(
        "ZJ-0010",
        D,
        ("建筑施工企业安全生产许可证核发", "Work safety licence for construction companies"),
        (
            "建筑施工企业从事施工活动前，申请安全生产许可证。",
            "Construction companies apply for a work safety licence before they start work.",
        ),
        (
            ["建立健全安全生产责任制和规章制度", "主要负责人和安全生产管理人员经考核合格"],
            [
                "you have clear safety responsibilities and rules",
                "your managers and safety staff have passed the required assessment",
            ],
        ),
        [LICENCE, SAFETY_RULES, QUALIFICATION_CERTS],
        laws=["work_safety_licences"],
        legal=45,
        promised=20,
        visits=0,
        online=True,
        audience=BUSINESSES,
        handled_at="province",
        popularity=700,
    ),
]

CONSTRUCTOR_CERT = Material("二级建造师资格证书", "Grade 2 constructor qualification certificate")
CONSTRUCTOR_REGISTRATION = Material("二级建造师注册证书", "Grade 2 constructor registration certificate")
EMPLOYMENT_CONTRACT = Material("聘用劳动合同", "Employment contract")
CONSTRUCTOR_ACTIONS = [
    # Chinese, English, summary (zh, en), who can apply (zh, en), materials, legal, promised
    (
        "初始注册",
        "first registration",
        (
            "取得二级建造师资格的人员，受聘于建筑业企业后申请初始注册，注册后方可以二级建造师名义执业。",
            "Once you are qualified as a grade 2 constructor and employed by a construction company, register "
            "for the first time. Only registered constructors may practise under that title.",
        ),
        (
            ["您已取得二级建造师资格证书", "您受聘于一家具有建筑业资质的企业"],
            ["you hold a grade 2 constructor qualification", "you are employed by one qualified construction company"],
        ),
        [ID_CARD, CONSTRUCTOR_CERT, EMPLOYMENT_CONTRACT],
        20,
        10,
    ),
    (
        "变更注册",
        "change of registration",
        (
            "注册建造师变更聘用单位或注册信息变化的，申请变更注册。",
            "Registered constructors change their registration when they move to another employer or their "
            "registered details change.",
        ),
        (
            ["您已注册为二级建造师", "您变更了聘用单位或注册信息"],
            ["you are registered as a grade 2 constructor", "you have changed employer or your registered details"],
        ),
        [ID_CARD, CONSTRUCTOR_REGISTRATION, EMPLOYMENT_CONTRACT],
        20,
        5,
    ),
    (
        "延续注册",
        "renewal of registration",
        (
            "注册有效期为3年，有效期届满需要继续执业的，在届满30日前申请延续注册。",
            "A registration lasts 3 years. To keep practising, renew it at least 30 days before it expires.",
        ),
        (
            ["您的注册有效期即将届满", "您已完成规定的继续教育"],
            ["your registration is about to expire", "you have completed the required continuing education"],
        ),
        [ID_CARD, CONSTRUCTOR_REGISTRATION, Material("继续教育证明", "Proof of continuing education")],
        20,
        5,
    ),
    (
        "注销注册",
        "cancellation of registration",
        (
            "注册建造师不再执业、与聘用单位解除劳动关系或不再符合注册条件的，申请注销注册。",
            "Cancel a constructor's registration when you stop practising, leave your employer without a new "
            "one or no longer meet the conditions.",
        ),
        (
            ["您已注册为二级建造师", "您不再执业，或不再符合注册条件"],
            ["you are registered as a grade 2 constructor", "you have stopped practising or no longer qualify"],
        ),
        [ID_CARD, CONSTRUCTOR_REGISTRATION],
        20,
        3,
    ),
]


def _constructor_services():
    return [
        service(
            f"ZJ-{100 + offset:04d}",
            D,
            (f"二级建造师{action_zh}", f"Grade 2 constructor: {action_en}"),
            summary,
            who,
            materials,
            laws=["constructors"],
            legal=legal,
            promised=promised,
            visits=0,
            online=True,
            in_person=False,
            handled_at="province",
        )
        for offset, (action_zh, action_en, summary, who, materials, legal, promised) in enumerate(
            CONSTRUCTOR_ACTIONS, 1
        )
    ]


QUALIFICATION_ACTIONS = [
    ("new", "首次申请", "first application", "首次申请", "Apply for", 20, 15),
    ("renewal", "延续", "renewal", "有效期届满前申请延续", "Renew", 20, 10),
    ("change", "变更", "change of details", "名称、地址、法定代表人等变更的，申请变更", "Change the details on", 20, 5),
]


def _qualification_services():
    return [
        service(
            f"ZJ-{200 + offset:04d}",
            D,
            (f"建筑业企业资质（{action_zh}）", f"Construction company qualification: {action_en}"),
            (
                f"建筑施工企业{verb_zh}施工总承包或专业承包资质证书，按资质等级承揽工程。",
                f"{verb_en} the general or specialist contracting qualification that sets which works a "
                "construction company may take on.",
            ),
            (
                ["企业具有与资质等级相适应的净资产和技术负责人", "企业有相应的注册建造师和技术工人"],
                [
                    "the company has the net assets and technical director required for the grade",
                    "it has enough registered constructors and skilled workers",
                ],
            )
            if key == "new"
            else lifecycle_who(key, "建筑业企业资质证书", "construction company qualification certificate"),
            [LICENCE, APPLICATION, FINANCIAL_STATEMENTS, QUALIFICATION_CERTS]
            if offset == 1
            else [LICENCE, APPLICATION, PERMIT_ORIGINAL(name_zh="资质证书", name_en="Qualification certificate")],
            laws=["construction", "construction_qualifications"],
            legal=legal,
            promised=promised,
            visits=0,
            online=offset > 1,
            in_person=True,
            proxy=True,
            audience=BUSINESSES,
            handled_at="province",
        )
        for offset, (key, action_zh, action_en, verb_zh, verb_en, legal, promised) in enumerate(
            QUALIFICATION_ACTIONS, 1
        )
    ]


SERVICES = [*HOUSING_SERVICES, *_constructor_services(), *_qualification_services()]
