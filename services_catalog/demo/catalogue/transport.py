"""交通运输: concessionary bus passes, road transport licences and professional drivers."""

from ..materials import (
    APPLICATION,
    DISABILITY_CERT,
    DISCHARGE_CERT,
    DRIVING_LICENCE,
    HEALTH_CHECK,
    ID_CARD,
    LICENCE,
    LOSS_STATEMENT,
    PERMIT_ORIGINAL,
    PHOTO,
    PREMISES,
    QUALIFICATION_CARD,
    SAFETY_RULES,
    VEHICLE_LICENCE,
    VEHICLE_LIST,
    Material,
)
from ..regions import CITY_CODES
from ..spec import BUSINESSES, FAQ, lifecycle_who, service

D = "transport"

BUS_PASS_FAQ = FAQ(
    "外地老人能办吗？",
    "持本市居住证的外地户籍老年人，可以按当地规定办理，享受同等乘车优惠。",
    "Can older people from elsewhere get one?",
    "Yes. Older people with a residence permit for the city can apply and get the same concessions.",
)

PASS_SERVICES = [
    service(
        "JT-0001",
        D,
        ("老年人乘车卡办理", "Senior bus pass"),
        (
            "年满60周岁的老年人办理老年人乘车卡，65周岁以上免费乘坐市内公交，60至64周岁按当地规定优惠乘车。"
            "子女可以在网上帮老人申请，卡片寄送到家。",
            "People aged 60 or over can get a senior bus pass: free city buses from 65, and reduced fares from "
            "60 to 64 under local rules. Children can apply online for their parents and the card is posted home.",
        ),
        (
            ["您年满60周岁", "您具有本市户籍，或持有本市居住证"],
            ["you are 60 or over", "you have household registration or a residence permit in the city"],
        ),
        [ID_CARD, PHOTO(notes=("可上传电子照片", "You can upload a digital photo"))],
        laws=["older_people"],
        legal=10,
        promised=5,
        visits=0,
        online=True,
        proxy=True,
        flow="senior-bus-pass",
        regions=CITY_CODES,
        events=["older-people"],
        popularity=69000,
        faqs=[
            BUS_PASS_FAQ,
            FAQ(
                "卡丢了怎么办？",
                "先拨打公交服务热线挂失，再申请补办，卡内余额可以转入新卡。",
                "What if I lose the card?",
                "Report it on the bus company's helpline first, then apply for a new card; any balance is moved to it.",
            ),
        ],
    ),
    service(
        "JT-0002",
        D,
        ("老年人乘车卡补办", "Replacing a senior bus pass"),
        ("老年人乘车卡丢失或损坏的，挂失后补办新卡。", "Replace a lost or damaged senior bus pass after reporting it."),
        (["您已办理老年人乘车卡", "卡片丢失或损坏"], ["you have a senior bus pass", "it is lost or damaged"]),
        [ID_CARD, LOSS_STATEMENT],
        laws=["older_people"],
        legal=10,
        promised=5,
        visits=0,
        online=True,
        proxy=True,
        fee=("补卡工本费按各市标准收取。", "A replacement card fee set by each city."),
        regions=CITY_CODES,
        events=["older-people"],
        popularity=8200,
    ),
    service(
        "JT-0003",
        D,
        ("老年人乘车卡年审", "Annual check of a senior bus pass"),
        (
            "老年人乘车卡每年进行一次年审，可在公交刷卡机上“刷脸”或在网上完成。",
            "A senior bus pass is checked once a year. "
            "You can do it with face recognition on the bus card reader or online.",
        ),
        (["您持有老年人乘车卡"], ["you hold a senior bus pass"]),
        [Material("老年人乘车卡", "Senior bus pass")],
        laws=["older_people"],
        legal=1,
        promised=0,
        visits=0,
        online=True,
        proxy=True,
        regions=CITY_CODES,
        events=["older-people"],
        popularity=24000,
    ),
    service(
        "JT-0004",
        D,
        ("残疾人免费乘车卡办理", "Free bus pass for disabled people"),
        (
            "持有残疾人证的本市残疾人，办理免费乘车卡，免费乘坐市内公交。",
            "Disabled people with a disability certificate can get a free city bus pass.",
        ),
        (
            ["您持有第二代或第三代残疾人证", "您具有本市户籍"],
            ["you hold a disability certificate", "you have household registration in the city"],
        ),
        [ID_CARD, DISABILITY_CERT, PHOTO],
        laws=["disability"],
        legal=10,
        promised=5,
        visits=0,
        proxy=True,
        regions=CITY_CODES,
        events=["disability-services"],
        popularity=6400,
    ),
    service(
        "JT-0005",
        D,
        ("退役军人优待乘车卡办理", "Bus pass for veterans"),
        (
            "持有退役军人优待证的退役军人，办理优待乘车卡，按当地规定免费或优惠乘坐公交。",
            "Veterans with a preferential treatment card can get a bus pass for free or reduced city bus fares "
            "under local rules.",
        ),
        (["您持有退役军人优待证"], ["you hold a veterans' preferential treatment card"]),
        [ID_CARD, DISCHARGE_CERT],
        laws=["veterans"],
        legal=10,
        promised=5,
        visits=0,
        proxy=True,
        regions=["370100", "370200", "370600", "370800", "371000", "371300"],
        popularity=3300,
    ),
]

