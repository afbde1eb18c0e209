"""Every page names its icon and describes itself: browsers asking for /favicon.ico get an image (no 404 in the
console of every page), and search engines and link previews get a <meta name="description"> in the page's
language: the service's own summary on a service page, the site's description elsewhere."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator

pytestmark = pytest.mark.django_db
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def descriptions(body):
    return [html.unescape(text) for text in DESCRIPTION.findall(body)]


def key_pages(catalogue, language):
    prefix = "" if language == "zh-hans" else "/en"
    service = catalogue.service(next(iter(catalogue.services)), language)
    hall = catalogue.hall()
    return {
        "home": f"{prefix}/",
        "catalogue": catalogue.trees[language].catalogue.url,
        "service": service.url,
        "search": f"{prefix}/search/?q=" + service.title[:2],
        "halls": f"{prefix}/halls/",
        "hall": f"{prefix}/halls/{hall.slug}/",
        "help": f"{prefix}/help/",
        "sign in": f"{prefix}/accounts/sign-in/",
        "register": f"{prefix}/accounts/register/",
        "display settings": f"{prefix}/preferences/display/",
        "missing page": f"{prefix}/no-such-page/",
    }


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_key_page_has_one_non_empty_description_in_its_language(client, catalogue, language):
    pages = key_pages(catalogue, language)
    for name, url in pages.items():
        response = client.get(url, headers={"accept-language": language})
        assert response.status_code == (404 if name == "missing page" else 200), (name, url)
        found = descriptions(response.content.decode())
        assert len(found) == 1 and found[0].strip(), (name, url, found)
    service = catalogue.service(next(iter(catalogue.services)), language)
    on_service = descriptions(client.get(service.url).content.decode())[0]
    assert on_service == Truncator(service.summary).chars(150)
    with translation.override(language):
        site = descriptions(client.get(pages["help"]).content.decode())[0]
        assert site == translation.gettext(
            "Every public service in the province in one place: what you need, where to go, and how to apply online."
        )


@pytest.fixture
def static_served(settings):
    """Static files served as `make run` serves them (WhiteNoise from the finders), not from a collected root."""
    settings.WHITENOISE_USE_FINDERS = True


def test_favicon_ico_leads_to_an_icon_image(client, static_served):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    image = client.get(response["Location"])
    assert image.status_code == 200
    assert image["Content-Type"] == "image/x-icon"  # WhiteNoise's own table, whatever the system's says
    assert b"".join(image.streaming_content if image.streaming else [image.content])[:4] == b"\x00\x00\x01\x00"


def test_pages_name_the_svg_icon_and_the_ico(client, catalogue, static_served):
    body = client.get(reverse("get_help")).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+\.svg)" type="image/svg\+xml">', body)
    assert icon, "no SVG icon linked"
    svg = client.get(icon.group(1))
    assert svg.status_code == 200
    assert b"<svg" in b"".join(svg.streaming_content if svg.streaming else [svg.content])
    assert '<link rel="icon" href="/favicon.ico"' in body
