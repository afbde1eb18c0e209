"""Display preferences for everyone: text size (five steps, 16px to 30px) and high contrast, in standard and
elder mode, from a "Text size and contrast" page linked from every page's header. Plain GET forms and links
(no JavaScript needed), back to the page the person came from, remembered in the browser and, when signed
in, in the account. Anonymous pages are cached per preference and never served to another."""

import re
from html import unescape

import pytest

from accessibility.models import DisplaySettings
from accessibility.preferences import TEXT_SIZES

pytestmark = pytest.mark.django_db


def html_classes(response):
    match = re.search(r'<html lang="[^"]*" class="([^"]*)"', response.content.decode())
    assert match, response.content.decode()[:300]
    return match.group(1).split()


def settings_link(response):
    """The header's link to the display settings, as a path with its query."""
    match = re.search(r'<a class="tool-link" href="(/(?:en/)?preferences/display/\?[^"]*)"', response.content.decode())
    assert match, "no display settings link in the header"
    return unescape(match.group(1))


def radios(response, name):
    body = response.content.decode()
    return re.findall(rf'<input type="radio" name="{name}" value="([^"]*)"', body)


def checked(response, name):
    body = response.content.decode()
    found = re.findall(rf'<input type="radio" name="{name}" value="([^"]*)"[^>]*\bchecked\b', body)
    return found[0] if len(found) == 1 else found


class TestDisplaySettingsPage:
    def test_every_page_links_to_it_and_it_comes_back_to_that_page(self, client, tree):
        link = settings_link(client.get("/services/?life_event=retiring"))
        assert link == "/preferences/display/?next=/services/%3Flife_event%3Dretiring"

        page = client.get(link)

        body = page.content.decode()
        assert page.status_code == 200
        form = re.search(r'<form class="display-settings" method="get" action="([^"]+)"', body)
        assert form and form.group(1) == "/preferences/"
        assert '<input type="hidden" name="next" value="/services/?life_event=retiring"' in body

    def test_it_offers_five_text_sizes_up_to_30px_and_two_contrasts(self, client, tree):
        page = client.get("/en/preferences/display/")

        assert radios(page, "size") == list(TEXT_SIZES)
        assert max(TEXT_SIZES.values()) >= 30 and len(TEXT_SIZES) >= 4
        assert "30 px" in page.content.decode()
        assert radios(page, "contrast") == ["normal", "high"]
        assert radios(page, "elder") == ["0", "1"]
        assert (checked(page, "size"), checked(page, "contrast"), checked(page, "elder")) == ("normal", "normal", "0")

    def test_in_elder_mode_text_starts_at_18px(self, client, tree):
        client.cookies["elder_mode"] = "1"
        page = client.get("/en/preferences/display/")

        assert radios(page, "size") == ["large", "larger", "x-large", "xx-large"]
        assert checked(page, "size") == "large" and checked(page, "elder") == "1"

    @pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
    def test_a_next_address_off_this_site_is_replaced_by_the_home_page(self, client, tree, next_url):
        page = client.get("/en/preferences/display/", {"next": next_url})

        main = page.content.decode().split("<main", 1)[1]
        assert '<input type="hidden" name="next" value="/en/"' in main
        assert '<a class="button button--secondary" href="/en/">' in main
        assert "evil.example" not in main and "javascript:" not in main

    def test_it_can_be_found_by_searching(self, client, tree):
        body = client.get("/search/", {"q": "字号"}).content.decode()

        assert re.search(r'href="/preferences/display/\?next=', body)


