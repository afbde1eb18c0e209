"""司法行政: legal aid, notarisation, mediation and lawyers."""

from ..materials import APPLICATION, BIRTH_CERT, COPY, GRADUATION_CERT, HUKOU, ID_CARD, INCOME_DECLARATION, Material
from ..spec import FAQ, service

D = "justice"
NOTARY_FEE = (
    "按山东省公证服务收费标准收取，困难群众可申请减免。",
    "Charged at Shandong's notarisation rates; people on low incomes can ask for a reduction.",
)
NOTARY_FAQ = FAQ(
    "公证书能寄到国外吗？",
    "可以。办理时说明用途和使用国家，公证处可以代办翻译、领事认证或附加证明书，并邮寄。",
    "Can the certificate be sent abroad?",
    "Yes. Say where it will be used; the notary office can arrange translation, legalisation or an "
    "apostille, and post it.",
)

# Documents the notary can verify online; the others need you at the notary office.
ONLINE_NOTARIES = {"SF-0103", "SF-0104"}
NOTARIES = [
    # code, Chinese, English, what it proves (zh, en), material
    (
        "SF-0101",
        "出生公证",
        "Notarised birth certificate",
        ("证明当事人的出生时间、地点和父母情况", "proves when and where you were born and who your parents are"),
        BIRTH_CERT(form=COPY),
        3200,
    ),
    (
        "SF-0102",
        "亲属关系公证",
        "Notarised proof of family relationship",
        ("证明当事人之间的亲属关系", "proves how you are related to someone"),
        HUKOU,
        4100,
    ),
    (
        "SF-0103",
        "学历学位公证",
        "Notarised degree or diploma",
        ("证明毕业证书、学位证书的真实性", "confirms that your diploma or degree certificate is genuine"),
        GRADUATION_CERT,
        3600,
    ),
    (
        "SF-0104",
        "无犯罪记录公证",
        "Notarised certificate of no criminal record",
        ("证明当事人在一定期间内没有犯罪记录", "confirms you had no criminal record for a given period"),
        Material("无犯罪记录证明", "Certificate of no criminal record", fetched=True),
        5800,
    ),
    (
        "SF-0105",
        "婚姻状况公证",
        "Notarised marital status",
        ("证明当事人的未婚、已婚、离婚或丧偶状况", "confirms whether you are single, married, divorced or widowed"),
        Material("婚姻登记记录证明", "Marriage registration record", fetched=True),
        2700,
    ),
    (
        "SF-0106",
        "委托公证",
        "Notarised power of attorney",
        ("证明当事人委托他人办理事务的意思表示真实", "confirms that you really authorised someone to act for you"),
        Material("委托书", "Power of attorney"),
        6900,
    ),
    (
        "SF-0107",
        "继承公证",
        "Notarised inheritance",
        ("证明继承人依法继承遗产的事实", "confirms who lawfully inherits an estate"),
        Material("被继承人死亡证明和财产凭证", "Death certificate and proof of the estate"),
        4400,
    ),
]

SERVICES = [
    service(
        "SF-0001",
        D,
        ("法律援助申请", "Legal aid"),
        (
            "经济困难的公民在追索劳动报酬、请求给付赡养费、工伤赔偿等事项中需要法律帮助的，申请免费的法律援助。",
            "People on low incomes who need legal help, for example to recover unpaid wages, claim maintenance or "
            "compensation for a work injury, can apply for free legal aid.",
        ),
        (
            ["您经济困难，或属于老年人、残疾人、农民工等免予审查经济状况的情形", "您的事项属于法律援助范围"],
            [
                "you have a low income, or you are an older person, disabled, a migrant worker or in another group "
                "not means-tested",
                "your matter is covered by legal aid",
            ],
        ),
        [
            ID_CARD,
            INCOME_DECLARATION(name_zh="经济困难状况说明表", name_en="Statement of financial hardship"),
            Material("与案件有关的材料", "Documents about your case", COPY),
        ],
        laws=["legal_aid"],
        legal=7,
        promised=3,
        visits=1,
        online=True,
        proxy=True,
        events=["older-people", "disability-services"],
        popularity=12000,
        faqs=[
            FAQ(
                "法律援助收费吗？",
                "不收费。法律援助律师为您免费提供咨询、代理和辩护。",
                "Is legal aid free?",
                "Yes. A legal aid lawyer advises and represents you free of charge.",
            )
        ],
    ),
    service(
        "SF-0002",
        D,
        ("人民调解申请", "People's mediation"),
        (
            "邻里、婚姻家庭、物业等矛盾纠纷，可以申请人民调解委员会免费调解。",
            "Disputes between neighbours, within families "
            "or with property managers can be mediated free of charge by a people's mediation committee.",
        ),
        (
            ["当事人之间发生民间纠纷", "当事人自愿接受调解"],
            ["there is a civil dispute between the parties", "the parties agree to mediation"],
        ),
        [ID_CARD, Material("纠纷情况说明", "Description of the dispute")],
        laws=["mediation"],
        legal=30,
        promised=30,
        visits=1,
        proxy=True,
        popularity=7600,
    ),
    service(
        "SF-0003",
        D,
        ("律师执业许可", "Licence to practise as a lawyer"),
        (
            "通过国家统一法律职业资格考试并在律师事务所实习满一年的人员，申请律师执业证书。",
            "People who have passed the national legal professional qualification exam and completed a year's "
            "pupillage at a law firm apply for a lawyer's practising certificate.",
        ),
        (
            ["您拥护中华人民共和国宪法", "您取得法律职业资格证书", "您在律师事务所实习满一年", "您品行良好"],
            [
                "you uphold the Constitution of the People's Republic of China",
                "you hold a legal professional qualification certificate",
                "you have completed a year's pupillage at a law firm",
                "you are of good character",
            ],
        ),
        [
            ID_CARD,
            Material("法律职业资格证书", "Legal professional qualification certificate"),
            Material("实习考核合格材料", "Record of a satisfactory pupillage"),
            APPLICATION,
        ],
        laws=["lawyers"],
        legal=30,
        promised=20,
        visits=0,
        online=True,
        handled_at="province",
        popularity=900,
    ),
    *[
        service(
            code,
            D,
            (title_zh, title_en),
            (
                f"公证机构依申请出具{title_zh}书，{what_zh}，常用于出国留学、探亲、就业和办理继承等。",
                f"A notary office issues a certificate that {what_en}. It is often needed for study, family visits, "
                "work abroad or an inheritance.",
            ),
            (
                ["您是当事人本人，或经本人委托", "您能提供证明公证事项的真实材料"],
                [
                    "you are the person concerned, or they have authorised you",
                    "you can provide genuine documents for what is to be notarised",
                ],
            ),
            [ID_CARD, material, APPLICATION],
            laws=["notarisation"],
            legal=15,
            promised=5,
            visits=1,
            online=code in ONLINE_NOTARIES,
            proxy=True,
            fee=NOTARY_FEE,
            popularity=popularity,
            faqs=[NOTARY_FAQ],
            events=["after-a-death"] if code == "SF-0107" else [],
        )
        for code, title_zh, title_en, (what_zh, what_en), material, popularity in NOTARIES
    ],
]
