"""Editors create and edit the catalogue in the Wagtail admin, and the admin refuses inconsistent guides."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from services_catalog.models import Department, Region, ServicePage

pytestmark = pytest.mark.django_db


def service_form(catalogue, **overrides):
    data = {
        "title": "临时身份证办理",
        "slug": "temporary-id-card",
        "service_code": "3700-GA-900",
        "department": catalogue.departments["public-security"].pk,
        "audience": "individuals",
        "summary": "身份证来不及办理时，先办一张临时身份证。",
        "eligibility": rich_text("<p>正在申领居民身份证的居民。</p>"),
        "materials": inline_formset([{"name": "户口簿", "form": "original", "quantity": 1, "notes": ""}]),
        "is_free": "on",
        "fee_description": "",
        "legal_time_limit_days": 3,
        "promised_time_limit_days": 1,
        "in_person_visits": 1,
        "in_person": "on",
        "flow_key": "",
        "legal_basis": "《中华人民共和国居民身份证法》",
        "faqs": inline_formset([]),
        "popularity": 0,
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["regions"] = [str(catalogue.province.pk)]  # many-to-many: a list, which nested_form_data would flatten
    return form


def add_url(catalogue):
    return reverse(
        "wagtailadmin_pages:add", args=("services_catalog", "servicepage", catalogue.trees["zh-hans"].catalogue.pk)
    )


def test_editor_creates_and_publishes_a_service_page(editor_client, catalogue):
    response = editor_client.post(add_url(catalogue), {**service_form(catalogue), "action-publish": "publish"})

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ServicePage.objects.get(service_code="3700-GA-900")
    assert page.live and page.materials.get().name == "户口簿"
    assert "临时身份证办理" in editor_client.get(page.url).content.decode()


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"legal_time_limit_days": 3, "promised_time_limit_days": 5}, "cannot be longer than the legal one"),
        ({"service_code": "3700-GA-001"}, "already uses this service code"),
        ({"is_free": "", "fee_description": ""}, "Describe the fees"),
        ({"in_person": "", "online": ""}, "at least one way to apply"),
        ({"online": "on", "flow_key": ""}, "needs its application flow"),
        ({"service_code": "bad code!"}, "capital letters, digits and hyphens"),
    ],
)
def test_admin_refuses_an_inconsistent_service_page(editor_client, catalogue, overrides, message):
    before = ServicePage.objects.count()

    response = editor_client.post(
        add_url(catalogue), {**service_form(catalogue, **overrides), "action-publish": "publish"}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert ServicePage.objects.count() == before


def test_editor_can_open_every_catalogue_snippet_and_page_editor(editor_client, catalogue):
    service = catalogue.service("3700-GA-001")
    urls = [
        reverse("wagtailadmin_pages:edit", args=(service.pk,)),
        add_url(catalogue),
        reverse("wagtailsnippets_services_catalog_department:list"),
        reverse("wagtailsnippets_services_catalog_department:add"),
        reverse("wagtailsnippets_services_catalog_region:list"),
        reverse("wagtailsnippets_services_catalog_lifeevent:list"),
        reverse("wagtailsnippets_services_catalog_servicehall:edit", args=(catalogue.hall().pk,)),
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 200, url


def test_snippet_validation(catalogue):
    city = Region(code="370999", level="city", name_zh="无上级市")
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert "parent" in error.value.message_dict

    with pytest.raises(ValidationError):
        Region(code="37", level="province", name_zh="短代码").full_clean()

    with pytest.raises(ValidationError):
        Department(code=catalogue.departments["public-security"].code, name_zh="重复").full_clean()


def test_non_editors_cannot_reach_the_admin(client, catalogue):
    citizen = get_user_model().objects.create_user(username="citizen", password="a-citizen-password-1")
    client.force_login(citizen)

    response = client.get(reverse("wagtailadmin_home"))

    home, sign_in = reverse("wagtailadmin_home"), reverse("wagtailadmin_login")
    assert (response.status_code, response.get("Location")) == (302, f"{sign_in}?next={home}")  # as if signed out
