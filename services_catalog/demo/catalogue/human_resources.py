"""人力资源和社会保障: social insurance, social security cards, pensions, jobs and employment rights."""

from ..materials import (
    APPLICATION,
    BANK_CARD,
    COPY,
    DEATH_CERT,
    DIAGNOSIS,
    EMPLOYEE_LIST,
    FINANCIAL_STATEMENTS,
    GRADUATION_CERT,
    HUKOU,
    ID_CARD,
    LABOUR_CONTRACT,
    LICENCE,
    PERMIT_ORIGINAL,
    PHOTO,
    PREMISES,
    REPRESENTATIVE_ID,
    SSC,
    Material,
)
from ..spec import BOTH_AUDIENCES, BUSINESSES, FAQ, lifecycle_who, service

D = "human-resources-social-security"

INSURANCE_RECORD = Material(
    "参保缴费凭证",
    "Record of social insurance contributions",
    fetched=True,
    notes_zh="系统自动调取",
    notes_en="Fetched from the system automatically",
)
UNEMPLOYMENT_PROOF = Material(
    "终止或解除劳动关系证明",
    "Proof that your employment has ended",
    fetched=True,
    notes_zh="单位已网上备案的无需提交",
    notes_en="Not needed if your employer filed it online",
)

PENSION_CHECK_FAQ = FAQ(
    "不会用手机怎么办？",
    "子女可以在自己的手机上帮您认证；也可以到社区、社保经办窗口认证，行动不便的可申请上门认证。",
    "What if I can't use a smartphone?",
    "Your children can complete the check for you on their phone. You can also go to your "
    "community office or a social insurance counter, or ask for a home visit if you cannot "
    "get out.",
)

