"""教育: school places, transfers, student aid, teacher qualifications and the Putonghua test."""

from ..materials import (
    APPLICATION,
    BIRTH_CERT,
    COPY,
    FINANCIAL_STATEMENTS,
    GRADUATION_CERT,
    HEALTH_CHECK,
    HUKOU,
    ID_CARD,
    INCOME_DECLARATION,
    LOSS_STATEMENT,
    MANDARIN_CERT,
    PHOTO,
    PREMISES,
    RESIDENCE_PROOF,
    STUDENT_RECORD,
    VACCINATION_RECORD,
    Material,
)
from ..spec import BUSINESSES, FAQ, service

D = "education"

CHILD_PARENT_IDS = ID_CARD(name_zh="父母（监护人）身份证", name_en="Parents' or guardian's ID cards")
ENROLMENT_FAQ = FAQ(
    "什么时候报名？",
    "每年5月至7月各县（市、区）公布招生方案和报名时间，请关注当地教育局公告。",
    "When do I register?",
    "Each county publishes its admission plan and dates between May and July; check your local "
    "education bureau's notice.",
)

SCHOOL_SERVICES = [
    service(
        "JY-0001",
        D,
        ("幼儿园入园报名", "Kindergarten registration"),
        (
            "年满3周岁的适龄儿童，由家长在网上报名公办幼儿园或普惠性民办幼儿园。",
            "Parents register children aged 3 or over online for a public or subsidised private kindergarten.",
        ),
        (
            ["孩子当年8月31日前年满3周岁", "孩子户籍或父母居住地在招生范围内"],
            [
                "your child will be 3 by 31 August this year",
                "your child is registered or you live in the area the kindergarten serves",
            ],
        ),
        [CHILD_PARENT_IDS, HUKOU, RESIDENCE_PROOF, VACCINATION_RECORD(notes=("查验接种情况", "To check vaccinations"))],
        laws=["preschool_education"],
        legal=20,
        promised=20,
        visits=1,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=26000,
        faqs=[ENROLMENT_FAQ],
    ),
    service(
        "JY-0002",
        D,
        ("小学一年级入学登记", "Primary school registration"),
        (
            "年满6周岁的适龄儿童，由家长在网上登记小学一年级入学，按学区划片就近入学。",
            "Parents register children aged 6 for the first year of primary school online; places are given "
            "by catchment area.",
        ),
        (
            ["孩子当年8月31日前年满6周岁", "孩子户籍或父母住房在学校招生范围内"],
            [
                "your child will be 6 by 31 August this year",
                "your child is registered or you own a home in the school's catchment area",
            ],
        ),
        [CHILD_PARENT_IDS, HUKOU, RESIDENCE_PROOF, BIRTH_CERT(form=COPY)],
        laws=["compulsory_education"],
        legal=30,
        promised=30,
        visits=1,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=57000,
        faqs=[
            ENROLMENT_FAQ,
            FAQ(
                "租房能上学吗？",
                "租房家庭可以凭租赁登记备案证明和社保缴纳证明，由教育部门统筹安排入学。",
                "Can we get a place if we rent?",
                "Yes. With a registered tenancy and proof of social insurance, the education bureau allocates a place.",
            ),
        ],
    ),
    service(
        "JY-0003",
        D,
        ("小学升初中入学", "Starting junior secondary school"),
        (
            "小学毕业生按照学区对口或电脑派位进入初中，家长在网上确认入学信息。",
            "Primary school leavers move to junior secondary school by catchment area or computer allocation; "
            "parents confirm the place online.",
        ),
        (
            ["孩子当年小学毕业", "孩子户籍或父母居住地在本县（市、区）"],
            ["your child finishes primary school this year", "your child is registered or you live in the county"],
        ),
        [CHILD_PARENT_IDS, STUDENT_RECORD],
        laws=["compulsory_education"],
        legal=30,
        promised=30,
        visits=0,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=38000,
        faqs=[ENROLMENT_FAQ],
    ),
    service(
        "JY-0004",
        D,
        ("随迁子女义务教育入学", "School places for children of families who have moved"),
        (
            "在本地工作居住的外地户籍家庭，为随迁子女申请义务教育学校学位。",
            "Families who work and live here but are registered elsewhere apply for a school place for their children.",
        ),
        (
            ["父母一方在本地有合法稳定就业和住所", "父母持有本地居住证"],
            ["one parent has a stable job and home here", "the parents hold a local residence permit"],
        ),
        [
            CHILD_PARENT_IDS,
            Material("居住证", "Residence permit"),
            RESIDENCE_PROOF,
            Material("就业或社保缴纳证明", "Proof of work or social insurance", fetched=True),
        ],
        laws=["compulsory_education"],
        legal=30,
        promised=30,
        visits=1,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=21000,
        faqs=[ENROLMENT_FAQ],
    ),
    service(
        "JY-0005",
        D,
        ("义务教育阶段转学", "Changing schools"),
        (
            "因搬家、父母工作调动等原因，义务教育阶段学生申请转学，学籍随之转移。",
            "Pupils apply to change school when the "
            "family moves or a parent changes job; the student record moves with them.",
        ),
        (
            ["学生在义务教育阶段就读", "因户籍迁移、家庭搬迁等原因需要转学"],
            ["the pupil is in compulsory education", "they need to move because the family has moved or similar"],
        ),
        [CHILD_PARENT_IDS, STUDENT_RECORD, Material("接收学校同意接收证明", "Acceptance from the new school")],
        laws=["compulsory_education"],
        legal=15,
        promised=5,
        visits=0,
        online=True,
        proxy=True,
        events=["starting-school"],
        popularity=12000,
    ),
    service(
        "JY-0006",
        D,
        ("学前教育资助申请", "Preschool financial aid"),
        (
            "家庭经济困难的在园幼儿，申请减免保育教育费等资助。",
            "Children at kindergarten from families with financial difficulties can get help with fees.",
        ),
        (
            ["孩子在经审批的幼儿园就读", "家庭经济困难，或孩子为孤儿、残疾儿童"],
            [
                "your child attends an approved kindergarten",
                "your family has financial difficulties, or the child is an orphan or disabled",
            ],
        ),
        [CHILD_PARENT_IDS, INCOME_DECLARATION],
        laws=["preschool_education"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        events=["starting-school"],
        popularity=4200,
    ),
    service(
        "JY-0007",
        D,
        ("普通高中国家助学金申请", "National grant for senior secondary students"),
        (
            "家庭经济困难的普通高中学生，申请国家助学金，每年按学期发放。",
            "Senior secondary students from families with "
            "financial difficulties can get a national grant, paid each term.",
        ),
        (
            ["您是普通高中在校学生", "家庭经济困难"],
            ["you are at a senior secondary school", "your family has financial difficulties"],
        ),
        [ID_CARD, INCOME_DECLARATION],
        laws=["education"],
        legal=30,
        promised=20,
        visits=0,
        proxy=True,
        events=["starting-school"],
        popularity=6300,
    ),
    service(
        "JY-0008",
        D,
        ("中等职业教育免学费", "Free tuition in secondary vocational schools"),
        (
            "中等职业学校全日制学历教育在校生免除学费，由学校统一申报。",
            "Full-time students at secondary vocational schools pay no tuition; the school applies for them.",
        ),
        (
            ["您是中等职业学校全日制正式学籍学生"],
            ["you are a full-time registered student at a secondary vocational school"],
        ),
        [STUDENT_RECORD],
        laws=["education"],
        legal=30,
        promised=15,
        visits=0,
        proxy=True,
        popularity=3900,
    ),
    service(
        "JY-0009",
        D,
        ("学籍证明开具", "Certificate of student status"),
        (
            "在校学生或家长申请开具学籍证明，用于转学、出国或办理其他事务。",
            "Students or parents get a certificate of "
            "student status for a school change, travel abroad or other matters.",
        ),
        (["学生具有本省中小学学籍"], ["the student is on the register of a school in Shandong"]),
        [CHILD_PARENT_IDS, STUDENT_RECORD],
        laws=["education"],
        legal=5,
        promised=1,
        visits=0,
        online=True,
        proxy=True,
        popularity=7000,
    ),
]

TEACHER_SERVICES = [
    service(
        "JY-0101",
        D,
        ("教师资格认定", "Teacher qualification"),
        (
            "通过国家教师资格考试或符合免试条件的人员，申请认定幼儿园、小学、中学等教师资格。",
            "People who have passed the national teacher qualification exam, or are exempt from it, apply to "
            "be recognised as qualified kindergarten, primary or secondary teachers.",
        ),
        (
            ["具备规定的学历", "通过国家教师资格考试或符合免试认定条件", "普通话水平达到二级乙等以上", "体检合格"],
            [
                "you have the required education",
                "you have passed the national exam or are exempt",
                "your Putonghua level is 2B or higher",
                "you have passed the medical",
            ],
        ),
        [ID_CARD, GRADUATION_CERT, MANDARIN_CERT, HEALTH_CHECK, PHOTO],
        laws=["teachers", "teacher_qualifications"],
        legal=30,
        promised=20,
        visits=0,
        online=True,
        popularity=16000,
        faqs=[
            FAQ(
                "一年能认定几次？",
                "每年春季和秋季各集中受理一次，具体时间以当地公告为准。",
                "When can I apply?",
                "Applications open twice a year, in spring and autumn; see your local notice for dates.",
            )
        ],
    ),
    service(
        "JY-0102",
        D,
        ("教师资格证书补发换发", "Replacing a teacher qualification certificate"),
        (
            "教师资格证书遗失或损毁的，向原认定机构申请补发或换发。",
            "Replace a lost or damaged teacher qualification certificate through the authority that issued it.",
        ),
        (["您的教师资格证书遗失或损毁"], ["your certificate is lost or damaged"]),
        [ID_CARD, LOSS_STATEMENT, PHOTO],
        laws=["teacher_qualifications"],
        legal=20,
        promised=10,
        visits=0,
        popularity=2400,
    ),
    service(
        "JY-0103",
        D,
        ("普通话水平测试报名", "Registering for the Putonghua proficiency test"),
        (
            "需要普通话等级证书的人员，在网上报名参加普通话水平测试。",
            "Register online for the Putonghua proficiency test if you need a certificate of your level.",
        ),
        (["您需要参加普通话水平测试"], ["you need to take the Putonghua proficiency test"]),
        [ID_CARD, PHOTO],
        laws=["language"],
        legal=0,
        promised=0,
        visits=1,
        online=True,
        fee=("测试费按省定标准收取。", "A test fee set by the province."),
        popularity=13000,
    ),
    service(
        "JY-0104",
        D,
        ("普通话水平测试等级证书补发", "Replacing a Putonghua proficiency certificate"),
        (
            "普通话水平测试等级证书遗失的，可以申请补发，或直接下载电子证书。",
            "Replace a lost Putonghua certificate, or download the electronic certificate.",
        ),
        (
            ["您已通过普通话水平测试，证书遗失或损毁"],
            ["you have passed the test and your certificate is lost or damaged"],
        ),
        [ID_CARD],
        laws=["language"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        popularity=2100,
    ),
]

SCHOOL_LICENCE_ACTIONS = [
    (
        "设立",
        "approval to open",
        "申请设立",
        "Apply to open",
        90,
        30,
        (
            ["有规范的学校名称、章程和组织机构", "有与办学规模相适应的校舍、设施和教师"],
            [
                "the school has a proper name, charter and governing bodies",
                "it has buildings, facilities and teachers for its size",
            ],
        ),
        [APPLICATION, PREMISES, FINANCIAL_STATEMENTS, Material("学校章程", "School charter")],
    ),
    (
        "变更",
        "change",
        "变更举办者、名称、层次等",
        "Change the sponsor, name, level or other details of",
        90,
        20,
        (
            ["学校已取得办学许可证", "举办者、名称、层次或类别等事项发生变化"],
            ["the school holds a school licence", "its sponsor, name, level or type is changing"],
        ),
        [APPLICATION, Material("办学许可证", "School licence")],
    ),
    (
        "终止",
        "closure",
        "终止办学",
        "Close",
        90,
        20,
        (
            ["学校决定终止办学，或依法被终止", "已制定在校学生的妥善安置方案"],
            ["the school has decided to close, or is being closed by law", "there is a proper plan for its students"],
        ),
        [APPLICATION, Material("办学许可证", "School licence"), Material("学生安置方案", "Plan for the students")],
    ),
]


def _private_school_services():
    return [
        service(
            f"JY-{200 + offset:04d}",
            D,
            (f"民办学校{action_zh}", f"Private school: {action_en}"),
            (
                f"社会组织或个人举办的民办学校{verb_zh}，须经教育行政部门审批。",
                f"{verb_en} a private school run by an organisation or individual, with the approval of the "
                "education authority.",
            ),
            who,
            materials,
            laws=["private_schools"],
            legal=legal,
            promised=promised,
            visits=1,
            audience=BUSINESSES,
        )
        for offset, (action_zh, action_en, verb_zh, verb_en, legal, promised, who, materials) in enumerate(
            SCHOOL_LICENCE_ACTIONS, 1
        )
    ]


SERVICES = [*SCHOOL_SERVICES, *TEACHER_SERVICES, *_private_school_services()]
