"""民政: marriage, social assistance, care for older people, children, funerals and social organisations."""

from ..materials import (
    APPLICATION,
    BANK_CARD,
    COPY,
    DEATH_CERT,
    DISABILITY_CERT,
    HUKOU,
    ID_CARD,
    INCOME_DECLARATION,
    LOSS_STATEMENT,
    MARRIAGE_CERT,
    MARRIAGE_DECLARATION,
    PHOTO,
    PREMISES,
    Material,
)
from ..spec import BUSINESSES, FAQ, service

D = "civil-affairs"

JOINT_PHOTO = PHOTO(
    name_zh="双方近期半身免冠合影照片",
    name_en="Recent head-and-shoulders photo of the two of you",
    quantity=3,
    notes=("2寸红底，登记处可拍摄", "2-inch, red background; can be taken at the registry"),
)
COUPLE_ID = ID_CARD(name_zh="双方居民身份证", name_en="Both partners' resident ID cards")
COUPLE_HUKOU = HUKOU(
    name_zh="双方居民户口簿",
    name_en="Both partners' household register booklets",
    notes=(
        "全国婚姻登记“跨省通办”的，可凭居住证办理",
        "Under the nationwide scheme you may use a residence permit instead",
    ),
)
SENIOR_FAQ = FAQ(
    "补贴怎么发放？",
    "审核通过后按月打入老人本人的社会保障卡或银行账户，从批准的次月开始发放。",
    "How is it paid?",
    "Once approved, it is paid monthly into the older person's social security card or bank "
    "account, starting the month after approval.",
)
ASSISTANCE_FAQ = FAQ(
    "不会填表怎么办？",
    "可以到村（社区）或镇街便民服务中心，工作人员帮您填写并代为提交。",
    "What if I find the form difficult?",
    "Go to your village or community office or the township service centre; staff will fill it "
    "in with you and submit it for you.",
)