INSURANCE_SERVICES = [
    service(
        "RS-0001",
        D,
        ("社会保险参保登记", "Social insurance enrolment"),
        (
            "个人办理职工或城乡居民社会保险参保登记，参保后按月缴费，享受养老、医疗、失业、工伤等保险待遇。",
            "Enrol in social insurance as an employee or as a resident. Once enrolled you pay contributions "
            "and are covered for pensions, medical care, unemployment and injuries at work.",
        ),
        (
            ["您在本省就业、灵活就业或具有本省户籍", "您尚未在其他地方参加同类社会保险"],
            [
                "you work in Shandong, are self-employed here or have household registration here",
                "you are not already insured for the same cover elsewhere",
            ],
        ),
        [ID_CARD, LABOUR_CONTRACT(notes=("职工参保由单位提交", "Your employer submits it for employees"))],
        laws=["social_insurance", "premium_collection"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["finding-a-job", "starting-a-business"],
        popularity=61000,
        faqs=[
            FAQ(
                "灵活就业人员怎么参保？",
                "个体工商户和灵活就业人员可以在网上自主参加企业职工基本养老保险，按月或按年缴费。",
                "How do self-employed people enrol?",
                "Individual business owners and self-employed people can enrol online in the employees' "
                "basic pension scheme and pay monthly or yearly.",
            )
        ],
    ),
    service(
        "RS-0002",
        D,
        ("单位社会保险登记", "Employer social insurance registration"),
        (
            "用人单位自成立之日起30日内办理社会保险登记。新开办企业在领取营业执照时可一并完成。",
            "Employers register for social insurance within 30 days of being set up. New businesses can do "
            "it when they get their business licence.",
        ),
        (
            ["您的单位已依法设立", "单位尚未办理社会保险登记"],
            ["your organisation has been lawfully set up", "it has not yet registered for social insurance"],
        ),
        [LICENCE, REPRESENTATIVE_ID, EMPLOYEE_LIST],
        laws=["social_insurance", "premium_collection"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        events=["starting-a-business"],
        popularity=12000,
    ),
    service(
        "RS-0003",
        D,
        ("单位社会保险登记变更", "Changing employer social insurance details"),
        (
            "单位名称、地址、法定代表人、银行账户等登记事项变更的，30日内办理变更。",
            "Employers update their social insurance registration within 30 days when the name, address, "
            "legal representative or bank account changes.",
        ),
        (["单位的社会保险登记事项发生变化"], ["your organisation's registered details have changed"]),
        [LICENCE, REPRESENTATIVE_ID],
        laws=["social_insurance"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=4500,
    ),
    service(
        "RS-0004",
        D,
        ("单位社会保险注销登记", "Closing an employer social insurance registration"),
        (
            "单位依法终止的，结清社会保险费后注销社会保险登记。",
            "When an organisation closes, it settles its contributions and closes its social insurance registration.",
        ),
        (
            ["单位已依法终止或注销", "已结清应缴社会保险费"],
            ["the organisation has closed or been deregistered", "all contributions due have been paid"],
        ),
        [LICENCE, Material("注销决议或批准文件", "Resolution or approval to close the organisation")],
        laws=["social_insurance"],
        legal=15,
        promised=3,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=1900,
    ),
    service(
        "RS-0005",
        D,
        ("企业职工基本养老保险关系转移接续", "Transferring your employee pension insurance"),
        (
            "跨省、跨市流动就业的，把养老保险关系和个人账户转到新的参保地，缴费年限累计计算。",
            "When you move to work in another city or province, transfer your pension insurance and personal "
            "account to the new place. Your years of contributions are added together.",
        ),
        (
            ["您已参加企业职工基本养老保险", "您在新的参保地已参保"],
            ["you are in the employees' basic pension scheme", "you have enrolled in the new place"],
        ),
        [ID_CARD, APPLICATION],
        laws=["social_insurance", "pension_transfer"],
        legal=45,
        promised=15,
        visits=0,
        online=True,
        proxy=True,
        events=["finding-a-job"],
        popularity=18000,
        faqs=[
            FAQ(
                "转移后以前交的钱会少吗？",
                "个人账户储存额全部转移；统筹基金按规定比例转移，不影响您的缴费年限和待遇。",
                "Do I lose any of what I have paid?",
                "No. Your personal account moves in full, part of the pooled fund moves with it, and your "
                "years of contributions and benefits are not affected.",
            )
        ],
    ),
    service(
        "RS-0006",
        D,
        ("城乡居民基本养老保险参保登记", "Enrolling in the residents' basic pension"),
        (
            "年满16周岁、不是在校学生、未参加职工养老保险的城乡居民，可以参加城乡居民养老保险。",
            "Residents aged 16 or over who are not students and not in the employees' pension scheme can "
            "enrol in the residents' basic pension.",
        ),
        (
            ["您年满16周岁且不是在校学生", "您具有本省户籍且未参加职工基本养老保险"],
            [
                "you are 16 or over and not a student",
                "you have household registration in Shandong and are not in the employees' pension scheme",
            ],
        ),
        [ID_CARD, HUKOU],
        laws=["social_insurance"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=15000,
    ),
    service(
        "RS-0007",
        D,
        ("城乡居民基本养老保险待遇申领", "Claiming the residents' basic pension"),
        (
            "参加城乡居民养老保险、年满60周岁、累计缴费满15年的，申领按月领取的养老金。",
            "If you are in the residents' pension scheme, are 60 or over and have paid for at least 15 years, "
            "claim your monthly pension.",
        ),
        (
            ["您年满60周岁", "您累计缴费满15年，或符合补缴后领取条件", "您未领取其他国家规定的基本养老保障待遇"],
            [
                "you are 60 or over",
                "you have paid for at least 15 years, or can make up the missing years",
                "you do not receive another state basic pension",
            ],
        ),
        [ID_CARD, HUKOU, BANK_CARD],
        laws=["social_insurance"],
        legal=20,
        promised=5,
        visits=0,
        online=True,
        proxy=True,
        events=["retiring", "older-people"],
        popularity=19000,
    ),
    service(
        "RS-0008",
        D,
        ("养老金领取资格认证", "Pension qualification certification"),
        (
            "领取养老金的人员每年进行一次资格认证，确认本人健在。可以用手机刷脸认证，也可以由家人代为操作。",
            "Once a year, people who receive a pension confirm that they are still entitled to it. You can do "
            "it by face recognition on a phone, and a family member can help you.",
        ),
        (["您正在领取本省发放的基本养老金"], ["you receive a basic pension paid in Shandong"]),
        [ID_CARD(notes=("刷脸认证时无需提交", "Not needed for face recognition online"))],
        laws=["social_insurance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        flow="pension-certification",
        events=["older-people", "retiring"],
        popularity=88000,
        faqs=[
            PENSION_CHECK_FAQ,
            FAQ(
                "忘记认证会怎样？",
                "超过认证期限未认证的，养老金会暂停发放；补做认证后恢复发放并补发暂停期间的待遇。",
                "What happens if I forget?",
                "Your pension is paused. Once you complete the check it restarts, and the missed payments "
                "are paid to you.",
            ),
        ],
    ),
    service(
        "RS-0009",
        D,
        ("职工基本养老金申领", "Claiming the employees' basic pension on retirement"),
        (
            "职工达到法定退休年龄、累计缴费满规定年限的，申请办理退休并按月领取基本养老金。",
            "When you reach the statutory retirement age and have paid contributions for long enough, apply to "
            "retire and claim your monthly basic pension.",
        ),
        (
            ["您已达到法定退休年龄", "您累计缴纳基本养老保险费满规定年限"],
            [
                "you have reached the statutory retirement age",
                "you have paid pension contributions for the required number of years",
            ],
        ),
        [
            ID_CARD,
            BANK_CARD,
            Material(
                "本人档案或工作经历证明",
                "Your personnel file or proof of your work history",
                notes_zh="由单位或档案管理机构提供",
                notes_en="From your employer or the archive office",
            ),
        ],
        laws=["social_insurance"],
        legal=30,
        promised=10,
        visits=0,
        online=True,
        proxy=True,
        events=["retiring"],
        popularity=24000,
        faqs=[
            FAQ(
                "退休手续要自己去办吗？",
                "在职人员由单位统一申报；灵活就业人员可在网上自行申请。",
                "Do I have to apply myself?",
                "Employees are put forward by their employer. Self-employed people apply online themselves.",
            )
        ],
    ),
    service(
        "RS-0010",
        D,
        ("个人账户一次性待遇申领", "Claiming the balance of a pension account"),
        (
            "参保人员死亡或出国定居的，本人或继承人申领个人账户储存额。",
            "When an insured person dies or settles abroad, they or their heirs claim the balance of the "
            "personal pension account.",
        ),
        (["参保人员已死亡，或已出国（境）定居"], ["the insured person has died or settled abroad"]),
        [ID_CARD, DEATH_CERT(notes=("参保人死亡时提供", "If the insured person has died")), BANK_CARD],
        laws=["social_insurance"],
        legal=20,
        promised=10,
        visits=1,
        proxy=True,
        events=["after-a-death"],
        popularity=3100,
    ),
    service(
        "RS-0011",
        D,
        ("丧葬补助金、抚恤金申领", "Funeral grant and survivors' allowance"),
        (
            "参保人员因病或非因工死亡的，其遗属申领丧葬补助金和抚恤金。",
            "When an insured person dies of illness or any cause "
            "not related to work, their family can claim a funeral grant and a survivors' allowance.",
        ),
        (
            ["死者生前参加基本养老保险", "您是死者的直系亲属"],
            ["the person who died was in a basic pension scheme", "you are a close relative"],
        ),
        [ID_CARD, DEATH_CERT, BANK_CARD],
        laws=["social_insurance"],
        legal=20,
        promised=5,
        visits=0,
        proxy=True,
        events=["after-a-death"],
        popularity=5400,
    ),
    service(
        "RS-0012",
        D,
        ("灵活就业人员参保登记", "Social insurance enrolment for self-employed people"),
        (
            "没有雇工的个体工商户、非全日制从业人员和其他灵活就业人员，自愿参加职工养老保险和医疗保险。",
            "Individual business owners without employees, part-time workers and other self-employed people "
            "can choose to join the employees' pension and medical insurance schemes.",
        ),
        (
            ["您是灵活就业人员", "您在法定劳动年龄内"],
            ["you are self-employed or work flexibly", "you are of working age"],
        ),
        [ID_CARD],
        laws=["social_insurance"],
        legal=15,
        promised=0,
        visits=0,
        online=True,
        events=["finding-a-job"],
        popularity=13000,
    ),
    service(
        "RS-0013",
        D,
        ("个人社会保险参保证明打印", "Printing your social insurance record"),
        (
            "打印个人参保缴费证明，用于购房、落户、子女入学等。可在网上下载带电子印章的证明。",
            "Print proof of your social insurance contributions for buying a home, registering a household or "
            "school places. You can download one with an electronic seal.",
        ),
        (["您参加了本省社会保险"], ["you are insured in Shandong"]),
        [ID_CARD(notes=("网上办理时刷脸认证", "Online you confirm who you are by face recognition"))],
        laws=["social_insurance"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home", "starting-school"],
        popularity=47000,
    ),
]

CARD_SERVICES = [
    service(
        "RS-0101",
        D,
        ("社会保障卡申领", "Social security card application"),
        (
            "参加社会保险的人员申领社会保障卡，用于就医结算、领取待遇和乘坐公交等。新生儿可与出生登记一并办理。",
            "Apply for a social security card. You use it to pay at hospitals, receive benefits and ride buses. "
            "Parents can apply for a newborn at the same time as the birth registration.",
        ),
        (
            ["您已参加社会保险或具有本省户籍", "您尚未持有有效社会保障卡"],
            ["you are insured, or have household registration in Shandong", "you do not already have a valid card"],
        ),
        [ID_CARD, PHOTO(notes=("可上传电子照片", "You can upload a digital photo"))],
        laws=["social_insurance"],
        legal=20,
        promised=7,
        visits=0,
        online=True,
        proxy=True,
        events=["having-a-baby", "finding-a-job"],
        popularity=39000,
    ),
    service(
        "RS-0102",
        D,
        ("社会保障卡补领", "Social security card replacement"),
        (
            "社会保障卡丢失的，先挂失，再申请补领。在银行网点可即时制卡。",
            "If your card is lost, report it, then apply for a "
            "replacement. Many bank branches can print a new card while you wait.",
        ),
        (["您的社会保障卡丢失并已挂失"], ["your card is lost and you have reported it"]),
        [ID_CARD],
        laws=["social_insurance"],
        legal=20,
        promised=0,
        visits=1,
        proxy=True,
        fee=(
            "补领工本费按省定标准收取，低保对象等特殊群体免收。",
            "A card fee set by the province; free for people on minimum living allowance and some other groups.",
        ),
        popularity=17000,
    ),
    service(
        "RS-0103",
        D,
        ("社会保障卡换领", "Social security card renewal"),
        (
            "社会保障卡损坏、到期或需要换成第三代社保卡的，申请换领。",
            "Renew your social security card when it is damaged, "
            "has expired or needs upgrading to the third-generation card.",
        ),
        (
            ["您的社会保障卡损坏、有效期满", "或需要换发第三代社会保障卡"],
            ["your card is damaged or has expired", "or needs upgrading to the third-generation card"],
        ),
        [ID_CARD, SSC(name_zh="原社会保障卡", name_en="Your current card")],
        laws=["social_insurance"],
        legal=20,
        promised=0,
        visits=1,
        proxy=True,
        who_mode="any",
        popularity=11000,
    ),
    service(
        "RS-0104",
        D,
        ("社会保障卡挂失和解挂", "Reporting a lost social security card"),
        (
            "社会保障卡丢失后立即挂失，防止被他人使用；找回后可以解除挂失。",
            "Report a lost card at once so nobody else can use it; if you find it, you can cancel the report.",
        ),
        (["您的社会保障卡丢失或已找回"], ["your card is lost, or you have found it again"]),
        [ID_CARD(notes=("电话或网上挂失时无需提交", "Not needed to report by phone or online"))],
        laws=["social_insurance"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        popularity=8100,
    ),
]

JOB_SERVICES = [
    service(
        "RS-0201",
        D,
        ("就业登记", "Employment registration"),
        (
            "劳动者就业后由用人单位办理就业登记，灵活就业人员可以自行登记，享受相应就业服务。",
            "Employers register new employees; self-employed people can register themselves to use employment "
            "services.",
        ),
        (["您已在本省就业或灵活就业"], ["you are employed or self-employed in Shandong"]),
        [ID_CARD, LABOUR_CONTRACT],
        laws=["employment"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        audience=BOTH_AUDIENCES,
        events=["finding-a-job"],
        popularity=9800,
    ),
    service(
        "RS-0202",
        D,
        ("失业登记", "Registering as unemployed"),
        (
            "法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者，可以办理失业登记，享受免费的就业服务。",
            "If you are of working age, able and wanting to work but have no job, register as unemployed to get "
            "free employment services.",
        ),
        (
            ["您在法定劳动年龄内，有劳动能力和就业要求", "您目前处于无业状态"],
            ["you are of working age, able to work and want a job", "you have no job at the moment"],
        ),
        [ID_CARD],
        laws=["employment"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        events=["finding-a-job"],
        popularity=14000,
    ),
    service(
        "RS-0203",
        D,
        ("失业保险金申领", "Claiming unemployment benefit"),
        (
            "非因本人意愿中断就业、参加失业保险满一年的，申领失业保险金，领取期间同时享受医疗保险待遇。",
            "If you lost your job through no choice of your own and have been insured for at least a year, "
            "claim unemployment benefit. You keep your medical insurance while you receive it.",
        ),
        (
            ["您的失业保险缴费满1年", "您非因本人意愿中断就业", "您已办理失业登记并有求职要求"],
            [
                "you have paid unemployment insurance for at least 1 year",
                "you lost your job through no choice of your own",
                "you have registered as unemployed and want work",
            ],
        ),
        [ID_CARD, UNEMPLOYMENT_PROOF, BANK_CARD],
        laws=["unemployment", "social_insurance"],
        legal=10,
        promised=0,
        visits=0,
        online=True,
        events=["finding-a-job"],
        popularity=27000,
        faqs=[
            FAQ(
                "能领多久？",
                "按失业前累计缴费时间确定，最长24个月。",
                "How long can I receive it?",
                "It depends on how long you paid contributions before; at most 24 months.",
            )
        ],
    ),
    service(
        "RS-0204",
        D,
        ("一次性创业补贴申领", "One-off business start-up grant"),
        (
            "首次领取营业执照并正常经营1年以上的创业者，申领一次性创业补贴。",
            "If you started a business for the first time and it has traded for a year or more, claim a one-off "
            "start-up grant.",
        ),
        (
            ["您首次创办小微企业或从事个体经营", "经营满12个月且正常缴纳社会保险费"],
            [
                "you started a small business or became self-employed for the first time",
                "it has traded for 12 months and paid its social insurance contributions",
            ],
        ),
        [ID_CARD, LICENCE, BANK_CARD],
        laws=["employment"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        audience=BOTH_AUDIENCES,
        events=["starting-a-business"],
        popularity=5200,
    ),
    service(
        "RS-0205",
        D,
        ("创业担保贷款申请", "Business start-up loan guarantee"),
        (
            "符合条件的个人创业者可申请最高20万元、小微企业最高300万元的创业担保贷款，财政按规定贴息。",
            "Eligible entrepreneurs can get a guaranteed start-up loan of up to 200,000 yuan (up to 3 million "
            "yuan for small firms), with interest subsidised by the government.",
        ),
        (
            ["您是高校毕业生、退役军人、就业困难人员等重点群体", "或您的小微企业当年新招用符合条件人员达到规定比例"],
            [
                "you are a graduate, a veteran, a person who finds it hard to get work or in another priority group",
                "or your small business has hired enough eligible people this year",
            ],
        ),
        [ID_CARD, LICENCE, Material("创业计划书", "Business plan")],
        laws=["employment"],
        legal=20,
        promised=15,
        visits=1,
        who_mode="any",
        audience=BOTH_AUDIENCES,
        events=["starting-a-business"],
        popularity=4100,
    ),
    service(
        "RS-0206",
        D,
        ("就业困难人员认定", "Recognition as a person who finds it hard to get work"),
        (
            "因身体状况、技能水平、家庭因素等原因难以实现就业的，申请认定为就业困难人员，享受援助政策。",
            "If your health, skills or family situation make it hard to find work, apply to be recognised so "
            "you can get extra help.",
        ),
        (
            ["您已办理失业登记", "您属于大龄失业、残疾、低保家庭等情形之一"],
            [
                "you are registered as unemployed",
                "you are older, disabled, from a low-income family or in a similar situation",
            ],
        ),
        [ID_CARD, Material("相关情形证明", "Evidence of your situation", COPY)],
        laws=["employment"],
        legal=15,
        promised=7,
        visits=0,
        events=["finding-a-job", "disability-services"],
        popularity=3800,
    ),
    service(
        "RS-0207",
        D,
        ("职业技能提升补贴申领", "Grant for improving vocational skills"),
        (
            "参保职工取得职业资格证书或职业技能等级证书的，申领技能提升补贴。",
            "Insured employees who gain a vocational qualification or skills certificate can claim a grant.",
        ),
        (
            ["您参加失业保险满1年", "您取得职业资格证书或职业技能等级证书"],
            [
                "you have paid unemployment insurance for at least 1 year",
                "you have gained a vocational qualification or skills certificate",
            ],
        ),
        [ID_CARD, Material("职业技能等级证书", "Vocational skills certificate", fetched=True), BANK_CARD],
        laws=["unemployment"],
        legal=20,
        promised=10,
        visits=0,
        online=True,
        popularity=8600,
    ),
    service(
        "RS-0208",
        D,
        ("高校毕业生就业见习补贴申领", "Graduate internship grant"),
        (
            "接收离校未就业高校毕业生参加就业见习的单位，申领见习补贴。",
            "Employers that take on unemployed recent graduates as interns claim an internship grant.",
        ),
        (
            ["您的单位是认定的就业见习基地", "见习人员为离校2年内未就业高校毕业生"],
            [
                "your organisation is an approved internship base",
                "the interns are graduates who have not found work within 2 years of leaving",
            ],
        ),
        [LICENCE, GRADUATION_CERT(form=COPY), Material("见习协议", "Internship agreements")],
        laws=["employment"],
        legal=20,
        promised=10,
        visits=0,
        audience=BUSINESSES,
        events=["finding-a-job"],
        popularity=1700,
    ),
]

RIGHTS_SERVICES = [
    service(
        "RS-0301",
        D,
        ("工伤认定申请", "Work injury recognition"),
        (
            "职工在工作中受伤或患职业病的，由单位在30日内、本人或近亲属在1年内申请工伤认定。",
            "If you are injured at work or get an occupational disease, your employer applies within 30 days, "
            "or you or a close relative within 1 year, to have it recognised as a work injury.",
        ),
        (
            ["您在工作时间、工作场所因工作原因受伤", "或您被诊断为职业病"],
            [
                "you were injured at work, during working hours, because of your work",
                "or you have been diagnosed with an occupational disease",
            ],
        ),
        [ID_CARD, LABOUR_CONTRACT, DIAGNOSIS, Material("工伤认定申请表", "Work injury application form")],
        laws=["work_injury"],
        legal=60,
        promised=30,
        visits=1,
        proxy=True,
        who_mode="any",
        audience=BOTH_AUDIENCES,
        popularity=6200,
    ),
    service(
        "RS-0302",
        D,
        ("劳动能力鉴定申请", "Work capacity assessment"),
        (
            "工伤职工治疗后伤情相对稳定、存在残疾影响劳动能力的，申请劳动能力鉴定，确定伤残等级。",
            "When a work injury has stabilised but has left you disabled, apply for an assessment of your "
            "capacity to work, which sets your disability grade.",
        ),
        (
            ["您已被认定为工伤", "伤情相对稳定"],
            ["your injury has been recognised as a work injury", "your condition is stable"],
        ),
        [ID_CARD, Material("工伤认定决定书", "Work injury decision", fetched=True), DIAGNOSIS],
        laws=["work_injury"],
        legal=60,
        promised=40,
        visits=1,
        proxy=True,
        popularity=2400,
    ),
    service(
        "RS-0303",
        D,
        ("工伤保险待遇申领", "Claiming work injury insurance benefits"),
        (
            "认定为工伤的职工，申领医疗费、伤残补助金、伤残津贴等工伤保险待遇。",
            "Employees with a recognised work injury claim medical costs, disability grants and other work "
            "injury benefits.",
        ),
        (
            ["您已被认定为工伤", "您的单位参加了工伤保险"],
            ["your injury has been recognised as a work injury", "your employer has work injury insurance"],
        ),
        [ID_CARD, Material("医疗费用票据和清单", "Medical bills and itemised charges"), BANK_CARD],
        laws=["work_injury"],
        legal=30,
        promised=15,
        visits=0,
        proxy=True,
        popularity=3900,
    ),
    service(
        "RS-0304",
        D,
        ("劳动人事争议仲裁申请", "Labour dispute arbitration"),
        (
            "与用人单位发生工资、解除劳动合同、社会保险等争议的，在一年内申请劳动人事争议仲裁。",
            "If you have a dispute with your employer about pay, dismissal or social insurance, apply for "
            "labour arbitration within one year.",
        ),
        (
            ["您与用人单位发生劳动争议", "自知道权利被侵害之日起未超过1年"],
            [
                "you have an employment dispute with your employer",
                "it is less than 1 year since you knew your rights were infringed",
            ],
        ),
        [ID_CARD, Material("仲裁申请书", "Request for arbitration", quantity=2), LABOUR_CONTRACT],
        laws=["labour_arbitration"],
        legal=45,
        promised=45,
        visits=2,
        proxy=True,
        audience=BOTH_AUDIENCES,
        popularity=7300,
        faqs=[
            FAQ(
                "仲裁收费吗？",
                "劳动人事争议仲裁不收费，经费由财政保障。",
                "Does arbitration cost anything?",
                "No. Labour arbitration is free; it is paid for by the government.",
            )
        ],
    ),
    service(
        "RS-0305",
        D,
        ("劳动保障监察投诉", "Complaint about unpaid wages or labour law breaches"),
        (
            "用人单位拖欠工资、不签劳动合同、不缴社保等违反劳动保障法律的，向劳动保障监察机构投诉举报。",
            "Report an employer who owes wages, has not given you a contract or has not paid social insurance "
            "to the labour inspectorate.",
        ),
        (["您的劳动保障权益受到用人单位侵害"], ["your employer has broken labour law at your expense"]),
        [ID_CARD, Material("投诉书及相关证据", "Your complaint and any evidence")],
        laws=["labour_inspection", "labour_contract"],
        legal=60,
        promised=30,
        visits=0,
        online=True,
        proxy=True,
        popularity=9400,
    ),
]

LICENCE_ACTIONS = [
    # key, Chinese, English, what the applicant does (zh, en), when (zh, en), legal and promised working days
    ("new", "设立", "new licence", "申请", "Apply for", "", "", 20, 10),
    ("change", "变更", "change of details", "变更", "Change the details on", "", "", 20, 5),
    (
        "renewal",
        "延续",
        "renewal",
        "延续",
        "Renew",
        "应在有效期届满30日前申请。",
        " Apply at least 30 days before it expires.",
        20,
        10,
    ),
    ("cancellation", "注销", "cancellation", "注销", "Cancel", "", "", 20, 5),
]
# base number, Chinese, English, what it allows (zh, en), legal bases
LICENCES = [
    (
        400,
        "劳务派遣经营许可",
        "labour dispatch licence",
        "经营劳务派遣业务",
        "supply dispatched workers to other employers",
        ["labour_dispatch", "labour_contract"],
    ),
    (
        500,
        "人力资源服务许可",
        "human resources service licence",
        "从事职业中介活动",
        "run a recruitment agency",
        ["hr_market"],
    ),
]
NEW_LICENCE_WHO = (
    ["申请人为依法设立的企业", "有符合要求的经营场所、设施和专职工作人员"],
    ["the applicant is a lawfully established business", "it has suitable premises, facilities and full-time staff"],
)


def _licence_services():
    services = []
    for base_number, name_zh, name_en, activity_zh, activity_en, laws in LICENCES:
        for offset, (key, action_zh, action_en, verb_zh, verb_en, when_zh, when_en, legal, promised) in enumerate(
            LICENCE_ACTIONS, 1
        ):
            services.append(
                service(
                    f"RS-{base_number + offset:04d}",
                    D,
                    (f"{name_zh}（{action_zh}）", f"{name_en.capitalize()}: {action_en}"),
                    (
                        f"{verb_zh}{name_zh}。企业{activity_zh}须取得该许可。{when_zh}",
                        f"{verb_en} a {name_en}. A business needs this licence to {activity_en}.{when_en}",
                    ),
                    NEW_LICENCE_WHO if key == "new" else lifecycle_who(key, name_zh, name_en),
                    [LICENCE, APPLICATION, PREMISES, FINANCIAL_STATEMENTS]
                    if key == "new"
                    else [LICENCE, APPLICATION, PERMIT_ORIGINAL],
                    laws=[*laws, "administrative_licensing"],
                    legal=legal,
                    promised=promised,
                    visits=0,
                    # Changes and cancellations online; new licences and renewals involve an inspection.
                    online=key in ("change", "cancellation"),
                    proxy=True,
                    audience=BUSINESSES,
                    handled_at="province",
                )
            )
    return services


SERVICES = [*INSURANCE_SERVICES, *CARD_SERVICES, *JOB_SERVICES, *RIGHTS_SERVICES, *_licence_services()]
