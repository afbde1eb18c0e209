"""Documents people are asked to bring, in both languages. Call one to change a detail:
`PHOTO(quantity=2)`, `ID_CARD(form=COPY)`, `FORM(notes=("…", "…"))`."""

from .spec import APPLICATION_FORM, COPY, ELECTRONIC, ORIGINAL, Material

# Identity
ID_CARD = Material(
    "居民身份证",
    "Resident ID card",
    ORIGINAL,
    notes_zh="现场核验原件，不收取复印件",
    notes_en="Shown at the counter; no photocopy is needed",
)
ID_CARD_COPY = Material("申请人居民身份证复印件", "Copy of the applicant's resident ID card", COPY)
HUKOU = Material(
    "居民户口簿",
    "Household register booklet (hukou)",
    ORIGINAL,
    fetched=True,
    notes_zh="已关联电子证照的，无需提交",
    notes_en="Not needed if the electronic copy is on file",
)
PHOTO = Material(
    "近期免冠彩色证件照片",
    "Recent colour passport-style photo",
    ORIGINAL,
    notes_zh="白色背景，大厅可免费拍摄",
    notes_en="White background; you can have it taken free at the hall",
)
PASSPORT_OLD = Material("原护照", "Your current passport", ORIGINAL)
APPLICATION = APPLICATION_FORM
RESIDENCE_PROOF = Material(
    "合法稳定住所证明",
    "Proof of address",
    COPY,
    notes_zh="房屋产权证明或租赁合同",
    notes_en="Property certificate or tenancy agreement",
)
LOSS_STATEMENT = Material(
    "遗失情况说明",
    "Statement of loss",
    ORIGINAL,
    notes_zh="本人签名，写明遗失时间、地点",
    notes_en="Signed, saying when and where it was lost",
)
DAMAGED_DOCUMENT = Material(
    "损坏或到期的原证件",
    "The damaged or expired document",
    ORIGINAL,
    notes_zh="换领时交回",
    notes_en="Handed back when the new one is issued",
)
RELATIONSHIP_PROOF = Material(
    "亲属关系证明",
    "Proof of family relationship",
    ORIGINAL,
    fetched=True,
    notes_zh="户口簿、结婚证或出生医学证明等，可电子调取",
    notes_en="Household register, marriage or birth certificate; can be fetched electronically",
)

# Family
MARRIAGE_CERT = Material("结婚证", "Marriage certificate", ORIGINAL, fetched=True)
DIVORCE_PROOF = Material(
    "离婚证或人民法院离婚判决书、调解书", "Divorce certificate or court divorce judgment", ORIGINAL
)
BIRTH_CERT = Material(
    "出生医学证明",
    "Birth medical certificate",
    ORIGINAL,
    fetched=True,
    notes_zh="本省出生的可电子调取",
    notes_en="Fetched electronically for babies born in Shandong",
)
MARRIAGE_DECLARATION = Material(
    "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
    "Signed declaration that you are not married and are not closely related to your partner",
    ORIGINAL,
    notes_zh="在登记处当场签署",
    notes_en="Signed at the registry",
)
DEATH_CERT = Material(
    "居民死亡医学证明（推断）书",
    "Medical certificate of death",
    ORIGINAL,
    fetched=True,
    notes_zh="医疗机构出具，可电子调取",
    notes_en="Issued by the hospital; can be fetched electronically",
)
CREMATION_CERT = Material("火化证明", "Cremation certificate", ORIGINAL, fetched=True)

# Money and income
BANK_CARD = Material(
    "本人社会保障卡或银行账户",
    "Social security card or bank account in your name",
    ORIGINAL,
    notes_zh="用于发放待遇",
    notes_en="Payments are made into it",
)
INCOME_DECLARATION = Material(
    "家庭经济状况声明及核对授权书",
    "Declaration of household income and consent to check it",
    ORIGINAL,
    notes_zh="申请人及家庭成员签名",
    notes_en="Signed by you and the members of your household",
)
SSC = Material("社会保障卡", "Social security card", ORIGINAL)