class TestChangingPreferences:
    def test_text_size_is_applied_and_remembered(self, client, tree):
        response = client.get("/preferences/", {"size": "xx-large", "next": "/services/"})

        assert response.status_code == 302 and response["Location"] == "/services/"
        assert "text-xx-large" in html_classes(client.get("/services/"))
        assert "text-xx-large" in html_classes(client.get("/"))

    def test_high_contrast_is_applied_and_can_be_switched_off(self, client, tree):
        client.get("/preferences/", {"contrast": "high"})
        assert "high-contrast" in html_classes(client.get("/"))

        client.get("/preferences/", {"contrast": "normal"})
        assert "high-contrast" not in html_classes(client.get("/"))

    def test_the_whole_form_is_saved_at_once(self, client, tree):
        client.get("/preferences/", {"size": "larger", "contrast": "high", "elder": "0", "next": "/"})

        assert html_classes(client.get("/")) == ["text-larger", "high-contrast"]

    def test_both_work_in_elder_mode_which_never_goes_below_18px(self, client, tree):
        client.get("/preferences/", {"elder": "1"})
        assert html_classes(client.get("/")) == ["text-large", "elder-mode"]

        client.get("/preferences/", {"size": "normal", "contrast": "high"})
        assert html_classes(client.get("/")) == ["text-large", "elder-mode", "high-contrast"]

        client.get("/preferences/", {"size": "xx-large"})
        assert html_classes(client.get("/")) == ["text-xx-large", "elder-mode", "high-contrast"]

    def test_switching_mode_goes_back_to_that_modes_size(self, client, tree):
        client.get("/preferences/", {"size": "xx-large"})
        client.get("/preferences/", {"elder": "1"})
        assert "text-large" in html_classes(client.get("/"))

        client.get("/preferences/", {"elder": "0"})
        assert "text-normal" in html_classes(client.get("/"))

    @pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "http://testserver.evil/"])
    def test_it_never_sends_people_off_the_site(self, client, tree, next_url):
        assert client.get("/preferences/", {"size": "large", "next": next_url})["Location"] == "/"
        assert client.get("/en/preferences/", {"size": "large", "next": next_url})["Location"] == "/en/"

    def test_unknown_values_change_nothing(self, client, tree):
        response = client.get("/preferences/", {"size": "huge", "contrast": "rainbow", "elder": "maybe"})

        assert response.status_code == 302 and not response.cookies
        assert html_classes(client.get("/")) == ["text-normal"]

    def test_bad_cookies_are_ignored(self, client, tree):
        client.cookies["text_size"] = "<script>"
        client.cookies["contrast"] = "1; DROP"

        assert html_classes(client.get("/")) == ["text-normal"]


class TestSignedIn:
    def test_text_size_and_contrast_follow_the_account_to_another_browser(self, client, tree, citizen):
        client.force_login(citizen)
        client.get("/preferences/", {"size": "x-large", "contrast": "high"})

        saved = DisplaySettings.objects.get(user=citizen)
        assert (saved.text_size, saved.high_contrast) == ("x-large", True)

        from django.test import Client

        other_browser = Client()
        other_browser.force_login(citizen)
        assert html_classes(other_browser.get("/")) == ["text-x-large", "high-contrast"]

    def test_the_account_wins_over_the_browser(self, client, tree, citizen):
        DisplaySettings.objects.create(user=citizen, text_size="larger", high_contrast=False)
        client.cookies["text_size"] = "xx-large"
        client.cookies["contrast"] = "high"
        client.force_login(citizen)

        assert html_classes(client.get("/")) == ["text-larger"]

    def test_an_account_that_never_chose_uses_the_browsers_choice(self, client, tree, citizen):
        client.get("/preferences/", {"size": "xx-large"})  # before signing in
        client.force_login(citizen)

        assert html_classes(client.get("/")) == ["text-xx-large"]

        client.get("/preferences/", {"contrast": "high"})  # the first choice signed in keeps the size
        saved = DisplaySettings.objects.get(user=citizen)
        assert (saved.text_size, saved.high_contrast) == ("xx-large", True)

    def test_elder_mode_in_the_account_resets_the_size_there_too(self, client, tree, citizen):
        client.force_login(citizen)
        client.get("/preferences/", {"size": "xx-large"})
        client.get("/preferences/", {"elder": "1"})

        citizen.refresh_from_db()
        assert citizen.elder_mode is True
        assert DisplaySettings.objects.get(user=citizen).text_size == ""
        assert html_classes(client.get("/")) == ["text-large", "elder-mode"]

    def test_the_display_settings_page_says_where_the_choice_is_kept(self, client, tree, citizen):
        anonymous = client.get("/en/preferences/display/").content.decode()
        assert "remembered on this device" in anonymous

        client.force_login(citizen)
        signed_in = client.get("/en/preferences/display/").content.decode()
        assert "kept in your account" in signed_in


