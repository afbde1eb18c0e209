"""Service halls (政务服务大厅): the provincial hall, one hall in every city and a few district halls.

Addresses and phone numbers are plausible demo values, not directions to real buildings."""

ALL_FACILITIES = {
    "step_free_access": True,
    "accessible_toilet": True,
    "accessible_parking": True,
    "hearing_loop": True,
    "sign_language": True,
    "wheelchair_loan": True,
    "priority_window": True,
    "assisted_service": True,
}
BASIC_FACILITIES = {
    "step_free_access": True,
    "accessible_toilet": True,
    "accessible_parking": False,
    "hearing_loop": False,
    "sign_language": False,
    "wheelchair_loan": True,
    "priority_window": True,
    "assisted_service": True,
}


def hours(morning="9:00", noon="12:00", afternoon="13:30", close="17:00", summer_afternoon="14:00", saturday=True):
    """Weekday hours with a lunch break and, where the hall opens then, Saturday-morning service."""
    zh = f"周一至周五 {morning}—{noon}，{afternoon}—{close}"
    en = f"Monday to Friday {morning}–{noon} and {afternoon}–{close}"
    if summer_afternoon:
        zh += f"（5月1日至9月30日下午{summer_afternoon}开始）"
        en += f" (afternoons start at {summer_afternoon} from 1 May to 30 September)"
    if saturday:
        zh += "；周六 9:00—12:00 办理身份证、社保、医保、公积金等高频事项"
        en += "; Saturday 9:00–12:00 for ID cards, social insurance, medical insurance and housing fund services"
    zh += "；法定节假日休息。"
    en += "; closed on public holidays."
    return zh, en


def hall(slug, name, region, address, phone, transport, *, opening=None, facilities=None, **overrides):
    opening = opening or hours()
    row = {
        "slug": slug,
        "name_zh": name[0],
        "name_en": name[1],
        "region": region,
        "address_zh": address[0],
        "address_en": address[1],
        "phone": phone,
        "opening_hours_zh": opening[0],
        "opening_hours_en": opening[1],
        "transport_zh": transport[0],
        "transport_en": transport[1],
        **(facilities or ALL_FACILITIES),
    }
    row.update(overrides)
    return row


