"""The shape of a demo service and the builder that turns a service entry of the catalogue files into one.

A service is described once, in both languages, in data/services/<department>.yaml; catalogue.py
passes each entry to `service(...)`, and the loader turns each `ServiceSpec` into a Chinese page and its
English translation."""

import re
import zlib
from dataclasses import dataclass, field, replace
from html import escape

from .laws import LAWS

ORIGINAL, COPY, BOTH, ELECTRONIC = "original", "copy", "original_and_copy", "electronic"
INDIVIDUALS, BUSINESSES, BOTH_AUDIENCES = "individuals", "businesses", "both"
PROVINCE_CODE = "370000"
GENERAL_FLOW = "general-application"


# Words that send a person to a counter: a service with no visit (零次) must not say them of a material.
IN_PERSON_WORDS = ("现场", "大厅", "交回", "counter", "hall", "handed back")
UPLOADED_ONLINE = ("在网上申请时上传原件的照片或扫描件", "Upload a photo or scan of the original when you apply online")


@dataclass(frozen=True)
class Material:
    name_zh: str
    name_en: str
    form: str = ORIGINAL
    quantity: int = 1
    notes_zh: str = ""
    notes_en: str = ""
    fetched: bool = False
    code: str = ""  # the material's identity across services and flows (ServiceMaterial.code)

    def __call__(self, **changes):
        """`ID_CARD(form=COPY, quantity=2)`: the same material with some fields changed."""
        if "notes" in changes:
            changes["notes_zh"], changes["notes_en"] = changes.pop("notes")
        return replace(self, **changes)

    def online(self):
        """The material as a service with no visit (零次) asks for it: an original to be shown at a counter becomes
        an electronic copy uploaded with the application, and the applicant's own ID card is checked by their
        real-name sign-in."""
        if self.form not in (ORIGINAL, BOTH) or self.fetched:
            return self
        if self.code == "id_card":
            return self(fetched=True, form=ELECTRONIC, notes=SIGNED_IN_IDENTITY)
        if any(word in self.notes_zh + self.notes_en.lower() for word in IN_PERSON_WORDS) or not self.notes_zh:
            return self(form=ELECTRONIC, notes=UPLOADED_ONLINE)
        return self(form=ELECTRONIC)

    def row(self, language):
        english = language == "en"
        return {
            "code": self.code,
            "name": self.name_en if english else self.name_zh,
            "form": self.form,
            "quantity": self.quantity,
            "notes": self.notes_en if english else self.notes_zh,
            "fetched_electronically": self.fetched,
        }


@dataclass(frozen=True)
class FAQ:
    question_zh: str
    answer_zh: str
    question_en: str
    answer_en: str

    def row(self, language):
        if language == "en":
            return {"question": self.question_en, "answer": self.answer_en}
        return {"question": self.question_zh, "answer": self.answer_zh}


@dataclass
class ServiceSpec:
    code: str
    department: str
    title_zh: str
    title_en: str
    summary_zh: str
    summary_en: str
    eligibility_zh: str
    eligibility_en: str
    legal_basis_zh: str
    legal_basis_en: str
    legal_time_limit_days: int
    promised_time_limit_days: int
    in_person_visits: int
    audience: str = INDIVIDUALS
    fee_zh: str = ""
    fee_en: str = ""
    online: bool = False
    in_person: bool = True
    proxy_allowed: bool = False
    flow_key: str = ""
    popularity: int = 0
    regions: tuple = (PROVINCE_CODE,)
    life_events: tuple = ()
    materials: tuple = ()
    faqs: tuple = ()
    handled_at: str = "local"  # "local": every hall in its cities; "province": the provincial hall
    slug: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def is_free(self):
        return not self.fee_zh

    def page_fields(self, language):
        """Keyword arguments for services.service_page_upsert, less the tree and relations."""
        english = language == "en"
        return {
            "title": self.title_en if english else self.title_zh,
            "slug": self.slug,
            "service_code": self.code,
            "audience": self.audience,
            "summary": self.summary_en if english else self.summary_zh,
            "eligibility": self.eligibility_en if english else self.eligibility_zh,
            "is_free": self.is_free,
            "fee_description": (self.fee_en if english else self.fee_zh),
            "legal_time_limit_days": self.legal_time_limit_days,
            "promised_time_limit_days": self.promised_time_limit_days,
            "in_person_visits": self.in_person_visits,
            "legal_basis": self.legal_basis_en if english else self.legal_basis_zh,
            "online": self.online,
            "in_person": self.in_person,
            "proxy_allowed": self.proxy_allowed,
            "flow_key": self.flow_key,
            "popularity": self.popularity,
            "materials": [material.row(language) for material in self.materials],
            "faqs": [faq.row(language) for faq in self.faqs],
        }


