"""Issue 13, item 18: the catalogue tailored to the citizen. A province-wide guide lists the chosen city's
halls first and the others behind a link; a hall page says how many services it offers and pages them."""

import re

import pytest

from tests.factories import ServiceHallFactory, service_create

pytestmark = pytest.mark.django_db


def where_section(response):
    page = response.content.decode()
    match = re.search(r'<section aria-labelledby="where">(.*?)</section>', page, re.S)
    assert match, "the guide has no 'Where to go' section"
    return match.group(1)


@pytest.fixture
def province_wide_guide(catalogue):
    """A province-wide service offered at the two catalogue halls and at a district hall in Qingdao."""
    qingdao = catalogue.cities["370200"]
    district = ServiceHallFactory(
        slug="shinan-hall",
        name_zh="市南区政务服务中心",
        name_en="Shinan Centre",
        region=qingdao.children.create(code="370202", level="district", name_zh="市南区", name_en="Shinan District"),
    )
    page = service_create(tree=catalogue.trees["zh-hans"], title="全省通办测试事项", slug="province-wide-test")
    page.halls.set([catalogue.hall("jinan-hall"), catalogue.hall("qingdao-hall"), district])
    page.save_revision().publish()
    return page


def test_a_chosen_city_lists_its_halls_first_and_the_others_behind_a_link(client, province_wide_guide):
    client.cookies["city"] = "370200"
    where = where_section(client.get(province_wide_guide.url))
    shown, _, hidden = where.partition("<details")
    assert "青岛市政务服务中心" in shown and "市南区政务服务中心" in shown  # the city's own halls, districts too
    assert "济南市政务服务中心" not in shown
    assert "济南市政务服务中心" in hidden  # the rest, one click away
    assert re.search(r"<summary[^>]*>[^<]*(?<!\d)1(?!\d)", hidden)  # the link says how many more there are


def test_without_a_city_every_hall_is_listed(client, province_wide_guide):
    where = where_section(client.get(province_wide_guide.url))
    assert "<details" not in where
    for name in ("济南市政务服务中心", "青岛市政务服务中心", "市南区政务服务中心"):
        assert name in where


def test_a_hall_page_counts_its_services_and_pages_them(client, catalogue):
    hall = catalogue.hall("qingdao-hall")
    before = client.get("/halls/qingdao-hall/").content.decode().count('class="service-card"')  # the catalogue's
    for n in range(51):
        page = service_create(
            tree=catalogue.trees["zh-hans"], title=f"大厅事项{n:02d}", slug=f"hall-service-{n}", popularity=1000 - n
        )
        page.halls.add(hall)
        page.save_revision().publish()
    first = client.get("/halls/qingdao-hall/").content.decode()
    total = before + 51
    assert f'<p class="result-count">{total} 个事项</p>' in first  # "N services", N counted in Chinese
    assert first.count('class="service-card"') == 50
    assert re.search(r'<nav class="pagination" aria-label="[^"]+">', first)
    assert "第 1 页，共 2 页" in first  # "Page 1 of 2"
    second = client.get("/halls/qingdao-hall/", {"page": "2"}).content.decode()
    assert second.count('class="service-card"') == total - 50
    assert "大厅事项50" in second  # the least popular, on the last page


def test_the_print_view_has_a_print_button_and_a_way_back(client, catalogue):
    service = catalogue.service("3700-GA-001")
    page = client.get(service.url, {"print": "1"}).content.decode()
    assert re.search(r"<button[^>]*data-print[^>]*>打印|<button[^>]*data-print[^>]*>Print", page)
    assert re.search(r'<script src="/static/js/print\.js[^"]*" defer>', page)  # window.print, from a file (CSP)
    back = re.search(r'<a[^>]*id="back-to-guide"[^>]*href="([^"]+)"', page)
    assert back and back.group(1) == service.url  # the normal page again
    assert "data-print" not in client.get(service.url).content.decode()
