"""Shandong's cities and districts for address questions.

Read from the catalogue's Region snippets when districts have been loaded there, otherwise from the
short built-in list below (every city, with its main districts), so forms work on an empty database.
The catalogue is reached through the app registry: accounts stays a leaf that imports no other app.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import get_language

PROVINCE_CODE = "370000"
PROVINCE_NAME = ("山东省", "Shandong Province")

BUILT_IN = [
    (
        "370100",
        "济南市",
        "Jinan",
        [
            ("370102", "历下区", "Lixia"),
            ("370103", "市中区", "Shizhong"),
            ("370104", "槐荫区", "Huaiyin"),
            ("370105", "天桥区", "Tianqiao"),
            ("370112", "历城区", "Licheng"),
        ],
    ),
    (
        "370200",
        "青岛市",
        "Qingdao",
        [
            ("370202", "市南区", "Shinan"),
            ("370203", "市北区", "Shibei"),
            ("370211", "黄岛区", "Huangdao"),
            ("370212", "崂山区", "Laoshan"),
        ],
    ),
    ("370300", "淄博市", "Zibo", [("370302", "淄川区", "Zichuan"), ("370303", "张店区", "Zhangdian")]),
    ("370400", "枣庄市", "Zaozhuang", [("370402", "市中区", "Shizhong"), ("370403", "薛城区", "Xuecheng")]),
    ("370500", "东营市", "Dongying", [("370502", "东营区", "Dongying"), ("370503", "河口区", "Hekou")]),
    ("370600", "烟台市", "Yantai", [("370602", "芝罘区", "Zhifu"), ("370613", "莱山区", "Laishan")]),
    ("370700", "潍坊市", "Weifang", [("370702", "潍城区", "Weicheng"), ("370705", "奎文区", "Kuiwen")]),
    ("370800", "济宁市", "Jining", [("370811", "任城区", "Rencheng"), ("370812", "兖州区", "Yanzhou")]),
    ("370900", "泰安市", "Tai'an", [("370902", "泰山区", "Taishan"), ("370911", "岱岳区", "Daiyue")]),
    ("371000", "威海市", "Weihai", [("371002", "环翠区", "Huancui"), ("371003", "文登区", "Wendeng")]),
    ("371100", "日照市", "Rizhao", [("371102", "东港区", "Donggang"), ("371103", "岚山区", "Lanshan")]),
    ("371300", "临沂市", "Linyi", [("371302", "兰山区", "Lanshan"), ("371311", "罗庄区", "Luozhuang")]),
    ("371400", "德州市", "Dezhou", [("371402", "德城区", "Decheng"), ("371403", "陵城区", "Lingcheng")]),
    ("371500", "聊城市", "Liaocheng", [("371502", "东昌府区", "Dongchangfu"), ("371503", "茌平区", "Chiping")]),
    ("371600", "滨州市", "Binzhou", [("371602", "滨城区", "Bincheng"), ("371603", "沾化区", "Zhanhua")]),
    ("371700", "菏泽市", "Heze", [("371702", "牡丹区", "Mudan"), ("371703", "定陶区", "Dingtao")]),
]


@dataclass
class Place:
    code: str
    name_zh: str
    name_en: str
    districts: list = field(default_factory=list)

    @property
    def name(self):
        return self.name_en if (get_language() or "").startswith("en") and self.name_en else self.name_zh


def _from_catalogue():
    try:
        region_model = apps.get_model("services_catalog", "Region")
    except LookupError:
        return None
    rows = list(
        region_model.objects.filter(level__in=["city", "district"], code__startswith="37")
        .order_by("code")
        .values("code", "level", "name_zh", "name_en", "parent__code")
    )
    if not any(row["level"] == "district" for row in rows):
        return None
    cities = {row["code"]: Place(row["code"], row["name_zh"], row["name_en"]) for row in rows if row["level"] == "city"}
    for row in rows:
        if row["level"] == "district" and row["parent__code"] in cities:
            cities[row["parent__code"]].districts.append(Place(row["code"], row["name_zh"], row["name_en"]))
    return list(cities.values())


def cities():
    """Every city of the province, each with its districts."""
    found = _from_catalogue()
    if found:
        return found
    return [Place(code, zh, en, [Place(*district) for district in districts]) for code, zh, en, districts in BUILT_IN]


def city_choices(places=None):
    return [(place.code, place.name) for place in places or cities()]


def district_choices(places=None):
    """Districts grouped by city, as optgroups, so the list works without JavaScript."""
    return [
        (place.name, [(district.code, district.name) for district in place.districts]) for place in places or cities()
    ]


def address_is_consistent(city_code, district_code, places=None):
    for place in places or cities():
        if place.code == city_code:
            return any(district.code == district_code for district in place.districts)
    return False


def names_for(city_code, district_code, places=None):
    """(city name, district name) in the active language; empty strings when unknown."""
    for place in places or cities():
        if place.code == city_code:
            district = next((d for d in place.districts if d.code == district_code), None)
            return place.name, district.name if district else ""
    return "", ""


def province_name():
    return PROVINCE_NAME[1] if (get_language() or "").startswith("en") else PROVINCE_NAME[0]