def slugify_en(text):
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return slug[:90].rstrip("-")


def eligibility_html(intro, items):
    parts = [f"<p>{escape(intro, quote=False)}</p>"]
    if items:
        parts.append("<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>")
    return "".join(parts)


def _without_leading_or(item):
    """Under "any of these applies", a condition needs no "or" in front of it."""
    for prefix in ("or ", "或者", "或"):
        if item.startswith(prefix):
            return item[len(prefix) :]
    return item


WHO_INTRO = {
    "all": ("符合以下条件的，可以申请：", "You can apply if:"),
    "any": ("符合以下任一情形的，可以申请：", "You can apply if any of these applies:"),
}


def proxy_faq(proxy_allowed, audience, online):
    if audience == BUSINESSES:
        if proxy_allowed:
            return FAQ(
                "可以委托他人办理吗？",
                "可以。由企业的法定代表人（负责人）签署授权委托书，经办人携带本人身份证办理。",
                "Can someone else handle this for the business?",
                "Yes. The legal representative signs a letter of authorisation and the person handling "
                "it brings their own ID card.",
            )
        return FAQ(
            "可以委托他人办理吗？",
            "不可以。须由法定代表人（负责人）本人办理或通过电子营业执照在线签名确认。",
            "Can someone else handle this for the business?",
            "No. The legal representative must apply in person or sign online with the electronic business licence.",
        )
    if proxy_allowed and online:
        return FAQ(
            "可以请别人代办吗？",
            "可以。代办人携带本人身份证、申请人的身份证件和申请人签名的授权委托书即可办理；"
            "在本网站登记过代办关系的家人，可以直接在网上代为申请。",
            "Can someone else apply for me?",
            "Yes. They bring their own ID card, your ID and a letter of authorisation that you have "
            "signed. A family member you have registered on this portal as your representative can "
            "also apply for you online.",
        )
    if proxy_allowed:
        return FAQ(
            "可以请别人代办吗？",
            "可以。代办人携带本人身份证、申请人的身份证件和申请人签名的授权委托书到大厅办理。",
            "Can someone else apply for me?",
            "Yes. They bring their own ID card, your ID and a letter of authorisation that you have "
            "signed to the service hall.",
        )
    return FAQ(
        "可以请别人代办吗？",
        "不可以，须本人办理。行动不便的，可以拨打大厅电话预约上门服务或帮办服务。",
        "Can someone else apply for me?",
        "No, you must apply yourself. If it is hard for you to get to a hall, call it to book a home "
        "visit or assisted service.",
    )


SIGNED_IN_IDENTITY = (
    "实名登录即完成身份核验，无需提交",
    "Confirmed when you sign in with your real name; nothing to send",
)
AUTHORISATION = {
    "people": Material(
        "授权委托书及代办人身份证",
        "Letter of authorisation and the agent's ID card",
        ORIGINAL,
        notes_zh="委托他人办理时提供",
        notes_en="Only if someone applies for you",
        code="authorisation",
    ),
    "business": Material(
        "授权委托书及经办人身份证",
        "Letter of authorisation and the ID of the person handling it",
        ORIGINAL,
        notes_zh="由法定代表人签署；法定代表人亲自办理的无需提供",
        notes_en="Signed by the legal representative; not needed if they apply in person",
        code="authorisation_business",
    ),
}
APPLICATION_FORM = Material(
    "申请表",
    "Application form",
    ORIGINAL,
    notes_zh="可在大厅领取或网上填写",
    notes_en="Available at the hall, or fill it in online",
    code="application",
)
ONLINE_APPLICATION_FORM = APPLICATION_FORM(
    form=ELECTRONIC, notes=("网上申请时在线填写，无需另交", "Filled in online as you apply; nothing else to send")
)
MAX_MATERIALS = 7


