"""卫生健康: birth certificates, births, vaccinations, licensing of doctors, nurses and health premises."""

from ..materials import (
    APPLICATION,
    BANK_CARD,
    BIRTH_CERT,
    COPY,
    DAMAGED_DOCUMENT,
    HEALTH_CHECK,
    HUKOU,
    ID_CARD,
    LAYOUT_PLAN,
    LICENCE,
    LOSS_STATEMENT,
    MARRIAGE_CERT,
    PERMIT_ORIGINAL,
    PHOTO,
    PRACTICE_CERT,
    PREMISES,
    QUALIFICATION_CERTS,
    Material,
)
from ..spec import BUSINESSES, FAQ, lifecycle_who, service

D = "health"

PARENT_IDS = ID_CARD(name_zh="父母双方居民身份证", name_en="Both parents' resident ID cards")

BIRTH_SERVICES = [
    service(
        "WJ-0001",
        D,
        ("出生医学证明首次签发", "Birth medical certificate: first issue"),
        (
            "孩子在医院出生后，由助产机构签发出生医学证明，用于办理户口登记。本省已推行电子出生医学证明。",
            "When your baby is born in hospital, the maternity unit issues a birth medical certificate, which "
            "you need for the household registration. Shandong also issues it electronically.",
        ),
        (
            ["孩子在本省具有助产资质的医疗机构出生"],
            ["your baby was born in Shandong at a hospital licensed for childbirth"],
        ),
        [PARENT_IDS, Material("出生医学证明首次签发登记表", "Birth certificate registration form")],
        laws=["maternal_health"],
        legal=5,
        promised=0,
        visits=1,
        events=["having-a-baby"],
        popularity=33000,
        faqs=[
            FAQ(
                "出生证上的名字能改吗？",
                "签发后确需更正姓名的，应在办理户口前到签发机构申请换发。",
                "Can the name on the certificate be changed?",
                "If it must be corrected, apply to the issuing hospital for a new one before registering the "
                "household.",
            )
        ],
    ),
    service(
        "WJ-0002",
        D,
        ("出生医学证明补发", "Birth medical certificate replacement"),
        (
            "出生医学证明丢失的，由父母或监护人向原签发机构申请补发。",
            "Replace a lost birth medical certificate. A parent or guardian applies to the hospital that issued it.",
        ),
        (
            ["孩子的出生医学证明遗失", "孩子尚未办理户口或补发后需用于办事"],
            [
                "your child's birth medical certificate is lost",
                "you still need it to register the child or for another purpose",
            ],
        ),
        [PARENT_IDS, LOSS_STATEMENT, HUKOU(notes=("已落户的提供", "If the child is already registered"))],
        laws=["maternal_health"],
        legal=20,
        promised=10,
        visits=1,
        events=["having-a-baby"],
        popularity=2600,
    ),
    service(
        "WJ-0003",
        D,
        ("出生医学证明换发", "Birth medical certificate reissue"),
        (
            "出生医学证明信息有误或破损的，申请换发。",
            "Get a new birth medical certificate if the details on it are wrong or it is damaged.",
        ),
        (["出生医学证明登记内容有误或证件破损"], ["the certificate has wrong details or is damaged"]),
        [PARENT_IDS, DAMAGED_DOCUMENT],
        laws=["maternal_health"],
        legal=20,
        promised=10,
        visits=1,
        events=["having-a-baby"],
        popularity=1900,
    ),
    service(
        "WJ-0004",
        D,
        ("生育登记", "Registering a birth with the health service"),
        (
            "夫妻生育子女的，在孕前或孕期进行生育登记，享受孕产期保健等服务。可在网上办理。",
            "Couples register a pregnancy or a planned pregnancy to receive antenatal and maternity care. You "
            "can do it online.",
        ),
        (
            ["夫妻一方为本省户籍，或双方在本省居住", "已怀孕或计划生育子女"],
            [
                "one of you has household registration in Shandong, or you both live here",
                "you are expecting or planning a baby",
            ],
        ),
        [PARENT_IDS, MARRIAGE_CERT],
        laws=["population"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        in_person=True,
        proxy=True,
        events=["having-a-baby"],
        popularity=27000,
    ),
    service(
        "WJ-0005",
        D,
        ("预防接种证办理", "Vaccination record booklet"),
        (
            "孩子出生后，在接种单位建立预防接种档案、领取预防接种证，此后按程序免费接种国家免疫规划疫苗。",
            "After your baby is born, the vaccination clinic opens a vaccination record and gives you the "
            "booklet. National programme vaccines are then free.",
        ),
        (["孩子在本省出生或居住"], ["your child was born in or lives in Shandong"]),
        [BIRTH_CERT, PARENT_IDS],
        laws=["vaccines"],
        legal=1,
        promised=0,
        visits=1,
        events=["having-a-baby", "starting-school"],
        popularity=19000,
    ),
    service(
        "WJ-0006",
        D,
        ("预防接种证补办", "Replacing a vaccination record booklet"),
        (
            "预防接种证遗失的，到接种单位凭接种档案补办，入托入学需要查验。",
            "Replace a lost vaccination booklet at the "
            "clinic, which holds the records. Nurseries and schools ask to see it.",
        ),
        (["孩子的预防接种证遗失或损坏"], ["your child's vaccination booklet is lost or damaged"]),
        [PARENT_IDS, Material("儿童身份证明", "Proof of the child's identity", COPY)],
        laws=["vaccines"],
        legal=1,
        promised=0,
        visits=1,
        events=["starting-school"],
        popularity=4100,
    ),
    service(
        "WJ-0007",
        D,
        ("计划生育家庭特别扶助金申领", "Special allowance for family-planning families"),
        (
            "独生子女死亡或伤残、未再生育或收养子女的夫妻，年满49周岁后申领特别扶助金。",
            "Couples whose only child has died or is disabled, and who have not had or adopted another child, "
            "can claim a special allowance from age 49.",
        ),
        (
            ["夫妻只生育一个子女，子女死亡或伤残", "女方年满49周岁", "现无存活子女或未再生育、收养子女"],
            [
                "you had only one child, who has died or is disabled",
                "the wife is 49 or over",
                "you have not had or adopted another child",
            ],
        ),
        [ID_CARD, HUKOU, MARRIAGE_CERT, BANK_CARD],
        laws=["population"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        events=["older-people"],
        popularity=1400,
    ),
    service(
        "WJ-0008",
        D,
        ("托育机构备案", "Registering a childcare centre"),
        (
            "举办3岁以下婴幼儿托育机构的，在登记后向县级卫生健康部门备案。",
            "A new childcare centre for children under 3 files with the county health office after it is registered.",
        ),
        (
            ["托育机构已依法登记", "有符合要求的场所、设施和保育人员"],
            ["the centre is lawfully registered", "it has suitable premises, equipment and carers"],
        ),
        [LICENCE, PREMISES, Material("托育机构备案书", "Childcare centre filing form"), LAYOUT_PLAN],
        laws=["population", "basic_health"],
        legal=15,
        promised=5,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=350,
    ),
]

PRACTICE_ACTIONS = [
    ("执业注册", "practising registration", 20, 10),
    ("变更注册", "change of practising registration", 20, 5),
    ("注销注册", "cancellation of practising registration", 20, 5),
]
PROFESSIONS = [
    (
        100,
        "医师",
        "doctor",
        "physicians",
        "医师资格证书",
        "Medical qualification certificate",
        "通过医师资格考试并取得医师资格",
        "passed the medical licensing examination",
    ),
    (
        110,
        "护士",
        "nurse",
        "nurses",
        "护士执业资格考试成绩合格证明",
        "Proof of passing the nursing examination",
        "通过护士执业资格考试",
        "passed the national nursing examination",
    ),
]


def _practice_services():
    services = []
    for base, job_zh, job_en, law, proof_zh, proof_en, passed_zh, passed_en in PROFESSIONS:
        for offset, (action_zh, action_en, legal, promised) in enumerate(PRACTICE_ACTIONS, 1):
            if offset == 1:
                summary = (
                    f"已{passed_zh}的人员，申请{job_zh}执业注册，取得执业证书后方可执业。",
                    f"If you have {passed_en}, register to practise as a {job_en}. You may practise once "
                    "you hold the practising certificate.",
                )
                who = (
                    [f"您已{passed_zh}", "您身体健康，能够胜任执业活动"],
                    [f"you have {passed_en}", "you are fit to practise"],
                )
                materials = [
                    ID_CARD,
                    Material(proof_zh, proof_en),
                    HEALTH_CHECK,
                    PHOTO,
                    Material("拟执业机构聘用证明", "Letter from the employer where you will practise"),
                ]
            elif offset == 2:
                summary = (
                    f"{job_zh}变更执业地点、执业类别或执业范围的，申请变更注册。",
                    f"Change your registration when you move to another workplace or change the type or "
                    f"scope of your work as a {job_en}.",
                )
                who = (
                    [f"您已注册为{job_zh}", "您的执业地点、执业类别或执业范围发生变化"],
                    [
                        f"you are registered as a {job_en}",
                        "your workplace, or the type or scope of your work, has changed",
                    ],
                )
                materials = [ID_CARD, PRACTICE_CERT, Material("新执业机构聘用证明", "Letter from your new employer")]
            else:
                summary = (
                    f"{job_zh}不再执业或不符合注册条件的，注销执业注册。",
                    f"Cancel your registration as a {job_en} when you stop practising or no longer qualify.",
                )
                who = (
                    [f"您已注册为{job_zh}", "您不再执业，或不再符合注册条件"],
                    [
                        f"you are registered as a {job_en}",
                        "you have stopped practising or no longer meet the conditions",
                    ],
                )
                materials = [ID_CARD, PRACTICE_CERT]
            services.append(
                service(
                    f"WJ-{base + offset:04d}",
                    D,
                    (f"{job_zh}{action_zh}", f"{job_en.capitalize()}s: {action_en}"),
                    summary,
                    who,
                    materials,
                    laws=[law],
                    legal=legal,
                    promised=promised,
                    visits=0,
                    online=True,
                )
            )
    return services


PERMIT_ACTIONS = [
    ("new", "新办", "new permit", "申请", "Apply for", 20, 10),
    ("change", "变更", "change of details", "变更", "Change the details on", 20, 5),
    ("renewal", "延续", "renewal", "延续", "Renew", 20, 5),
    ("cancellation", "注销", "cancellation", "注销", "Cancel", 20, 3),
]


def _public_place_services():
    services = []
    for offset, (key, action_zh, action_en, verb_zh, verb_en, legal, promised) in enumerate(PERMIT_ACTIONS, 1):
        services.append(
            service(
                f"WJ-{200 + offset:04d}",
                D,
                (f"公共场所卫生许可（{action_zh}）", f"Public place hygiene permit: {action_en}"),
                (
                    f"宾馆、美容美发、游泳场馆、商场等公共场所{verb_zh}公共场所卫生许可证。",
                    f"{verb_en} the hygiene permit that hotels, hair and beauty salons, swimming pools, shopping "
                    "centres and other public places need.",
                ),
                (
                    ["经营场所属于公共场所卫生管理范围", "卫生设施和从业人员健康检查符合要求"],
                    [
                        "the premises are a public place covered by hygiene rules",
                        "hygiene facilities and staff health checks meet the requirements",
                    ],
                )
                if key == "new"
                else lifecycle_who(key, "公共场所卫生许可证", "public place hygiene permit"),
                [LICENCE, APPLICATION, LAYOUT_PLAN] if offset == 1 else [LICENCE, PERMIT_ORIGINAL],
                laws=["public_places"],
                legal=legal,
                promised=promised,
                visits=0,
                online=offset > 2,
                proxy=True,
                audience=BUSINESSES,
            )
        )
    return services


INSTITUTION_SERVICES = [
    service(
        "WJ-0301",
        D,
        ("医疗机构执业登记", "Registering a medical institution"),
        (
            "诊所、门诊部、医院等医疗机构执业前办理执业登记，领取医疗机构执业许可证；诊所实行备案管理。",
            "Hospitals, clinics and outpatient departments register before they open and receive a practising "
            "licence; small clinics file a record instead.",
        ),
        (
            ["有符合标准的场所、设备和卫生技术人员", "有相应的规章制度"],
            [
                "the institution has premises, equipment and health professionals that meet the standards",
                "it has the required rules and procedures",
            ],
        ),
        [APPLICATION, PREMISES, LAYOUT_PLAN, QUALIFICATION_CERTS],
        laws=["medical_institutions"],
        legal=45,
        promised=20,
        visits=1,
        audience=BUSINESSES,
        popularity=600,
    ),
    service(
        "WJ-0302",
        D,
        ("医疗机构执业许可证校验", "Periodic check of a medical institution licence"),
        (
            "医疗机构按规定期限申请执业许可证校验。",
            "Medical institutions apply for the periodic check of their practising licence when it falls due.",
        ),
        (["医疗机构校验期届满"], ["the institution's check is due"]),
        [PERMIT_ORIGINAL, Material("校验申请书及执业情况报告", "Application and report on the institution's work")],
        laws=["medical_institutions"],
        legal=30,
        promised=15,
        visits=0,
        audience=BUSINESSES,
        popularity=450,
    ),
]

SERVICES = [*BIRTH_SERVICES, *_practice_services(), *_public_place_services(), *INSTITUTION_SERVICES]