# Health and disability
MEDICAL_INVOICES = Material(
    "医疗费用票据",
    "Medical bills (official receipts)",
    ORIGINAL,
    notes_zh="电子票据无需打印",
    notes_en="Electronic receipts need not be printed",
)
COST_LIST = Material("费用明细清单", "Itemised list of charges", ORIGINAL)
DISCHARGE_SUMMARY = Material("出院记录或门诊病历", "Hospital discharge summary or outpatient record", COPY)
DIAGNOSIS = Material("二级及以上医疗机构诊断证明", "Diagnosis from a grade-2 or higher hospital", ORIGINAL)
DISABILITY_CERT = Material(
    "中华人民共和国残疾人证",
    "Disability certificate of the People's Republic of China",
    ORIGINAL,
    fetched=True,
    notes_zh="第三代智能化残疾人证可电子调取",
    notes_en="Third-generation cards can be checked electronically",
)
DISABILITY_ASSESSMENT = Material(
    "残疾评定表",
    "Disability assessment form",
    ORIGINAL,
    notes_zh="由指定医疗机构评定医生填写",
    notes_en="Completed by a doctor at a designated hospital",
)
HEALTH_CERT = Material(
    "身体条件证明",
    "Medical fitness certificate",
    ORIGINAL,
    fetched=True,
    notes_zh="县级或部队团级以上医疗机构出具，电子体检信息可联网调取",
    notes_en="From a county-level or higher hospital; electronic results are fetched automatically",
)
VACCINATION_RECORD = Material("预防接种证", "Vaccination record booklet", ORIGINAL)

# Business
LICENCE = Material(
    "营业执照",
    "Business licence",
    ORIGINAL,
    fetched=True,
    notes_zh="可使用电子营业执照",
    notes_en="The electronic business licence is accepted",
)
ARTICLES = Material(
    "公司章程或章程修正案",
    "Articles of association or amendments to them",
    ORIGINAL,
    notes_zh="全体股东签署",
    notes_en="Signed by all shareholders",
)
RESOLUTION = Material("股东会决议或决定", "Shareholders' resolution or decision", ORIGINAL)
PREMISES = Material(
    "住所（经营场所）使用证明",
    "Proof of use of the registered address",
    COPY,
    notes_zh="实行住所申报承诺制的，填写申报承诺书即可",
    notes_en="Where self-declaration applies, a signed declaration is enough",
)
REPRESENTATIVE_ID = Material(
    "法定代表人（负责人）身份证件",
    "ID of the legal representative (person in charge)",
    ORIGINAL,
    notes_zh="可通过电子身份认证确认",
    notes_en="Can be confirmed by online identity check",
)
REGISTRATION_FORM = Material(
    "登记（备案）申请书",
    "Registration (filing) application form",
    ORIGINAL,
    notes_zh="通过全程电子化登记系统填写",
    notes_en="Completed in the online registration system",
)
LIQUIDATION_REPORT = Material("清算报告或债务清偿承诺书", "Liquidation report or undertaking to settle debts", ORIGINAL)
PARTNERSHIP_AGREEMENT = Material(
    "合伙协议", "Partnership agreement", ORIGINAL, notes_zh="全体合伙人签署", notes_en="Signed by all partners"
)
MEMBER_LIST = Material("成员名册及出资清单", "List of members and their contributions", ORIGINAL)
PARENT_LICENCE = Material("隶属企业营业执照", "Business licence of the parent company", COPY, fetched=True)
FOOD_SAFETY_SYSTEM = Material("食品安全管理制度文本", "Food safety management rules", ORIGINAL)
LAYOUT_PLAN = Material("经营场所平面布局图和设备布局图", "Floor plan of the premises and equipment layout", ORIGINAL)
PERMIT_ORIGINAL = Material("许可证正副本原件", "The original licence (main and duplicate copies)", ORIGINAL)
FINANCIAL_STATEMENTS = Material("财务会计报告", "Financial statements", COPY)
QUALIFICATION_CERTS = Material("专业技术人员资格证书", "Certificates of the professional staff", COPY)
SAFETY_RULES = Material("安全生产管理制度和操作规程", "Work safety rules and operating procedures", ORIGINAL)
SEAL = Material(
    "单位公章", "Company seal", ORIGINAL, notes_zh="在申请材料上加盖", notes_en="Stamped on the application"
)
EMPLOYEE_LIST = Material("参保职工花名册", "List of insured employees", ORIGINAL)

