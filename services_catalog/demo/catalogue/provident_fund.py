"""住房公积金: contributions, withdrawals, loans and transfers."""

from ..materials import (
    BANK_CARD,
    DEATH_CERT,
    DIAGNOSIS,
    EMPLOYEE_LIST,
    HOUSING_FUND_CARD,
    ID_CARD,
    LICENCE,
    LOAN_CONTRACT,
    PROPERTY_CERT,
    SALE_CONTRACT,
    TENANCY,
    Material,
)
from ..spec import BUSINESSES, FAQ, service

D = "housing-provident-fund"
LAWS = ["housing_fund"]
TIME_FAQ = FAQ(
    "多久能到账？",
    "网上申请且信息核验通过的，一般1个工作日内转入本人银行卡。",
    "When will I get the money?",
    "If you apply online and the checks pass, usually within 1 working day, into your bank card.",
)

WITHDRAWALS = [
    # code, Chinese, English, summary (zh, en), conditions (zh, en), extra materials, events, popularity, online
    (
        "GJJ-0002",
        "购买自住住房提取住房公积金",
        "Housing fund withdrawal to buy a home",
        (
            "购买自住住房的职工及其配偶，可以提取住房公积金用于支付购房款。",
            "Employees who buy a home to live in, and their spouses, can withdraw their housing fund to pay for it.",
        ),
        (
            ["您购买了自住住房", "提取金额不超过购房款"],
            ["you have bought a home to live in", "the amount does not exceed the purchase price"],
        ),
        [SALE_CONTRACT, Material("购房发票", "Purchase invoice", fetched=True)],
        ["buying-a-home"],
        26000,
        True,
    ),
    (
        "GJJ-0003",
        "租赁住房提取住房公积金",
        "Housing fund withdrawal to pay rent",
        (
            "职工本人及配偶在缴存城市无自有住房且租房居住的，可以按月或按年提取住房公积金支付房租。",
            "If you and your spouse own no home in the city and you rent, you can withdraw your housing fund "
            "monthly or yearly to pay the rent.",
        ),
        (
            ["您和配偶在缴存城市无自有住房", "您租房居住"],
            ["you and your spouse own no home in the city", "you rent the home you live in"],
        ),
        [TENANCY(notes=("已备案的租赁合同可免交", "Not needed if the tenancy is registered"))],
        ["finding-a-job"],
        33000,
        True,
    ),
    (
        "GJJ-0004",
        "偿还住房贷款提取住房公积金",
        "Housing fund withdrawal to repay a mortgage",
        (
            "偿还自住住房贷款本息的职工，可以提取住房公积金，也可以签约按月自动冲还贷款。",
            "Employees repaying a loan for their own home can withdraw their housing fund, or sign up to have "
            "it pay the loan each month.",
        ),
        (
            ["您正在偿还自住住房贷款", "贷款无逾期"],
            ["you are repaying a loan for the home you live in", "your repayments are up to date"],
        ),
        [LOAN_CONTRACT(name_zh="借款合同", name_en="Loan contract")],
        ["buying-a-home"],
        38000,
        True,
    ),
    (
        "GJJ-0005",
        "离退休提取住房公积金",
        "Housing fund withdrawal on retirement",
        (
            "职工离休、退休的，可以一次性提取住房公积金账户全部余额并销户。",
            "When you retire, you can withdraw the whole balance of your housing fund and close the account.",
        ),
        (["您已办理离休、退休手续"], ["you have retired"]),
        [
            Material(
                "退休证明",
                "Proof of retirement",
                fetched=True,
                notes_zh="社保系统共享",
                notes_en="Shared by the social insurance system",
            )
        ],
        ["retiring"],
        15000,
        True,
    ),
    (
        "GJJ-0006",
        "与单位终止劳动关系提取住房公积金",
        "Housing fund withdrawal after leaving a job",
        (
            "与单位终止劳动关系后未再就业、账户封存满半年的，可以提取住房公积金。",
            "If you have left your job, not started another, and your account has been frozen for six months, "
            "you can withdraw your housing fund.",
        ),
        (
            ["您与单位终止劳动关系", "您的账户封存满6个月且未在异地继续缴存"],
            [
                "your employment has ended",
                "your account has been frozen for 6 months and you are not paying in elsewhere",
            ],
        ),
        [],
        ["finding-a-job"],
        9000,
        True,
    ),
    (
        "GJJ-0007",
        "重大疾病提取住房公积金",
        "Housing fund withdrawal for serious illness",
        (
            "职工本人或直系亲属患重大疾病、家庭生活严重困难的，可以提取住房公积金。",
            "If you or a close relative has a serious illness that causes severe financial hardship, you can "
            "withdraw your housing fund.",
        ),
        (
            ["您或配偶、父母、子女患有规定的重大疾病"],
            ["you or your spouse, parent or child has one of the listed serious illnesses"],
        ),
        [DIAGNOSIS],
        ["disability-services"],
        2900,
        False,
    ),
    (
        "GJJ-0008",
        "职工死亡提取住房公积金",
        "Housing fund withdrawal after a death",
        (
            "职工死亡的，其继承人或受遗赠人可以提取职工住房公积金账户余额。",
            "When an employee dies, their heirs or legatees can withdraw the balance of the housing fund account.",
        ),
        (["缴存职工已死亡", "您是其继承人或受遗赠人"], ["the account holder has died", "you are an heir or legatee"]),
        [DEATH_CERT, Material("继承权证明", "Proof of inheritance")],
        ["after-a-death"],
        2100,
        False,
    ),
    (
        "GJJ-0009",
        "既有住宅加装电梯提取住房公积金",
        "Housing fund withdrawal to install a lift",
        (
            "为所住的老旧住宅加装电梯的，业主及其配偶可以提取住房公积金支付分摊费用。",
            "Owners who share the cost of installing a lift in an older block of flats, and their spouses, can "
            "withdraw their housing fund to pay their share.",
        ),
        (
            ["您的住宅已完成加装电梯", "您是该住宅的产权人或其配偶"],
            ["a lift has been installed in your block", "you own the flat or are the owner's spouse"],
        ),
        [PROPERTY_CERT, Material("加装电梯费用分摊协议及发票", "Cost-sharing agreement and invoice for the lift")],
        ["older-people"],
        1400,
        False,
    ),
]


