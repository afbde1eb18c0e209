"""市场监督管理: registering companies and individual businesses, food licences and special equipment."""

from ..materials import (
    APPLICATION,
    ARTICLES,
    FOOD_SAFETY_SYSTEM,
    HEALTH_CHECK,
    ID_CARD,
    LAYOUT_PLAN,
    LICENCE,
    LIQUIDATION_REPORT,
    LOSS_STATEMENT,
    MEMBER_LIST,
    PARENT_LICENCE,
    PARTNERSHIP_AGREEMENT,
    PERMIT_ORIGINAL,
    PREMISES,
    REGISTRATION_FORM,
    REPRESENTATIVE_ID,
    RESOLUTION,
    Material,
)
from ..spec import BOTH_AUDIENCES, BUSINESSES, FAQ, INDIVIDUALS, lifecycle_who, service

D = "market-regulation"
REGISTRATION_LAWS = ["market_entities"]

ONE_DAY_FAQ = FAQ(
    "多久能拿到营业执照？",
    "材料齐全、符合法定形式的，当场或1个工作日内办结，可同时领取电子营业执照。",
    "How soon will I get the licence?",
    "On the spot or within one working day if your documents are complete; you also get the "
    "electronic business licence.",
)
CHANGE_FAQ = FAQ(
    "变更后要换新执照吗？",
    "变更营业执照记载事项的，换发新执照，原执照交回；电子营业执照同步更新。",
    "Do I get a new licence after a change?",
    "Yes, if the change affects what is printed on the licence; you return the old one. The electronic "
    "licence is updated at the same time.",
)
CLOSE_FAQ = FAQ(
    "注销前要先办什么？",
    "先完成清算、结清税款并办理清税，再申请注销登记。“一网通办”平台可同步办理税务、社保等注销。",
    "What must I do before deregistering?",
    "Wind up the accounts and settle your taxes first. The one-stop platform then closes your tax, "
    "social insurance and other registrations at the same time.",
)