# Housing and land
PROPERTY_CERT = Material(
    "不动产权证书",
    "Real estate title certificate",
    ORIGINAL,
    fetched=True,
    notes_zh="电子证照可调取的免交",
    notes_en="Not needed if the electronic copy is on file",
)
SALE_CONTRACT = Material(
    "房屋买卖合同",
    "Property sale contract",
    ORIGINAL,
    fetched=True,
    notes_zh="已网签备案的自动调取",
    notes_en="Fetched automatically once registered online",
)
TAX_RECEIPT = Material(
    "契税完税凭证",
    "Deed tax payment receipt",
    ORIGINAL,
    fetched=True,
    notes_zh="税务部门共享，无需提交",
    notes_en="Shared by the tax office; you need not bring it",
)
LOAN_CONTRACT = Material("借款合同和抵押合同", "Loan contract and mortgage contract", ORIGINAL)
TENANCY = Material("房屋租赁合同", "Tenancy agreement", ORIGINAL)
LAND_SURVEY = Material("不动产权籍调查成果", "Cadastral survey results", ORIGINAL)
PLANNING_DRAWINGS = Material("建设工程设计方案总平面图", "Site plan of the design scheme", ORIGINAL)
LAND_DOCUMENT = Material("土地使用权证明文件", "Proof of land use rights", COPY, fetched=True)
HOUSING_FUND_CARD = Material("住房公积金联名卡或本人银行卡", "Housing fund co-branded card or your bank card", ORIGINAL)
INHERITANCE_PROOF = Material(
    "继承权公证书或全部继承人的继承协议", "Notarised proof of inheritance or an agreement signed by all heirs", ORIGINAL
)

# Vehicles and transport
DRIVING_LICENCE = Material("机动车驾驶证", "Driving licence", ORIGINAL)
VEHICLE_CERT = Material("机动车登记证书", "Vehicle registration certificate", ORIGINAL)
VEHICLE_LICENCE = Material("机动车行驶证", "Vehicle licence (registration card)", ORIGINAL)
VEHICLE_INVOICE = Material("机动车销售统一发票", "Uniform invoice for the vehicle sale", ORIGINAL, fetched=True)
INSURANCE = Material(
    "机动车交通事故责任强制保险凭证",
    "Compulsory traffic accident liability insurance certificate",
    ORIGINAL,
    fetched=True,
    notes_zh="已联网核查的无需提交",
    notes_en="Checked online; no need to bring it",
)
VEHICLE_INSPECTION = Material(
    "机动车安全技术检验合格证明", "Vehicle safety inspection certificate", ORIGINAL, fetched=True
)
QUALIFICATION_CARD = Material("道路运输从业资格证", "Road transport professional qualification certificate", ORIGINAL)
VEHICLE_LIST = Material("拟投入车辆承诺书", "Undertaking on the vehicles to be used", ORIGINAL)

# Education and careers
GRADUATION_CERT = Material(
    "毕业证书",
    "Graduation certificate",
    ORIGINAL,
    fetched=True,
    notes_zh="学信网可查询的免交",
    notes_en="Not needed if it can be verified online",
)
TEACHER_CERT = Material("教师资格证书", "Teacher qualification certificate", ORIGINAL)
MANDARIN_CERT = Material("普通话水平测试等级证书", "Putonghua proficiency certificate", ORIGINAL, fetched=True)
HEALTH_CHECK = Material(
    "体检合格证明",
    "Medical examination report",
    ORIGINAL,
    notes_zh="在指定医院体检",
    notes_en="From a designated hospital",
)
STUDENT_RECORD = Material(
    "学籍信息",
    "Student record",
    ELECTRONIC,
    fetched=True,
    notes_zh="学籍系统自动调取",
    notes_en="Fetched from the student register",
)
LABOUR_CONTRACT = Material("劳动合同", "Employment contract", COPY)
DISCHARGE_CERT = Material("退役证明或退出现役证", "Discharge certificate", ORIGINAL, fetched=True)
PRACTICE_CERT = Material("执业证书", "Practising certificate", ORIGINAL)

__all__ = [name for name in dir() if name.isupper()]