MARRIAGE_SERVICES = [
    service(
        "MZ-0001",
        D,
        ("结婚登记", "Marriage registration"),
        (
            "要结婚的男女双方一起到婚姻登记处申请结婚登记，符合条件的当场发给结婚证。可网上预约登记时间。",
            "A couple who want to marry go together to a marriage registry and apply. If you meet the "
            "conditions, you get your marriage certificates on the spot. You can book a time online.",
        ),
        (
            ["男方年满22周岁、女方年满20周岁", "双方自愿结婚，均无配偶", "双方没有直系血亲和三代以内旁系血亲关系"],
            [
                "the man is 22 or over and the woman is 20 or over",
                "you both want to marry and neither of you is married",
                "you are not closely related by blood",
            ],
        ),
        [COUPLE_ID, COUPLE_HUKOU, JOINT_PHOTO, MARRIAGE_DECLARATION],
        laws=["civil_code", "marriage_registration"],
        legal=0,
        promised=0,
        visits=1,
        online=False,
        events=["getting-married"],
        popularity=54000,
        faqs=[
            FAQ(
                "可以只去一个人吗？",
                "不可以，结婚登记必须双方亲自到场。",
                "Can one of us go alone?",
                "No. You must both attend in person.",
            ),
            FAQ(
                "登记要收费吗？",
                "结婚登记不收费，结婚证免费发放。",
                "Is there a fee?",
                "No. Registration and certificates are free.",
            ),
        ],
    ),
    service(
        "MZ-0002",
        D,
        ("离婚登记", "Divorce registration"),
        (
            "自愿离婚并对子女抚养、财产分割达成一致的夫妻，共同申请离婚登记。申请后有30日离婚冷静期。",
            "A married couple who both want to divorce and have agreed on childcare and property apply "
            "together. There is a 30-day cooling-off period after you apply.",
        ),
        (
            ["双方自愿离婚", "双方已就子女抚养、财产及债务处理达成一致", "结婚登记在内地办理"],
            [
                "you both want to divorce",
                "you have agreed on the children, property and debts",
                "your marriage was registered in mainland China",
            ],
        ),
        [
            COUPLE_ID,
            COUPLE_HUKOU,
            MARRIAGE_CERT(name_zh="双方结婚证", name_en="Both marriage certificates"),
            Material("离婚协议书", "Divorce agreement", quantity=3),
        ],
        laws=["civil_code", "marriage_registration"],
        legal=30,
        promised=30,
        visits=2,
        popularity=21000,
        faqs=[
            FAQ(
                "冷静期是什么？",
                "提交申请之日起30日内，任何一方不愿离婚的可以撤回申请；期满后30日内双方再到场领取离婚证。",
                "What is the cooling-off period?",
                "For 30 days after you apply, either of you can withdraw. Within the following 30 days you "
                "both return to collect your divorce certificates.",
            )
        ],
    ),
    service(
        "MZ-0003",
        D,
        ("补领结婚证", "Replacing a marriage certificate"),
        (
            "结婚证丢失或损毁的，当事人申请补领。可以在任一婚姻登记处办理，无需双方同时到场。",
            "Replace a lost or damaged marriage certificate. You can apply at any registry and need not go together.",
        ),
        (
            ["您已依法办理结婚登记", "您的结婚证丢失或损毁"],
            ["your marriage was lawfully registered", "your certificate has been lost or damaged"],
        ),
        [ID_CARD, HUKOU, PHOTO(quantity=2, notes=("双方合影", "A photo of the two of you")), LOSS_STATEMENT],
        laws=["marriage_registration"],
        legal=0,
        promised=0,
        visits=1,
        popularity=5600,
    ),
    service(
        "MZ-0004",
        D,
        ("补领离婚证", "Replacing a divorce certificate"),
        ("离婚证丢失或损毁的，当事人申请补领。", "Replace a lost or damaged divorce certificate."),
        (
            ["您已依法办理离婚登记", "您的离婚证丢失或损毁"],
            ["your divorce was lawfully registered", "your certificate has been lost or damaged"],
        ),
        [ID_CARD, HUKOU, PHOTO(quantity=2), LOSS_STATEMENT],
        laws=["marriage_registration"],
        legal=0,
        promised=0,
        visits=1,
        popularity=1300,
    ),
    service(
        "MZ-0005",
        D,
        ("内地居民与外国人结婚登记", "Marriage registration with a foreign national"),
        (
            "内地居民与外国人在内地结婚的，双方共同到省民政厅指定的涉外婚姻登记机关办理。",
            "A mainland resident marrying a foreign national in mainland China registers with the foreign "
            "marriage registry designated by the province.",
        ),
        (
            ["一方为内地居民，另一方为外国人", "双方符合法定结婚条件"],
            [
                "one of you is a mainland resident and the other a foreign national",
                "you both meet the legal conditions for marriage",
            ],
        ),
        [
            ID_CARD,
            HUKOU,
            Material("外方护照或国际旅行证件", "The foreign partner's passport"),
            Material("外方无配偶证明（经认证）", "Certificate that the foreign partner is unmarried, legalised"),
            JOINT_PHOTO,
        ],
        laws=["civil_code", "marriage_registration"],
        legal=0,
        promised=0,
        visits=1,
        handled_at="province",
        popularity=600,
    ),
    service(
        "MZ-0006",
        D,
        ("收养登记", "Adoption registration"),
        (
            "符合条件的收养人收养子女，与送养人共同到民政部门办理收养登记，登记之日起收养关系成立。",
            "Adopters register an adoption together with the person placing the child. The adoption takes effect "
            "on the day it is registered.",
        ),
        (
            ["收养人无子女或只有一名子女", "收养人有抚养、教育和保护被收养人的能力", "收养人年满30周岁"],
            [
                "you have no children or only one child",
                "you are able to raise, educate and protect the child",
                "you are 30 or over",
            ],
        ),
        [
            ID_CARD,
            HUKOU,
            Material("收养申请书", "Adoption application"),
            Material("收养评估报告", "Adoption assessment report"),
            PHOTO(quantity=2),
        ],
        laws=["civil_code", "adoption_registration"],
        legal=30,
        promised=30,
        visits=2,
        popularity=300,
    ),
]