# key, Chinese, English, a short description (zh, en), audience, laws, base number,
# and the materials for establishing, changing and deregistering it
ENTITY_TYPES = [
    (
        "company",
        "企业",
        "company",
        ("有限责任公司等企业", "limited liability companies and other businesses"),
        BUSINESSES,
        ["company"],
        0,
        [
            REGISTRATION_FORM,
            ARTICLES,
            REPRESENTATIVE_ID,
            PREMISES,
            Material("股东主体资格证明", "Proof of identity of each shareholder"),
        ],
        [REGISTRATION_FORM, LICENCE, RESOLUTION, ARTICLES(notes=("涉及章程修改的提交", "If the articles change"))],
        [REGISTRATION_FORM, LICENCE, RESOLUTION, LIQUIDATION_REPORT],
    ),
    (
        "joint-stock",
        "股份有限公司",
        "company limited by shares",
        ("由发起人认购股份设立的公司", "companies whose capital is divided into shares taken up by their founders"),
        BUSINESSES,
        ["company"],
        10,
        [
            REGISTRATION_FORM,
            ARTICLES,
            Material("发起人主体资格证明", "Proof of identity of the founders"),
            Material("创立大会会议记录", "Minutes of the founding meeting"),
            REPRESENTATIVE_ID,
            PREMISES,
        ],
        [REGISTRATION_FORM, LICENCE, Material("股东会决议", "Shareholders' meeting resolution")],
        [REGISTRATION_FORM, LICENCE, Material("股东会决议", "Shareholders' meeting resolution"), LIQUIDATION_REPORT],
    ),
    (
        "sole-proprietorship",
        "个人独资企业",
        "sole proprietorship enterprise",
        (
            "一个自然人投资、投资人对企业债务承担无限责任的企业",
            "businesses owned by one person who is personally liable for their debts",
        ),
        BUSINESSES,
        ["sole_proprietorship"],
        20,
        [REGISTRATION_FORM, ID_CARD(name_zh="投资人身份证件", name_en="The investor's ID"), PREMISES],
        [REGISTRATION_FORM, LICENCE, ID_CARD(name_zh="投资人身份证件", name_en="The investor's ID")],
        [REGISTRATION_FORM, LICENCE, LIQUIDATION_REPORT],
    ),
    (
        "partnership",
        "合伙企业",
        "partnership enterprise",
        (
            "由两个以上合伙人订立合伙协议设立的企业",
            "businesses formed by two or more partners under a partnership agreement",
        ),
        BUSINESSES,
        ["partnership"],
        30,
        [
            REGISTRATION_FORM,
            PARTNERSHIP_AGREEMENT,
            Material("全体合伙人身份证明", "Proof of identity of all partners"),
            PREMISES,
        ],
        [REGISTRATION_FORM, LICENCE, Material("全体合伙人签署的变更决定书", "Change decision signed by all partners")],
        [REGISTRATION_FORM, LICENCE, Material("清算报告", "Liquidation report")],
    ),
    (
        "foreign-invested",
        "外商投资企业",
        "foreign-invested enterprise",
        ("外国投资者在中国境内投资设立的企业", "businesses set up in China by foreign investors"),
        BUSINESSES,
        ["foreign_investment", "company"],
        40,
        [
            REGISTRATION_FORM,
            ARTICLES,
            Material(
                "外国投资者主体资格证明（经公证认证）",
                "Proof of the foreign investor's legal status, notarised and legalised",
            ),
            REPRESENTATIVE_ID,
            PREMISES,
        ],
        [REGISTRATION_FORM, LICENCE, RESOLUTION],
        [REGISTRATION_FORM, LICENCE, RESOLUTION, LIQUIDATION_REPORT],
    ),
    (
        "branch",
        "分公司",
        "branch office",
        ("公司在住所以外设立的从事经营活动的分支机构", "offices that a company opens away from its registered address"),
        BUSINESSES,
        ["company"],
        50,
        [
            REGISTRATION_FORM,
            PARENT_LICENCE,
            Material("公司章程或决议", "The company's articles or resolution"),
            Material("分公司负责人任职文件", "Appointment of the branch manager"),
            PREMISES,
        ],
        [REGISTRATION_FORM, LICENCE, PARENT_LICENCE],
        [REGISTRATION_FORM, LICENCE, Material("隶属公司出具的注销决定", "The company's decision to close the branch")],
    ),
    (
        "cooperative",
        "农民专业合作社",
        "farmers' specialised cooperative",
        (
            "农民自愿联合、民主管理的互助性经济组织",
            "mutual organisations that farmers join voluntarily and run democratically",
        ),
        BUSINESSES,
        ["cooperatives"],
        60,
        [
            REGISTRATION_FORM,
            Material("合作社章程", "Cooperative articles"),
            MEMBER_LIST,
            Material("设立大会纪要", "Minutes of the founding meeting"),
            PREMISES,
        ],
        [REGISTRATION_FORM, LICENCE, Material("成员大会决议", "Members' meeting resolution")],
        [REGISTRATION_FORM, LICENCE, Material("成员大会决议", "Members' meeting resolution"), LIQUIDATION_REPORT],
    ),
    (
        "individual",
        "个体工商户",
        "individual business",
        ("个人或家庭从事工商业经营的个体户", "people or families who run a business in their own name"),
        BOTH_AUDIENCES,
        ["individual_business"],
        70,
        [REGISTRATION_FORM, ID_CARD(name_zh="经营者身份证", name_en="The owner's ID card"), PREMISES],
        [REGISTRATION_FORM, LICENCE],
        [REGISTRATION_FORM, LICENCE],
    ),
]