HALLS = [
    hall(
        "shandong-provincial-service-centre",
        ("山东省政务服务中心", "Shandong Provincial Government Service Centre"),
        "370102",
        ("济南市历下区解放东路3号", "3 Jiefang East Road, Lixia District, Jinan"),
        "0531-86198765",
        (
            "乘公交K50、K95路至解放东路站下车，步行约200米；地铁2号线解放东路站B口。",
            "Bus K50 or K95 to Jiefang East Road, then a 200 m walk; Metro Line 2, Jiefang East Road, exit B.",
        ),
        opening=hours(saturday=False),
    ),
    hall(
        "jinan-service-centre",
        ("济南市政务服务中心", "Jinan Government Service Centre"),
        "370100",
        ("济南市历下区龙奥北路1号", "1 Long'ao North Road, Lixia District, Jinan"),
        "0531-66608000",
        (
            "乘公交BRT3号线、K52路至龙奥大厦站；地铁3号线龙奥站A口出，步行约300米。",
            "Bus BRT 3 or K52 to Long'ao Building; Metro Line 3, Long'ao station, exit A, then a 300 m walk.",
        ),
    ),
    hall(
        "jinan-lixia-service-centre",
        ("历下区政务服务中心", "Lixia District Government Service Centre"),
        "370102",
        ("济南市历下区和平路34号", "34 Heping Road, Lixia District, Jinan"),
        "0531-86015000",
        ("乘公交K48、K68路至和平路东口站下车即到。", "Bus K48 or K68 to Heping Road East; the centre is at the stop."),
        facilities=BASIC_FACILITIES,
    ),
    hall(
        "qingdao-service-centre",
        ("青岛市政务服务大厅", "Qingdao Government Service Hall"),
        "370200",
        ("青岛市市南区香港中路76号", "76 Hong Kong Middle Road, Shinan District, Qingdao"),
        "0532-12345",
        (
            "地铁2号线、3号线五四广场站C口；公交26、31、222路至五四广场站。",
            "Metro Lines 2 and 3, May Fourth Square, exit C; bus 26, 31 or 222 to May Fourth Square.",
        ),
    ),
    hall(
        "qingdao-huangdao-service-centre",
        ("青岛西海岸新区政务服务中心", "Qingdao West Coast New Area Government Service Centre"),
        "370211",
        ("青岛市黄岛区长江西路266号", "266 Changjiang West Road, Huangdao District, Qingdao"),
        "0532-86988000",
        (
            "地铁13号线井冈山路站；公交1、7路至政务服务中心站。",
            "Metro Line 13, Jinggangshan Road; bus 1 or 7 to the Government Service Centre stop.",
        ),
    ),
    hall(
        "zibo-service-centre",
        ("淄博市政务服务中心", "Zibo Government Service Centre"),
        "370300",
        ("淄博市张店区人民西路228号", "228 Renmin West Road, Zhangdian District, Zibo"),
        "0533-3186000",
        ("乘公交2、8、96路至市民服务中心站下车。", "Bus 2, 8 or 96 to the Citizen Service Centre stop."),
        opening=hours(afternoon="14:00", summer_afternoon="14:30"),
    ),
    hall(
        "zaozhuang-service-centre",
        ("枣庄市政务服务中心", "Zaozhuang Government Service Centre"),
        "370400",
        ("枣庄市薛城区光明大道2669号", "2669 Guangming Avenue, Xuecheng District, Zaozhuang"),
        "0632-3311000",
        ("乘公交B1、K3路至市民中心站下车。", "Bus B1 or K3 to the Citizen Centre stop."),
        facilities={**ALL_FACILITIES, "hearing_loop": False},
    ),
    hall(
        "dongying-service-centre",
        ("东营市政务服务中心", "Dongying Government Service Centre"),
        "370500",
        ("东营市东营区府前大街59号", "59 Fuqian Street, Dongying District, Dongying"),
        "0546-8332000",
        ("乘公交1、5、10路至市政务服务中心站。", "Bus 1, 5 or 10 to the City Government Service Centre stop."),
        opening=hours(saturday=False),
    ),
    hall(
        "yantai-service-centre",
        ("烟台市政务服务中心", "Yantai Government Service Centre"),
        "370600",
        ("烟台市莱山区港城东大街1267号", "1267 Gangcheng East Street, Laishan District, Yantai"),
        "0535-6789000",
        (
            "乘公交17、46、52路至市民服务中心站下车，步行约100米。",
            "Bus 17, 46 or 52 to the Citizen Service Centre stop, then a 100 m walk.",
        ),
    ),
    hall(
        "yantai-zhifu-service-centre",
        ("芝罘区政务服务中心", "Zhifu District Government Service Centre"),
        "370602",
        ("烟台市芝罘区南大街106号", "106 South Street, Zhifu District, Yantai"),
        "0535-6225000",
        ("乘公交1、3、10路至南大街站。", "Bus 1, 3 or 10 to South Street."),
        facilities=BASIC_FACILITIES,
        opening=hours(saturday=False),
    ),
    hall(
        "weifang-service-centre",
        ("潍坊市民之家", "Weifang Citizens' Home (Government Service Centre)"),
        "370700",
        ("潍坊市奎文区福寿东街6396号", "6396 Fushou East Street, Kuiwen District, Weifang"),
        "0536-8096000",
        ("乘公交9、16、K3路至市民之家站下车即到。", "Bus 9, 16 or K3 to Citizens' Home; the hall is at the stop."),
    ),
    hall(
        "jining-service-centre",
        ("济宁市为民服务中心", "Jining Citizen Service Centre"),
        "370800",
        ("济宁市任城区洸河路77号", "77 Guanghe Road, Rencheng District, Jining"),
        "0537-2968000",
        ("乘公交1、9、18路至为民服务中心站。", "Bus 1, 9 or 18 to the Citizen Service Centre stop."),
        facilities={**ALL_FACILITIES, "sign_language": False},
    ),
    hall(
        "taian-service-centre",
        ("泰安市政务服务中心", "Tai'an Government Service Centre"),
        "370900",
        ("泰安市泰山区东岳大街396号", "396 Dongyue Street, Taishan District, Tai'an"),
        "0538-6991000",
        ("乘公交3、K19、K37路至市政务服务中心站。", "Bus 3, K19 or K37 to the City Government Service Centre stop."),
        opening=hours(afternoon="14:00", summer_afternoon="14:30"),
    ),
    hall(
        "weihai-service-centre",
        ("威海市民中心", "Weihai Citizens' Centre"),
        "371000",
        ("威海市环翠区青岛中路106号", "106 Qingdao Middle Road, Huancui District, Weihai"),
        "0631-5899000",
        ("乘公交11、12、31路至市民中心站下车。", "Bus 11, 12 or 31 to the Citizens' Centre stop."),
    ),
    hall(
        "rizhao-service-centre",
        ("日照市政务服务中心", "Rizhao Government Service Centre"),
        "371100",
        ("日照市东港区烟台路17号", "17 Yantai Road, Donggang District, Rizhao"),
        "0633-8779000",
        ("乘公交2、6、16路至市政务服务中心站。", "Bus 2, 6 or 16 to the City Government Service Centre stop."),
        facilities={**ALL_FACILITIES, "hearing_loop": False, "sign_language": False},
        opening=hours(saturday=False),
    ),
    hall(
        "linyi-service-centre",
        ("临沂市政务服务中心", "Linyi Government Service Centre"),
        "371300",
        ("临沂市兰山区北京路29号", "29 Beijing Road, Lanshan District, Linyi"),
        "0539-8722000",
        (
            "乘公交K1、10、16路至政务服务中心站下车，步行约150米。",
            "Bus K1, 10 or 16 to the Government Service Centre stop, then a 150 m walk.",
        ),
    ),
    hall(
        "dezhou-service-centre",
        ("德州市政务服务中心", "Dezhou Government Service Centre"),
        "371400",
        ("德州市德城区湖滨北大道1166号", "1166 Hubin North Avenue, Decheng District, Dezhou"),
        "0534-2629000",
        ("乘公交3、11、23路至市民服务中心站。", "Bus 3, 11 or 23 to the Citizen Service Centre stop."),
        facilities={**ALL_FACILITIES, "hearing_loop": False},
    ),
    hall(
        "liaocheng-service-centre",
        ("聊城市政务服务中心", "Liaocheng Government Service Centre"),
        "371500",
        ("聊城市东昌府区东昌东路1号", "1 Dongchang East Road, Dongchangfu District, Liaocheng"),
        "0635-8216000",
        ("乘公交1、4、K1路至市政务服务中心站。", "Bus 1, 4 or K1 to the City Government Service Centre stop."),
        opening=hours(saturday=False),
    ),
    hall(
        "binzhou-service-centre",
        ("滨州市政务服务中心", "Binzhou Government Service Centre"),
        "371600",
        ("滨州市滨城区黄河五路576号", "576 Huanghe 5th Road, Bincheng District, Binzhou"),
        "0543-3166000",
        ("乘公交5、7、16路至市政务服务中心站。", "Bus 5, 7 or 16 to the City Government Service Centre stop."),
    ),
    hall(
        "heze-service-centre",
        ("菏泽市政务服务中心", "Heze Government Service Centre"),
        "371700",
        ("菏泽市牡丹区中华东路1号", "1 Zhonghua East Road, Mudan District, Heze"),
        "0530-5310000",
        ("乘公交2、6、21路至市民服务中心站下车。", "Bus 2, 6 or 21 to the Citizen Service Centre stop."),
        facilities={**ALL_FACILITIES, "sign_language": False, "hearing_loop": False},
    ),
    hall(
        "qingdao-shinan-service-centre",
        ("市南区政务服务大厅", "Shinan District Government Service Hall"),
        "370202",
        ("青岛市市南区宁夏路288号", "288 Ningxia Road, Shinan District, Qingdao"),
        "0532-88728000",
        (
            "地铁3号线宁夏路站B口；公交25、205路至宁夏路站。",
            "Metro Line 3, Ningxia Road, exit B; bus 25 or 205 to Ningxia Road.",
        ),
        facilities=BASIC_FACILITIES,
    ),
    hall(
        "zibo-zhangdian-service-centre",
        ("张店区政务服务中心", "Zhangdian District Government Service Centre"),
        "370303",
        ("淄博市张店区共青团西路99号", "99 Gongqingtuan West Road, Zhangdian District, Zibo"),
        "0533-2181000",
        ("乘公交10、35路至张店区政务中心站。", "Bus 10 or 35 to the Zhangdian District Government Centre stop."),
        facilities=BASIC_FACILITIES,
        opening=hours(afternoon="14:00", summer_afternoon="14:30", saturday=False),
    ),
]

PROVINCIAL_HALL = "shandong-provincial-service-centre"
