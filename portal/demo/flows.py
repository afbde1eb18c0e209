"""The demo services' application flows, defined in code (portal/applications/registry.py). Together they use every
question type, conditions on steps and questions (also on an earlier question of the same step), uploads,
a task list, and questions filled in from the demo public registers (registers.py)
with the applicant's consent."""

from portal.applications.definitions import t
from portal.applications.registry import register_flow


def q(key, type_, label, hint=None, **options):
    data = {"key": key, "type": type_, "label": label, "hint": hint, "required": options.pop("required", True)}
    if "choices" in options:
        data["options"] = [{"value": value, "label": text} for value, text in options.pop("choices")]
    if "show_if" in options:
        data["show_if"] = [options.pop("show_if")]
    data.update(options)
    return data


def step(key, title, *fields, description=None, show_if=None):
    return {
        "key": key,
        "title": title,
        "description": description,
        "fields": list(fields),
        "show_if": [show_if] if show_if else [],
    }


def when(field, op="equals", value=None):
    return {"field": field, "op": op, "value": value}


def register(plugin, attribute):
    """A public register the question can be filled in from, once the applicant agrees to the look-up."""
    return {"plugin": plugin, "attribute": attribute}


def rule(field, op, other, message, other_message=None):
    """A cross-field rule: the answer to `field` must be `op` (gte, lte, gt, lt) the answer to `other`;
    `message` is shown on `field`, `other_message` on `other` when only that question is on the page."""
    return {"field": field, "op": op, "other": other, "message": message, "other_message": other_message}


def flow(key, title, steps, *, minutes, next_steps=None, task_list=None, declaration=None, rules=()):
    """A flow's definition. What to prepare, the time limits and the visits are the service page's (its guide), so
    that no page of the application says them differently; `next_steps` says what happens, never how long."""
    return {
        "key": key,
        "title": title,
        "steps": steps,
        "estimated_minutes": minutes,
        "next_steps": next_steps,
        "task_list": task_list,
        "rules": list(rules),
        "declaration": declaration
        or t(
            "I declare that the information I have given is true and complete. I understand that giving false "
            "information is an offence and that the department may check it with other government bodies.",
            "本人承诺所填信息真实、完整。提供虚假信息须承担法律责任，办理部门可向其他政府部门核实。",
        ),
    }


YES_NO = None  # yes/no questions carry their own options


def about_you(*extra, title=None):
    return step(
        "about-you",
        title or t("About you", "申请人信息"),
        q(
            "full_name",
            "name",
            t("Your full name", "姓名"),
            t("As shown on your resident ID card", "与居民身份证一致"),
            from_account="real_name",
            autocomplete="name",
        ),
        q(
            "resident_id",
            "resident_id",
            t("Your resident ID number", "公民身份号码"),
            t("18 characters, for example 370102199001011234", "18位，例如 370102199001011234"),
            from_account="resident_id",
        ),
        q(
            "phone",
            "phone",
            t("Your mobile phone number", "手机号码"),
            t("We will send you a text message when the status changes", "办理进度有变化时我们会发短信通知您"),
            from_account="phone",
        ),
        *extra,
    )


HOME_ADDRESS = q("home_address", "address", t("Your home address", "居住地址"), from_account="address")


def bank_step():
    """Which bank (from the maintained list of banks in the province, reference/banks.json, with "another
    bank", which asks for its name) and the card number, typed as printed."""
    return step(
        "bank",
        t("Where to pay the money", "收款账户"),
        q(
            "bank",
            "choice",
            t("Which bank is your account with?", "开户银行"),
            t(
                "If your bank is not in the list, choose “Another bank” at the end",
                "列表中没有您的银行的，请选择最后一项“其他银行”",
            ),
            reference="banks",
        ),
        q(
            "bank_other",
            "text",
            t("The name of your bank", "开户银行名称"),
            t("For example, 浙江网商银行", "例如：浙江网商银行"),
            max_length=100,
            show_if=when("bank", "equals", "other"),
        ),
        q(
            "account_number",
            "bank_account",
            t("Account number", "银行账号"),
            t(
                "16 to 19 digits, as on your bank card. You can type the spaces",
                "银行卡上的16至19位数字，可按卡面带空格输入",
            ),
        ),
    )