ACTIONS = [
    # Chinese, English title pattern, summary patterns (zh, en), legal, promised
    (
        "设立登记",
        "Registering a new {x}",
        "开办{desc_zh}，申请设立登记并领取营业执照。全程网办，可同时完成公章刻制、税务和社保登记。",
        "Register a new {x} and get its business licence. It can all be done online, together with the "
        "official seal, tax and social insurance registration.",
        3,
        1,
    ),
    (
        "变更登记",
        "Registering changes to {a_x}",
        "{desc_zh}的名称、住所、经营范围、负责人、出资等登记事项变化的，申请变更登记。",
        "Register changes to the name, address, business scope, person in charge, capital or other "
        "registered details of {a_x}.",
        3,
        1,
    ),
    (
        "注销登记",
        "Deregistering {a_x}",
        "{desc_zh}终止经营、完成清算后，申请注销登记，交回营业执照。",
        "Close {a_x} once it has stopped trading and its accounts are wound up, and hand back the business licence.",
        3,
        1,
    ),
]
ENTITY_WHO = {
    "设立登记": (
        ["您的名称、住所、经营范围等符合规定", "您已准备好章程或协议等设立文件"],
        [
            "the name, address and business scope meet the rules",
            "you have the founding documents, such as articles or an agreement",
        ],
    ),
    "变更登记": (
        ["您的营业执照记载事项或备案事项发生变化"],
        ["something on the business licence, or a filed detail, has changed"],
    ),
    "注销登记": (
        ["您已停止经营并依法完成清算", "您已结清税款和社会保险费"],
        [
            "you have stopped trading and wound up the accounts",
            "you have paid all tax and social insurance contributions",
        ],
    ),
}
# The general company registrations have fixed titles that the portal's search uses.
COMPANY_TITLES = {
    "设立登记": ("企业营业执照设立登记", "Company business licence: registering a new company"),
    "变更登记": ("企业营业执照变更登记", "Company business licence: registering changes"),
    "注销登记": ("企业营业执照注销登记", "Company business licence: deregistering a company"),
}


# Registered at the counter: foreign investors' documents and cooperatives' members are checked in person.
IN_PERSON_ENTITIES = {"foreign-invested", "cooperative"}


def with_article(noun):
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _registration_services():
    services = []
    for key, name_zh, name_en, (desc_zh, desc_en), audience, laws, base, *materials in ENTITY_TYPES:
        for offset, (action_zh, title_en, summary_zh, summary_en, legal, promised) in enumerate(ACTIONS, 1):
            if key == "company":
                title = COMPANY_TITLES[action_zh]
            else:
                title = (f"{name_zh}{action_zh}", title_en.format(x=name_en, a_x=with_article(name_en)))
            summary_zh_text = summary_zh.format(desc_zh=desc_zh if action_zh == "设立登记" else name_zh)
            summary_en_text = summary_en.format(x=name_en, a_x=with_article(name_en))
            if action_zh == "设立登记":
                summary_en_text += f" For {desc_en}."
            is_change = action_zh == "变更登记"
            services.append(
                service(
                    f"SJ-{base + offset:04d}",
                    D,
                    title,
                    (summary_zh_text, summary_en_text),
                    ENTITY_WHO[action_zh],
                    materials[offset - 1],
                    laws=[*REGISTRATION_LAWS, *laws],
                    legal=legal,
                    promised=promised,
                    visits=0,
                    online=key not in IN_PERSON_ENTITIES,
                    proxy=True,
                    audience=audience,
                    flow="business-licence-change" if key == "company" and is_change else None,
                    events=["starting-a-business"] if action_zh == "设立登记" else [],
                    faqs=[{"设立登记": ONE_DAY_FAQ, "变更登记": CHANGE_FAQ, "注销登记": CLOSE_FAQ}[action_zh]],
                    popularity={
                        ("company", "设立登记"): 48000,
                        ("company", "变更登记"): 41000,
                        ("company", "注销登记"): 16000,
                        ("individual", "设立登记"): 44000,
                        ("individual", "变更登记"): 15000,
                        ("individual", "注销登记"): 12000,
                    }.get((key, action_zh)),
                )
            )
    return services


