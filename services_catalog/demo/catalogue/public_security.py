"""公安: resident ID cards, household registration, travel documents, driving licences and vehicles."""

from ..materials import (
    APPLICATION,
    BIRTH_CERT,
    COPY,
    DAMAGED_DOCUMENT,
    DEATH_CERT,
    DRIVING_LICENCE,
    GRADUATION_CERT,
    HEALTH_CERT,
    HUKOU,
    ID_CARD,
    INSURANCE,
    LABOUR_CONTRACT,
    LOSS_STATEMENT,
    MARRIAGE_CERT,
    PASSPORT_OLD,
    PHOTO,
    RELATIONSHIP_PROOF,
    RESIDENCE_PROOF,
    VEHICLE_CERT,
    VEHICLE_INSPECTION,
    VEHICLE_INVOICE,
    VEHICLE_LICENCE,
    Material,
)
from ..spec import FAQ, service

D = "public-security"

GUARDIAN_ID = Material(
    "监护人居民身份证",
    "Parent's or guardian's resident ID card",
    notes_zh="未满16周岁的申请人提供",
    notes_en="For applicants under 16",
)
ON_SITE_PHOTO = PHOTO(
    notes=(
        "大厅现场采集照片和指纹，无需自带照片",
        "Your photo and fingerprints are taken at the counter; you need not bring a photo",
    )
)
ID_FAQ_COLLECT = FAQ(
    "新证件可以邮寄吗？",
    "可以。办理时选择邮政寄递，证件制作完成后免费寄送到您指定的地址。",
    "Can the new card be posted to me?",
    "Yes. Choose postal delivery when you apply and the card is sent free of charge to the address you give.",
)

ID_CARD_SERVICES = [
    service(
        "GA-0001",
        D,
        ("居民身份证首次申领", "Resident ID card: first application"),
        (
            "第一次办理居民身份证。年满16周岁的公民应当申领，未满16周岁的可以由监护人代为申领。",
            "Get your first resident ID card. Everyone must have one from age 16; a parent or guardian can "
            "apply for a younger child.",
        ),
        (
            ["您是具有本省常住户口的中国公民", "您已年满16周岁，或未满16周岁由监护人陪同申领"],
            [
                "you are a Chinese citizen with permanent household registration in Shandong",
                "you are 16 or over, or you are younger and a parent or guardian comes with you",
            ],
        ),
        [HUKOU, ON_SITE_PHOTO, GUARDIAN_ID],
        laws=["id_card"],
        legal=60,
        promised=15,
        visits=1,
        fee=("每证20元；城乡最低生活保障对象免收。", "20 yuan per card; free for people on minimum living allowance."),
        events=["having-a-baby"],
        popularity=21000,
        faqs=[ID_FAQ_COLLECT],
    ),
    service(
        "GA-0002",
        D,
        ("居民身份证换领", "Resident ID card renewal"),
        (
            "居民身份证有效期满、将要到期或者登记内容变更时，换领新证。可以在全省任一公安户籍窗口办理，"
            "外省户籍也可跨省通办。",
            "Renew your resident ID card when it has expired, is about to expire or your details have changed. "
            "You can renew it at any police registration counter in Shandong, even if your household registration "
            "is in another province.",
        ),
        (
            ["您的居民身份证有效期满或将在3个月内到期", "您的姓名、出生日期等登记项目已依法变更"],
            [
                "your ID card has expired or will expire within 3 months",
                "your name, date of birth or other registered details have been lawfully changed",
            ],
        ),
        [
            ID_CARD(
                name_zh="原居民身份证",
                name_en="Your current resident ID card",
                notes=("换领新证时交回", "Handed back when you collect the new card"),
            ),
            HUKOU,
            ON_SITE_PHOTO,
        ],
        laws=["id_card"],
        legal=60,
        promised=7,
        visits=1,
        who_mode="any",
        fee=("工本费每证20元。", "Card fee: 20 yuan per card."),
        events=["older-people"],
        popularity=96000,
        faqs=[
            ID_FAQ_COLLECT,
            FAQ(
                "身份证过期了还能用吗？",
                "过期的居民身份证不能作为有效证件使用，请尽快换领。换领期间可申领临时居民身份证。",
                "Can I still use an expired ID card?",
                "No. An expired card is not valid ID, so renew it soon. While you wait you can get a temporary "
                "resident ID card.",
            ),
        ],
    ),
    service(
        "GA-0003",
        D,
        ("居民身份证补领", "Resident ID card replacement"),
        (
            "居民身份证丢失、被盗或严重损坏的，申请补领新证。补领后原证件自动作废。",
            "Replace a resident ID card that has been lost, stolen or badly damaged. The old card stops being "
            "valid once you apply.",
        ),
        (
            ["您的居民身份证丢失、被盗或损坏无法辨认", "您具有本省常住户口，或持有效证明跨省通办"],
            [
                "your ID card has been lost, stolen or damaged so it cannot be read",
                "you have household registration in Shandong, or you apply under the inter-provincial scheme",
            ],
        ),
        [HUKOU, ON_SITE_PHOTO, LOSS_STATEMENT],
        laws=["id_card"],
        legal=60,
        promised=7,
        visits=1,
        fee=("丢失补领或损坏换领，工本费每证40元。", "Card fee for a lost or damaged card: 40 yuan per card."),
        popularity=64000,
        faqs=[
            FAQ(
                "补领期间需要用证怎么办？",
                "可同时申领临时居民身份证，当场办结，有效期三个月。",
                "What if I need ID while I wait?",
                "Apply for a temporary resident ID card at the same time. It is issued on the spot and is "
                "valid for three months.",
            ),
            ID_FAQ_COLLECT,
        ],
    ),
    service(
        "GA-0004",
        D,
        ("临时居民身份证申领", "Temporary resident ID card"),
        (
            "正在申领、换领或补领居民身份证，又急需使用身份证件的，可以申领临时居民身份证，有效期三个月。",
            "If you are waiting for a new resident ID card and need ID urgently, you can get a temporary card "
            "that is valid for three months.",
        ),
        (
            ["您已申请居民身份证的首次申领、换领或补领", "您急需使用居民身份证"],
            ["you have applied for a first, renewed or replacement resident ID card", "you urgently need ID"],
        ),
        [HUKOU, PHOTO(quantity=1)],
        laws=["id_card"],
        legal=3,
        promised=0,
        visits=1,
        fee=("工本费每证10元。", "Card fee: 10 yuan per card."),
        popularity=18000,
    ),
    service(
        "GA-0005",
        D,
        ("居民身份证异地受理", "Resident ID card application away from home"),
        (
            "户籍不在本市的居民，可以在现居住地的公安户籍窗口申请换领、补领居民身份证，不用回户籍地。",
            "If your household registration is elsewhere, you can renew or replace your resident ID card where you "
            "now live, without going back to your home town.",
        ),
        (
            ["您的户籍在本省其他市或外省", "您需要换领或补领居民身份证"],
            ["your household registration is in another city or province", "you need to renew or replace your ID card"],
        ),
        [ID_CARD(name_zh="原居民身份证（换领时）", name_en="Your current ID card (for a renewal)"), ON_SITE_PHOTO],
        laws=["id_card"],
        legal=60,
        promised=15,
        visits=1,
        fee=("换领每证20元；丢失补领每证40元。", "Renewal: 20 yuan; replacement of a lost card: 40 yuan."),
        popularity=23000,
        faqs=[ID_FAQ_COLLECT],
    ),
]