@register_flow("elderly-care-subsidy")
def elderly_care_subsidy():
    return flow(
        "elderly-care-subsidy",
        t("Apply for the elderly care subsidy", "高龄津贴申请"),
        [
            about_you(HOME_ADDRESS),
            step(
                "living",
                t("Your age and where you live", "年龄与居住情况"),
                q(
                    "birth_date",
                    "date",
                    t("Date of birth", "出生日期"),
                    t("For example, 1940 3 27", "例如 1940 3 27"),
                    date_rule="past",
                    from_account="birth_date",
                ),
                q("lives_alone", "yes_no", t("Do you live alone?", "您是否独居？")),
            ),
            step(
                "carer",
                t("Who looks after you", "照护人信息"),
                q("carer_name", "name", t("Carer's full name", "照护人姓名")),
                q("carer_phone", "phone", t("Carer's mobile phone number", "照护人手机号码")),
                q(
                    "carer_relationship",
                    "choice",
                    t("How is the carer related to you?", "照护人与您的关系"),
                    choices=[
                        ("child", t("Son or daughter", "子女")),
                        ("spouse", t("Husband or wife", "配偶")),
                        ("other", t("Someone else", "其他")),
                    ],
                ),
                show_if=when("lives_alone", "equals", "no"),
            ),
            step(
                "income",
                t("Your income", "收入情况"),
                q(
                    "monthly_income",
                    "money",
                    t("Your monthly income", "月收入"),
                    t("Include your pension. Enter 0 if you have none", "包括养老金；没有收入请填0"),
                    min_value=0,
                    max_value=100000,
                ),
            ),
            bank_step(),
            step(
                "documents",
                t("Documents", "证明材料"),
                q(
                    "older_person_id_card",
                    "file",
                    t("Photo or scan of the older person's resident ID card", "老人居民身份证正反面照片或扫描件"),
                    allowed_types=["pdf", "jpeg", "png"],
                    max_size_mb=10,
                    material="older_person_id_card",
                ),
            ),
        ],
        minutes=10,
        next_steps=t(
            "The civil affairs office checks your application. The subsidy is paid into your bank account every "
            "month from the month after approval.",
            "民政部门审核通过后，自次月起每月发放到您的银行账户。",
        ),
    )


@register_flow("senior-bus-pass")
def senior_bus_pass():
    return flow(
        "senior-bus-pass",
        t("Apply for a senior bus pass", "老年人乘车卡申请"),
        [
            about_you(),
            step(
                "photo",
                t("Your photo", "本人照片"),
                q(
                    "photo",
                    "file",
                    t("A recent photo of your face", "近期免冠正面照片"),
                    t("Plain light background, no hat", "浅色背景，不戴帽子"),
                    allowed_types=["jpeg", "png"],
                    max_size_mb=5,
                    material="photo",
                ),
            ),
            step(
                "collect",
                t("Getting your pass", "领取方式"),
                q(
                    "collect_method",
                    "choice",
                    t("How do you want to get your pass?", "您希望如何领取乘车卡？"),
                    choices=[
                        ("post", t("Send it to my home by post", "邮寄到家")),
                        ("hall", t("Collect it from a service hall", "到政务服务大厅领取")),
                    ],
                ),
                q(
                    "collect_hall",
                    "choice",
                    t("Which service hall will you go to?", "您将到哪个政务服务大厅领取？"),
                    choices=[
                        ("jinan", t("Jinan city service hall", "济南市政务服务中心")),
                        ("qingdao", t("Qingdao city service hall", "青岛市政务服务中心")),
                        ("yantai", t("Yantai city service hall", "烟台市政务服务中心")),
                    ],
                    show_if=when("collect_method", "equals", "hall"),
                ),
            ),
            step(
                "delivery",
                t("Where to send your pass", "邮寄地址"),
                q("delivery_address", "address", t("Delivery address", "收件地址"), from_account="address"),
                show_if=when("collect_method", "equals", "post"),
            ),
        ],
        minutes=5,
        next_steps=t(
            "Your pass is made and posted to you. We will send you a text message when it is on its way.",
            "乘车卡制作完成后邮寄给您，寄出时我们会短信通知您。",
        ),
    )


