"""一表申请: a life-event bundle applied for once. The shared questions are answered once and reach every member
application; each member's remaining steps are the engine's own; one check page, one declaration, one submission that
sends every member application (each to its own department); sending twice makes one case."""

import uuid

import pytest
from django.urls import reverse

from portal.applications.models import Application
from portal.applications.status import Status
from portal.bundles.models import BundleCase
from services_catalog.bundles import bundle_publish
from services_catalog.models import Bundle, BundleInclusion, BundleMember, BundleQuestion
from tests.applying import complete_steps
from tests.factories import online_service
from tests.queries import page_reads

pytestmark = pytest.mark.django_db

BIRTH, INSURANCE, VACCINATION = "3700-GA-107", "3700-YB-111", "3700-WJ-112"


@pytest.fixture
def newborn(tree, department, flows):
    """新生儿出生一件事 over three online services, the vaccination record optional; the baby's name, sex and birth
    date asked once."""
    for code, title, key in (
        (BIRTH, "出生登记", "birth-registration"),
        (INSURANCE, "新生儿医保参保", "newborn-medical-insurance"),
        (VACCINATION, "预防接种证办理", "vaccination-record"),
    ):
        online_service(tree, department, code=code, title=title, flow_key=key)
    bundle = Bundle(
        slug="newborn",
        name_zh="新生儿出生一件事",
        summary_zh="出生登记、医保参保和预防接种证一次办好。",
        who_zh="孩子在本省出生的家庭。",
    )
    bundle.members = [
        BundleMember(service_code=BIRTH),
        BundleMember(service_code=INSURANCE),
        BundleMember(service_code=VACCINATION, inclusion=BundleInclusion.OPTIONAL, condition_zh="需要接种的选择此项。"),
    ]
    codes = (BIRTH, INSURANCE, VACCINATION)
    bundle.shared_questions = [
        BundleQuestion(key=key, type=type_, label_zh=label, targets="\n".join(f"{code} {key}" for code in codes))
        for key, type_, label in (
            ("baby_name", "name", "新生儿姓名"),
            ("baby_sex", "choice", "性别"),
            ("baby_birth_date", "date", "出生日期"),
        )
    ]
    bundle.save()
    bundle_publish(bundle=bundle)
    return bundle


SHARED = {
    "baby_name": "张小宝",
    "baby_sex": "f",
    "baby_birth_date_0": "2026",
    "baby_birth_date_1": "11",
    "baby_birth_date_2": "20",
}


def case_of(citizen):
    return BundleCase.objects.get(applicant=citizen)


def test_a_family_applies_once_for_every_service(newborn, citizen, client_for):
    client = client_for(citizen)

    response = client.post(reverse("bundles:start", args=["newborn"]), {"new": "1", f"include_{VACCINATION}": "on"})
    case = case_of(citizen)
    assert response.status_code == 302 and response["Location"] == reverse("bundles:shared", args=[case.pk])
    assert [member.service_code for member in case.members.order_by("position")] == [BIRTH, INSURANCE, VACCINATION]
    for member in case.members.select_related("application"):  # what the account holds is not asked again
        assert member.application.completed_steps == ["about-you"]
        assert member.application.answers["full_name"] == citizen.real_name

    response = client.post(reverse("bundles:shared", args=[case.pk]), SHARED)
    assert response.status_code == 302, response.content.decode()[:3000]

    applications = {member.service_code: member.application for member in case.members.select_related("application")}
    for application in applications.values():
        application.refresh_from_db()
        assert application.answers["baby_name"] == "张小宝"  # typed once, in every member application
        assert application.answers["baby_birth_date"] == "2026-11-20"
    assert "baby" in applications[INSURANCE].completed_steps  # its baby step asks shared questions only: done
    assert "baby" not in applications[BIRTH].completed_steps  # its baby step also asks the hospital

    # What each service still needs, through the engine's own steps: a step that also asks something else shows the
    # shared answers already filled in (the browser sends them back as they are).
    step = client.get(reverse("applications:step", args=[applications[BIRTH].pk, "baby"])).content.decode()
    assert 'value="张小宝"' in step
    for application in applications.values():
        complete_steps(
            client,
            application,
            overrides={"baby_name": "张小宝", "baby_sex": "f", "baby_birth_date": ("2026", "11", "20")},
        )
        # the member's own check page hands over to the bundle's: one declaration for all
        assert client.get(reverse("applications:check", args=[application.pk]))["Location"] == reverse(
            "bundles:tasks", args=[case.pk]
        )

    tasks = client.get(reverse("bundles:tasks", args=[case.pk])).content.decode()
    assert tasks.count("tag--done") == 4  # the shared details and the three services
    check = client.get(reverse("bundles:check", args=[case.pk])).content.decode()
    assert check.count("张小宝") == 3 and "出生登记" in check and "预防接种证办理" in check
    assert check.count("2026年11月20日") == 3

    key = str(uuid.uuid4())
    response = client.post(reverse("bundles:check", args=[case.pk]), {"declaration": "on", "idempotency_key": key})
    assert response["Location"] == reverse("bundles:sent", args=[case.pk])
    again = client.post(reverse("bundles:check", args=[case.pk]), {"declaration": "on", "idempotency_key": key})
    assert again["Location"] == reverse("bundles:sent", args=[case.pk])

    assert BundleCase.objects.filter(applicant=citizen).count() == 1
    sent = Application.objects.filter(pk__in=[a.pk for a in applications.values()])
    assert {a.status for a in sent} == {Status.SUBMITTED} and all(a.reference for a in sent)
    page = client.get(reverse("bundles:sent", args=[case.pk])).content.decode()
    assert all(a.reference in page for a in sent)


