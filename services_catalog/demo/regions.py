"""Shandong province, its 16 prefecture-level cities and some of their districts and counties, with
their administrative division codes (GB/T 2260) and English names."""

PROVINCE = {"code": "370000", "name_zh": "山东省", "name_en": "Shandong Province"}

# (code, Chinese, English, [(district code, Chinese, English), ...])
CITIES = [
    (
        "370100",
        "济南市",
        "Jinan",
        [
            ("370102", "历下区", "Lixia District"),
            ("370103", "市中区", "Shizhong District"),
            ("370104", "槐荫区", "Huaiyin District"),
            ("370112", "历城区", "Licheng District"),
        ],
    ),
    (
        "370200",
        "青岛市",
        "Qingdao",
        [
            ("370202", "市南区", "Shinan District"),
            ("370203", "市北区", "Shibei District"),
            ("370211", "黄岛区", "Huangdao District"),
            ("370212", "崂山区", "Laoshan District"),
        ],
    ),
    (
        "370300",
        "淄博市",
        "Zibo",
        [
            ("370302", "淄川区", "Zichuan District"),
            ("370303", "张店区", "Zhangdian District"),
            ("370304", "博山区", "Boshan District"),
            ("370305", "临淄区", "Linzi District"),
        ],
    ),
    (
        "370400",
        "枣庄市",
        "Zaozhuang",
        [
            ("370402", "市中区", "Shizhong District"),
            ("370403", "薛城区", "Xuecheng District"),
            ("370405", "台儿庄区", "Tai'erzhuang District"),
            ("370481", "滕州市", "Tengzhou"),
        ],
    ),
    (
        "370500",
        "东营市",
        "Dongying",
        [
            ("370502", "东营区", "Dongying District"),
            ("370503", "河口区", "Hekou District"),
            ("370505", "垦利区", "Kenli District"),
            ("370523", "广饶县", "Guangrao County"),
        ],
    ),
    (
        "370600",
        "烟台市",
        "Yantai",
        [
            ("370602", "芝罘区", "Zhifu District"),
            ("370611", "福山区", "Fushan District"),
            ("370613", "莱山区", "Laishan District"),
            ("370681", "龙口市", "Longkou"),
        ],
    ),
    (
        "370700",
        "潍坊市",
        "Weifang",
        [
            ("370702", "潍城区", "Weicheng District"),
            ("370705", "奎文区", "Kuiwen District"),
            ("370781", "青州市", "Qingzhou"),
            ("370783", "寿光市", "Shouguang"),
        ],
    ),
    (
        "370800",
        "济宁市",
        "Jining",
        [
            ("370811", "任城区", "Rencheng District"),
            ("370812", "兖州区", "Yanzhou District"),
            ("370881", "曲阜市", "Qufu"),
            ("370883", "邹城市", "Zoucheng"),
        ],
    ),
    (
        "370900",
        "泰安市",
        "Tai'an",
        [
            ("370902", "泰山区", "Taishan District"),
            ("370911", "岱岳区", "Daiyue District"),
            ("370982", "新泰市", "Xintai"),
            ("370983", "肥城市", "Feicheng"),
        ],
    ),
    (
        "371000",
        "威海市",
        "Weihai",
        [
            ("371002", "环翠区", "Huancui District"),
            ("371003", "文登区", "Wendeng District"),
            ("371082", "荣成市", "Rongcheng"),
            ("371083", "乳山市", "Rushan"),
        ],
    ),
    (
        "371100",
        "日照市",
        "Rizhao",
        [
            ("371102", "东港区", "Donggang District"),
            ("371103", "岚山区", "Lanshan District"),
            ("371121", "五莲县", "Wulian County"),
            ("371122", "莒县", "Ju County"),
        ],
    ),
    (
        "371300",
        "临沂市",
        "Linyi",
        [
            ("371302", "兰山区", "Lanshan District"),
            ("371311", "罗庄区", "Luozhuang District"),
            ("371312", "河东区", "Hedong District"),
            ("371323", "沂水县", "Yishui County"),
        ],
    ),
    (
        "371400",
        "德州市",
        "Dezhou",
        [
            ("371402", "德城区", "Decheng District"),
            ("371403", "陵城区", "Lingcheng District"),
            ("371481", "乐陵市", "Laoling"),
            ("371482", "禹城市", "Yucheng"),
        ],
    ),
    (
        "371500",
        "聊城市",
        "Liaocheng",
        [
            ("371502", "东昌府区", "Dongchangfu District"),
            ("371503", "茌平区", "Chiping District"),
            ("371581", "临清市", "Linqing"),
            ("371521", "阳谷县", "Yanggu County"),
        ],
    ),
    (
        "371600",
        "滨州市",
        "Binzhou",
        [
            ("371602", "滨城区", "Bincheng District"),
            ("371603", "沾化区", "Zhanhua District"),
            ("371681", "邹平市", "Zouping"),
            ("371625", "博兴县", "Boxing County"),
        ],
    ),
    (
        "371700",
        "菏泽市",
        "Heze",
        [
            ("371702", "牡丹区", "Mudan District"),
            ("371703", "定陶区", "Dingtao District"),
            ("371721", "曹县", "Cao County"),
            ("371722", "单县", "Shan County"),
        ],
    ),
]

CITY_CODES = [code for code, *_rest in CITIES]
CITY_NAMES = {code: (zh, en) for code, zh, en, _districts in CITIES}
DISTRICTS = [(code, city_code, zh, en) for city_code, _zh, _en, districts in CITIES for code, zh, en in districts]