@register_flow("disability-certificate")
def disability_certificate():
    return flow(
        "disability-certificate",
        t("Apply for a disability certificate", "残疾人证申领"),
        [
            about_you(HOME_ADDRESS),
            step(
                "applying-for",
                t("Who is applying", "申请人身份"),
                q(
                    "is_guardian",
                    "yes_no",
                    t("Are you applying as the guardian of the disabled person?", "您是否作为监护人代为申请？"),
                    answered_by="acting_for",
                ),
            ),
            step(
                "guardian",
                t("The disabled person", "残疾人信息"),
                q("person_name", "name", t("Their full name", "残疾人姓名"), from_account="real_name"),
                q(
                    "person_resident_id",
                    "resident_id",
                    t("Their resident ID number", "残疾人公民身份号码"),
                    from_account="resident_id",
                ),
                show_if=when("is_guardian", "equals", "yes"),
            ),
            step(
                "disability",
                t("About the disability", "残疾情况"),
                q(
                    "disability_types",
                    "multiple_choice",
                    t("Which types of disability?", "残疾类别（可多选）"),
                    t("Select all that apply", "选择所有适用项"),
                    choices=[
                        ("vision", t("Vision", "视力")),
                        ("hearing", t("Hearing", "听力")),
                        ("speech", t("Speech", "言语")),
                        ("physical", t("Physical", "肢体")),
                        ("intellectual", t("Intellectual", "智力")),
                        ("mental", t("Mental", "精神")),
                    ],
                ),
                q(
                    "had_certificate",
                    "yes_no",
                    t("Have you had a disability certificate before?", "以前是否办理过残疾人证？"),
                ),
            ),
            step(
                "previous",
                t("Your previous certificate", "原残疾人证"),
                q("previous_number", "text", t("Previous certificate number", "原证号"), max_length=30),
                show_if=when("had_certificate", "equals", "yes"),
            ),
            step(
                "medical",
                t("Medical assessment", "医学评定"),
                q("assessment_date", "date", t("Date of your medical assessment", "评定日期"), date_rule="past"),
                q(
                    "medical_report",
                    "file",
                    t("Your medical assessment report", "残疾评定表"),
                    allowed_types=["pdf"],
                    max_size_mb=10,
                    material="disability_assessment",
                ),
            ),
        ],
        minutes=15,
        next_steps=t(
            "The disabled persons' federation reviews your application and may invite you for an assessment.",
            "残联审核您的申请，必要时会通知您参加评定。",
        ),
    )


@register_flow("medical-insurance-reimbursement")
def medical_insurance_reimbursement():
    return flow(
        "medical-insurance-reimbursement",
        t("Claim back medical costs", "医疗费用报销"),
        [
            about_you(),
            step(
                "treatment",
                t("Your treatment", "就医情况"),
                q("hospital", "text", t("Name of the hospital", "医院名称"), max_length=100),
                q(
                    "insurance_number",
                    "text",
                    t("Your social insurance number", "社会保障号码"),
                    t("On your social security card", "见社会保障卡"),
                    max_length=20,
                    register=register("demo-social-insurance", "number"),
                ),
                q(
                    "insurance_scheme",
                    "choice",
                    t("Which medical insurance scheme are you in?", "您参加的医疗保险类型"),
                    choices=[
                        ("employee", t("Employee medical insurance", "职工医保")),
                        ("resident", t("Urban and rural resident medical insurance", "城乡居民医保")),
                    ],
                    register=register("demo-social-insurance", "scheme"),
                ),
                q("admission_date", "date", t("Date you were admitted", "入院日期"), date_rule="past"),
                q("discharge_date", "date", t("Date you left hospital", "出院日期"), date_rule="past"),
                q("in_province", "yes_no", t("Were you treated in Shandong?", "是否在省内就医？")),
            ),
            step(
                "referral",
                t("Treatment outside the province", "异地就医备案"),
                q(
                    "referral",
                    "file",
                    t("Your referral or registration for treatment elsewhere", "异地就医备案证明"),
                    allowed_types=["pdf", "jpeg", "png"],
                    material="treatment_elsewhere_record",
                ),
                show_if=when("in_province", "equals", "no"),
            ),
            step(
                "costs",
                t("Costs", "费用情况"),
                q("total_cost", "money", t("Total cost of the treatment", "医疗费用总额"), min_value=0),
                q("self_paid", "money", t("How much you paid yourself", "个人已支付金额"), min_value=0),
            ),
            step(
                "invoices",
                t("Invoices", "发票"),
                q(
                    "invoices",
                    "file",
                    t("Your hospital invoices", "医疗费用发票"),
                    t("You can upload up to 5 files, one at a time", "最多可上传5个文件，每次一个"),
                    max_files=5,
                    material="medical_invoices",
                ),
            ),
            bank_step(),
        ],
        minutes=15,
        rules=[
            rule(
                "discharge_date",
                "gte",
                "admission_date",
                t("Date you left hospital must be on or after the date you were admitted", "出院日期不能早于入院日期"),
                t("Date you were admitted must be on or before the date you left hospital", "入院日期不能晚于出院日期"),
            ),
            rule(
                "self_paid",
                "lte",
                "total_cost",
                t(
                    "How much you paid yourself must not be more than the total cost of the treatment",
                    "个人已支付金额不能超过医疗费用总额",
                ),
                t(
                    "Total cost of the treatment must not be less than how much you paid yourself",
                    "医疗费用总额不能少于个人已支付金额",
                ),
            ),
        ],
        next_steps=t(
            "The medical insurance office checks your claim and pays the money into your bank account.",
            "医保部门审核后，将报销款支付到您的银行账户。",
        ),
    )


