"""Fixtures for the application engine's tests."""

import datetime
import io
import random

import pytest
from django.test import Client

from portal.accounts.validators import resident_id_check_character


def make_resident_id(region="370102", birth=datetime.date(1950, 3, 27), sequence=123):
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_character(body)


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def upload(name, content):
    handle = io.BytesIO(content)
    handle.name = name
    return handle


@pytest.fixture(autouse=True)
def _english(client, settings):
    """Tests speak English (the msgids), so they still pass when the Chinese catalogue grows; URLs reversed
    here carry the /en/ prefix. Tests about Chinese output override this themselves."""
    from django.utils import translation

    # Pages outside the language prefixes (the admin, /healthz) take the language from this cookie; a
    # request there would otherwise switch the test's language back to Chinese for the next reverse().
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _quiet_tasks(settings):
    """Notifications by SMS are kept in memory to be read by the tests."""
    settings.PORTAL_SMS_SENDER = "portal.applications.notifications.MemorySmsSender"
    from portal.applications.notifications import MemorySmsSender

    MemorySmsSender.outbox.clear()


@pytest.fixture
def flows(db):
    from portal.applications.services import flows_load_from_code

    flows_load_from_code()


@pytest.fixture
def tree(db):
    from tests.factories import site_tree_ensure

    return site_tree_ensure()


@pytest.fixture
def department(db):
    from tests.factories import DepartmentFactory

    return DepartmentFactory(code="civil-affairs", name_zh="山东省民政厅", name_en="Department of Civil Affairs")


def online_service(tree, department, *, code, title, flow_key, title_en=None):
    from tests.factories import service_create

    zh = service_create(tree=tree["zh-hans"], department=department, title=title, service_code=code, online=True,
                        flow_key=flow_key, slug=code.lower())
    if title_en:
        service_create(tree=tree["en"], department=department, title=title_en, service_code=code, online=True,
                       flow_key=flow_key, slug=code.lower(), translation_of=zh)
    return zh


SERVICE_SPECS = [
    # service code, Chinese title, English title, flow key
    ("3700-MZ-101", "高龄津贴申请", "Elderly care subsidy", "elderly-care-subsidy"),
    ("3700-MZ-102", "老年人乘车卡申请", "Senior bus pass", "senior-bus-pass"),
    ("3700-CL-103", "残疾人证申领", "Disability certificate", "disability-certificate"),
    ("3700-YB-104", "医疗费用报销", "Medical costs", "medical-insurance-reimbursement"),
    ("3700-GA-105", "户口迁移", "Household registration transfer", "household-registration-transfer"),
    ("3700-SJ-106", "营业执照变更登记", "Business licence change", "business-licence-change"),
    ("3700-GA-107", "新生儿出生登记", "Birth registration", "birth-registration"),
    ("3700-RS-108", "养老金领取资格认证", "Pension certification", "pension-certification"),
    ("3700-QT-109", "其他事项申请", "Other request", "general-application"),
]


@pytest.fixture
def service_for(flows, tree, department):
    """service_for("senior-bus-pass") -> the Chinese ServicePage of an online service using that flow
    (with an English translation when english=True). Only what a test asks for is built: pages are slow."""
    built = {}

    def make(flow_key, english=False):
        if flow_key not in built:
            code, zh, en, key = next(spec for spec in SERVICE_SPECS if spec[3] == flow_key)
            built[flow_key] = online_service(tree, department, code=code, title=zh, title_en=en if english else None,
                                             flow_key=key)
        return built[flow_key]

    return make


@pytest.fixture
def citizen(db):
    from portal.accounts.services import user_register

    return user_register(real_name="张三", password="correct-horse-battery", phone="13912345678",
                         email="zhang@example.com", resident_id=make_resident_id())


@pytest.fixture
def other_citizen(db, request):
    """李四. When 张三 (`citizen`) is in the test too, 李四 is his son with 张三's active mandate for all
    services: a proxy application 李四 fills in for 张三 is then visible to both (and only such a one: 张三's own
    applications stay out of 李四's reach)."""
    from portal.accounts.services import user_register

    other = user_register(real_name="李四", password="correct-horse-battery", phone="13800000000",
                          email="li@example.com", resident_id=make_resident_id(sequence=456))
    if "citizen" in request.fixturenames or "submitted" in request.fixturenames:
        from portal.representation.services import mandate_consent, mandate_request

        principal = request.getfixturevalue("citizen")
        mandate_consent(principal=principal, mandate=mandate_request(
            agent=other, principal=principal, relationship="parent", all_services=True))
    return other


