"""Legal bases cited by the demo services: key -> (Chinese title, English title)."""

LAWS = {
    # Identity, household registration, travel documents, traffic
    "id_card": ("《中华人民共和国居民身份证法》", "Resident Identity Card Law of the People's Republic of China"),
    "hukou": (
        "《中华人民共和国户口登记条例》",
        "Regulations of the People's Republic of China on Household Registration",
    ),
    "residence_permit": ("《居住证暂行条例》", "Interim Regulations on Residence Permits"),
    "exit_entry": (
        "《中华人民共和国出境入境管理法》",
        "Exit and Entry Administration Law of the People's Republic of China",
    ),
    "passport": ("《中华人民共和国护照法》", "Passport Law of the People's Republic of China"),
    "hk_macao": (
        "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》",
        "Interim Measures on Private Travel by Chinese Citizens to and from Hong Kong or Macao",
    ),
    "taiwan": (
        "《中国公民往来台湾地区管理办法》",
        "Measures for the Administration of Travel between the Mainland and Taiwan by Chinese Citizens",
    ),
    "road_traffic": ("《中华人民共和国道路交通安全法》", "Road Traffic Safety Law of the People's Republic of China"),
    "road_traffic_rules": (
        "《中华人民共和国道路交通安全法实施条例》",
        "Regulations for the Implementation of the Road Traffic Safety Law",
    ),
    "driving_licence": (
        "《机动车驾驶证申领和使用规定》",
        "Provisions on the Application for and Use of Motor Vehicle Driving Licences",
    ),
    "vehicle_registration": ("《机动车登记规定》", "Provisions on Motor Vehicle Registration"),
    # Work and social insurance
    "social_insurance": ("《中华人民共和国社会保险法》", "Social Insurance Law of the People's Republic of China"),
    "premium_collection": (
        "《社会保险费征缴暂行条例》",
        "Interim Regulations on the Collection and Payment of Social Insurance Premiums",
    ),
    "pension_transfer": (
        "《城镇企业职工基本养老保险关系转移接续暂行办法》",
        "Interim Measures for the Transfer of Basic Pension Insurance of Urban Enterprise Employees",
    ),
    "employment": ("《中华人民共和国就业促进法》", "Employment Promotion Law of the People's Republic of China"),
    "unemployment": ("《失业保险条例》", "Regulations on Unemployment Insurance"),
    "work_injury": ("《工伤保险条例》", "Regulations on Work-Related Injury Insurance"),
    "labour_arbitration": (
        "《中华人民共和国劳动争议调解仲裁法》",
        "Law of the People's Republic of China on Mediation and Arbitration of Labour Disputes",
    ),
    "labour_contract": ("《中华人民共和国劳动合同法》", "Labour Contract Law of the People's Republic of China"),
    "labour_inspection": ("《劳动保障监察条例》", "Regulations on Labour Security Supervision"),
    "hr_market": ("《人力资源市场暂行条例》", "Interim Regulations on the Human Resources Market"),
    "labour_dispatch": (
        "《劳务派遣行政许可实施办法》",
        "Implementing Measures for the Administrative Licensing of Labour Dispatch",
    ),
    "medical_fund": (
        "《医疗保障基金使用监督管理条例》",
        "Regulations on the Supervision and Administration of the Use of Medical Security Funds",
    ),
    # Family, welfare and care
    "civil_code": ("《中华人民共和国民法典》", "Civil Code of the People's Republic of China"),
    "marriage_registration": ("《婚姻登记条例》", "Regulations on Marriage Registration"),
    "adoption_registration": (
        "《中国公民收养子女登记办法》",
        "Measures for the Registration of Adoption of Children by Chinese Citizens",
    ),
    "older_people": (
        "《中华人民共和国老年人权益保障法》",
        "Law of the People's Republic of China on the Protection of the Rights and Interests of Older People",
    ),
    "social_assistance": ("《社会救助暂行办法》", "Interim Measures for Social Assistance"),
    "minimum_living": (
        "《城市居民最低生活保障条例》",
        "Regulations on Guaranteeing Urban Residents' Minimum Standard of Living",
    ),
    "minors": ("《中华人民共和国未成年人保护法》", "Law of the People's Republic of China on the Protection of Minors"),
    "funeral": ("《殡葬管理条例》", "Regulations on Funeral and Interment Administration"),
    "social_organisations": (
        "《社会团体登记管理条例》",
        "Regulations on the Registration and Administration of Social Organisations",
    ),
    "private_non_enterprise": (
        "《民办非企业单位登记管理暂行条例》",
        "Interim Regulations on the Registration of Private Non-Enterprise Units",
    ),
    "care_homes": ("《养老机构管理办法》", "Measures for the Administration of Elderly Care Institutions"),
    "disability": (
        "《中华人民共和国残疾人保障法》",
        "Law of the People's Republic of China on the Protection of Persons with Disabilities",
    ),
    "disability_certificate": (
        "《中华人民共和国残疾人证管理办法》",
        "Measures for the Administration of the Disability Certificate of the People's Republic of China",
    ),
    "rehabilitation": (
        "《残疾预防和残疾人康复条例》",
        "Regulations on Disability Prevention and the Rehabilitation of Persons with Disabilities",
    ),
    "disabled_employment": ("《残疾人就业条例》", "Regulations on the Employment of Persons with Disabilities"),
    # Health
    "maternal_health": (
        "《中华人民共和国母婴保健法》",
        "Law of the People's Republic of China on Maternal and Infant Health Care",
    ),
    "population": (
        "《中华人民共和国人口与计划生育法》",
        "Population and Family Planning Law of the People's Republic of China",
    ),
    "physicians": ("《中华人民共和国医师法》", "Physicians Law of the People's Republic of China"),
    "nurses": ("《护士条例》", "Regulations on Nurses"),
    "medical_institutions": ("《医疗机构管理条例》", "Regulations on the Administration of Medical Institutions"),
    "public_places": ("《公共场所卫生管理条例》", "Regulations on Hygiene Management of Public Places"),
    "vaccines": ("《中华人民共和国疫苗管理法》", "Vaccine Administration Law of the People's Republic of China"),
    "basic_health": (
        "《中华人民共和国基本医疗卫生与健康促进法》",
        "Law of the People's Republic of China on Basic Medical and Health Care and the Promotion of Health",
    ),
    # Business
    "market_entities": (
        "《中华人民共和国市场主体登记管理条例》",
        "Regulations of the People's Republic of China on the Registration of Market Entities",
    ),
    "company": ("《中华人民共和国公司法》", "Company Law of the People's Republic of China"),
    "partnership": ("《中华人民共和国合伙企业法》", "Partnership Enterprise Law of the People's Republic of China"),
    "sole_proprietorship": (
        "《中华人民共和国个人独资企业法》",
        "Sole Proprietorship Enterprise Law of the People's Republic of China",
    ),
    "foreign_investment": ("《中华人民共和国外商投资法》", "Foreign Investment Law of the People's Republic of China"),
    "cooperatives": (
        "《中华人民共和国农民专业合作社法》",
        "Law of the People's Republic of China on Farmers' Specialised Cooperatives",
    ),
    "individual_business": (
        "《促进个体工商户发展条例》",
        "Regulations on Promoting the Development of Individual Businesses",
    ),
    "food_safety": ("《中华人民共和国食品安全法》", "Food Safety Law of the People's Republic of China"),
    "food_business": (
        "《食品经营许可和备案管理办法》",
        "Measures for the Administration of Food Business Licensing and Filing",
    ),
    "food_production": ("《食品生产许可管理办法》", "Measures for the Administration of Food Production Licensing"),
    "special_equipment": (
        "《中华人民共和国特种设备安全法》",
        "Special Equipment Safety Law of the People's Republic of China",
    ),
    "enterprise_disclosure": ("《企业信息公示暂行条例》", "Interim Regulations on Enterprise Information Disclosure"),
    "equity_pledge": ("《股权出质登记办法》", "Measures for the Registration of Equity Pledges"),
    "administrative_licensing": (
        "《中华人民共和国行政许可法》",
        "Administrative Licensing Law of the People's Republic of China",
    ),
    # Tax
    "tax_collection": (
        "《中华人民共和国税收征收管理法》",
        "Law of the People's Republic of China on the Administration of Tax Collection",
    ),
    "income_tax": ("《中华人民共和国个人所得税法》", "Individual Income Tax Law of the People's Republic of China"),
    "invoices": (
        "《中华人民共和国发票管理办法》",
        "Measures of the People's Republic of China for the Administration of Invoices",
    ),
    "vat": ("《中华人民共和国增值税法》", "Value-Added Tax Law of the People's Republic of China"),
    "vehicle_purchase_tax": (
        "《中华人民共和国车辆购置税法》",
        "Vehicle Purchase Tax Law of the People's Republic of China",
    ),
    "deed_tax": ("《中华人民共和国契税法》", "Deed Tax Law of the People's Republic of China"),
    # Housing, land and construction
    "housing_fund": ("《住房公积金管理条例》", "Regulations on the Administration of Housing Provident Funds"),
    "urban_real_estate": (
        "《中华人民共和国城市房地产管理法》",
        "Urban Real Estate Administration Law of the People's Republic of China",
    ),
    "public_rental_housing": ("《公共租赁住房管理办法》", "Measures for the Administration of Public Rental Housing"),
    "housing_leases": ("《商品房屋租赁管理办法》", "Measures for the Administration of Commodity Housing Leases"),
    "presale": (
        "《城市商品房预售管理办法》",
        "Measures for the Administration of the Pre-sale of Urban Commodity Housing",
    ),
    "construction": ("《中华人民共和国建筑法》", "Construction Law of the People's Republic of China"),
    "construction_permits": (
        "《建筑工程施工许可管理办法》",
        "Measures for the Administration of Construction Permits for Building Works",
    ),
    "constructors": ("《注册建造师管理规定》", "Provisions on the Administration of Registered Constructors"),
    "construction_qualifications": (
        "《建筑业企业资质管理规定》",
        "Provisions on the Administration of Qualifications of Construction Enterprises",
    ),
    "urban_gas": ("《城镇燃气管理条例》", "Regulations on the Administration of Urban Gas"),
    "work_safety_licences": ("《安全生产许可证条例》", "Regulations on Work Safety Licences"),
    "real_estate_registration": ("《不动产登记暂行条例》", "Interim Regulations on Real Estate Registration"),
    "real_estate_rules": (
        "《不动产登记暂行条例实施细则》",
        "Detailed Rules for the Implementation of the Interim Regulations on Real Estate Registration",
    ),
    "land": ("《中华人民共和国土地管理法》", "Land Administration Law of the People's Republic of China"),
    "planning": ("《中华人民共和国城乡规划法》", "Urban and Rural Planning Law of the People's Republic of China"),
    # Transport
    "road_transport": (
        "《中华人民共和国道路运输条例》",
        "Regulations of the People's Republic of China on Road Transport",
    ),
    "transport_workers": (
        "《道路运输从业人员管理规定》",
        "Provisions on the Administration of Road Transport Practitioners",
    ),
    "ride_hailing": (
        "《网络预约出租汽车经营服务管理暂行办法》",
        "Interim Measures for the Administration of Online Car-Hailing Services",
    ),
    "taxi_drivers": (
        "《出租汽车驾驶员从业资格管理规定》",
        "Provisions on the Administration of Taxi Drivers' Professional Qualifications",
    ),
    "vehicle_maintenance": ("《机动车维修管理规定》", "Provisions on the Administration of Motor Vehicle Maintenance"),
    # Education
    "compulsory_education": (
        "《中华人民共和国义务教育法》",
        "Compulsory Education Law of the People's Republic of China",
    ),
    "preschool_education": (
        "《中华人民共和国学前教育法》",
        "Preschool Education Law of the People's Republic of China",
    ),
    "teachers": ("《中华人民共和国教师法》", "Teachers Law of the People's Republic of China"),
    "teacher_qualifications": ("《教师资格条例》", "Regulations on Teacher Qualifications"),
    "language": (
        "《中华人民共和国国家通用语言文字法》",
        "Law of the People's Republic of China on the Standard Spoken and Written Chinese Language",
    ),
    "private_schools": (
        "《中华人民共和国民办教育促进法》",
        "Law of the People's Republic of China on Promoting Privately-Run Schools",
    ),
    "education": ("《中华人民共和国教育法》", "Education Law of the People's Republic of China"),
    # Veterans
    "veterans": (
        "《中华人民共和国退役军人保障法》",
        "Law of the People's Republic of China on the Protection of Veterans",
    ),
    "military_pensions": (
        "《军人抚恤优待条例》",
        "Regulations on Pensions and Preferential Treatment for Service Members",
    ),
    "martyrs": ("《烈士褒扬条例》", "Regulations on Commending Martyrs"),
    "discharged_soldiers": ("《退役士兵安置条例》", "Regulations on the Resettlement of Discharged Soldiers"),
    # Justice
    "legal_aid": ("《中华人民共和国法律援助法》", "Legal Aid Law of the People's Republic of China"),
    "notarisation": ("《中华人民共和国公证法》", "Notarization Law of the People's Republic of China"),
    "mediation": ("《中华人民共和国人民调解法》", "People's Mediation Law of the People's Republic of China"),
    "lawyers": ("《中华人民共和国律师法》", "Lawyers Law of the People's Republic of China"),
}