def _withdrawal_services():
    services = []
    for code, title_zh, title_en, summary, who, extra, events, popularity, online in WITHDRAWALS:
        services.append(
            service(
                code,
                D,
                (title_zh, title_en),
                summary,
                who,
                [ID_CARD, *extra, HOUSING_FUND_CARD],
                laws=LAWS,
                legal=3,
                promised=1 if online else 3,
                visits=0 if online else 1,
                online=online,
                proxy=True,
                events=events,
                popularity=popularity,
                faqs=[TIME_FAQ],
            )
        )
    return services


SERVICES = [
    service(
        "GJJ-0001",
        D,
        ("住房公积金提取", "Housing provident fund withdrawal"),
        (
            "缴存职工在购房、租房、还贷、退休等情况下，申请提取本人住房公积金账户余额。大部分提取可在网上或手机上办理。",
            "Employees can withdraw money from their housing provident fund to buy or rent a home, repay a "
            "mortgage, on retirement and in some other situations. Most withdrawals can be done online.",
        ),
        (
            ["您正常缴存住房公积金，或账户已封存", "您符合购房、租房、还贷、离退休等提取情形之一"],
            [
                "you pay into a housing provident fund, or your account is frozen",
                "you are buying or renting a home, repaying a mortgage, retiring or in another listed situation",
            ],
        ),
        [
            ID_CARD,
            HOUSING_FUND_CARD,
            Material(
                "提取事由证明材料",
                "Evidence of why you are withdrawing",
                notes_zh="购房合同、租赁合同、借款合同等，已联网的免交",
                notes_en="Purchase contract, tenancy or loan agreement; not needed if it is already on file",
            ),
        ],
        laws=LAWS,
        legal=3,
        promised=1,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home", "retiring"],
        popularity=83000,
        faqs=[
            TIME_FAQ,
            FAQ(
                "一年能提取几次？",
                "租房提取可以按月或按年办理；购房提取同一套住房只能办理一次；还贷提取每年可办理一次或签约按月冲还。",
                "How often can I withdraw?",
                "For rent, monthly or yearly. For a purchase, once per home. For a mortgage, once a year, "
                "or monthly by direct repayment.",
            ),
        ],
    ),
    *_withdrawal_services(),
    service(
        "GJJ-0101",
        D,
        ("住房公积金个人住房贷款申请", "Housing fund mortgage"),
        (
            "连续足额缴存住房公积金的职工，购买自住住房时可以申请利率较低的住房公积金贷款。",
            "Employees who have paid into the housing fund regularly can get a lower-interest housing fund "
            "mortgage to buy a home to live in.",
        ),
        (
            ["您连续足额缴存住房公积金6个月以上", "您购买自住住房且有稳定收入", "您和配偶没有未还清的公积金贷款"],
            [
                "you have paid in full for at least 6 months in a row",
                "you are buying a home to live in and have a steady income",
                "you and your spouse have no outstanding housing fund loan",
            ],
        ),
        [
            ID_CARD,
            SALE_CONTRACT,
            Material("首付款凭证", "Proof of the down payment"),
            Material("婚姻状况证明", "Proof of marital status", fetched=True),
        ],
        laws=LAWS,
        legal=15,
        promised=5,
        visits=1,
        online=True,
        proxy=False,
        events=["buying-a-home"],
        popularity=31000,
        faqs=[
            FAQ(
                "最多能贷多少？",
                "按缴存余额、还款能力和当地最高贷款额度计算，首套房和二套房标准不同。",
                "How much can I borrow?",
                "It depends on your balance, what you can repay and the local maximum; the limits differ for "
                "first and second homes.",
            )
        ],
    ),
    service(
        "GJJ-0102",
        D,
        ("住房公积金贷款提前还款", "Early repayment of a housing fund mortgage"),
        (
            "借款人可以申请部分或全部提前偿还住房公积金贷款，可用公积金余额冲还。",
            "Borrowers can repay part or all of a "
            "housing fund mortgage early, including from their housing fund balance.",
        ),
        (["您有未还清的住房公积金贷款"], ["you have an outstanding housing fund mortgage"]),
        [ID_CARD, LOAN_CONTRACT(name_zh="借款合同", name_en="Loan contract")],
        laws=LAWS,
        legal=3,
        promised=0,
        visits=0,
        online=True,
        popularity=14000,
    ),
    service(
        "GJJ-0103",
        D,
        ("住房公积金贷款结清证明开具", "Certificate that a housing fund mortgage is repaid"),
        (
            "还清住房公积金贷款后，开具结清证明，用于办理抵押注销登记。",
            "Get a certificate that your housing fund mortgage "
            "is repaid, which you need to cancel the mortgage registration.",
        ),
        (["您的住房公积金贷款已全部还清"], ["your housing fund mortgage is fully repaid"]),
        [ID_CARD],
        laws=LAWS,
        legal=3,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        popularity=8100,
    ),
    service(
        "GJJ-0201",
        D,
        ("单位住房公积金缴存登记", "Employer housing fund registration"),
        (
            "单位自设立之日起30日内办理住房公积金缴存登记，并为职工设立个人账户。新开办企业可一并办理。",
            "Employers register for the housing fund within 30 days of being set up and open accounts for their "
            "employees. New businesses can do this when they register.",
        ),
        (["单位已依法设立"], ["your organisation has been lawfully set up"]),
        [LICENCE, EMPLOYEE_LIST],
        laws=LAWS,
        legal=5,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        events=["starting-a-business"],
        popularity=7700,
    ),
    service(
        "GJJ-0202",
        D,
        ("住房公积金个人账户设立", "Opening an employee's housing fund account"),
        (
            "单位新招录职工的，在录用之日起30日内为其办理住房公积金账户设立或转入。",
            "Employers open a housing fund account "
            "for new employees, or transfer their existing one, within 30 days of hiring them.",
        ),
        (["职工已与单位建立劳动关系"], ["the employee has started work"]),
        [ID_CARD(name_zh="职工身份证件", name_en="The employee's ID")],
        laws=LAWS,
        legal=3,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        events=["finding-a-job"],
        popularity=12000,
    ),
    service(
        "GJJ-0203",
        D,
        ("住房公积金缴存基数调整", "Annual adjustment of housing fund contributions"),
        (
            "单位每年按职工上年度月平均工资调整一次住房公积金缴存基数。",
            "Once a year, employers set the contribution base "
            "from each employee's average monthly wage in the previous year.",
        ),
        (["单位正常缴存住房公积金"], ["your organisation pays into the housing fund"]),
        [EMPLOYEE_LIST(name_zh="缴存基数调整清册", name_en="List of new contribution bases")],
        laws=LAWS,
        legal=5,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=6500,
    ),
    service(
        "GJJ-0204",
        D,
        ("住房公积金异地转移接续", "Transferring your housing fund to another city"),
        (
            "职工跨城市就业的，在新工作地申请把原账户余额转入，缴存时间连续计算。",
            "When you move to work in another city, "
            "ask the new city to bring over your balance; your years of contributions continue.",
        ),
        (
            ["您已在新工作地开立住房公积金账户", "原账户已封存"],
            ["you have a housing fund account in the new city", "your old account is frozen"],
        ),
        [ID_CARD],
        laws=LAWS,
        legal=15,
        promised=3,
        visits=0,
        online=True,
        proxy=True,
        events=["finding-a-job"],
        popularity=11000,
    ),
    service(
        "GJJ-0205",
        D,
        ("住房公积金缴存证明开具", "Housing fund contribution certificate"),
        (
            "开具个人住房公积金缴存证明，用于购房、贷款等，可网上打印。",
            "Get a certificate of your housing fund "
            "contributions for buying a home or a loan; you can print it online.",
        ),
        (["您缴存了住房公积金"], ["you pay into the housing fund"]),
        [ID_CARD],
        laws=LAWS,
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home"],
        popularity=16000,
    ),
    service(
        "GJJ-0206",
        D,
        ("灵活就业人员住房公积金自愿缴存", "Voluntary housing fund contributions for self-employed people"),
        (
            "个体工商户、自由职业者等灵活就业人员，可以自愿缴存住房公积金，享受提取和贷款权益。",
            "Individual business owners, freelancers and other self-employed people can choose to pay into the "
            "housing fund and use it for withdrawals and loans.",
        ),
        (
            ["您年满16周岁，在本市灵活就业", "您未在其他单位缴存住房公积金"],
            [
                "you are 16 or over and self-employed in the city",
                "you are not paying into a housing fund through an employer",
            ],
        ),
        [ID_CARD, BANK_CARD],
        laws=LAWS,
        legal=3,
        promised=0,
        visits=0,
        regions=["370100", "370200", "370300", "370600", "370700", "370800", "371000", "371300"],
        events=["starting-a-business"],
        popularity=5200,
    ),
]
