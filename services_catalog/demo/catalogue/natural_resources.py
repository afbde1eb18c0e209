"""自然资源: real estate registration and planning permits."""

from ..materials import (
    APPLICATION,
    DEATH_CERT,
    ID_CARD,
    INHERITANCE_PROOF,
    LAND_DOCUMENT,
    LAND_SURVEY,
    LOAN_CONTRACT,
    LOSS_STATEMENT,
    PLANNING_DRAWINGS,
    PROPERTY_CERT,
    SALE_CONTRACT,
    TAX_RECEIPT,
    Material,
)
from ..spec import BOTH_AUDIENCES, BUSINESSES, FAQ, service

D = "natural-resources"
LAWS = ["real_estate_registration", "real_estate_rules", "civil_code"]
HOME_FEE = (
    "住宅每件80元，非住宅每件550元；每增加一本证书加收工本费10元。",
    "80 yuan per registration for homes and 550 yuan for other property; 10 yuan for each extra certificate.",
)
PARTIES_ID = ID_CARD(name_zh="申请人身份证明", name_en="Proof of identity of each applicant")
TOGETHER_FAQ = FAQ(
    "要跑几个窗口？",
    "在不动产登记中心“一窗受理”，交易、缴税、登记一次提交，也可在网上申请后到窗口领证或邮寄。",
    "How many counters do I need to visit?",
    "One. At the real estate registration centre, the contract, tax and registration are handled "
    "at a single window; you can also apply online and collect the certificate or have it posted.",
)