TRANSPORT_ACTIONS = [
    ("new", "许可", "licence", "申请", "Apply for", 20, 10),
    ("change", "变更", "change of details", "变更", "Change the details on", 20, 5),
    ("cancellation", "注销", "cancellation", "注销", "Cancel", 20, 3),
]
TRANSPORT_KINDS = [
    (
        100,
        "道路旅客运输经营",
        "road passenger transport",
        "经营客运班线、旅游客运和包车客运",
        "run scheduled coach, tourist coach and charter services",
    ),
    (
        110,
        "道路货物运输经营",
        "road freight transport",
        "使用总质量4.5吨以上货车经营货物运输",
        "carry goods for hire in lorries over 4.5 tonnes",
    ),
]


def _road_transport_services():
    services = []
    for base, kind_zh, kind_en, activity_zh, activity_en in TRANSPORT_KINDS:
        for offset, (key, action_zh, action_en, verb_zh, verb_en, legal, promised) in enumerate(TRANSPORT_ACTIONS, 1):
            services.append(
                service(
                    f"JT-{base + offset:04d}",
                    D,
                    (f"{kind_zh}{action_zh}", f"{kind_en.capitalize()}: {action_en}"),
                    (
                        f"{verb_zh}道路运输经营许可证。企业{activity_zh}须取得该许可。",
                        f"{verb_en} the road transport licence that a business needs to {activity_en}.",
                    ),
                    (
                        ["有与经营业务相适应并经检测合格的车辆", "有符合条件的驾驶人员", "有健全的安全生产管理制度"],
                        [
                            "you have suitable vehicles that have passed inspection",
                            "you have qualified drivers",
                            "you have sound safety rules",
                        ],
                    )
                    if key == "new"
                    else lifecycle_who(key, "道路运输经营许可证", "road transport licence"),
                    [LICENCE, APPLICATION, VEHICLE_LIST, SAFETY_RULES] if offset == 1 else [LICENCE, PERMIT_ORIGINAL],
                    laws=["road_transport"],
                    legal=legal,
                    promised=promised,
                    visits=0,
                    online=offset == 3,
                    proxy=True,
                    audience=BUSINESSES,
                )
            )
    return services