class OTPAwareClient(Client):
    """Staff must pass a second factor before the admin: force_login gives staff a verified TOTP device too."""

    def force_login(self, user, backend=None):
        from portal.accounts.otp import is_staff_user

        if is_staff_user(user):
            from tests.accounts.otp_helpers import otp_verified_login

            Client.force_login(self, user, backend)
            otp_verified_login(self, user)
            return
        super().force_login(user, backend)


@pytest.fixture
def client():
    return OTPAwareClient()


@pytest.fixture
def client_for():
    def make(user):
        client = OTPAwareClient()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def rng():
    return random.Random(1234)


# Filling in applications ----------------------------------------------------------------------------------

def field_post_data(field_def, *, applicant=None, value=None):
    """POST data answering one question validly (or with `value` when given)."""
    key, kind = field_def.key, field_def.type
    if kind == "resident_id" and field_def.prefill == "resident_id" and applicant is not None \
            and applicant.resident_id_encrypted:
        return {}  # already known: shown, not asked
    if value is not None:
        if kind == "date" and isinstance(value, tuple):
            return {f"{key}_0": value[0], f"{key}_1": value[1], f"{key}_2": value[2]}
        if kind == "address" and isinstance(value, tuple):
            return {f"{key}_0": value[0], f"{key}_1": value[1], f"{key}_2": value[2]}
        return {key: value}
    if kind in ("text", "textarea"):
        return {key: "测试内容"}
    if kind == "name":
        return {key: "王小明"}
    if kind == "bank_account":
        return {key: "6222021234567890128"}
    if kind == "number":
        return {key: "2"}
    if kind == "date":
        year = datetime.date.today().year + 1 if field_def.date_rule == "future" else 1950
        return {f"{key}_0": str(year), f"{key}_1": "3", f"{key}_2": "27"}
    if kind in ("choice",):
        from portal.applications.field_types import FIELD_TYPES

        return {key: FIELD_TYPES[kind].choices(field_def)[0][0]}
    if kind == "multiple_choice":
        return {key: [field_def.options[0].value]}
    if kind == "yes_no":
        return {key: "yes"}
    if kind == "resident_id":
        return {key: make_resident_id(sequence=789)}
    if kind == "phone":
        return {key: "13912345678"}
    if kind == "email":
        return {key: "someone@example.com"}
    if kind == "address":
        return {f"{key}_0": "370100", f"{key}_1": "370102", f"{key}_2": "经十路1号"}
    if kind == "money":
        return {key: "1200.50"}
    if kind == "file":
        kinds = field_def.allowed_types or ["pdf"]
        return {key: upload("scan.pdf", PDF_BYTES) if "pdf" in kinds else upload("photo.png", PNG_BYTES)}
    if kind == "declaration":
        return {key: "on"}
    raise AssertionError(kind)


def step_post_data(application, step_key, overrides=None):
    from portal.applications.models import Application

    application = Application.objects.get(pk=application.pk)
    flow = application.flow
    data = {"version": str(application.version)}
    for field_def in flow.visible_fields(flow.step(step_key), application.answers):
        data.update(field_post_data(field_def, applicant=application.applicant,
                                    value=(overrides or {}).get(field_def.key)))
    return data


def step_url(application, step_key):
    from django.urls import reverse

    return reverse("applications:step", kwargs={"pk": application.pk, "step": step_key})


def complete_steps(client, application, overrides=None, limit=20):
    """Answer every step the application asks, in order, until nothing is missing."""
    from portal.applications.models import Application
    from portal.applications.selectors import application_missing_steps

    for _ in range(limit):
        application = Application.objects.get(pk=application.pk)
        missing = application_missing_steps(application)
        if not missing:
            return application
        response = client.post(step_url(application, missing[0]), step_post_data(application, missing[0], overrides))
        assert response.status_code == 302, response.content.decode()[:4000]
    raise AssertionError("the application never completed")


def start_application(client, page):
    from django.urls import reverse

    from portal.applications.models import Application

    response = client.post(reverse("applications:start", kwargs={"service_code": page.service_code}))
    assert response.status_code == 302
    return Application.objects.filter(service_code=page.service_code).latest("created_at")


def submit(client, application, key=None):
    import uuid

    from django.urls import reverse

    return client.post(reverse("applications:check", kwargs={"pk": application.pk}),
                       {"declaration": "on", "idempotency_key": str(key or uuid.uuid4())})


@pytest.fixture
def submitted(service_for, citizen, client_for):
    """A sent senior-bus-pass application of `citizen`'s."""
    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application)
    response = submit(client, application)
    assert response.status_code == 302
    application.refresh_from_db()
    return application


def pdf_text(data, tmp_path):
    """A PDF's text as pdftotext (poppler-utils) reads it."""
    import subprocess

    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