REGISTRATION_SERVICES = [
    service(
        "ZR-0001",
        D,
        ("国有建设用地使用权及房屋所有权首次登记", "First registration of land use rights and buildings"),
        (
            "新建房屋竣工后，开发企业或建设单位申请土地使用权和房屋所有权首次登记。",
            "When a new building is completed, the developer or client applies for the first registration of "
            "the land use rights and the building.",
        ),
        (
            ["已依法取得国有建设用地使用权", "房屋已竣工并通过验收"],
            [
                "you have lawful rights to use the state-owned land",
                "the building is finished and has passed inspection",
            ],
        ),
        [
            APPLICATION,
            LAND_DOCUMENT,
            LAND_SURVEY,
            Material("建设工程竣工验收备案证明", "Certificate of completion and acceptance"),
        ],
        laws=LAWS,
        legal=30,
        promised=5,
        visits=1,
        audience=BUSINESSES,
        fee=HOME_FEE,
        popularity=1900,
    ),
    service(
        "ZR-0002",
        D,
        ("新建商品房转移登记", "Registering a newly built home in the buyer's name"),
        (
            "购买新建商品房交房后，买受人申请转移登记，领取不动产权证书。开发企业可代为申请“交房即交证”。",
            "When you take over a newly built home, apply to register it in your name and get the title "
            "certificate. The developer can apply for you so you get the certificate when you get the keys.",
        ),
        (
            ["您已购买新建商品房并完成网签备案", "房屋已办理首次登记", "您已缴纳契税"],
            [
                "you have bought a newly built home and registered the contract",
                "the building has its first registration",
                "you have paid the deed tax",
            ],
        ),
        [PARTIES_ID, SALE_CONTRACT, TAX_RECEIPT],
        laws=[*LAWS, "deed_tax"],
        legal=30,
        promised=3,
        visits=1,
        online=True,
        proxy=True,
        fee=HOME_FEE,
        events=["buying-a-home"],
        popularity=41000,
        faqs=[TOGETHER_FAQ],
    ),
    service(
        "ZR-0003",
        D,
        ("存量房转移登记", "Registering the sale of a second-hand home"),
        (
            "买卖二手房的，买卖双方共同申请转移登记，缴税和登记一窗办理。",
            "When a second-hand home is sold, the buyer and seller apply together to register the transfer; "
            "taxes and registration are handled at one window.",
        ),
        (
            ["房屋已取得不动产权证书", "买卖双方已签订合同并完成网签", "房屋未被查封"],
            [
                "the home has a title certificate",
                "the buyer and seller have signed and registered the contract",
                "the home is not frozen by a court",
            ],
        ),
        [PARTIES_ID, PROPERTY_CERT, SALE_CONTRACT, TAX_RECEIPT],
        laws=[*LAWS, "deed_tax"],
        legal=30,
        promised=3,
        visits=1,
        online=True,
        proxy=True,
        fee=HOME_FEE,
        events=["buying-a-home"],
        popularity=35000,
        faqs=[TOGETHER_FAQ],
    ),
    service(
        "ZR-0004",
        D,
        ("不动产继承转移登记", "Registering inherited property"),
        (
            "继承房屋等不动产的，继承人申请转移登记。“身后一件事”可与户口注销等一并办理。",
            "Heirs apply to register inherited homes and other property in their names. You can do it with "
            "the other 'after a death' services.",
        ),
        (
            ["被继承人已死亡", "继承人已确定，且对继承无争议"],
            ["the owner has died", "the heirs are known and agree on the inheritance"],
        ),
        [PARTIES_ID, PROPERTY_CERT, DEATH_CERT, INHERITANCE_PROOF],
        laws=LAWS,
        legal=30,
        promised=10,
        visits=1,
        proxy=True,
        fee=HOME_FEE,
        events=["after-a-death"],
        popularity=9600,
        faqs=[
            FAQ(
                "一定要办继承公证吗？",
                "不是必须。全体继承人到场签署继承协议并经查验的，也可以直接登记。",
                "Must we have the inheritance notarised?",
                "No. If all heirs come and sign an inheritance agreement that is checked, it can be registered "
                "directly.",
            )
        ],
    ),
    service(
        "ZR-0005",
        D,
        ("不动产变更登记", "Changing real estate registration details"),
        (
            "权利人姓名、名称、身份证明号码或不动产坐落、面积、用途等发生变化的，申请变更登记。",
            "Apply to change the registration when the owner's name or ID number, or the address, area or use "
            "of the property, changes.",
        ),
        (["不动产登记簿记载事项发生变化"], ["a detail in the real estate register has changed"]),
        [PARTIES_ID, PROPERTY_CERT, Material("变更证明材料", "Evidence of the change", "copy")],
        laws=LAWS,
        legal=30,
        promised=3,
        visits=0,
        proxy=True,
        audience=BOTH_AUDIENCES,
        popularity=6700,
    ),
    service(
        "ZR-0006",
        D,
        ("不动产抵押权首次登记", "Registering a mortgage on real estate"),
        (
            "以房屋等不动产抵押贷款的，抵押人和银行共同申请抵押登记。银行网点可直接受理。",
            "When a home or other property is security for a loan, the owner and the bank register the "
            "mortgage together. Bank branches can take the application.",
        ),
        (
            ["抵押人对不动产享有所有权或使用权", "已签订借款合同和抵押合同"],
            ["the borrower owns or has use rights in the property", "the loan and mortgage contracts are signed"],
        ),
        [PARTIES_ID, PROPERTY_CERT, LOAN_CONTRACT],
        laws=LAWS,
        legal=30,
        promised=1,
        visits=0,
        online=True,
        proxy=True,
        audience=BOTH_AUDIENCES,
        events=["buying-a-home"],
        popularity=29000,
        fee=("住宅每件80元，非住宅每件550元。", "80 yuan per registration for homes, 550 yuan for other property."),
    ),
    service(
        "ZR-0007",
        D,
        ("不动产抵押权注销登记", "Cancelling a mortgage registration"),
        (
            "贷款还清后，申请注销抵押登记。银行可在网上直接申请，无需本人到场。",
            "When the loan is repaid, cancel the mortgage registration. The bank can apply online, so you need not go.",
        ),
        (["主债权已消灭，或抵押权人同意注销"], ["the loan is repaid, or the lender agrees to cancel the mortgage"]),
        [PARTIES_ID, Material("不动产登记证明（抵押）", "Mortgage registration certificate")],
        laws=LAWS,
        legal=30,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        audience=BOTH_AUDIENCES,
        popularity=17000,
    ),
    service(
        "ZR-0008",
        D,
        ("预购商品房预告登记", "Advance registration of a new-home purchase"),
        (
            "购买期房的，办理预告登记，防止开发企业“一房多卖”。",
            "When you buy a home that is not yet built, make an advance "
            "registration so it cannot be sold to anyone else.",
        ),
        (["您已签订预售合同并完成网签备案"], ["you have signed and registered a pre-sale contract"]),
        [PARTIES_ID, SALE_CONTRACT],
        laws=LAWS,
        legal=30,
        promised=3,
        visits=0,
        online=True,
        proxy=True,
        events=["buying-a-home"],
        popularity=12000,
    ),
    service(
        "ZR-0009",
        D,
        ("不动产更正登记", "Correcting the real estate register"),
        (
            "权利人、利害关系人认为登记簿记载事项错误的，申请更正登记。",
            "Owners or other interested people apply to correct an error in the real estate register.",
        ),
        (["不动产登记簿记载事项确有错误"], ["a detail in the register is wrong"]),
        [PARTIES_ID, PROPERTY_CERT, Material("证实登记错误的材料", "Evidence of the error")],
        laws=LAWS,
        legal=30,
        promised=10,
        visits=1,
        proxy=True,
        audience=BOTH_AUDIENCES,
        popularity=1400,
    ),
    service(
        "ZR-0010",
        D,
        ("不动产登记资料查询", "Searching the real estate register"),
        (
            "权利人查询本人名下不动产登记信息，可在网上查询并打印带电子签章的查询结果。",
            "Owners can search the register for property in their name online and print a result with an "
            "electronic seal.",
        ),
        (["您是不动产权利人或利害关系人"], ["you own the property or have a legal interest in it"]),
        [ID_CARD],
        laws=LAWS,
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        audience=BOTH_AUDIENCES,
        events=["starting-school", "buying-a-home"],
        popularity=47000,
    ),
    service(
        "ZR-0011",
        D,
        ("不动产权证书补发", "Replacing a real estate title certificate"),
        (
            "不动产权证书遗失、灭失的，在门户网站公告作废后申请补发。",
            "Replace a lost title certificate after it has been declared void in a public notice.",
        ),
        (["您的不动产权证书遗失或灭失"], ["your title certificate is lost or destroyed"]),
        [PARTIES_ID, LOSS_STATEMENT],
        laws=LAWS,
        legal=30,
        promised=5,
        visits=1,
        proxy=True,
        fee=("证书工本费每本10元。", "Certificate fee: 10 yuan."),
        popularity=3400,
    ),
    service(
        "ZR-0012",
        D,
        ("不动产权证书换发", "Reissuing a real estate title certificate"),
        (
            "不动产权证书破损、污损或需要换发新版证书的，申请换发。",
            "Get a new title certificate if yours is damaged or needs replacing with the new format.",
        ),
        (["您的不动产权证书破损、污损"], ["your title certificate is damaged"]),
        [PARTIES_ID, PROPERTY_CERT],
        laws=LAWS,
        legal=30,
        promised=3,
        visits=1,
        proxy=True,
        fee=("证书工本费每本10元。", "Certificate fee: 10 yuan."),
        popularity=2200,
    ),
    service(
        "ZR-0013",
        D,
        ("宅基地使用权及房屋所有权首次登记", "First registration of rural homestead and house"),
        (
            "农村村民在依法取得的宅基地上建房的，申请宅基地使用权和房屋所有权登记。",
            "Villagers who have built a house on lawfully allocated homestead land register the land use "
            "rights and the house.",
        ),
        (
            ["宅基地经依法批准", "房屋符合村庄规划"],
            ["the homestead was lawfully approved", "the house fits the village plan"],
        ),
        [PARTIES_ID, Material("宅基地批准文件", "Homestead approval"), LAND_SURVEY],
        laws=[*LAWS, "land"],
        legal=30,
        promised=10,
        visits=1,
        proxy=True,
        popularity=4800,
    ),
]