class TestPageCache:
    """Anonymous pages are cached with the display preferences in the key: a changed preference is never
    served a page cached for another."""

    def test_each_preference_gets_its_own_copy(self, client, tree):
        first = client.get("/services/")
        assert first["X-Page-Cache"] == "miss" and html_classes(first) == ["text-normal"]
        assert client.get("/services/")["X-Page-Cache"] == "hit"

        client.get("/preferences/", {"size": "xx-large"})
        bigger = client.get("/services/")
        assert bigger["X-Page-Cache"] == "miss" and html_classes(bigger) == ["text-xx-large"]
        assert html_classes(client.get("/services/")) == ["text-xx-large"]

        client.get("/preferences/", {"contrast": "high"})
        contrast = client.get("/services/")
        assert contrast["X-Page-Cache"] == "miss" and html_classes(contrast) == ["text-xx-large", "high-contrast"]

        client.get("/preferences/", {"size": "normal", "contrast": "normal"})
        back = client.get("/services/")
        assert back["X-Page-Cache"] == "hit" and html_classes(back) == ["text-normal"]

    def test_every_combination_is_served_with_its_own_classes(self, client, tree):
        seen = {}
        for elder in ("0", "1"):
            for size in TEXT_SIZES:
                for contrast in ("normal", "high"):
                    client.get("/preferences/", {"elder": elder, "size": size, "contrast": contrast})
                    for _attempt in range(2):  # the second comes from the cache
                        classes = tuple(html_classes(client.get("/")))
                        expected_size = "large" if elder == "1" and size == "normal" else size
                        assert classes[0] == f"text-{expected_size}"
                        assert ("elder-mode" in classes) == (elder == "1")
                        assert ("high-contrast" in classes) == (contrast == "high")
                    seen[(elder, size, contrast)] = classes
        assert len(set(seen.values())) == 2 * 2 * len(TEXT_SIZES) - 2  # elder + normal is elder + large

    def test_nonsense_cookies_share_the_default_copy(self, client, tree):
        client.get("/")
        client.cookies["text_size"] = "gigantic"

        response = client.get("/")
        assert response["X-Page-Cache"] == "hit" and html_classes(response) == ["text-normal"]


# In the browser: with JavaScript the choice is shown at once; saving goes back to the page ---------------------


@pytest.mark.browser
def test_the_choice_is_shown_at_once_and_kept_on_saving(driver, live_server, transactional_db):
    from selenium.webdriver.common.by import By

    from tests.browser.chromium import wait_until_replaced

    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.get(live_server.url + "/en/preferences/display/?next=/en/help/")
    root_classes = "return document.documentElement.className"
    assert driver.execute_script(root_classes) == "text-normal"

    driver.find_element(By.CSS_SELECTOR, "label[for=id_size_4]").click()  # Largest (30 px)
    driver.find_element(By.CSS_SELECTOR, "label[for=id_contrast_1]").click()  # high contrast

    assert driver.execute_script(root_classes).split() == ["text-xx-large", "high-contrast"]
    assert driver.execute_script("return getComputedStyle(document.body).fontSize") == "30px"
    status = driver.find_element(By.CSS_SELECTOR, "[data-display-settings-status]")
    assert "Save and go back" in status.get_attribute("textContent")

    save = driver.find_element(By.CSS_SELECTOR, "form.display-settings button[type=submit]")
    save.click()
    wait_until_replaced(driver, save)

    assert driver.current_url == live_server.url + "/en/help/"
    assert driver.execute_script(root_classes).split() == ["text-xx-large", "high-contrast"]