def test_nothing_is_sent_until_every_service_is_finished(newborn, citizen, client_for):
    client = client_for(citizen)
    client.post(reverse("bundles:start", args=["newborn"]), {"new": "1"})
    case = case_of(citizen)
    assert case.members.count() == 2  # the optional vaccination record was not chosen
    client.post(reverse("bundles:shared", args=[case.pk]), SHARED)
    first = case.members.order_by("position").first().application
    complete_steps(client, first)

    assert client.get(reverse("bundles:check", args=[case.pk]))["Location"] == reverse("bundles:tasks", args=[case.pk])
    client.post(reverse("bundles:check", args=[case.pk]), {"declaration": "on", "idempotency_key": str(uuid.uuid4())})

    assert not Application.objects.exclude(status=Status.DRAFT).exists()
    assert BundleCase.objects.get(pk=case.pk).is_draft


def test_a_case_is_only_for_the_person_it_is_for(newborn, citizen, other_citizen, client_for):
    client_for(citizen).post(reverse("bundles:start", args=["newborn"]), {"new": "1"})
    case = case_of(citizen)
    stranger = client_for(other_citizen)
    for name in ("bundles:tasks", "bundles:shared", "bundles:check", "bundles:sent"):
        assert stranger.get(reverse(name, args=[case.pk])).status_code == 404


def test_a_member_draft_is_not_deleted_on_its_own(newborn, citizen, client_for):
    client = client_for(citizen)
    client.post(reverse("bundles:start", args=["newborn"]), {"new": "1"})
    case = case_of(citizen)
    member = case.members.first().application

    response = client.post(reverse("applications:withdraw", args=[member.pk]), {"version": member.version})

    assert response["Location"] == reverse("bundles:tasks", args=[case.pk])
    assert Application.objects.filter(pk=member.pk).exists()


def test_a_case_whose_member_draft_expired_cannot_be_sent(newborn, citizen, client_for):
    """Drafts expire together, but one gone early must not let the others go without it."""
    client = client_for(citizen)
    client.post(reverse("bundles:start", args=["newborn"]), {"new": "1"})
    case = case_of(citizen)
    client.post(reverse("bundles:shared", args=[case.pk]), SHARED)
    first, second = (member.application for member in case.members.order_by("position"))
    complete_steps(client, first, overrides={"baby_name": "张小宝"})
    Application.objects.filter(pk=second.pk).delete()  # as the expired-draft purge does

    assert client.get(reverse("bundles:check", args=[case.pk]))["Location"] == reverse("bundles:tasks", args=[case.pk])
    client.post(reverse("bundles:check", args=[case.pk]), {"declaration": "on", "idempotency_key": str(uuid.uuid4())})
    assert Application.objects.get(pk=first.pk).status == Status.DRAFT


def test_the_case_pages_read_the_same_queries_whatever_the_number_of_services(newborn, citizen, client_for):
    """Two members (the optional one left out) and three (chosen): the task list and the check page cost the same."""
    client = client_for(citizen)
    reads = {}
    for chosen in ({}, {f"include_{VACCINATION}": "on"}):
        BundleCase.objects.filter(applicant=citizen).update(status="submitted")  # the next start is a new case
        client.post(reverse("bundles:start", args=["newborn"]), {"new": "1", **chosen})
        case = BundleCase.objects.filter(applicant=citizen).latest("created_at")
        client.post(reverse("bundles:shared", args=[case.pk]), SHARED)
        for member in case.members.all():
            complete_steps(client, member.application, overrides={"baby_name": "张小宝"})
        page_reads(client, reverse("bundles:tasks", args=[case.pk]))  # the session's first reads
        reads[case.members.count()] = [
            len(page_reads(client, reverse(name, args=[case.pk]))[0]) for name in ("bundles:tasks", "bundles:check")
        ]
    assert reads[3] == reads[2], reads


def test_applying_for_a_member_service_alone_starts_its_own_application(newborn, citizen, client_for):
    """A member draft is carried on in its case: the service's own start page does not send the citizen into it."""
    client = client_for(citizen)
    client.post(reverse("bundles:start", args=["newborn"]), {"new": "1"})
    member = case_of(citizen).members.get(service_code=BIRTH).application

    start = client.get(reverse("applications:start", args=[BIRTH])).content.decode()
    assert "You have already started this application" not in start and "您已开始填写" not in start
    client.post(reverse("applications:start", args=[BIRTH]))

    alone = Application.objects.filter(service_code=BIRTH, applicant=citizen).exclude(pk=member.pk)
    assert alone.count() == 1 and not hasattr(alone.get(), "bundle_membership")