@register_flow("household-registration-transfer")
def household_registration_transfer():
    return flow(
        "household-registration-transfer",
        t("Move your household registration", "户口迁移"),
        [
            about_you(),
            step(
                "reason",
                t("Why you are moving", "迁移原因"),
                q(
                    "reason",
                    "choice",
                    t("Why are you moving your registration?", "迁移原因"),
                    choices=[
                        ("marriage", t("Marriage", "投靠配偶")),
                        ("work", t("Work", "工作调动")),
                        ("study", t("Study", "升学")),
                        ("home", t("I bought a home", "购房落户")),
                    ],
                ),
            ),
            step(
                "from",
                t("Where you are registered now", "现户籍地"),
                q(
                    "household_number",
                    "text",
                    t("Your household registration number", "户号"),
                    t("On the first page of your household register", "见户口簿首页"),
                    max_length=20,
                    register=register("demo-household", "household.number"),
                ),
                q(
                    "householder_name",
                    "name",
                    t("Name of the head of your household", "户主姓名"),
                    register=register("demo-household", "householder.name"),
                ),
                q(
                    "current_registration",
                    "address",
                    t("Your current registered address", "现户籍地址"),
                    t("As shown in your household register", "与户口簿一致"),
                    register=register("demo-household", "address"),
                ),
            ),
            step(
                "to",
                t("Where you are moving to", "迁入地"),
                q("new_address", "address", t("Your new address", "迁入地址")),
            ),
            step(
                "family",
                t("Family members moving with you", "随迁人员"),
                q(
                    "members_moving",
                    "number",
                    t("How many family members are moving with you?", "随迁人数"),
                    t("Enter 0 if you are moving alone", "如无随迁人员请填0"),
                    min_value=0,
                    max_value=10,
                ),
                q(
                    "members_details",
                    "textarea",
                    t("Their names and resident ID numbers", "随迁人员姓名及身份号码"),
                    required=False,
                    max_length=1000,
                ),
            ),
            step(
                "marriage",
                t("Marriage certificate", "结婚证"),
                q(
                    "marriage_certificate",
                    "file",
                    t("Your marriage certificate", "结婚证"),
                    allowed_types=["pdf", "jpeg", "png"],
                    material="marriage_cert",
                ),
                show_if=when("reason", "equals", "marriage"),
            ),
            step(
                "proof",
                t("Proof of your new home", "住所证明"),
                q(
                    "home_proof",
                    "file",
                    t("Property certificate or tenancy agreement", "房产证或租赁合同"),
                    allowed_types=["pdf", "jpeg", "png"],
                    material="residence_proof",
                ),
            ),
        ],
        minutes=20,
        task_list=True,
        next_steps=t(
            "The police station checks your application and tells you when to bring your household register.",
            "公安派出所审核后，会通知您携带户口簿办理。",
        ),
    )