def complete_materials(materials, proxy_allowed, audience):
    """Two to seven rows: add the letter of authorisation where someone else may apply, and the application
    form where a service would otherwise list a single document."""
    materials = list(materials)
    names = {material.name_zh for material in materials}
    if proxy_allowed and len(materials) < MAX_MATERIALS and not any("委托" in name for name in names):
        materials.append(AUTHORISATION["business" if audience == BUSINESSES else "people"])
    if len(materials) < 2 and APPLICATION_FORM.name_zh not in names:
        materials.append(APPLICATION_FORM)
    return materials


def service_materials(materials, proxy_allowed, audience, *, online_only):
    """The rows of a service's guide; for a service with no visit (零次), as they are sent online."""
    materials = complete_materials(materials, proxy_allowed, audience)
    if not online_only:
        return materials
    return [ONLINE_APPLICATION_FORM if material is APPLICATION_FORM else material.online() for material in materials]


def default_popularity(code, base=300, spread=4000):
    return base + zlib.crc32(code.encode()) % spread


def service(
    code,
    department,
    title,
    summary,
    who,
    materials,
    *,
    laws,
    legal,
    promised,
    visits=1,
    online=False,
    in_person=True,
    proxy=False,
    flow=None,
    fee=None,
    audience=INDIVIDUALS,
    regions=None,
    events=(),
    faqs=(),
    popularity=None,
    handled_at="local",
    who_mode="all",
    slug=None,
):
    """Describe one service in both languages.

    code: "GA-0012" (the province prefix is added); title, summary, fee: (Chinese, English);
    who: ([Chinese conditions], [English conditions]) completing "You can apply if:";
    laws: keys of LAWS; legal/promised: working days (0 = on the spot); events: life-event slugs;
    regions: city codes, or None for the whole province.
    """
    full_code = f"{PROVINCE_CODE}-{code}"
    if online and not flow:
        flow = GENERAL_FLOW
    if not online:
        flow = ""
        if in_person and visits == 0:
            visits = 1  # applying at a hall means going there at least once
    who_zh, who_en = who
    if who_mode == "any":
        who_zh = [_without_leading_or(item) for item in who_zh]
        who_en = [_without_leading_or(item) for item in who_en]
    intro_zh, intro_en = WHO_INTRO[who_mode]
    faq_list = list(faqs)
    if len(faq_list) < 3:
        faq_list.append(proxy_faq(proxy, audience, online))
    laws_zh = "；".join(LAWS[key][0] for key in laws)
    laws_en = "; ".join(LAWS[key][1] for key in laws)
    fee_zh, fee_en = fee or ("", "")
    return ServiceSpec(
        code=full_code,
        department=department,
        title_zh=title[0],
        title_en=title[1],
        summary_zh=summary[0],
        summary_en=summary[1],
        eligibility_zh=eligibility_html(intro_zh, who_zh),
        eligibility_en=eligibility_html(intro_en, who_en),
        legal_basis_zh=laws_zh,
        legal_basis_en=laws_en,
        legal_time_limit_days=legal,
        promised_time_limit_days=promised,
        in_person_visits=visits,
        audience=audience,
        fee_zh=fee_zh,
        fee_en=fee_en,
        online=online,
        in_person=in_person,
        proxy_allowed=proxy,
        flow_key=flow,
        popularity=popularity if popularity is not None else default_popularity(full_code),
        regions=tuple(regions) if regions else (PROVINCE_CODE,),
        life_events=tuple(events),
        materials=tuple(service_materials(materials, proxy, audience, online_only=visits == 0)),
        faqs=tuple(faq_list),
        handled_at=handled_at,
        slug=slug or slugify_en(title[1]),
    )