DRIVER_SERVICES = [
    service(
        "JT-0201",
        D,
        ("道路运输从业人员从业资格证核发", "Road transport professional qualification"),
        (
            "从事道路旅客、货物运输的驾驶员，通过考试后领取从业资格证。",
            "Bus, coach and lorry drivers who carry passengers "
            "or goods for hire get their professional qualification after passing the exam.",
        ),
        (
            ["取得相应的机动车驾驶证", "3年内无重大以上交通责任事故", "通过从业资格考试"],
            [
                "you hold the right driving licence",
                "you have not been responsible for a serious accident in 3 years",
                "you have passed the qualification exam",
            ],
        ),
        [ID_CARD, DRIVING_LICENCE, PHOTO],
        laws=["transport_workers"],
        legal=10,
        promised=5,
        visits=1,
        popularity=8300,
    ),
    service(
        "JT-0202",
        D,
        ("道路运输从业资格证换发", "Renewing a road transport qualification"),
        (
            "从业资格证有效期6年，期满前30日内申请换证，可网上办理。",
            "The qualification lasts 6 years. Renew it in the 30 days before it expires; you can do it online.",
        ),
        (
            ["您的从业资格证将在30日内到期", "诚信考核等级符合要求"],
            ["your qualification expires within 30 days", "your conduct rating meets the requirements"],
        ),
        [ID_CARD, QUALIFICATION_CARD],
        laws=["transport_workers"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        popularity=6100,
    ),
    service(
        "JT-0203",
        D,
        ("道路运输从业资格证补发", "Replacing a road transport qualification"),
        ("从业资格证遗失或损毁的，申请补发。", "Replace a lost or damaged road transport qualification."),
        (["您的从业资格证遗失或损毁"], ["your qualification certificate is lost or damaged"]),
        [ID_CARD, LOSS_STATEMENT],
        laws=["transport_workers"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        popularity=1200,
    ),
    service(
        "JT-0204",
        D,
        ("网络预约出租汽车驾驶员证核发", "Ride-hailing driver's licence"),
        (
            "从事网约车服务的驾驶员，通过考试并经背景核查后领取网约车驾驶员证。",
            "Drivers who work for ride-hailing "
            "platforms get a ride-hailing driver's licence after an exam and background checks.",
        ),
        (
            [
                "取得小型客车驾驶证并有3年以上驾驶经历",
                "无交通肇事犯罪、危险驾驶犯罪和暴力犯罪记录",
                "通过网约车驾驶员考试",
            ],
            [
                "you have held a car licence for 3 years or more",
                "you have no record of traffic crime, dangerous driving or violent crime",
                "you have passed the ride-hailing driver exam",
            ],
        ),
        [ID_CARD, DRIVING_LICENCE, Material("无犯罪记录证明", "Certificate of no criminal record", fetched=True)],
        laws=["ride_hailing", "taxi_drivers"],
        legal=20,
        promised=10,
        visits=1,
        regions=CITY_CODES,
        events=["finding-a-job"],
        popularity=9900,
    ),
    service(
        "JT-0205",
        D,
        ("巡游出租汽车驾驶员证核发", "Taxi driver's licence"),
        (
            "从事巡游出租汽车服务的驾驶员，考试合格后领取从业资格证。",
            "Taxi drivers get their professional licence after passing the exam.",
        ),
        (
            ["取得相应驾驶证并有3年以上驾驶经历", "通过全国公共科目和区域科目考试"],
            ["you have held the right licence for 3 years or more", "you have passed the national and local exams"],
        ),
        [ID_CARD, DRIVING_LICENCE, HEALTH_CHECK],
        laws=["taxi_drivers"],
        legal=20,
        promised=10,
        visits=1,
        regions=CITY_CODES,
        popularity=3600,
    ),
    service(
        "JT-0206",
        D,
        ("网络预约出租汽车运输证核发", "Ride-hailing vehicle permit"),
        (
            "用于网约车经营的车辆，申请网络预约出租汽车运输证。",
            "Apply for the permit a car needs to be used for ride-hailing.",
        ),
        (
            [
                "车辆为7座及以下乘用车",
                "车辆安装具有行驶记录功能的卫星定位装置和应急报警装置",
                "车辆技术性能符合运营安全标准",
            ],
            [
                "the car has 7 seats or fewer",
                "it has satellite tracking with a trip recorder and an emergency alarm",
                "it meets the safety standards for commercial use",
            ],
        ),
        [VEHICLE_LICENCE, ID_CARD, Material("网约车平台公司接入证明", "Letter from the ride-hailing platform")],
        laws=["ride_hailing"],
        legal=20,
        promised=10,
        visits=1,
        proxy=True,
        audience="both",
        regions=CITY_CODES,
        popularity=4700,
    ),
    service(
        "JT-0207",
        D,
        ("机动车维修经营备案", "Filing a vehicle repair business"),
        (
            "从事机动车维修经营的，在开业后向所在地道路运输管理机构备案。",
            "Vehicle repair businesses file with the local road transport office after they open.",
        ),
        (
            ["有与维修业务相适应的场地、设备和技术人员", "有健全的维修管理制度和环境保护措施"],
            [
                "you have premises, equipment and staff suited to the repairs you do",
                "you have proper repair procedures and environmental measures",
            ],
        ),
        [LICENCE, PREMISES, Material("维修设备清单", "List of repair equipment")],
        laws=["vehicle_maintenance"],
        legal=5,
        promised=0,
        visits=0,
        online=True,
        audience=BUSINESSES,
        popularity=1300,
    ),
]

SERVICES = [*PASS_SERVICES, *_road_transport_services(), *DRIVER_SERVICES]
