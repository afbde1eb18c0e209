"""残疾人联合会: disability certificates, rehabilitation, assistive devices and help with work."""

from ..materials import (
    BANK_CARD,
    DEATH_CERT,
    DIAGNOSIS,
    DISABILITY_ASSESSMENT,
    DISABILITY_CERT,
    HUKOU,
    ID_CARD,
    LICENCE,
    LOSS_STATEMENT,
    PHOTO,
    Material,
)
from ..spec import BOTH_AUDIENCES, FAQ, service

D = "disabled-persons-federation"
EVENT = ["disability-services"]
CERT_PHOTO = PHOTO(quantity=2, notes=("2寸白底", "2-inch, white background"))
HOME_ASSESSMENT_FAQ = FAQ(
    "行动不便能上门评定吗？",
    "可以。重度肢体残疾或卧床的，可以申请评定医生上门评残。",
    "Can the assessment be done at home?",
    "Yes. If you have a severe physical disability or are bedridden, ask for the doctor to come to you.",
)

SERVICES = [
    service(
        "CL-0001",
        D,
        ("残疾人证办理", "Disability certificate"),
        (
            "视力、听力、言语、肢体、智力、精神等方面有长期残疾的，申请残疾评定并办理残疾人证，凭证享受各项扶助政策。"
            "家人可以在网上代为申请。",
            "If you have a long-term visual, hearing, speech, physical, intellectual or mental disability, "
            "apply for an assessment and a disability certificate, which gives access to support. A family "
            "member can apply online for you.",
        ),
        (
            ["您具有本省户籍", "您的残疾状况符合国家残疾分类分级标准"],
            [
                "you have household registration in Shandong",
                "your disability meets the national classification standard",
            ],
        ),
        [ID_CARD, HUKOU, CERT_PHOTO, DISABILITY_ASSESSMENT],
        laws=["disability", "disability_certificate"],
        legal=30,
        promised=15,
        visits=1,
        online=True,
        proxy=True,
        flow="disability-certificate",
        events=EVENT,
        popularity=32000,
        faqs=[
            HOME_ASSESSMENT_FAQ,
            FAQ(
                "办证要钱吗？",
                "残疾人证免费办理，评残体检费用按各市规定减免。",
                "Does it cost anything?",
                "The certificate is free; the assessment fee is waived or reduced under each city's rules.",
            ),
        ],
    ),
    service(
        "CL-0002",
        D,
        ("残疾人证换领", "Renewing a disability certificate"),
        (
            "残疾人证有效期满或需要换发第三代智能化残疾人证的，申请换领。",
            "Renew a disability certificate that has expired, or swap it for the third-generation smart card.",
        ),
        (
            ["您的残疾人证有效期满或即将到期", "或需要换领第三代残疾人证"],
            ["your certificate has expired or is about to", "or you want the third-generation card"],
        ),
        [ID_CARD, DISABILITY_CERT, CERT_PHOTO],
        laws=["disability_certificate"],
        legal=30,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        who_mode="any",
        events=EVENT,
        popularity=14000,
    ),
    service(
        "CL-0003",
        D,
        ("残疾人证补领", "Replacing a disability certificate"),
        ("残疾人证遗失或损毁的，申请补领。", "Replace a lost or damaged disability certificate."),
        (["您的残疾人证遗失或损毁"], ["your certificate is lost or damaged"]),
        [ID_CARD, LOSS_STATEMENT, CERT_PHOTO],
        laws=["disability_certificate"],
        legal=30,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        events=EVENT,
        popularity=4300,
    ),
    service(
        "CL-0004",
        D,
        ("残疾人证迁移", "Transferring a disability certificate"),
        (
            "户口迁移到本省其他县（市、区）的，办理残疾人证迁移，待遇不中断。",
            "When your household registration moves to "
            "another county in Shandong, transfer your certificate so your support continues.",
        ),
        (
            ["您持有残疾人证", "您的户口已迁移"],
            ["you hold a disability certificate", "your household registration has moved"],
        ),
        [ID_CARD, DISABILITY_CERT, HUKOU],
        laws=["disability_certificate"],
        legal=30,
        promised=10,
        visits=0,
        proxy=True,
        events=EVENT,
        popularity=2600,
    ),
    service(
        "CL-0005",
        D,
        ("残疾类别等级变更", "Changing the category or grade of a disability"),
        (
            "残疾状况发生变化的，重新评定并变更残疾类别或等级。",
            "If your disability changes, have it reassessed and your category or grade updated.",
        ),
        (
            ["您持有残疾人证", "您的残疾状况发生明显变化"],
            ["you hold a disability certificate", "your disability has changed significantly"],
        ),
        [ID_CARD, DISABILITY_CERT, DISABILITY_ASSESSMENT],
        laws=["disability_certificate"],
        legal=30,
        promised=15,
        visits=1,
        proxy=True,
        events=EVENT,
        popularity=3100,
        faqs=[HOME_ASSESSMENT_FAQ],
    ),
    service(
        "CL-0006",
        D,
        ("残疾人证注销", "Cancelling a disability certificate"),
        (
            "持证人死亡、户口迁出本省或不再符合残疾标准的，注销残疾人证。",
            "Cancel a disability certificate when the holder "
            "dies, moves out of Shandong or no longer meets the standard.",
        ),
        (
            ["持证人已死亡", "持证人户口迁出本省", "经评定持证人不再属于残疾人"],
            [
                "the holder has died",
                "the holder has moved their household registration out of Shandong",
                "an assessment shows the holder is no longer disabled",
            ],
        ),
        [DISABILITY_CERT, DEATH_CERT(notes=("持证人死亡时提供", "If the holder has died"))],
        laws=["disability_certificate"],
        legal=30,
        promised=5,
        visits=0,
        proxy=True,
        who_mode="any",
        events=["after-a-death"],
        popularity=1800,
    ),
    service(
        "CL-0101",
        D,
        ("残疾儿童康复救助", "Rehabilitation help for disabled children"),
        (
            "0至6岁视力、听力、言语、肢体、智力残疾儿童和孤独症儿童，申请手术、辅助器具配置和康复训练救助。",
            "Children aged 0 to 6 with visual, hearing, speech, physical or intellectual disabilities, or "
            "autism, can get help with surgery, assistive devices and rehabilitation.",
        ),
        (
            ["儿童年龄在0至6周岁", "儿童经诊断为残疾或孤独症", "具有本省户籍或居住证"],
            [
                "the child is aged 0 to 6",
                "they have been diagnosed with a disability or autism",
                "they have household registration or a residence permit in Shandong",
            ],
        ),
        [ID_CARD(name_zh="儿童及监护人身份证件", name_en="The child's and the guardian's ID"), DIAGNOSIS, HUKOU],
        laws=["rehabilitation", "disability"],
        legal=20,
        promised=10,
        visits=0,
        proxy=True,
        events=[*EVENT, "having-a-baby"],
        popularity=5200,
    ),
    service(
        "CL-0102",
        D,
        ("辅助器具适配补贴", "Grant for assistive devices"),
        (
            "持证残疾人申请轮椅、助听器、假肢等辅助器具的适配补贴。",
            "People with a disability certificate can get help "
            "with wheelchairs, hearing aids, artificial limbs and other assistive devices.",
        ),
        (
            ["您持有残疾人证", "您经评估需要适配辅助器具"],
            ["you hold a disability certificate", "an assessment shows you need an assistive device"],
        ),
        [ID_CARD, DISABILITY_CERT, Material("辅助器具评估意见", "Assistive device assessment")],
        laws=["rehabilitation"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        events=EVENT,
        popularity=6800,
    ),
    service(
        "CL-0103",
        D,
        ("残疾人机动轮椅车燃油补贴", "Fuel allowance for motorised wheelchair users"),
        (
            "使用机动轮椅车的下肢残疾人，每年申领燃油补贴。",
            "People with lower-limb disabilities who use a motorised wheelchair can claim a fuel allowance each year.",
        ),
        (
            ["您是持证的下肢残疾人", "您拥有登记的机动轮椅车"],
            [
                "you hold a disability certificate for a lower-limb disability",
                "you own a registered motorised wheelchair",
            ],
        ),
        [ID_CARD, DISABILITY_CERT, Material("机动轮椅车行驶证", "Registration of the motorised wheelchair"), BANK_CARD],
        laws=["disability"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        events=EVENT,
        popularity=900,
    ),
    service(
        "CL-0104",
        D,
        ("残疾人就业创业扶持", "Help for disabled people to work or start a business"),
        (
            "残疾人自主创业或灵活就业的，申请创业扶持资金和社会保险补贴。",
            "Disabled people who start a business or are "
            "self-employed can apply for start-up funding and help with social insurance.",
        ),
        (
            ["您持有残疾人证且在法定劳动年龄内", "您自主创业或灵活就业"],
            [
                "you hold a disability certificate and are of working age",
                "you have started a business or are self-employed",
            ],
        ),
        [ID_CARD, DISABILITY_CERT, LICENCE(notes=("自主创业的提供", "If you run a business"))],
        laws=["disabled_employment"],
        legal=30,
        promised=15,
        visits=0,
        proxy=True,
        audience=BOTH_AUDIENCES,
        events=[*EVENT, "finding-a-job"],
        popularity=2300,
    ),
    service(
        "CL-0105",
        D,
        ("残疾人家庭无障碍改造", "Accessibility adaptations at home"),
        (
            "困难重度残疾人家庭申请扶手、坡道、卫生间改造等无障碍改造。",
            "Severely disabled people in households on low "
            "incomes can get handrails, ramps, bathroom adaptations and other changes to their home.",
        ),
        (
            ["家中有持证的重度残疾人", "家庭经济困难"],
            ["someone in your household has a certificate for a severe disability", "your household has a low income"],
        ),
        [ID_CARD, DISABILITY_CERT, Material("住房情况说明", "Description of the home")],
        laws=["disability"],
        legal=60,
        promised=30,
        visits=0,
        proxy=True,
        events=[*EVENT, "older-people"],
        popularity=1700,
    ),
    service(
        "CL-0106",
        D,
        ("用人单位安排残疾人就业情况审核", "Checking an employer's employment of disabled people"),
        (
            "用人单位每年申报上一年度安排残疾人就业情况，未达比例的缴纳残疾人就业保障金。",
            "Employers report each year how many disabled people they employed last year; those below the "
            "quota pay into the disability employment fund.",
        ),
        (["您是在本省登记的用人单位"], ["you are an employer registered in Shandong"]),
        [LICENCE, Material("残疾职工劳动合同及残疾人证", "Contracts and certificates of disabled employees", "copy")],
        laws=["disabled_employment"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        audience="businesses",
        popularity=5500,
    ),
]
