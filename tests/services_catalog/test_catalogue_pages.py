"""What a citizen sees when browsing the catalogue, in both languages."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def text_of(response):
    """The page's visible text, tags stripped and white space folded."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_home_page_offers_search_popular_services_life_events_departments_and_cities(client, catalogue):
    response = client.get("/")

    assert response.status_code == 200
    text = text_of(response)
    assert 'role="search"' in response.content.decode()
    popular = [catalogue.service("3700-RS-001").title, catalogue.service("3700-GA-001").title]
    assert text.index(popular[0]) < text.index(popular[1])  # most popular first
    for event in catalogue.life_events.values():
        assert event.name_zh in text
    for department in catalogue.departments.values():
        assert department.name_zh in text
    assert "济南市" in text and "青岛市" in text


def test_english_home_page_is_in_english(client, catalogue):
    response = client.get("/en/")

    text = text_of(response)
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert "Renew a resident ID card" in text
    assert "Department of Public Security" in text
    assert "居民身份证换领" not in text


def test_chosen_city_is_remembered_and_narrows_popular_services(client, catalogue):
    response = client.get("/city/", {"city": "370200", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"

    text = text_of(client.get("/"))
    assert "青岛市" in text
    assert catalogue.service("3701-MZ-001").title not in text  # a Jinan-only service
    assert catalogue.service("3700-SJ-001").title in text  # offered in Qingdao

    catalogue_text = text_of(client.get("/services/"))
    assert catalogue.service("3701-MZ-001").title not in catalogue_text


def test_choosing_a_city_never_redirects_off_site(client, catalogue):
    response = client.get("/city/", {"city": "370100", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_catalogue_filters_with_counts(client, catalogue):
    text = text_of(client.get("/services/"))
    assert "找到 6 个事项" in text  # "6 services found"
    assert "山东省公安厅 (2)" in text
    assert "个体工商户设立登记" in text

    response = client.get("/services/", {"department": "public-security"})
    text = text_of(response)
    assert "居民身份证换领" in text and "新生儿出生登记" in text
    assert "养老金申领" not in text

    text = text_of(client.get("/services/", {"life_event": "retiring", "online": "1"}))
    assert "城乡居民基本养老保险参保登记" in text
    assert "养老金申领" not in text  # not online

    text = text_of(client.get("/services/", {"audience": "businesses"}))
    assert "个体工商户设立登记" in text and "居民身份证换领" not in text

    text = text_of(client.get("/services/", {"city": "370300"}))  # Zibo: only province-wide services
    assert "老年人优待证办理" not in text and "居民身份证换领" in text


def test_catalogue_paginates(client, catalogue):
    from tests.factories import service_create

    for _ in range(21):
        service_create(tree=catalogue.trees["zh-hans"])

    first = text_of(client.get("/services/"))
    second = client.get("/services/", {"page": "2"})

    assert "第 1 页，共 2 页" in first  # "Page 1 of 2"
    assert second.status_code == 200
    assert 'rel="prev"' in second.content.decode()


def test_service_page_is_a_citizens_guide(client, catalogue):
    service = catalogue.service("3700-GA-001")

    response = client.get(service.url)

    text = text_of(response)
    assert response.status_code == 200
    assert "居民身份证换领" in text
    assert "户口簿" in text and "原居民身份证" in text  # what to bring
    assert "20元" in text  # cost
    assert "我们承诺在 15 个工作日内办结。" in text  # the promised time limit: 15 working days
    assert "法定时限为 60 个工作日。" in text  # the legal one: 60
    assert "济南市政务服务中心" in text  # where to go
    assert "可以在外地换领吗？" in text  # FAQ
    assert "《山东省政务服务条例》" in text  # legal basis
    for heading in ("eligibility", "materials", "cost", "time", "where", "how", "legal-basis"):
        assert f'id="{heading}"' in response.content.decode()


def test_service_page_has_a_print_view(client, catalogue):
    service = catalogue.service("3700-GA-001")

    response = client.get(service.url, {"print": "1"})

    assert response.status_code == 200
    assert "service-guide--print" in response.content.decode()
    assert "户口簿" in text_of(response)


def test_english_service_page_and_language_switch(client, catalogue):
    chinese = catalogue.service("3700-GA-001")
    english = catalogue.service("3700-GA-001", "en")

    response = client.get(chinese.url)
    assert f'href="{english.url}"' in response.content.decode()
    text = text_of(client.get(english.url))
    assert "Household register" in text and "Renew a resident ID card" in text


def test_service_hall_page_shows_hours_and_accessibility_facilities(client, catalogue):
    response = client.get("/halls/jinan-hall/")

    text = text_of(response)
    assert response.status_code == 200
    assert "济南市政务服务中心" in text
    assert "周一至周五 9:00–17:00" in text  # opening hours
    assert "无障碍卫生间" in text  # an accessible toilet
    assert "居民身份证换领" in text  # services offered there
    assert client.get("/halls/no-such-hall/").status_code == 404


def test_halls_list_by_city(client, catalogue):
    text = text_of(client.get("/halls/", {"city": "370200"}))

    assert "青岛市政务服务中心" in text and "济南市政务服务中心" not in text


@pytest.mark.parametrize(
    "path,params",
    [
        ("/services/", {"department": "no-such-department", "life_event": "nope", "audience": "aliens"}),
        ("/services/", {"page": "99999"}),
        ("/services/", {"page": "-1"}),
        ("/services/", {"page": "abc"}),
        ("/services/", {"city": "<script>alert(1)</script>", "online": "yes"}),
        ("/search/", {"q": "x" * 1000}),
        ("/search/", {"q": "<script>alert(1)</script>"}),
        ("/search/", {"q": "' OR 1=1 --", "city": "999999", "page": "99999"}),
        ("/search/", {"q": "\u0000😀 社保", "department": "\u0000"}),
        ("/halls/", {"city": "abc"}),
        ("/en/services/", {"department": "x" * 500}),
        ("/services/", {"department": "a\u0000b", "life_event": "\u0000"}),
    ],
)
def test_bad_input_gives_a_clean_page(client, catalogue, path, params):
    response = client.get(path, params)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_bad_cookies_are_ignored(client, catalogue):
    client.cookies["city"] = "<script>alert(1)</script>"
    client.cookies["elder_mode"] = "'; DROP TABLE"
    client.cookies["text_size"] = "../../etc/passwd"
    client.cookies["contrast"] = "hi\xe9gh"

    for path in ("/", "/services/", catalogue.service("3700-GA-001").url, "/search/?q=社保"):
        response = client.get(path)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_filter_is_reported_not_failed(client, catalogue):
    text = text_of(client.get("/en/services/", {"department": "no-such-department"}))

    assert "not recognised" in text
    assert "Renew a resident ID card" in text


class TestPageCache:
    def test_anonymous_pages_are_cached_per_language(self, client, catalogue):
        assert client.get("/")["X-Page-Cache"] == "miss"
        assert client.get("/")["X-Page-Cache"] == "hit"
        assert client.get("/en/")["X-Page-Cache"] == "miss"
        assert "X-Page-Cache" not in client.get("/", {"x": "1"})  # a made-up parameter makes no new entry

    def test_display_preferences_and_city_have_their_own_copies(self, client, catalogue):
        client.get("/services/")
        client.cookies["elder_mode"] = "1"
        response = client.get("/services/")
        assert response["X-Page-Cache"] == "miss"
        assert "elder-mode" in response.content.decode()
        client.cookies["city"] = "370100"
        assert client.get("/services/")["X-Page-Cache"] == "miss"

    def test_publishing_drops_cached_pages(self, client, catalogue):
        service = catalogue.service("3700-GA-001")
        client.get(service.url)
        assert client.get(service.url)["X-Page-Cache"] == "hit"

        service.title = "居民身份证换领（新）"
        service.save_revision().publish()

        response = client.get(service.url)
        assert response["X-Page-Cache"] == "miss"
        assert "居民身份证换领（新）" in text_of(response)

    def test_editing_a_snippet_drops_cached_pages(self, client, catalogue):
        client.get("/")
        department = catalogue.departments["public-security"]
        department.name_zh = "山东省公安厅（改）"
        department.save()

        assert "山东省公安厅（改）" in text_of(client.get("/"))

    def test_signed_in_pages_are_never_cached(self, client, catalogue):
        user = get_user_model().objects.create_user(username="citizen", password="a-long-password-1")
        client.force_login(user)

        first = client.get("/")
        second = client.get("/")

        assert "X-Page-Cache" not in first and "X-Page-Cache" not in second

    def test_cached_pages_carry_no_cookies_or_csrf_tokens(self, client, catalogue):
        client.get("/services/")
        response = client.get("/services/")

        assert response["X-Page-Cache"] == "hit"
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
