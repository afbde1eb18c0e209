"""一件事: the moments in life when people need several services together."""

LIFE_EVENTS = [
    {
        "slug": "having-a-baby",
        "name_zh": "出生一件事",
        "name_en": "Having a baby",
        "summary_zh": "孩子出生后，出生医学证明、户口登记、医保参保、社保卡和预防接种证一次办好。",
        "summary_en": "After your baby is born: the birth medical certificate, household registration, medical "
        "insurance, social security card and vaccination record, all in one go.",
    },
    {
        "slug": "starting-school",
        "name_zh": "入学一件事",
        "name_en": "Starting school",
        "summary_zh": "幼儿园、小学和初中入学登记，随迁子女入学和学生资助。",
        "summary_en": "Registering for kindergarten, primary and junior secondary school, school places for "
        "children of families who have moved, and student financial aid.",
    },
    {
        "slug": "finding-a-job",
        "name_zh": "就业一件事",
        "name_en": "Finding a job",
        "summary_zh": "就业失业登记、社会保险参保、失业保险金和就业创业补贴。",
        "summary_en": "Registering employment or unemployment, social insurance, unemployment benefit and "
        "grants for jobs and start-ups.",
    },
    {
        "slug": "getting-married",
        "name_zh": "结婚一件事",
        "name_en": "Getting married",
        "summary_zh": "结婚登记，以及随后的户口迁移和住房公积金、医保等信息变更。",
        "summary_en": "Registering your marriage, then moving your household registration and updating your "
        "housing fund and medical insurance details.",
    },
    {
        "slug": "retiring",
        "name_zh": "退休一件事",
        "name_en": "Retiring",
        "summary_zh": "退休申请、养老金申领、医保待遇和住房公积金提取一次办好。",
        "summary_en": "Applying to retire, claiming your pension, your medical insurance benefits and "
        "withdrawing your housing provident fund, all in one go.",
    },
    {
        "slug": "older-people",
        "name_zh": "老年人服务一件事",
        "name_en": "Services for older people",
        "summary_zh": "高龄津贴、养老服务补贴、老年人乘车卡、养老金领取资格认证和老年人优待。",
        "summary_en": "Old-age allowance, elderly care subsidy, senior bus pass, pension qualification "
        "check and other benefits for older people.",
    },
    {
        "slug": "disability-services",
        "name_zh": "残疾人服务一件事",
        "name_en": "Services for disabled people",
        "summary_zh": "残疾人证、两项补贴、康复救助、辅助器具和就业扶持。",
        "summary_en": "Disability certificate, the two disability allowances, rehabilitation, assistive "
        "devices and help with work.",
    },
    {
        "slug": "starting-a-business",
        "name_zh": "开办企业一件事",
        "name_en": "Starting a business",
        "summary_zh": "营业执照、公章刻制、税务信息确认、社保和公积金缴存登记一次办好，一个工作日内办结。",
        "summary_en": "Business licence, company seal, tax registration, social insurance and housing fund "
        "registration, all in one go and within one working day.",
    },
    {
        "slug": "buying-a-home",
        "name_zh": "不动产登记一件事",
        "name_en": "Buying a home",
        "summary_zh": "购房合同备案、缴纳契税、不动产登记、公积金贷款以及水电气过户。",
        "summary_en": "Registering the sale contract, paying deed tax, real estate registration, a housing "
        "fund loan and transferring the utilities.",
    },
    {
        "slug": "after-a-death",
        "name_zh": "身后一件事",
        "name_en": "After a death",
        "summary_zh": "亲人去世后，户口注销、丧葬补助、养老保险和公积金结算、遗产继承登记一次办好。",
        "summary_en": "When someone dies: closing their household registration, funeral grants, settling "
        "their pension and housing fund, and registering an inheritance, all in one go.",
    },
]