PLANNING_SERVICES = [
    service(
        "ZR-0101",
        D,
        ("建设用地规划许可证核发", "Land use planning permit"),
        (
            "以出让或划拨方式取得国有土地的建设项目，申请建设用地规划许可证。",
            "Construction projects on state-owned land apply for a land use planning permit.",
        ),
        (
            ["项目已取得土地出让合同或划拨决定", "项目用地符合国土空间规划"],
            ["the project has a land grant contract or an allocation decision", "the land use fits the spatial plan"],
        ),
        [APPLICATION, Material("国有建设用地使用权出让合同", "Land grant contract"), PLANNING_DRAWINGS],
        laws=["planning", "land"],
        legal=20,
        promised=5,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=1100,
    ),
    service(
        "ZR-0102",
        D,
        ("建设工程规划许可证核发", "Planning permit for building works"),
        (
            "在城市、镇规划区内新建、扩建、改建建筑物的，申请建设工程规划许可证。",
            "Apply for a planning permit before "
            "building, extending or altering a building in a city or town planning area.",
        ),
        (
            ["已取得建设用地规划许可或土地使用权", "设计方案符合控制性详细规划和规划条件"],
            [
                "you have land use planning permission or land use rights",
                "the design meets the detailed plan and planning conditions",
            ],
        ),
        [APPLICATION, PLANNING_DRAWINGS, LAND_DOCUMENT],
        laws=["planning"],
        legal=20,
        promised=5,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=1600,
    ),
    service(
        "ZR-0103",
        D,
        ("乡村建设规划许可证核发", "Rural construction planning permit"),
        (
            "在乡、村庄规划区内建设住宅或公共设施的，申请乡村建设规划许可证。",
            "Apply for a rural planning permit before "
            "building homes or public facilities in a township or village planning area.",
        ),
        (
            ["建设项目符合村庄规划", "已经村民委员会同意"],
            ["the project fits the village plan", "the village committee has agreed"],
        ),
        [APPLICATION, ID_CARD, Material("建房设计图或通用图", "House design or standard plan")],
        laws=["planning"],
        legal=20,
        promised=10,
        visits=1,
        proxy=True,
        popularity=3000,
    ),
]

SERVICES = [*REGISTRATION_SERVICES, *PLANNING_SERVICES]
