"""医疗保障: medical insurance enrolment, reimbursement, treatment away from home and medical assistance."""

from ..materials import (
    BANK_CARD,
    BIRTH_CERT,
    COPY,
    COST_LIST,
    DIAGNOSIS,
    DISCHARGE_SUMMARY,
    EMPLOYEE_LIST,
    HUKOU,
    ID_CARD,
    INCOME_DECLARATION,
    LICENCE,
    MEDICAL_INVOICES,
    RESIDENCE_PROOF,
    SSC,
    Material,
)
from ..spec import BUSINESSES, FAQ, service

D = "healthcare-security"

MEDICAL_INSURANCE_CARD = SSC(
    name_zh="社会保障卡或医保电子凭证", name_en="Social security card or medical insurance e-voucher"
)
REIMBURSE_FAQ = FAQ(
    "多久能到账？",
    "材料齐全的，20个工作日内把报销款打到您的社会保障卡或银行账户。",
    "When will I get the money?",
    "Within 20 working days of a complete claim, paid into your social security card or bank account.",
)

SERVICES = [
    service(
        "YB-0001",
        D,
        ("医疗保险费用报销", "Medical insurance reimbursement"),
        (
            "在未直接结算的医院看病（如异地就医未备案、急诊抢救）自己先垫付了费用的，申请医保报销。",
            "If you paid medical bills yourself because they could not be settled directly, for example in an "
            "emergency or away from home, claim the insured share back.",
        ),
        (
            ["您参加了本省基本医疗保险并正常缴费", "您的医疗费用未通过医保直接结算"],
            [
                "you are in a Shandong basic medical insurance scheme and your contributions are up to date",
                "your medical bills were not settled directly through medical insurance",
            ],
        ),
        [MEDICAL_INSURANCE_CARD, MEDICAL_INVOICES, COST_LIST, DISCHARGE_SUMMARY, BANK_CARD],
        laws=["social_insurance", "medical_fund"],
        legal=30,
        promised=20,
        visits=0,
        online=True,
        proxy=True,
        flow="medical-insurance-reimbursement",
        events=["older-people", "disability-services"],
        popularity=72000,
        faqs=[
            REIMBURSE_FAQ,
            FAQ(
                "报销有时间限制吗？",
                "一般应在费用发生之日起一年内申请，跨年度的请尽早办理。",
                "Is there a deadline?",
                "Usually within one year of the treatment, so claim as soon as you can.",
            ),
        ],
    ),
    service(
        "YB-0002",
        D,
        ("异地长期居住人员备案", "Registering for medical treatment where you live long-term"),
        (
            "退休后异地安置、长期在外省居住或工作的参保人，备案后在居住地看病可以直接结算。",
            "If you have retired to, live in or work in another province, register so that your hospital bills "
            "there are settled directly.",
        ),
        (
            ["您参加本省基本医疗保险", "您长期在省外或本省其他市居住、工作"],
            [
                "you are in a Shandong basic medical insurance scheme",
                "you live or work long-term in another province or another Shandong city",
            ],
        ),
        [
            MEDICAL_INSURANCE_CARD,
            RESIDENCE_PROOF(
                name_zh="异地居住承诺书",
                name_en="Signed declaration of where you live",
                form="original",
                notes=("本人签名，可在网上填写", "Signed by you; you can fill it in online"),
            ),
        ],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        in_person=True,
        proxy=True,
        events=["retiring", "older-people"],
        popularity=37000,
        faqs=[
            FAQ(
                "备案后还能回参保地看病吗？",
                "可以。备案有效期内在参保地和备案地都能就医结算。",
                "Can I still be treated back home?",
                "Yes. While your registration is valid, bills are settled both at home and where you live.",
            )
        ],
    ),
    service(
        "YB-0003",
        D,
        ("临时外出就医人员备案", "Registering for treatment on a temporary stay elsewhere"),
        (
            "因出差、旅游、探亲等临时外出需要在外地就医的，备案后可以直接结算。",
            "Register before or during a business "
            "trip, holiday or family visit so that treatment away from home is settled directly.",
        ),
        (
            ["您参加本省基本医疗保险", "您临时外出，需要在省外或本省其他市就医"],
            [
                "you are in a Shandong basic medical insurance scheme",
                "you are temporarily away and need treatment in another place",
            ],
        ),
        [MEDICAL_INSURANCE_CARD],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        in_person=True,
        proxy=True,
        popularity=29000,
    ),
    service(
        "YB-0004",
        D,
        ("异地转诊人员备案", "Registering a referral to a hospital elsewhere"),
        (
            "经定点医院诊断需要转到外地医院治疗的，办理转诊备案。",
            "If your hospital refers you to a hospital in another "
            "place, register the referral so bills there are settled directly.",
        ),
        (
            ["您参加本省基本医疗保险", "定点医疗机构出具了转诊意见"],
            ["you are in a Shandong basic medical insurance scheme", "a designated hospital has referred you"],
        ),
        [
            MEDICAL_INSURANCE_CARD,
            Material(
                "转诊证明",
                "Referral letter",
                fetched=True,
                notes_zh="由医院网上推送",
                notes_en="Sent online by the hospital",
            ),
        ],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=8700,
    ),
    service(
        "YB-0005",
        D,
        ("城乡居民基本医疗保险参保登记", "Enrolling in residents' basic medical insurance"),
        (
            "未参加职工医保的城乡居民、学生和儿童，参加城乡居民基本医疗保险，按年缴费。",
            "Residents, students and children who are not in the employees' scheme join the residents' basic "
            "medical insurance and pay once a year.",
        ),
        (
            ["您具有本省户籍或持有本省居住证", "您未参加职工基本医疗保险"],
            [
                "you have household registration or a residence permit in Shandong",
                "you are not in the employees' basic medical insurance",
            ],
        ),
        [ID_CARD, HUKOU],
        laws=["social_insurance"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=34000,
    ),
    service(
        "YB-0006",
        D,
        ("职工基本医疗保险参保登记", "Enrolling in employees' basic medical insurance"),
        (
            "用人单位为职工办理职工医保参保登记；灵活就业人员可以个人参保。",
            "Employers enrol their employees in the "
            "employees' medical insurance; self-employed people can enrol themselves.",
        ),
        (["您是用人单位的职工，或灵活就业人员"], ["you are an employee, or you are self-employed"]),
        [ID_CARD, EMPLOYEE_LIST(notes=("单位参保时提供", "When an employer enrols staff"))],
        laws=["social_insurance"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        audience="both",
        events=["finding-a-job"],
        popularity=16000,
    ),
    service(
        "YB-0007",
        D,
        ("新生儿参加城乡居民医疗保险", "Medical insurance for a newborn"),
        (
            "新生儿出生后参加城乡居民医保，出生90天内参保缴费的，出生起发生的医疗费用可以报销。",
            "Enrol your newborn baby in residents' medical insurance. If you enrol and pay within 90 days of "
            "the birth, the baby is covered from the day they were born.",
        ),
        (["孩子出生在本省或父母一方为本省参保人"], ["your baby was born in Shandong, or one parent is insured here"]),
        [BIRTH_CERT, HUKOU(name_zh="孩子的户口簿或户籍信息", name_en="The baby's household registration")],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["having-a-baby"],
        popularity=22000,
    ),
    service(
        "YB-0008",
        D,
        ("基本医疗保险关系转移接续", "Transferring your medical insurance"),
        (
            "跨统筹地区就业或居住的，把医保关系和个人账户转到新的参保地，缴费年限合并计算。",
            "When you move to work or live in another area, transfer your medical insurance and personal "
            "account there. Your years of contributions are added together.",
        ),
        (
            ["您已在新的参保地参保", "您在原参保地已停止缴费"],
            ["you have enrolled in the new area", "you have stopped paying in the old one"],
        ),
        [ID_CARD],
        laws=["social_insurance"],
        legal=45,
        promised=15,
        visits=0,
        online=True,
        proxy=True,
        popularity=11000,
    ),
    service(
        "YB-0009",
        D,
        ("门诊慢特病待遇认定", "Recognition of a chronic or special outpatient condition"),
        (
            "患有高血压、糖尿病、恶性肿瘤等门诊慢特病的参保人，认定后门诊费用按较高比例报销。",
            "If you have a long-term condition such as high blood pressure, diabetes or cancer, have it "
            "recognised so your outpatient costs are reimbursed at a higher rate.",
        ),
        (
            ["您参加本省基本医疗保险", "您患有规定的门诊慢特病病种"],
            ["you are in a Shandong basic medical insurance scheme", "you have one of the listed chronic conditions"],
        ),
        [MEDICAL_INSURANCE_CARD, DIAGNOSIS, DISCHARGE_SUMMARY],
        laws=["social_insurance"],
        legal=15,
        promised=5,
        visits=0,
        proxy=True,
        events=["older-people", "disability-services"],
        popularity=25000,
        faqs=[
            FAQ(
                "在哪里认定？",
                "可以在定点医院的医保窗口直接申请，医生评估后系统当场办结。",
                "Where do I apply?",
                "At the medical insurance desk of a designated hospital; the doctor's assessment is recorded at once.",
            )
        ],
    ),
    service(
        "YB-0010",
        D,
        ("生育医疗费用报销", "Reimbursement of maternity medical costs"),
        (
            "参加生育保险的职工或其配偶，报销产前检查和分娩的医疗费用。",
            "Insured employees, or their spouses, claim back antenatal and childbirth costs.",
        ),
        (
            ["您或配偶参加了职工生育保险", "费用未在医院直接结算"],
            ["you or your spouse have employees' maternity insurance", "the costs were not settled at the hospital"],
        ),
        [MEDICAL_INSURANCE_CARD, MEDICAL_INVOICES, BIRTH_CERT(form=COPY)],
        laws=["social_insurance"],
        legal=30,
        promised=15,
        visits=0,
        proxy=True,
        events=["having-a-baby"],
        popularity=9500,
    ),
    service(
        "YB-0011",
        D,
        ("生育津贴申领", "Claiming maternity allowance"),
        (
            "参加生育保险的女职工产假期间，由单位申领生育津贴，按单位上年度职工月平均工资计发。",
            "During maternity leave, the employer claims maternity allowance for an insured employee, based on "
            "the employer's average monthly wage last year.",
        ),
        (
            ["您参加职工生育保险", "您已生育或终止妊娠"],
            ["you have employees' maternity insurance", "you have given birth or ended a pregnancy"],
        ),
        [ID_CARD, BIRTH_CERT(form=COPY), BANK_CARD],
        laws=["social_insurance"],
        legal=30,
        promised=15,
        visits=0,
        online=True,
        proxy=True,
        audience="both",
        events=["having-a-baby"],
        popularity=12500,
    ),
    service(
        "YB-0012",
        D,
        ("医疗救助申请", "Medical assistance"),
        (
            "低保、特困等困难人员经医保报销后个人负担仍较重的，申请医疗救助。",
            "People on low incomes whose medical costs "
            "are still high after insurance can apply for medical assistance.",
        ),
        (
            ["您是低保对象、特困人员、低收入家庭成员或因病致贫人员", "您个人负担的医疗费用超过规定标准"],
            [
                "you receive minimum living allowance or support for extreme poverty, or have a low income or "
                "large medical debts",
                "your own share of medical costs is above the set limit",
            ],
        ),
        [ID_CARD, MEDICAL_INVOICES, INCOME_DECLARATION],
        laws=["social_assistance", "social_insurance"],
        legal=30,
        promised=15,
        visits=1,
        proxy=True,
        events=["disability-services", "older-people"],
        popularity=4300,
    ),
    service(
        "YB-0013",
        D,
        ("长期护理保险待遇申请", "Long-term care insurance benefits"),
        (
            "长期失能、生活不能自理的参保人，经评估后享受居家、机构等长期护理保险待遇。",
            "Insured people who have been unable to look after themselves for a long time can be assessed for "
            "care at home or in a care home paid by long-term care insurance.",
        ),
        (
            ["您参加了职工基本医疗保险", "您因年老、疾病、伤残失能6个月以上"],
            [
                "you are in the employees' basic medical insurance",
                "you have been unable to look after yourself for 6 months or more because of age, illness or "
                "disability",
            ],
        ),
        [ID_CARD, DIAGNOSIS, Material("失能评估申请表", "Care needs assessment form")],
        laws=["social_insurance"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        regions=["370100", "370200", "370300", "370500", "370600", "370700", "370900", "371000"],
        events=["older-people", "disability-services"],
        popularity=6100,
    ),
    service(
        "YB-0014",
        D,
        ("职工医保个人账户家庭共济", "Sharing your medical account with family"),
        (
            "职工医保个人账户可以绑定配偶、父母、子女，用于支付他们的医疗费用和居民医保费。",
            "Link your employee medical account to your spouse, parents or children so it can pay their "
            "medical bills and residents' insurance.",
        ),
        (
            ["您参加职工基本医疗保险", "共济人是您的配偶、父母或子女"],
            ["you are in the employees' basic medical insurance", "the family member is your spouse, parent or child"],
        ),
        [ID_CARD, Material("家庭成员关系证明", "Proof of family relationship", fetched=True)],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        in_person=True,
        popularity=14500,
    ),
    service(
        "YB-0015",
        D,
        ("参保缴费凭证打印", "Printing your medical insurance record"),
        (
            "打印本人医疗保险参保和缴费证明，可网上下载。",
            "Print proof of your medical insurance and contributions, or download it online.",
        ),
        (["您参加了本省基本医疗保险"], ["you are in a Shandong basic medical insurance scheme"]),
        [ID_CARD],
        laws=["social_insurance"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=13500,
    ),
    service(
        "YB-0016",
        D,
        ("单位医疗保险登记信息变更", "Changing employer medical insurance details"),
        (
            "用人单位名称、地址、银行账户等变更的，办理医保登记信息变更。",
            "Employers update their medical insurance details when the name, address or bank account changes.",
        ),
        (["单位医保登记信息发生变化"], ["your organisation's registered details have changed"]),
        [LICENCE],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=2100,
    ),
    service(
        "YB-0017",
        D,
        ("意外伤害医疗费用报销", "Reimbursement for accidental injuries"),
        (
            "城乡居民因无第三方责任的意外伤害就医，申请医保报销。",
            "Residents injured in an accident for which nobody else "
            "is liable claim their medical costs from medical insurance.",
        ),
        (
            ["您参加城乡居民基本医疗保险", "意外伤害不存在第三方责任"],
            ["you are in residents' basic medical insurance", "nobody else is liable for the accident"],
        ),
        [MEDICAL_INSURANCE_CARD, MEDICAL_INVOICES, Material("外伤情况说明", "Statement of how the injury happened")],
        laws=["social_insurance", "medical_fund"],
        legal=30,
        promised=20,
        visits=1,
        proxy=True,
        popularity=5600,
        faqs=[REIMBURSE_FAQ],
    ),
]
