"""Provincial departments that publish services, with the letters used in their service codes
("370000-GA-0012": province, department, number)."""

# code (slug), abbreviation in service codes, Chinese, English, description (zh, en), phone
DEPARTMENTS = [
    {
        "code": "public-security",
        "abbr": "GA",
        "phone": "12345",
        "name_zh": "山东省公安厅",
        "name_en": "Shandong Provincial Department of Public Security",
        "description_zh": "户籍、居民身份证、出入境证件、机动车和驾驶证等公安政务服务。",
        "description_en": "Household registration, resident ID cards, travel documents, vehicles and driving licences.",
    },
    {
        "code": "human-resources-social-security",
        "abbr": "RS",
        "phone": "12333",
        "name_zh": "山东省人力资源和社会保障厅",
        "name_en": "Shandong Provincial Department of Human Resources and Social Security",
        "description_zh": "就业创业、社会保险、社会保障卡、劳动关系和职业技能等服务。",
        "description_en": "Jobs and business start-up support, social insurance, social security cards, "
        "employment rights and vocational skills.",
    },
    {
        "code": "healthcare-security",
        "abbr": "YB",
        "phone": "12393",
        "name_zh": "山东省医疗保障局",
        "name_en": "Shandong Healthcare Security Administration",
        "description_zh": "基本医疗保险参保、医疗费用报销、异地就医和医疗救助。",
        "description_en": "Basic medical insurance enrolment, medical bill reimbursement, treatment in other "
        "places and medical assistance.",
    },
    {
        "code": "civil-affairs",
        "abbr": "MZ",
        "phone": "12345",
        "name_zh": "山东省民政厅",
        "name_en": "Shandong Provincial Department of Civil Affairs",
        "description_zh": "婚姻登记、社会救助、养老服务、儿童福利、殡葬和社会组织登记。",
        "description_en": "Marriage registration, social assistance, care for older people, child welfare, "
        "funeral services and registration of social organisations.",
    },
    {
        "code": "health",
        "abbr": "WJ",
        "phone": "12320",
        "name_zh": "山东省卫生健康委员会",
        "name_en": "Shandong Provincial Health Commission",
        "description_zh": "出生医学证明、生育登记、医师护士执业注册、医疗机构和公共场所卫生许可。",
        "description_en": "Birth medical certificates, birth registration services, licensing of doctors, "
        "nurses and medical institutions, and public-place hygiene permits.",
    },
    {
        "code": "market-regulation",
        "abbr": "SJ",
        "phone": "12315",
        "name_zh": "山东省市场监督管理局",
        "name_en": "Shandong Administration for Market Regulation",
        "description_zh": "企业和个体工商户登记、食品经营许可、特种设备和市场监管服务。",
        "description_en": "Registration of companies and individual businesses, food business licences, "
        "special equipment and other market regulation services.",
    },
    {
        "code": "taxation",
        "abbr": "SW",
        "phone": "12366",
        "name_zh": "国家税务总局山东省税务局",
        "name_en": "Shandong Provincial Tax Service, State Taxation Administration",
        "description_zh": "税务登记、申报纳税、发票、个人所得税和社会保险费缴纳。",
        "description_en": "Tax registration, tax returns, invoices, individual income tax and payment of "
        "social insurance contributions.",
    },
    {
        "code": "housing-urban-rural-development",
        "abbr": "ZJ",
        "phone": "12345",
        "name_zh": "山东省住房和城乡建设厅",
        "name_en": "Shandong Provincial Department of Housing and Urban-Rural Development",
        "description_zh": "住房保障、房屋交易备案、建筑工程施工许可和建筑业资质。",
        "description_en": "Affordable housing, registration of housing contracts, construction permits and "
        "qualifications of construction companies.",
    },
    {
        "code": "transport",
        "abbr": "JT",
        "phone": "12328",
        "name_zh": "山东省交通运输厅",
        "name_en": "Shandong Provincial Department of Transport",
        "description_zh": "公交乘车优惠卡、道路运输经营许可、从业资格和出租汽车服务。",
        "description_en": "Concessionary bus passes, road transport licences, professional driver "
        "qualifications and taxi services.",
    },
    {
        "code": "education",
        "abbr": "JY",
        "phone": "12345",
        "name_zh": "山东省教育厅",
        "name_en": "Shandong Provincial Department of Education",
        "description_zh": "入学登记、转学、学生资助、教师资格认定和普通话水平测试。",
        "description_en": "School enrolment, school transfers, student financial aid, teacher "
        "qualifications and Putonghua proficiency tests.",
    },
    {
        "code": "disabled-persons-federation",
        "abbr": "CL",
        "phone": "12385",
        "name_zh": "山东省残疾人联合会",
        "name_en": "Shandong Disabled Persons' Federation",
        "description_zh": "残疾人证办理、康复救助、辅助器具和就业扶持。",
        "description_en": "Disability certificates, rehabilitation assistance, assistive devices and "
        "employment support for disabled people.",
    },
    {
        "code": "natural-resources",
        "abbr": "ZR",
        "phone": "12345",
        "name_zh": "山东省自然资源厅",
        "name_en": "Shandong Provincial Department of Natural Resources",
        "description_zh": "不动产登记、不动产登记资料查询和建设用地、建设工程规划许可。",
        "description_en": "Real estate registration, searches of the real estate register and planning "
        "permits for land use and building works.",
    },
    {
        "code": "veterans-affairs",
        "abbr": "TJ",
        "phone": "12345",
        "name_zh": "山东省退役军人事务厅",
        "name_en": "Shandong Provincial Department of Veterans Affairs",
        "description_zh": "退役军人优待证、抚恤优待、就业创业扶持和褒扬纪念。",
        "description_en": "Veterans' preferential treatment cards, pensions and benefits, help with jobs "
        "and business start-ups, and honouring martyrs.",
    },
    {
        "code": "housing-provident-fund",
        "abbr": "GJJ",
        "phone": "12329",
        "name_zh": "住房公积金管理中心",
        "name_en": "Housing Provident Fund Management Centre",
        "description_zh": "住房公积金缴存、提取、贷款和账户转移接续。",
        "description_en": "Housing provident fund contributions, withdrawals, loans and account transfers.",
    },
    {
        "code": "justice",
        "abbr": "SF",
        "phone": "12348",
        "name_zh": "山东省司法厅",
        "name_en": "Shandong Provincial Department of Justice",
        "description_zh": "法律援助、公证、人民调解和律师执业服务。",
        "description_en": "Legal aid, notarisation, people's mediation and the licensing of lawyers.",
    },
]

ABBREVIATIONS = {department["code"]: department["abbr"] for department in DEPARTMENTS}