SENIOR_SERVICES = [
    service(
        "MZ-0101",
        D,
        ("高龄津贴申请", "Old-age allowance for people aged 80 and over"),
        (
            "年满80周岁的本省户籍老年人，可以申领高龄津贴，按月发放到本人账户。子女可以在网上代为申请。",
            "People aged 80 or over with household registration in Shandong can claim an old-age allowance, "
            "paid monthly into their own account. Their children can apply online for them.",
        ),
        (
            ["老人具有本省户籍", "老人已年满80周岁"],
            ["the older person has household registration in Shandong", "they are 80 or over"],
        ),
        [ID_CARD(name_zh="老人居民身份证", name_en="The older person's resident ID card"), BANK_CARD],
        laws=["older_people"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        flow="elderly-care-subsidy",
        events=["older-people"],
        popularity=51000,
        faqs=[
            SENIOR_FAQ,
            FAQ(
                "每月有多少钱？",
                "按年龄段分档发放，具体标准由各市确定，年龄越大标准越高；百岁老人另有长寿补贴。",
                "How much is it?",
                "It rises with age in bands set by each city; people aged 100 or over also get a longevity allowance.",
            ),
        ],
    ),
    service(
        "MZ-0102",
        D,
        ("经济困难老年人养老服务补贴申请", "Elderly care subsidy for older people on low incomes"),
        (
            "经济困难的失能、半失能老年人，可以申请养老服务补贴，用于购买居家上门照护、助餐等养老服务。",
            "Older people on low incomes who need help with daily living can get an elderly care subsidy to pay "
            "for home care, meals and other care services.",
        ),
        (
            ["老人年满60周岁，具有本省户籍", "老人为低保、特困或低收入家庭成员", "老人经评估为失能或半失能"],
            [
                "the older person is 60 or over with household registration in Shandong",
                "they receive minimum living allowance or support for extreme poverty, or have a low income",
                "an assessment shows they need help with daily living",
            ],
        ),
        [
            ID_CARD(name_zh="老人居民身份证", name_en="The older person's resident ID card"),
            INCOME_DECLARATION,
            Material(
                "老年人能力评估报告",
                "Assessment of the older person's abilities",
                notes_zh="可申请上门评估",
                notes_en="A home assessment can be arranged",
            ),
        ],
        laws=["older_people", "social_assistance"],
        legal=30,
        promised=15,
        visits=0,
        online=True,
        proxy=True,
        flow="elderly-care-subsidy",
        events=["older-people"],
        popularity=23000,
        faqs=[SENIOR_FAQ],
    ),
    service(
        "MZ-0103",
        D,
        ("老年人优待证办理", "Senior citizen's preferential card"),
        (
            "年满60周岁的老年人办理优待证，凭证在公园、景区、博物馆等享受免费或优惠。",
            "People aged 60 or over can get a preferential card giving free or reduced entry to parks, sights "
            "and museums.",
        ),
        (
            ["您年满60周岁", "您具有本省户籍或居住证"],
            ["you are 60 or over", "you have household registration or a residence permit in Shandong"],
        ),
        [ID_CARD, PHOTO(notes=("可现场拍摄或在网上上传", "Taken at the counter or uploaded online"))],
        laws=["older_people"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["older-people"],
        popularity=28000,
    ),
    service(
        "MZ-0104",
        D,
        ("养老机构备案", "Registering an elderly care home"),
        (
            "设立养老机构的，在登记后向县级民政部门办理备案，承诺符合消防、卫生等要求。",
            "After registering, a new elderly care home files with the county civil affairs office and "
            "declares that it meets fire, hygiene and other standards.",
        ),
        (
            ["养老机构已依法登记", "具备与服务规模相适应的场所、设施和人员"],
            [
                "the care home is lawfully registered",
                "it has premises, facilities and staff for the number of residents",
            ],
        ),
        [
            Material("登记证书或营业执照", "Registration certificate or business licence", fetched=True),
            PREMISES,
            Material("备案承诺书", "Signed declaration of compliance"),
        ],
        laws=["older_people", "care_homes"],
        legal=5,
        promised=0,
        visits=0,
        audience=BUSINESSES,
        events=["older-people"],
        popularity=500,
    ),
]

ASSISTANCE_SERVICES = [
    service(
        "MZ-0201",
        D,
        ("最低生活保障申请", "Minimum living allowance"),
        (
            "家庭人均收入低于当地低保标准、财产符合规定的，申请最低生活保障，按月领取低保金。",
            "If your household's income per person is below the local minimum and your assets are within the "
            "limits, apply for the minimum living allowance, paid monthly.",
        ),
        (
            ["共同生活的家庭成员人均收入低于当地低保标准", "家庭财产状况符合当地规定"],
            [
                "the income per person of your household is below the local minimum",
                "your household's assets are within the local limits",
            ],
        ),
        [ID_CARD, HUKOU, INCOME_DECLARATION, BANK_CARD],
        laws=["social_assistance", "minimum_living"],
        legal=30,
        promised=20,
        visits=0,
        online=True,
        proxy=True,
        events=["disability-services"],
        popularity=17000,
        faqs=[ASSISTANCE_FAQ],
    ),
    service(
        "MZ-0202",
        D,
        ("特困人员救助供养申请", "Support for people in extreme poverty"),
        (
            "无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人，申请特困人员救助供养。",
            "Older people, disabled people and children who cannot work, have no income and no relative "
            "obliged to support them can apply for support.",
        ),
        (
            ["无劳动能力", "无生活来源", "无法定赡养、抚养、扶养义务人或其无履行能力"],
            ["you cannot work", "you have no income", "you have no relative obliged to support you, or they cannot"],
        ),
        [ID_CARD, HUKOU, INCOME_DECLARATION],
        laws=["social_assistance"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        events=["older-people", "disability-services"],
        popularity=4200,
        faqs=[ASSISTANCE_FAQ],
    ),
    service(
        "MZ-0203",
        D,
        ("临时救助申请", "Emergency assistance"),
        (
            "因火灾、交通事故、突发重病等原因导致基本生活暂时出现严重困难的家庭或个人，申请临时救助。",
            "Households or people facing sudden hardship after a fire, a road accident, a serious illness or "
            "a similar emergency can apply for emergency assistance.",
        ),
        (
            ["因意外事件、突发重大疾病等导致基本生活陷入困境"],
            ["an emergency has left you unable to meet basic living needs"],
        ),
        [ID_CARD, Material("困难情况说明及相关证明", "Statement of your situation and any evidence")],
        laws=["social_assistance"],
        legal=15,
        promised=5,
        visits=0,
        proxy=True,
        popularity=6900,
        faqs=[ASSISTANCE_FAQ],
    ),
    service(
        "MZ-0204",
        D,
        ("困难残疾人生活补贴", "Living allowance for disabled people on low incomes"),
        (
            "低保家庭中的残疾人和低收入家庭中的重度残疾人，申领困难残疾人生活补贴。",
            "Disabled people in households on minimum living allowance, and severely disabled people in "
            "low-income households, can claim a living allowance.",
        ),
        (
            ["您持有第二代或第三代残疾人证", "您是低保家庭成员，或低收入家庭中的重度残疾人"],
            [
                "you hold a second- or third-generation disability certificate",
                "you are in a household on minimum living allowance, or severely disabled in a low-income household",
            ],
        ),
        [ID_CARD, DISABILITY_CERT, BANK_CARD],
        laws=["disability", "social_assistance"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        events=["disability-services"],
        popularity=12000,
    ),
    service(
        "MZ-0205",
        D,
        ("重度残疾人护理补贴", "Care allowance for severely disabled people"),
        (
            "残疾等级为一级、二级且需要长期照护的重度残疾人，申领护理补贴。",
            "Severely disabled people (grade 1 or 2) who need long-term care can claim a care allowance.",
        ),
        (
            ["您持有残疾人证，残疾等级为一级或二级", "您需要长期照护"],
            ["you hold a disability certificate at grade 1 or 2", "you need long-term care"],
        ),
        [ID_CARD, DISABILITY_CERT, BANK_CARD],
        laws=["disability"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        events=["disability-services"],
        popularity=11000,
    ),
    service(
        "MZ-0206",
        D,
        ("孤儿基本生活费申领", "Basic living allowance for orphans"),
        (
            "失去父母或查找不到生父母的未满18周岁儿童，由监护人申领孤儿基本生活费。",
            "The guardian of a child under 18 who has lost both parents, or whose parents cannot be found, "
            "claims a basic living allowance for the child.",
        ),
        (
            ["儿童未满18周岁", "儿童的父母均已死亡或宣告失踪"],
            ["the child is under 18", "both parents have died or been declared missing"],
        ),
        [
            ID_CARD(name_zh="儿童及监护人身份证件", name_en="The child's and the guardian's ID"),
            DEATH_CERT(
                name_zh="父母死亡或宣告失踪证明",
                name_en="Proof that the parents have died or are missing",
                notes=(
                    "死亡证明或人民法院宣告失踪的判决书",
                    "Death certificates or a court declaration of disappearance",
                ),
                fetched=False,
            ),
        ],
        laws=["minors", "social_assistance"],
        legal=30,
        promised=20,
        visits=1,
        proxy=True,
        popularity=700,
    ),
    service(
        "MZ-0207",
        D,
        ("事实无人抚养儿童认定", "Recognition of children without effective care"),
        (
            "父母重残、重病、服刑或失联等原因导致事实上无人抚养的儿童，申请认定并领取基本生活补贴。",
            "Children whose parents cannot care for them because of severe disability, serious illness, "
            "imprisonment or disappearance can be recognised and receive a basic living allowance.",
        ),
        (
            ["儿童未满18周岁", "父母双方均符合重残、重病、服刑在押、失联等情形之一"],
            [
                "the child is under 18",
                "both parents are severely disabled, seriously ill, in prison, missing or in a similar situation",
            ],
        ),
        [
            ID_CARD(name_zh="儿童及监护人身份证件", name_en="The child's and the guardian's ID"),
            Material("父母情况证明材料", "Evidence of the parents' situation", COPY),
        ],
        laws=["minors", "social_assistance"],
        legal=30,
        promised=20,
        visits=1,
        proxy=True,
        popularity=400,
    ),
    service(
        "MZ-0208",
        D,
        ("基本殡葬服务费用减免", "Free basic funeral services"),
        (
            "本省户籍居民去世后，遗体接运、火化、骨灰寄存等基本殡葬服务费用按规定减免，在殡仪馆直接结算。",
            "When a Shandong resident dies, the basic funeral services (transport, cremation and storing the "
            "ashes) are free or reduced, settled directly at the funeral home.",
        ),
        (
            ["死者具有本省户籍或在本省长期居住", "遗体在本省殡仪馆火化"],
            [
                "the person who died had household registration in Shandong or lived here long-term",
                "the cremation takes place at a funeral home in Shandong",
            ],
        ),
        [
            DEATH_CERT,
            ID_CARD(name_zh="死者及经办人身份证", name_en="ID of the deceased and of the person arranging the funeral"),
        ],
        laws=["funeral"],
        legal=1,
        promised=0,
        visits=1,
        proxy=True,
        events=["after-a-death"],
        popularity=9100,
    ),
]

ORGANISATION_TYPES = [
    (
        "社会团体",
        "social organisation",
        "社会团体是公民自愿组成、按章程开展活动的非营利性组织，如协会、学会、商会。",
        "A social organisation is a non-profit body that people join voluntarily, such as an association, a "
        "learned society or a chamber of commerce.",
        ["social_organisations"],
        300,
    ),
    (
        "民办非企业单位",
        "private non-enterprise unit",
        "民办非企业单位（社会服务机构）是利用非国有资产举办的非营利性社会服务机构，如民办养老院、培训学校。",
        "A private non-enterprise unit is a non-profit social service body funded with private assets, such as a "
        "private care home or training school.",
        ["private_non_enterprise"],
        310,
    ),
]
ORGANISATION_ACTIONS = [
    (
        "成立登记",
        "registration",
        "申请成立并取得登记证书",
        "Register a new {t} and get its registration certificate.",
        60,
        20,
        (
            ["{t}有规范的名称、章程和组织机构", "有固定住所和与业务活动相适应的专职工作人员"],
            [
                "the {t} has a proper name, articles of association and governing bodies",
                "it has a permanent address and enough full-time staff for its work",
            ],
        ),
        [
            APPLICATION,
            Material("章程草案", "Draft articles of association"),
            Material("验资报告", "Capital verification report"),
            PREMISES,
            ID_CARD(name_zh="负责人身份证件", name_en="ID of the person in charge"),
        ],
    ),
    (
        "变更登记",
        "change of registration",
        "变更名称、住所、负责人等登记事项",
        "Change the registered name, address, person in charge or other details of a {t}.",
        30,
        10,
        (
            ["{t}已依法登记", "名称、住所、负责人或业务范围等登记事项发生变化"],
            [
                "the {t} is registered",
                "its name, address, person in charge, activities or other registered details have changed",
            ],
        ),
        [
            APPLICATION,
            Material("登记证书正副本", "Registration certificate (main and duplicate)"),
            Material("理事会（会员大会）决议", "Board or members' resolution"),
        ],
    ),
    (
        "注销登记",
        "deregistration",
        "完成清算后注销登记",
        "Deregister a {t} once its accounts have been wound up.",
        30,
        10,
        (
            ["{t}已决定终止，或按章程规定解散", "已在业务主管单位指导下完成清算"],
            ["the {t} has decided to close, or is dissolved under its articles", "its accounts have been wound up"],
        ),
        [
            APPLICATION,
            Material("登记证书正副本", "Registration certificate (main and duplicate)"),
            Material("清算报告", "Liquidation report"),
        ],
    ),
]


def _organisation_services():
    services = []
    for type_zh, type_en, about_zh, about_en, laws, base in ORGANISATION_TYPES:
        for offset, (action_zh, action_en, verb_zh, verb_en, legal, promised, who, materials) in enumerate(
            ORGANISATION_ACTIONS, 1
        ):
            services.append(
                service(
                    f"MZ-{base + offset:04d}",
                    D,
                    (f"{type_zh}{action_zh}", f"{type_en.capitalize()}: {action_en}"),
                    (f"{type_zh}{verb_zh}。{about_zh}", f"{verb_en.format(t=type_en)} {about_en}"),
                    ([item.format(t=type_zh) for item in who[0]], [item.format(t=type_en) for item in who[1]]),
                    materials,
                    laws=laws,
                    legal=legal,
                    promised=promised,
                    visits=1,
                    proxy=True,
                    audience=BUSINESSES,
                )
            )
    return services


SERVICES = [*MARRIAGE_SERVICES, *SENIOR_SERVICES, *ASSISTANCE_SERVICES, *_organisation_services()]