OTHER_REGISTRATIONS = [
    service(
        "SJ-0101",
        D,
        ("企业简易注销登记", "Simplified deregistration of a company"),
        (
            "未发生债权债务或已清偿完毕的企业，公示20天无异议后，可以简易程序注销，不需要提交清算报告。",
            "A company with no debts, or whose debts are paid, can close by the simplified procedure after a "
            "20-day public notice, without a liquidation report.",
        ),
        (
            ["企业未发生或已结清债权债务", "全体投资人书面承诺对上述情况的真实性承担法律责任"],
            [
                "the company has no debts or has paid them",
                "all investors sign a statement that this is true and accept legal responsibility for it",
            ],
        ),
        [REGISTRATION_FORM, Material("全体投资人承诺书", "Declaration signed by all investors")],
        laws=["market_entities"],
        legal=3,
        promised=1,
        visits=0,
        online=True,
        proxy=True,
        audience=BUSINESSES,
        popularity=9900,
        faqs=[CLOSE_FAQ],
    ),
    service(
        "SJ-0102",
        D,
        ("营业执照遗失补领", "Replacing a lost business licence"),
        (
            "营业执照遗失或损坏的，在国家企业信用信息公示系统声明作废后申请补领。",
            "If a business licence is lost or damaged, declare it void on the national enterprise credit "
            "information system and then apply for a replacement.",
        ),
        (["营业执照遗失或损坏"], ["the business licence is lost or damaged"]),
        [REGISTRATION_FORM, LOSS_STATEMENT],
        laws=["market_entities"],
        legal=3,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        audience=BOTH_AUDIENCES,
        popularity=5100,
    ),
    service(
        "SJ-0103",
        D,
        ("企业年度报告公示", "Filing the annual report"),
        (
            "企业和个体工商户每年1月1日至6月30日报送上一年度年度报告，并向社会公示。",
            "Companies and individual businesses file their report for the previous year between 1 January and "
            "30 June, and it is made public.",
        ),
        (
            ["您是在本省登记的企业、农民专业合作社或个体工商户"],
            ["you are a company, a farmers' cooperative or an individual business registered in Shandong"],
        ),
        [Material("年度报告信息", "Annual report details", "electronic")],
        laws=["enterprise_disclosure"],
        legal=0,
        promised=0,
        visits=0,
        online=True,
        in_person=False,
        audience=BUSINESSES,
        popularity=39000,
        faqs=[
            FAQ(
                "不报年报有什么后果？",
                "逾期未报送的，会被列入经营异常名录；补报后可申请移出。",
                "What happens if we do not file?",
                "The business is put on the list of abnormal operations; once you file, you can ask to be removed.",
            )
        ],
    ),
    service(
        "SJ-0104",
        D,
        ("市场主体歇业备案", "Filing a temporary suspension of business"),
        (
            "因自然灾害、公共卫生事件或经营困难暂停经营的，可以办理歇业备案，歇业期间保留主体资格，最长3年。",
            "A business that stops trading for a while because of a disaster, a public health emergency or "
            "hard times can file a suspension and keep its registration for up to 3 years.",
        ),
        (
            ["因自然灾害、事故灾难、公共卫生事件或经营困难等原因暂停经营"],
            ["you have stopped trading because of a disaster, an accident, a public health emergency or hard times"],
        ),
        [REGISTRATION_FORM, LICENCE],
        laws=["market_entities"],
        legal=3,
        promised=0,
        visits=0,
        online=True,
        audience=BOTH_AUDIENCES,
        popularity=1200,
    ),
    service(
        "SJ-0105",
        D,
        ("个体工商户转型为企业", "Turning an individual business into a company"),
        (
            "个体工商户可以直接变更登记为企业，保留原名称字号、成立日期和相关许可。",
            "An individual business can be re-registered as a company and keep its trade name, its date of "
            "establishment and its permits.",
        ),
        (
            ["您是正常经营的个体工商户", "您拟转型的企业符合设立条件"],
            ["you run an individual business that is trading", "the new company meets the conditions for setting up"],
        ),
        [REGISTRATION_FORM, LICENCE, ARTICLES],
        laws=["market_entities", "individual_business"],
        legal=3,
        promised=1,
        visits=0,
        online=True,
        proxy=True,
        audience=INDIVIDUALS,
        events=["starting-a-business"],
        popularity=2200,
    ),
    service(
        "SJ-0106",
        D,
        ("企业名称自主申报", "Choosing and reserving a company name"),
        (
            "开办企业前，在网上自主选择企业名称，系统自动比对，符合规定的即时通过。",
            "Before registering a company, choose its name online. The system checks it against existing "
            "names and accepts it at once if it meets the rules.",
        ),
        (["拟设立企业或拟变更企业名称"], ["you are about to set up a company or change its name"]),
        [Material("名称自主申报承诺书", "Name declaration", "electronic")],
        laws=["market_entities"],
        legal=0,
        promised=0,
        visits=0,
        online=True,
        in_person=False,
        audience=BOTH_AUDIENCES,
        events=["starting-a-business"],
        popularity=21000,
    ),
]