@register_flow("business-licence-change")
def business_licence_change():
    return flow(
        "business-licence-change",
        t("Change the details on a business licence", "营业执照变更登记"),
        [
            about_you(q("email", "email", t("Your e-mail address", "电子邮箱"), from_account="email")),
            step(
                "business",
                t("Your business", "企业信息"),
                q("business_name", "text", t("Registered name of the business", "企业名称"), max_length=100),
                q(
                    "credit_code",
                    "text",
                    t("Unified social credit code", "统一社会信用代码"),
                    t("18 characters, on your business licence", "营业执照上的18位代码"),
                    max_length=18,
                ),
                q(
                    "changes",
                    "multiple_choice",
                    t("What is changing?", "变更事项（可多选）"),
                    choices=[
                        ("name", t("Name", "名称")),
                        ("address", t("Address", "住所")),
                        ("representative", t("Legal representative", "法定代表人")),
                        ("capital", t("Registered capital", "注册资本")),
                    ],
                ),
            ),
            step(
                "new-name",
                t("New name", "新名称"),
                q("new_name", "text", t("New registered name", "变更后名称"), max_length=100),
                show_if=when("changes", "contains", "name"),
            ),
            step(
                "new-address",
                t("New address", "新住所"),
                q("new_business_address", "address", t("New address of the business", "变更后住所")),
                show_if=when("changes", "contains", "address"),
            ),
            step(
                "new-representative",
                t("New legal representative", "新法定代表人"),
                q("representative_name", "name", t("Their full name", "姓名")),
                q("representative_id", "resident_id", t("Their resident ID number", "公民身份号码")),
                show_if=when("changes", "contains", "representative"),
            ),
            step(
                "new-capital",
                t("New registered capital", "新注册资本"),
                q("new_capital", "money", t("New registered capital", "变更后注册资本"), min_value=1),
                show_if=when("changes", "contains", "capital"),
            ),
            step(
                "resolution",
                t("Resolution", "变更决议"),
                q(
                    "resolution",
                    "file",
                    t("The shareholders' resolution to make the change", "股东会决议"),
                    allowed_types=["pdf"],
                    material="resolution",
                ),
            ),
        ],
        minutes=15,
        next_steps=t(
            "The market regulation office checks your application. You can download the new electronic "
            "licence when it is approved.",
            "市场监管部门审核通过后，您可下载新的电子营业执照。",
        ),
    )


def baby_step(*extra):
    """The baby, as every flow of 新生儿出生一件事 asks about them (the bundle asks these once: data/bundles.yaml)."""
    return step(
        "baby",
        t("About the baby", "新生儿信息"),
        q("baby_name", "name", t("Baby's full name", "新生儿姓名")),
        q("baby_sex", "choice", t("Sex", "性别"), choices=[("f", t("Girl", "女")), ("m", t("Boy", "男"))]),
        q("baby_birth_date", "date", t("Date of birth", "出生日期"), date_rule="past"),
        *extra,
    )


BIRTH_HOSPITAL = q("birth_hospital", "text", t("Hospital where the baby was born", "出生医院"), max_length=100)


def other_parent_step():
    return step(
        "parents",
        t("The other parent", "另一方父母信息"),
        q("other_parent_name", "name", t("The other parent's full name", "另一方姓名")),
        q("other_parent_id", "resident_id", t("The other parent's resident ID number", "另一方公民身份号码")),
    )


@register_flow("birth-registration")
def birth_registration():
    return flow(
        "birth-registration",
        t("Register a birth", "新生儿出生登记"),
        [
            about_you(),
            baby_step(BIRTH_HOSPITAL),
            other_parent_step(),
            step(
                "household",
                t("Household", "落户"),
                q(
                    "register_with",
                    "choice",
                    t("Which parent's household will the baby join?", "随父或随母落户"),
                    choices=[("mother", t("The mother's", "随母")), ("father", t("The father's", "随父"))],
                ),
            ),
            step(
                "certificate",
                t("Medical certificate of birth", "出生医学证明"),
                q(
                    "birth_certificate",
                    "file",
                    t("The baby's medical certificate of birth", "出生医学证明"),
                    allowed_types=["pdf", "jpeg", "png"],
                    material="birth_cert",
                ),
            ),
        ],
        minutes=10,
        next_steps=t(
            "The police station registers the baby and sends you a text message; the baby's page of the "
            "household register is posted to you.",
            "公安派出所办结后短信通知您，新生儿的户口簿页将邮寄给您。",
        ),
    )


@register_flow("birth-medical-certificate")
def birth_medical_certificate():
    return flow(
        "birth-medical-certificate",
        t("Apply for the birth medical certificate", "出生医学证明首次签发"),
        [about_you(), baby_step(BIRTH_HOSPITAL), other_parent_step()],
        minutes=5,
        next_steps=t(
            "The hospital checks the birth record and issues the electronic birth medical certificate; we send you a "
            "text message when it is ready to download.",
            "助产机构核对出生记录后签发电子出生医学证明，可下载时我们会短信通知您。",
        ),
    )