HOUSEHOLD_SERVICES = [
    service(
        "GA-0101",
        D,
        ("户口迁移", "Household registration transfer"),
        (
            "把户口从一个地方迁到另一个地方，包括省内迁移和跨省迁移。符合落户条件的，在迁入地申请即可，"
            "省内迁移无需回迁出地办理迁移证。",
            "Move your household registration (hukou) from one place to another, within Shandong or from another "
            "province. Apply where you are moving to; within Shandong you do not need a transfer certificate from "
            "your old place.",
        ),
        (
            [
                "您在迁入地有合法稳定住所，或符合投靠亲属、就业、人才引进等落户条件",
                "随迁的配偶、未成年子女和父母一并申请",
            ],
            [
                "you have a lawful, stable home where you are moving to, or you qualify through family, work or a "
                "talent scheme",
                "your spouse, children under 18 and parents moving with you apply at the same time",
            ],
        ),
        [
            ID_CARD,
            HUKOU,
            RESIDENCE_PROOF,
            RELATIONSHIP_PROOF(notes=("随迁家属提供", "For family members moving with you")),
        ],
        laws=["hukou", "id_card"],
        legal=20,
        promised=5,
        visits=1,
        online=True,
        proxy=True,
        flow="household-registration-transfer",
        events=["getting-married", "buying-a-home", "finding-a-job"],
        popularity=52000,
        faqs=[
            FAQ(
                "跨省迁移还要回原籍开迁移证吗？",
                "不用。全国已实行户口迁移“跨省通办”，在迁入地申请后由两地公安机关网上办理。",
                "Do I have to go back to my old province for a transfer certificate?",
                "No. Transfers between provinces are handled online between the two police offices once you "
                "apply where you are moving to.",
            ),
            FAQ(
                "迁户口后身份证要换吗？",
                "住址变更后原身份证在有效期内仍可使用，您也可以申请换领写有新住址的身份证。",
                "Do I need a new ID card after moving?",
                "Your current card stays valid until it expires. You may apply for a new card showing your new "
                "address if you wish.",
            ),
        ],
    ),
    service(
        "GA-0102",
        D,
        ("出生登记", "Birth registration"),
        (
            "为新生儿申报户口。孩子出生后，父母一方可在网上或户籍窗口为孩子办理出生登记，随父或随母落户。",
            "Register your newborn baby's household registration. After the birth, either parent can register "
            "the baby online or at a police registration counter, under the father's or the mother's household.",
        ),
        (
            ["孩子在中国境内出生，父母一方为本省户籍", "出生登记一般在孩子出生后一个月内申报"],
            [
                "your baby was born in China and one parent has household registration in Shandong",
                "you usually register within one month of the birth",
            ],
        ),
        [
            BIRTH_CERT,
            HUKOU(notes=("随父或随母落户一方的户口簿", "The booklet of the parent the baby is registered with")),
            ID_CARD(name_zh="父母双方居民身份证", name_en="Both parents' resident ID cards"),
            MARRIAGE_CERT,
        ],
        laws=["hukou"],
        legal=10,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        flow="birth-registration",
        events=["having-a-baby"],
        popularity=45000,
        faqs=[
            FAQ(
                "孩子的名字还没定，可以先登记吗？",
                "出生登记需要确定姓名。登记后改名需要办理姓名变更，手续更多，建议确定后再申报。",
                "Can I register before we have chosen a name?",
                "No, a name is needed. Changing it later is a separate, longer procedure, so decide first.",
            ),
            FAQ(
                "超过一个月还能登记吗？",
                "可以。超过一个月的，仍按出生登记办理，可能需要补充说明情况。",
                "Can I still register after a month?",
                "Yes. Late registrations are still accepted; you may be asked to explain the delay.",
            ),
        ],
    ),
    service(
        "GA-0103",
        D,
        ("死亡人员户口注销", "Closing the household registration of a deceased person"),
        (
            "公民死亡后，由其家属或户主注销户口。本省医院出具的死亡医学证明可电子共享，家属无需再跑户籍窗口。",
            "When someone dies, a family member or the head of the household closes their household "
            "registration. Death certificates issued by hospitals in Shandong are shared electronically.",
        ),
        (
            ["您是死者的家属、户主或所在单位", "死者生前为本省户籍"],
            [
                "you are a relative of the deceased, the head of the household or their employer",
                "the person who died had household registration in Shandong",
            ],
        ),
        [
            DEATH_CERT,
            HUKOU,
            ID_CARD(
                name_zh="死者居民身份证",
                name_en="The deceased person's ID card",
                notes=("交回注销", "Handed back to be cancelled"),
            ),
        ],
        laws=["hukou"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["after-a-death"],
        popularity=16000,
    ),
    service(
        "GA-0104",
        D,
        ("户口登记项目变更更正", "Changing or correcting household registration details"),
        (
            "户口登记的姓名、出生日期、民族、文化程度等项目有错误或依法需要变更的，申请变更或更正。",
            "Change or correct details in your household registration, such as your name, date of birth, ethnic "
            "group or education.",
        ),
        (
            ["户口登记项目确有错误", "或依法需要变更姓名、民族等项目"],
            [
                "a registered detail is wrong",
                "or you are lawfully entitled to change your name, ethnic group or another detail",
            ],
        ),
        [
            ID_CARD,
            HUKOU,
            APPLICATION,
            Material(
                "变更、更正的证明材料",
                "Evidence supporting the change",
                COPY,
                notes_zh="出生医学证明、档案记载等",
                notes_en="Birth certificate, archive records and the like",
            ),
        ],
        laws=["hukou"],
        legal=20,
        promised=10,
        visits=1,
        who_mode="any",
        popularity=5200,
    ),
    service(
        "GA-0105",
        D,
        ("居民户口簿补领", "Household register booklet replacement"),
        (
            "户口簿丢失或被盗的，由户主或户内成员申请补领。",
            "Replace a lost or stolen household register booklet. The head of the household or any member can apply.",
        ),
        (
            ["您家的户口簿丢失、被盗", "您是户主或户内成年成员"],
            [
                "your household's register booklet has been lost or stolen",
                "you are the head of the household or an adult member of it",
            ],
        ),
        [ID_CARD, LOSS_STATEMENT],
        laws=["hukou"],
        legal=5,
        promised=0,
        visits=1,
        proxy=True,
        popularity=6100,
    ),
    service(
        "GA-0106",
        D,
        ("居民户口簿换领", "Household register booklet renewal"),
        (
            "户口簿损坏、页面用完或户主变更时，申请换发新的户口簿。",
            "Get a new household register booklet when the old one "
            "is damaged, full or the head of the household has changed.",
        ),
        (
            ["户口簿损坏、页面已满", "或户主发生变更"],
            ["your booklet is damaged or full", "or the head of the household has changed"],
        ),
        [ID_CARD, DAMAGED_DOCUMENT],
        laws=["hukou"],
        legal=5,
        promised=0,
        visits=1,
        who_mode="any",
        proxy=True,
        popularity=3800,
    ),
    service(
        "GA-0107",
        D,
        ("居住证申领", "Residence permit application"),
        (
            "离开户籍所在地到本省城市居住半年以上，有合法稳定就业、住所或连续就读的，可以申领居住证，"
            "享受当地基本公共服务。",
            "If you have lived in a Shandong city away from your registered home for six months or more, with a "
            "job, a home or a school place, you can get a residence permit and use local public services.",
        ),
        (
            ["您在居住地居住半年以上", "您有合法稳定就业、合法稳定住所或连续就读之一"],
            [
                "you have lived where you are applying for at least six months",
                "you have a stable job, a stable home or are in continuous study there",
            ],
        ),
        [ID_CARD, RESIDENCE_PROOF, LABOUR_CONTRACT(name_zh="就业或就读证明", name_en="Proof of work or study"), PHOTO],
        laws=["residence_permit"],
        legal=15,
        promised=7,
        visits=1,
        online=True,
        popularity=14000,
        events=["finding-a-job"],
    ),
    service(
        "GA-0108",
        D,
        ("居住证签注", "Residence permit annual endorsement"),
        (
            "居住证每年签注一次，签注后继续有效。可在网上办理。",
            "A residence permit must be endorsed each year to stay valid. You can do this online.",
        ),
        (
            ["您持有本省居住证", "您仍在居住地居住、就业或就读"],
            ["you hold a Shandong residence permit", "you still live, work or study in the same place"],
        ),
        [ID_CARD, Material("居住证", "Residence permit")],
        laws=["residence_permit"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        popularity=9000,
    ),
    service(
        "GA-0109",
        D,
        ("开具户籍证明", "Certificate of household registration"),
        (
            "需要证明本人户籍情况、亲属关系或注销户口情况时，申请开具户籍证明，可在网上申请电子证明。",
            "Get a certificate of your household registration, family relationships or a closed registration. "
            "You can request an electronic certificate online.",
        ),
        (
            ["您需要证明户籍信息", "您是本人或其近亲属"],
            ["you need proof of household registration details", "you are the person concerned or a close relative"],
        ),
        [ID_CARD, APPLICATION],
        laws=["hukou"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=12500,
    ),
    service(
        "GA-0110",
        D,
        ("无犯罪记录证明开具", "Certificate of no criminal record"),
        (
            "因就业、出国等需要，申请开具本人在本省居住期间无犯罪记录的证明。可网上申请，下载电子证明。",
            "Get a certificate that you have no criminal record from your time in Shandong, for a job, study or "
            "travel abroad. Apply online and download it.",
        ),
        (
            ["您是中国公民或在本省居住过的外国人", "您因就业、出国、入学等需要开具证明"],
            [
                "you are a Chinese citizen or a foreign national who has lived in Shandong",
                "you need the certificate for work, travel abroad or study",
            ],
        ),
        [ID_CARD, APPLICATION],
        laws=["hukou"],
        legal=7,
        promised=3,
        visits=0,
        online=True,
        proxy=True,
        popularity=17000,
        events=["finding-a-job"],
    ),
]

SETTLE_ROUTES = [
    (
        "GA-0120",
        "夫妻投靠落户",
        "Joining a spouse: household registration",
        "与本省户籍人员结婚的，可以把户口迁入配偶户籍所在地。",
        "If you are married to someone registered in Shandong, you can move your household registration to theirs.",
        ["您与本省户籍居民依法登记结婚"],
        ["you are lawfully married to someone registered in Shandong"],
        [MARRIAGE_CERT],
        ["getting-married"],
    ),
    (
        "GA-0121",
        "子女投靠父母落户",
        "Joining parents: household registration for children",
        "未成年子女或未婚子女可以随父母落户。",
        "Children under 18, or unmarried adult children, can register with their parents.",
        ["您是本省户籍居民的子女", "未成年或未婚"],
        ["you are the child of someone registered in Shandong", "you are under 18 or unmarried"],
        [RELATIONSHIP_PROOF],
        ["starting-school"],
    ),
    (
        "GA-0122",
        "老年父母投靠子女落户",
        "Joining children: household registration for older parents",
        "男年满60周岁、女年满55周岁的父母，可以投靠在本省落户的子女。",
        "Parents aged 60 or over (men) or 55 or over (women) can move their registration to join a child "
        "registered in Shandong.",
        ["您是本省户籍居民的父母", "男年满60周岁、女年满55周岁"],
        ["your child is registered in Shandong", "you are a man aged 60 or over, or a woman aged 55 or over"],
        [RELATIONSHIP_PROOF],
        ["older-people"],
    ),
    (
        "GA-0123",
        "高校毕业生落户",
        "Household registration for university graduates",
        "高校毕业生在本省就业或创业的，可以凭毕业证书落户，不设住房、社保年限等条件。",
        "Graduates who work or start a business in Shandong can register with their diploma; there are no "
        "conditions on housing or years of social insurance.",
        ["您取得大专及以上学历", "您在本省就业、创业或有落户意愿"],
        ["you have a college or university degree", "you work or run a business in Shandong, or plan to settle here"],
        [GRADUATION_CERT],
        ["finding-a-job"],
    ),
    (
        "GA-0124",
        "人才引进落户",
        "Household registration for recruited professionals",
        "经人才主管部门认定的引进人才及其配偶、子女，可以在工作地落户。",
        "Professionals recruited under a talent scheme, with their spouse and children, can register where they work.",
        ["您已被认定为引进人才"],
        ["you have been recognised under a talent recruitment scheme"],
        [LABOUR_CONTRACT, Material("人才认定证明", "Talent recognition letter")],
        ["finding-a-job"],
    ),
]

SETTLE_SERVICES = [
    service(
        code,
        D,
        (title_zh, title_en),
        (summary_zh, summary_en),
        (who_zh, who_en),
        [ID_CARD, HUKOU, *extra],
        laws=["hukou"],
        legal=20,
        promised=5,
        visits=1,
        proxy=True,
        events=events,
    )
    for code, title_zh, title_en, summary_zh, summary_en, who_zh, who_en, extra, events in SETTLE_ROUTES
]

TRAVEL_FAQ = FAQ(
    "多久能拿到证件？",
    "一般7个工作日内制作完成，可以选择邮寄到家。",
    "How long does it take?",
    "Usually within 7 working days. You can have it posted to you.",
)

TRAVEL_SERVICES = [
    service(
        "GA-0201",
        D,
        ("普通护照签发", "Ordinary passport: first issue"),
        (
            "因出国旅游、探亲、学习等需要，申请普通护照。可在全国任一出入境窗口办理。",
            "Apply for an ordinary passport for tourism, family visits or study abroad. You can apply at any "
            "exit-entry counter in China.",
        ),
        (
            ["您是中国公民", "您没有被限制出境的情形"],
            ["you are a Chinese citizen", "you are not barred from leaving the country"],
        ),
        [ID_CARD, ON_SITE_PHOTO, APPLICATION],
        laws=["passport", "exit_entry"],
        legal=15,
        promised=7,
        visits=1,
        fee=("每本120元。", "120 yuan per passport."),
        popularity=31000,
        faqs=[TRAVEL_FAQ],
    ),
    service(
        "GA-0202",
        D,
        ("普通护照换发", "Ordinary passport renewal"),
        (
            "护照有效期即将届满、签证页即将用完或登记项目变更时，申请换发护照。",
            "Renew your passport when it is about to expire, runs out of visa pages or your details change.",
        ),
        (
            ["您的护照有效期不足6个月或签证页不足", "或您的护照登记项目变更"],
            [
                "your passport has less than 6 months left or few blank visa pages",
                "or your passport details have changed",
            ],
        ),
        [ID_CARD, PASSPORT_OLD, ON_SITE_PHOTO],
        laws=["passport"],
        legal=15,
        promised=7,
        visits=1,
        who_mode="any",
        fee=("每本120元。", "120 yuan per passport."),
        popularity=12000,
        faqs=[TRAVEL_FAQ],
    ),
    service(
        "GA-0203",
        D,
        ("普通护照补发", "Ordinary passport replacement"),
        (
            "护照丢失、被盗或损毁的，申请补发护照。原护照自申报之日起作废。",
            "Replace a passport that is lost, stolen or destroyed. The old passport is cancelled when you report it.",
        ),
        (["您的护照丢失、被盗或损毁"], ["your passport has been lost, stolen or destroyed"]),
        [ID_CARD, ON_SITE_PHOTO, LOSS_STATEMENT],
        laws=["passport"],
        legal=15,
        promised=7,
        visits=1,
        fee=("每本120元。", "120 yuan per passport."),
        popularity=2600,
    ),
    service(
        "GA-0204",
        D,
        ("往来港澳通行证签发", "Exit-entry permit for Hong Kong and Macao: first issue"),
        (
            "内地居民前往香港、澳门旅游、探亲、商务等，申请往来港澳通行证。",
            "Apply for the exit-entry permit that mainland residents need to visit Hong Kong or Macao.",
        ),
        (
            ["您是内地居民", "您没有被限制出境的情形"],
            ["you are a mainland resident", "you are not barred from leaving the mainland"],
        ),
        [ID_CARD, ON_SITE_PHOTO],
        laws=["hk_macao", "exit_entry"],
        legal=15,
        promised=7,
        visits=1,
        fee=("电子往来港澳通行证每证60元。", "60 yuan per electronic permit."),
        popularity=26000,
        faqs=[TRAVEL_FAQ],
    ),
    service(
        "GA-0205",
        D,
        ("往来港澳通行证签注", "Endorsement for travel to Hong Kong and Macao"),
        (
            "持有效往来港澳通行证的居民，申请旅游、探亲、商务等签注。个人旅游签注可在自助机上办理。",
            "Holders of a valid permit apply for a tourist, family visit or business endorsement. Individual "
            "tourist endorsements can be done at a self-service machine.",
        ),
        (["您持有有效的电子往来港澳通行证"], ["you hold a valid electronic permit for Hong Kong and Macao"]),
        [Material("电子往来港澳通行证", "Electronic exit-entry permit for Hong Kong and Macao")],
        laws=["hk_macao"],
        legal=10,
        promised=0,
        visits=1,
        online=True,
        fee=("每件签注15元。", "15 yuan per endorsement."),
        popularity=22000,
    ),
    service(
        "GA-0206",
        D,
        ("往来台湾通行证签发", "Travel permit for Taiwan: first issue"),
        (
            "大陆居民前往台湾地区，申请往来台湾通行证。",
            "Apply for the travel permit mainland residents need to go to Taiwan.",
        ),
        (
            ["您是大陆居民", "您没有被限制出境的情形"],
            ["you are a mainland resident", "you are not barred from leaving the mainland"],
        ),
        [ID_CARD, ON_SITE_PHOTO],
        laws=["taiwan", "exit_entry"],
        legal=15,
        promised=7,
        visits=1,
        fee=("电子往来台湾通行证每证60元。", "60 yuan per electronic permit."),
        popularity=3900,
    ),
    service(
        "GA-0207",
        D,
        ("往来台湾通行证签注", "Endorsement for travel to Taiwan"),
        (
            "持有效往来台湾通行证的居民，申请团队旅游、探亲等签注。",
            "Holders of a valid permit apply for a group tour or family visit endorsement for Taiwan.",
        ),
        (["您持有有效的往来台湾通行证"], ["you hold a valid travel permit for Taiwan"]),
        [Material("往来台湾通行证", "Travel permit for Taiwan")],
        laws=["taiwan"],
        legal=10,
        promised=3,
        visits=1,
        fee=("每件签注15元。", "15 yuan per endorsement."),
        popularity=1500,
    ),
]

DRIVING_FAQ_CHECK = FAQ(
    "需要重新体检吗？",
    "年满70周岁的，每年提交一次身体条件证明；其他情况换证时提交，信息联网的医院无需提交纸质证明。",
    "Do I need a new medical?",
    "Drivers aged 70 or over submit a medical certificate every year; others submit one when "
    "they renew. Results from connected hospitals are fetched automatically.",
)

DRIVING_SERVICES = [
    service(
        "GA-0301",
        D,
        ("机动车驾驶证有效期满换证", "Driving licence renewal"),
        (
            "驾驶证有效期满前90日内，申请换发新的驾驶证。可在交管12123网上办理并邮寄。",
            "Renew your driving licence in the 90 days before it expires. You can do it online with "
            "Traffic Management 12123 and have it posted to you.",
        ),
        (
            ["您的驾驶证将在90日内到期", "您的身体条件符合驾驶要求"],
            ["your licence expires within 90 days", "you are medically fit to drive"],
        ),
        [DRIVING_LICENCE, HEALTH_CERT, ID_CARD],
        laws=["driving_licence", "road_traffic"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        fee=("工本费每证10元。", "Licence fee: 10 yuan."),
        popularity=42000,
        faqs=[DRIVING_FAQ_CHECK],
    ),
    service(
        "GA-0302",
        D,
        ("机动车驾驶证遗失补证", "Replacing a lost driving licence"),
        (
            "驾驶证丢失的，申请补领。补领期间不影响驾驶，可使用电子驾驶证。",
            "Replace a lost driving licence. You can keep driving with the electronic licence while you wait.",
        ),
        (
            ["您的驾驶证丢失", "您的驾驶证没有被扣押、吊销"],
            ["your licence has been lost", "your licence has not been seized or revoked"],
        ),
        [ID_CARD],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        fee=("工本费每证10元。", "Licence fee: 10 yuan."),
        popularity=9800,
    ),
    service(
        "GA-0303",
        D,
        ("机动车驾驶证损毁换证", "Replacing a damaged driving licence"),
        ("驾驶证损毁无法辨认的，申请换发。", "Replace a driving licence that is damaged beyond reading."),
        (["您的驾驶证损毁无法辨认"], ["your licence is too damaged to read"]),
        [ID_CARD, DAMAGED_DOCUMENT(name_zh="损毁的驾驶证", name_en="The damaged licence")],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=1,
        fee=("工本费每证10元。", "Licence fee: 10 yuan."),
        popularity=2100,
    ),
    service(
        "GA-0304",
        D,
        ("驾驶人联系方式变更备案", "Updating a driver's contact details"),
        (
            "驾驶人的手机号码、通信地址变更的，在30日内备案。",
            "Tell the traffic police within 30 days when your mobile number or postal address changes.",
        ),
        (["您的联系方式发生变化"], ["your contact details have changed"]),
        [ID_CARD],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        in_person=False,
        popularity=5200,
    ),
    service(
        "GA-0305",
        D,
        ("驾驶人提交身体条件证明", "Submitting a driver's medical certificate"),
        (
            "年满70周岁的驾驶人每年提交身体条件证明，持大中型客货车驾驶证的驾驶人按规定定期提交。",
            "Drivers aged 70 or over submit a medical certificate every year; drivers of buses and lorries "
            "submit one at set intervals.",
        ),
        (
            ["您年满70周岁", "或您持有大中型客货车驾驶证"],
            ["you are 70 or older", "or you hold a licence for large passenger or goods vehicles"],
        ),
        [HEALTH_CERT, DRIVING_LICENCE],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        in_person=True,
        who_mode="any",
        events=["older-people"],
        popularity=7600,
    ),
    service(
        "GA-0306",
        D,
        ("延期换领机动车驾驶证", "Postponing a driving licence renewal"),
        (
            "因出国、服兵役等原因不能在驾驶证有效期满前换证的，申请延期办理，延期期间不得驾驶。",
            "If you cannot renew your licence in time because you are abroad or in military service, apply to "
            "postpone the renewal. You must not drive during the postponement.",
        ),
        (
            ["您因出国（境）、服兵役、重病等原因无法按期换证"],
            ["you cannot renew in time because you are abroad, in military service or seriously ill"],
        ),
        [ID_CARD, Material("延期事由证明", "Evidence of the reason for postponing", COPY)],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=0,
        proxy=True,
        popularity=1800,
    ),
    service(
        "GA-0307",
        D,
        ("机动车驾驶证注销", "Cancelling a driving licence"),
        (
            "驾驶人本人申请或者因身体条件不适合驾驶等原因，注销驾驶证。",
            "Cancel a driving licence at the driver's request or because the driver is no longer fit to drive.",
        ),
        (
            ["您申请注销本人驾驶证", "或驾驶人身体条件已不适合驾驶机动车"],
            ["you ask for your own licence to be cancelled", "or the driver is no longer fit to drive"],
        ),
        [ID_CARD, DRIVING_LICENCE],
        laws=["driving_licence"],
        legal=1,
        promised=0,
        visits=0,
        proxy=True,
        who_mode="any",
        popularity=900,
    ),
    service(
        "GA-0311",
        D,
        ("机动车注册登记", "Motor vehicle registration"),
        (
            "新购机动车上路前申请注册登记，领取号牌和行驶证。品牌4S店可代办“一站式”上牌。",
            "Register a new vehicle and get its number plates and vehicle licence before you drive it. Many "
            "dealers can register it for you.",
        ),
        (
            ["您是机动车所有人", "机动车已购买交强险并缴纳车辆购置税"],
            ["you own the vehicle", "you have compulsory insurance and have paid the vehicle purchase tax"],
        ),
        [
            ID_CARD,
            VEHICLE_INVOICE,
            INSURANCE,
            Material("车辆购置税完税证明", "Vehicle purchase tax receipt", fetched=True),
        ],
        laws=["vehicle_registration", "road_traffic"],
        legal=2,
        promised=1,
        visits=1,
        proxy=True,
        fee=("号牌和行驶证工本费按省定标准收取。", "Plate and licence fees as set by the province."),
        popularity=36000,
    ),
    service(
        "GA-0312",
        D,
        ("机动车转移登记", "Change of vehicle ownership"),
        (
            "二手车买卖、赠与、继承等导致机动车所有权转移的，申请转移登记。",
            "Register a change of owner when a vehicle is sold, given or inherited.",
        ),
        (
            ["机动车所有权发生转移", "机动车已检验合格且无未处理违法记录"],
            [
                "the ownership of the vehicle has changed",
                "the vehicle has passed its inspection and has no unresolved traffic offences",
            ],
        ),
        [
            ID_CARD,
            VEHICLE_CERT,
            VEHICLE_LICENCE,
            Material("二手车销售统一发票", "Uniform invoice for the used-car sale", fetched=True),
        ],
        laws=["vehicle_registration"],
        legal=2,
        promised=1,
        visits=1,
        proxy=True,
        fee=("号牌和行驶证工本费按省定标准收取。", "Plate and licence fees as set by the province."),
        popularity=21000,
    ),
    service(
        "GA-0313",
        D,
        ("机动车变更登记", "Changing vehicle registration details"),
        (
            "改变车身颜色、更换发动机或所有人住所迁出等，申请变更登记。",
            "Register changes such as a new colour, a new engine or the owner moving away.",
        ),
        (["机动车登记事项发生变化"], ["the registered details of the vehicle have changed"]),
        [ID_CARD, VEHICLE_CERT, VEHICLE_LICENCE],
        laws=["vehicle_registration"],
        legal=2,
        promised=1,
        visits=1,
        proxy=True,
        popularity=4300,
    ),
    service(
        "GA-0314",
        D,
        ("机动车抵押登记", "Registering a vehicle mortgage"),
        (
            "以机动车作抵押办理贷款的，由抵押人和抵押权人共同申请抵押登记。银行可网上办理。",
            "When a vehicle is used as security for a loan, the owner and the lender register the mortgage "
            "together. Banks can do this online.",
        ),
        (["机动车作为贷款抵押物"], ["the vehicle is security for a loan"]),
        [ID_CARD, VEHICLE_CERT, Material("抵押合同", "Mortgage contract")],
        laws=["vehicle_registration"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        audience="both",
        popularity=8800,
    ),
    service(
        "GA-0315",
        D,
        ("机动车注销登记", "Deregistering a motor vehicle"),
        (
            "机动车报废、灭失或者因故不在我国境内使用的，申请注销登记。",
            "Deregister a vehicle that has been scrapped, lost or taken permanently out of China.",
        ),
        (["机动车已报废、灭失或退出我国境内"], ["the vehicle has been scrapped, lost or taken out of China"]),
        [ID_CARD, VEHICLE_CERT, Material("报废机动车回收证明", "Certificate of scrapping", fetched=True)],
        laws=["vehicle_registration"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=6500,
    ),
    service(
        "GA-0316",
        D,
        ("机动车检验合格标志核发", "Vehicle inspection sticker"),
        (
            "机动车定期检验合格后，核发检验合格标志。6年以内的非营运小微型客车免检，可直接网上申领。",
            "Get the inspection certificate after your vehicle passes its periodic test. Private cars under "
            "six years old are exempt and can get it online.",
        ),
        (
            ["机动车已通过定期安全技术检验，或符合免检条件", "无未处理的交通事故和违法记录"],
            [
                "the vehicle has passed its periodic safety test or is exempt",
                "there are no unresolved accidents or traffic offences",
            ],
        ),
        [VEHICLE_LICENCE, INSURANCE, VEHICLE_INSPECTION],
        laws=["road_traffic", "road_traffic_rules"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=33000,
    ),
    service(
        "GA-0317",
        D,
        ("补领机动车号牌", "Replacing lost number plates"),
        (
            "号牌丢失或损毁的，申请补领，补领期间可申领临时号牌。",
            "Replace lost or damaged number plates; you can get temporary plates while you wait.",
        ),
        (["机动车号牌丢失或损毁"], ["the plates have been lost or damaged"]),
        [ID_CARD, VEHICLE_LICENCE],
        laws=["vehicle_registration"],
        legal=15,
        promised=5,
        visits=1,
        proxy=True,
        fee=("号牌工本费按省定标准收取。", "Plate fee as set by the province."),
        popularity=1900,
    ),
    service(
        "GA-0318",
        D,
        ("补领机动车行驶证", "Replacing a vehicle licence"),
        ("行驶证丢失或损毁的，申请补领或换领。", "Replace a lost or damaged vehicle licence."),
        (["行驶证丢失或损毁"], ["the vehicle licence has been lost or damaged"]),
        [ID_CARD],
        laws=["vehicle_registration"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        fee=("工本费每证10元。", "Licence fee: 10 yuan."),
        popularity=2400,
    ),
    service(
        "GA-0319",
        D,
        ("申领机动车临时号牌", "Temporary number plates"),
        (
            "新车未上牌需要临时上路、或转籍异地的，申领临时行驶车号牌。",
            "Get temporary plates to drive a new vehicle before it is registered, or to move it to another place.",
        ),
        (
            ["机动车尚未注册登记需要临时上道路行驶", "或机动车转出需要临时行驶"],
            ["the vehicle needs to be driven before it is registered", "or it is being moved to another place"],
        ),
        [ID_CARD, VEHICLE_INVOICE, INSURANCE],
        laws=["vehicle_registration"],
        legal=1,
        promised=0,
        visits=0,
        proxy=True,
        who_mode="any",
        fee=("每副5元。", "5 yuan per pair."),
        popularity=7200,
    ),
    service(
        "GA-0320",
        D,
        ("交通违法处理", "Dealing with a traffic offence"),
        (
            "对电子监控记录的交通违法行为进行确认、接受处理和缴纳罚款，可在网上办理。",
            "Confirm a traffic offence recorded by camera, accept the penalty and pay the fine online.",
        ),
        (["您的机动车或驾驶证有未处理的交通违法记录"], ["your vehicle or licence has an unresolved traffic offence"]),
        [DRIVING_LICENCE, VEHICLE_LICENCE],
        laws=["road_traffic", "road_traffic_rules"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        proxy=False,
        popularity=58000,
    ),
]

SERVICES = [*ID_CARD_SERVICES, *HOUSEHOLD_SERVICES, *SETTLE_SERVICES, *TRAVEL_SERVICES, *DRIVING_SERVICES]