PLEDGE_SERVICES = [
    service(
        f"SJ-{110 + offset:04d}",
        D,
        (f"股权出质{action_zh}登记", f"Equity pledge: {action_en}"),
        (
            f"以持有的有限责任公司或股份有限公司股权出质的，由出质人和质权人共同申请{summary_zh}。",
            f"When shares in a company are pledged as security, the pledgor and the pledgee apply together "
            f"{summary_en}.",
        ),
        (
            ["出质股权依法可以转让", "出质人和质权人已签订质押合同"],
            ["the pledged shares may lawfully be transferred", "the pledgor and pledgee have signed a pledge contract"],
        ),
        [
            REGISTRATION_FORM,
            Material("质押合同", "Pledge contract"),
            ID_CARD(name_zh="双方主体资格证明", name_en="Proof of identity of both parties"),
        ],
        laws=["equity_pledge", "civil_code"],
        legal=3,
        promised=0,
        visits=1,
        proxy=True,
        audience=BOTH_AUDIENCES,
        handled_at="province",
    )
    for offset, (action_zh, action_en, summary_zh, summary_en) in enumerate(
        [
            ("设立", "registration", "股权出质设立登记", "to register the pledge"),
            ("变更", "change of registration", "变更登记", "to register changes to it"),
            ("注销", "cancellation", "注销登记", "to cancel it once the debt is repaid"),
        ],
        1,
    )
]

FOOD_PERMIT_ACTIONS = [
    ("new", "新办", "new licence", "取得", "Apply for", 10, 5),
    ("change", "变更", "change of details", "变更", "Change the details on", 10, 3),
    ("renewal", "延续", "renewal", "在有效期届满前延续", "Renew", 10, 3),
    ("cancellation", "注销", "cancellation", "注销", "Cancel", 10, 1),
]
FOOD_REPLACEMENT = ("replacement", "补办", "replacement", "补办遗失或损坏的", "Replace a lost or damaged", 10, 1)