@register_flow("newborn-medical-insurance")
def newborn_medical_insurance():
    return flow(
        "newborn-medical-insurance",
        t("Enrol your newborn in medical insurance", "新生儿参加城乡居民医疗保险"),
        [
            about_you(),
            baby_step(),
            step(
                "payment",
                t("Paying the contribution", "缴费方式"),
                q(
                    "payment_method",
                    "choice",
                    t("How will you pay this year's contribution?", "本年度医保费如何缴纳？"),
                    choices=[
                        ("online", t("Online, when we send you the payment notice", "收到缴费通知后网上缴纳")),
                        ("bank", t("By direct debit from my bank account", "从本人银行账户代扣")),
                    ],
                ),
            ),
        ],
        minutes=5,
        next_steps=t(
            "The medical insurance office enrols the baby and sends you the payment notice. Once paid, the baby is "
            "covered from the day they were born.",
            "医保部门办理参保后向您发送缴费通知，缴费后孩子自出生之日起享受医保待遇。",
        ),
    )


@register_flow("vaccination-record")
def vaccination_record():
    return flow(
        "vaccination-record",
        t("Get the vaccination record booklet", "预防接种证办理"),
        [
            about_you(),
            baby_step(BIRTH_HOSPITAL),
            step(
                "clinic",
                t("Vaccination clinic", "接种单位"),
                q(
                    "clinic",
                    "text",
                    t("Which vaccination clinic will the baby go to?", "孩子将在哪个接种单位接种？"),
                    t(
                        "Usually the community health centre where you live",
                        "一般为居住地的社区卫生服务中心或乡镇卫生院",
                    ),
                    max_length=100,
                ),
            ),
        ],
        minutes=5,
        next_steps=t(
            "The clinic opens the baby's vaccination record and gives you the booklet at the first vaccination.",
            "接种单位为孩子建立预防接种档案，首次接种时发放预防接种证。",
        ),
    )


@register_flow("pension-certification")
def pension_certification():
    return flow(
        "pension-certification",
        t("Confirm you are still entitled to your pension", "养老金领取资格认证"),
        [
            about_you(),
            step(
                "address",
                t("Your address", "居住地址"),
                q(
                    "same_address",
                    "yes_no",
                    t("Do you still live at the address we have for you?", "您是否仍住在原登记地址？"),
                ),
            ),
            step(
                "new-address",
                t("Your new address", "新地址"),
                q("new_home_address", "address", t("Your new address", "新居住地址")),
                show_if=when("same_address", "equals", "no"),
            ),
            step(
                "abroad",
                t("Living abroad", "境外居住"),
                q("lives_abroad", "yes_no", t("Do you live outside mainland China?", "您是否居住在境外？")),
            ),
            step(
                "proof-of-life",
                t("Proof of life", "生存证明"),
                q(
                    "life_certificate",
                    "file",
                    t("A life certificate from an embassy or consulate", "使领馆出具的生存证明"),
                    allowed_types=["pdf", "jpeg", "png"],
                    material="life_certificate",
                ),
                show_if=when("lives_abroad", "equals", "yes"),
            ),
            step(
                "confirm",
                t("Confirm", "确认"),
                q(
                    "alive_declaration",
                    "declaration",
                    t(
                        "I confirm that I am the pensioner and that I am alive on the date I send this.",
                        "本人确认是养老金领取人本人，并于提交之日健在。",
                    ),
                ),
            ),
        ],
        minutes=5,
        next_steps=t(
            "Your pension continues without a break. We will remind you next year.",
            "您的养老金将继续正常发放。明年认证时我们会提醒您。",
        ),
    )


@register_flow("general-application")
def general_application():
    return flow(
        "general-application",
        t("Apply online", "在线申请"),
        [
            about_you(q("email", "email", t("Your e-mail address", "电子邮箱"), required=False, from_account="email")),
            step(
                "request",
                t("What you are applying for", "申请事项"),
                q(
                    "request",
                    "textarea",
                    t("Tell us what you need", "请说明您的申请内容"),
                    t("Include any dates and reference numbers you have", "如有相关日期和编号请一并填写"),
                    max_length=2000,
                ),
                q(
                    "contact_by",
                    "choice",
                    t("How should we contact you?", "联系方式"),
                    choices=[
                        ("sms", t("Text message", "短信")),
                        ("phone", t("Phone call", "电话")),
                        ("email", t("E-mail", "电子邮件")),
                    ],
                ),
            ),
            step(
                "documents",
                t("Supporting documents", "相关材料"),
                q(
                    "supporting_documents",
                    "file",
                    t("Supporting documents", "相关材料"),
                    t("Optional. Up to 3 files, one at a time", "选填，最多3个文件，每次上传一个"),
                    required=False,
                    max_files=3,
                ),
            ),
        ],
        minutes=5,
    )
