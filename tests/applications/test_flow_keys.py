"""A service page names its online application by a flow key. A key that names no published flow gives no online
application (the portal's own "Page not found", never another service's form), and the editor who types such a
key is told so when saving the page. Code that builds the catalogue (the demo loader, which runs before the demo
flows are loaded, and tests) may still save a page that names a flow not loaded yet."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from portal.applications.models import Application
from portal.applications.services import flow_publish_from_editor
from services_catalog.models import ServicePage

from .conftest import online_service
from .test_editor_flows import editor_flow

pytestmark = pytest.mark.django_db


def start_url(page):
    return reverse("applications:start", kwargs={"service_code": page.service_code})


def test_a_service_whose_flow_key_names_no_flow_has_no_online_application(flows, tree, department, citizen, client_for):
    page = online_service(tree, department, code="3700-MZ-301", title="未知流程事项", flow_key="no-such-flow")
    client = client_for(citizen)

    response = client.get(start_url(page))

    assert response.status_code == 404 and "Page not found" in response.content.decode()
    assert client.post(start_url(page)).status_code == 404
    assert not Application.objects.filter(service_code=page.service_code).exists()  # no general application


def test_the_service_page_offers_no_online_application_when_its_flow_key_names_no_flow(flows, tree, department, client):
    known = online_service(tree, department, code="3700-MZ-303", title="已知流程事项", flow_key="general-application")
    unknown = online_service(tree, department, code="3700-MZ-304", title="未知流程事项二", flow_key="no-such-flow")

    assert 'href="/apply/3700-MZ-303/"' in client.get(known.url).content.decode()
    assert "/apply/3700-MZ-304/" not in client.get(unknown.url).content.decode()


def test_the_catalogue_code_may_name_a_flow_before_it_is_loaded(tree, department):
    """The demo loader saves its pages (Wagtail runs full_clean) before load_demo_flows runs."""
    page = online_service(tree, department, code="3700-MZ-302", title="流程稍后加载", flow_key="loaded-later")
    page.full_clean()
    assert ServicePage.objects.get(pk=page.pk).flow_key == "loaded-later"


# The editor's form --------------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.gov.cn", password="an-editor-password-1"
    )
    from tests.accounts.otp_helpers import otp_verified_login

    otp_verified_login(client, editor)  # the admin requires a second factor
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    return client


def publish_service(client, catalogue, flow_key, *, visits=1, materials=()):
    data = nested_form_data(
        {
            "title": "临时身份证办理",
            "slug": "temporary-id-card",
            "service_code": "3700-GA-900",
            "department": catalogue.departments["public-security"].pk,
            "audience": "individuals",
            "summary": "身份证来不及办理时，先办一张临时身份证。",
            "eligibility": rich_text("<p>正在申领居民身份证的居民。</p>"),
            "materials": inline_formset([{"quantity": 1, "notes": "", **material} for material in materials]),
            "is_free": "on",
            "fee_description": "",
            "legal_time_limit_days": 3,
            "promised_time_limit_days": 1,
            "in_person_visits": visits,
            "in_person": "on",
            "online": "on",
            "flow_key": flow_key,
            "legal_basis": "《中华人民共和国居民身份证法》",
            "faqs": inline_formset([]),
            "popularity": 0,
            "action-publish": "publish",
        }
    )
    data["regions"] = [str(catalogue.province.pk)]
    parent = catalogue.trees["zh-hans"].catalogue.pk
    return client.post(reverse("wagtailadmin_pages:add", args=("services_catalog", "servicepage", parent)), data)


def test_the_editor_is_told_a_flow_key_names_no_published_flow(editor_client, catalogue, flows):
    response = publish_service(editor_client, catalogue, "general-aplication")

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is no published application flow with the key “general-aplication”." in body
    assert not ServicePage.objects.filter(service_code="3700-GA-900").exists()


def test_the_editor_saves_a_service_page_naming_a_published_flow(editor_client, catalogue, flows):
    response = publish_service(editor_client, catalogue, "general-application")

    assert response.status_code == 302, response.content.decode()[:2000]
    assert ServicePage.objects.get(service_code="3700-GA-900").flow_key == "general-application"


# The service page is the one source of its facts ----------------------------------------------------------


def test_the_editor_is_told_a_service_with_no_visit_cannot_ask_for_an_original_at_a_counter(
    editor_client, catalogue, flows
):
    id_card = {"code": "id_card", "name": "居民身份证", "form": "original", "notes": "现场核验原件"}
    response = publish_service(editor_client, catalogue, "general-application", visits=0, materials=[id_card])

    assert response.status_code == 200
    no_visit = "The service needs no visit, but “居民身份证” is an original to be checked in person."
    assert no_visit in response.content.decode()
    assert not ServicePage.objects.filter(service_code="3700-GA-900").exists()

    fetched = {**id_card, "fetched_electronically": "on"}
    response = publish_service(editor_client, catalogue, "general-application", visits=0, materials=[fetched])
    assert response.status_code == 302


def test_the_editor_is_told_the_flow_collects_a_material_the_service_does_not_list(editor_client, catalogue, flows):
    """senior-bus-pass uploads the material "photo"."""
    id_card = {"code": "id_card", "name": "居民身份证", "form": "electronic", "fetched_electronically": "on"}
    response = publish_service(editor_client, catalogue, "senior-bus-pass", materials=[id_card])
    assert response.status_code == 200
    not_listed = (
        "The application flow collects the material “photo” (question “photo”), which the service does not list."
    )
    assert not_listed in response.content.decode()

    photo = {"code": "photo", "name": "近期免冠照片", "form": "electronic"}
    response = publish_service(
        editor_client, catalogue, "senior-bus-pass", materials=[id_card, {**photo, "fetched_electronically": "on"}]
    )
    assert response.status_code == 200
    fetched = "The application flow asks for an upload of “photo” (question “photo”), which the service says the portal"
    assert fetched + " fetches." in response.content.decode()

    response = publish_service(editor_client, catalogue, "senior-bus-pass", materials=[id_card, photo, photo])
    assert "Two materials have the code “photo”: list each material once." in response.content.decode()

    assert publish_service(editor_client, catalogue, "senior-bus-pass", materials=[id_card, photo]).status_code == 302
    assert ServicePage.objects.get(service_code="3700-GA-900").materials.count() == 2


def test_an_edited_flow_that_collects_a_material_its_services_do_not_list_is_not_published(tree, department, flows):
    flow = editor_flow()
    flow.steps[1].value["questions"][0]["material"] = "vaccination_cert"
    online_service(tree, department, code="3700-NY-202", title="犬只登记", flow_key="dog-licence")

    with pytest.raises(ValidationError) as refused:
        flow_publish_from_editor(flow=flow)

    assert refused.value.messages == [
        "Service “犬只登记”: The application flow collects the material “vaccination_cert” (question “certificate”), "
        "which the service does not list. Add it to the materials, with that code."
    ]
    assert not flow.versions.exists()