def _food_services():
    services = []
    for offset, (key, action_zh, action_en, verb_zh, verb_en, legal, promised) in enumerate(
        [*FOOD_PERMIT_ACTIONS, FOOD_REPLACEMENT], 1
    ):
        services.append(
            service(
                f"SJ-{200 + offset:04d}",
                D,
                (f"食品经营许可（{action_zh}）", f"Food business licence: {action_en}"),
                (
                    f"开办餐馆、食品店、单位食堂等从事食品销售和餐饮服务的，须{verb_zh}食品经营许可证。",
                    f"{verb_en} the food business licence that restaurants, food shops, canteens and other food "
                    "sellers need.",
                ),
                (
                    ["有与经营的食品品种、数量相适应的经营场所和设备", "有食品安全管理人员和保证食品安全的规章制度"],
                    [
                        "you have premises and equipment suited to the kinds and amounts of food you sell",
                        "you have a food safety manager and food safety rules",
                    ],
                )
                if key == "new"
                else lifecycle_who(key, "食品经营许可证", "food business licence"),
                [LICENCE, APPLICATION, LAYOUT_PLAN, FOOD_SAFETY_SYSTEM]
                if offset == 1
                else [LICENCE, APPLICATION, PERMIT_ORIGINAL],
                laws=["food_safety", "food_business"],
                legal=legal,
                promised=promised,
                visits=0,
                online=offset > 1,
                proxy=True,
                audience=BOTH_AUDIENCES,
                events=["starting-a-business"] if offset == 1 else [],
                popularity=14000 if offset == 1 else None,
            )
        )
    for offset, (key, action_zh, action_en, verb_zh, verb_en, _legal, promised) in enumerate(FOOD_PERMIT_ACTIONS, 1):
        services.append(
            service(
                f"SJ-{210 + offset:04d}",
                D,
                (f"食品生产许可（{action_zh}）", f"Food production licence: {action_en}"),
                (
                    f"生产加工食品和食品添加剂的企业，须{verb_zh}食品生产许可证。",
                    f"{verb_en} the food production licence that businesses making food or food additives need.",
                ),
                (
                    ["有与生产的食品品种相适应的生产场所、设备和工艺流程", "有专职或兼职的食品安全专业技术人员"],
                    [
                        "you have premises, equipment and processes suited to the food you make",
                        "you have staff trained in food safety",
                    ],
                )
                if key == "new"
                else lifecycle_who(key, "食品生产许可证", "food production licence"),
                [LICENCE, APPLICATION, LAYOUT_PLAN, FOOD_SAFETY_SYSTEM]
                if offset == 1
                else [LICENCE, APPLICATION, PERMIT_ORIGINAL],
                laws=["food_safety", "food_production"],
                legal=20,
                promised=promised + 5,
                visits=1,
                proxy=True,
                audience=BUSINESSES,
            )
        )
    services.append(
        service(
            "SJ-0221",
            D,
            ("食品小作坊登记", "Registering a small food workshop"),
            (
                "从业人员少、生产条件简单的食品小作坊，向县级市场监管部门申请登记，领取登记证。",
                "Small food workshops with few staff and simple production register with the county market "
                "regulation office and receive a registration certificate.",
            ),
            (
                ["有固定的生产加工场所", "从业人员取得健康证明"],
                ["you have fixed premises for production", "your staff have health certificates"],
            ),
            [ID_CARD, PREMISES, HEALTH_CHECK(name_zh="从业人员健康证明", name_en="Staff health certificates")],
            laws=["food_safety"],
            legal=15,
            promised=5,
            visits=1,
            audience=INDIVIDUALS,
            regions=["370300", "370700", "370800", "371300", "371400", "371500", "371700"],
        )
    )
    return services


EQUIPMENT_SERVICES = [
    service(
        "SJ-0301",
        D,
        ("特种设备使用登记", "Registering special equipment for use"),
        (
            "电梯、锅炉、压力容器、起重机械等特种设备投入使用前或投入使用后30日内，办理使用登记。",
            "Register lifts, boilers, pressure vessels, cranes and other special equipment before use or within "
            "30 days of starting to use it.",
        ),
        (
            ["特种设备已安装验收合格", "使用单位有相应的安全管理人员"],
            ["the equipment has been installed and passed inspection", "you have the required safety staff"],
        ),
        [
            LICENCE,
            Material("特种设备产品合格证", "Certificate of conformity of the equipment"),
            Material("监督检验证明", "Supervisory inspection certificate"),
        ],
        laws=["special_equipment"],
        legal=15,
        promised=5,
        visits=0,
        proxy=True,
        audience=BUSINESSES,
        popularity=2700,
    ),
    service(
        "SJ-0302",
        D,
        ("特种设备使用登记变更", "Changing the registration of special equipment"),
        (
            "特种设备改造、移装、变更使用单位或停用、报废的，办理变更登记。",
            "Update the registration when special "
            "equipment is modified, moved, passed to another user, taken out of use or scrapped.",
        ),
        (["特种设备使用登记事项发生变化"], ["the registered details of the equipment have changed"]),
        [LICENCE, Material("特种设备使用登记证", "Special equipment registration certificate")],
        laws=["special_equipment"],
        legal=15,
        promised=5,
        visits=0,
        proxy=True,
        audience=BUSINESSES,
        popularity=900,
    ),
]

SERVICES = [*_registration_services(), *OTHER_REGISTRATIONS, *PLEDGE_SERVICES, *_food_services(), *EQUIPMENT_SERVICES]
