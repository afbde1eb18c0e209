"""Editors cannot publish inaccessible content: an image needs alt text or an explicit "decorative" mark; rich
text has headings h2 to h4 only (no h1, h5 or h6, and no images or embeds inside it), on every rich text
field and block of every model; and Wagtail's built-in accessibility checker runs the same axe-core rule tags
as the portal's harness."""

import json
import re

import pytest
from django.apps import apps
from django.test import RequestFactory
from django.urls import reverse
from wagtail import blocks
from wagtail.admin.userbar import AccessibilityItem, AdminItem, ContentCheckerItem, apply_userbar_hooks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accessibility.content_checker import AXE_TAGS, PortalContentChecker
from accessibility.editing import RICH_TEXT_HEADINGS
from services_catalog.models import ServicePage, StandardPage

ALL_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# Rich text everywhere ----------------------------------------------------------------------------------------


def child_blocks(block):
    """Every block inside a StreamField's block, depth first."""
    children = []
    if isinstance(block, ImageBlock):
        return children  # its image chooser is the one with alt text
    if isinstance(block, blocks.ListBlock):
        children = [block.child_block]
    elif hasattr(block, "child_blocks"):
        children = list(block.child_blocks.values())
    found = []
    for child in children:
        found.append(child)
        found.extend(child_blocks(child))
    return found


def rich_text_places():
    """(where, features) for every RichTextField and RichTextBlock of every installed model."""
    places = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            where = f"{model._meta.label}.{field.name}"
            if isinstance(field, RichTextField):
                places.append((where, field.features))
            elif isinstance(field, StreamField):
                for block in child_blocks(field.stream_block):
                    if isinstance(block, blocks.RichTextBlock):
                        places.append((f"{where} ({block.name or 'block'})", block.features))
    return places


def test_the_portals_models_have_rich_text_to_check():
    where = [place for place, _features in rich_text_places()]
    assert "services_catalog.ServicePage.eligibility" in where
    assert any(place.startswith("services_catalog.StandardPage.body") for place in where)
    assert "accessibility.AccessibilityStatementPage.how_to_report" in where


@pytest.mark.parametrize("where,features", rich_text_places())
def test_every_rich_text_allows_only_h2_to_h4_and_no_images_or_embeds(where, features):
    assert features is not None, f"{where} uses Wagtail's default features; list them (accessibility/editing.py)"
    assert ALL_HEADINGS & set(features) <= set(RICH_TEXT_HEADINGS), where
    assert not {"image", "embed"} & set(features), where


def test_headings_outside_h2_to_h4_are_dropped_from_what_editors_enter():
    widget = ServicePage._meta.get_field("eligibility").formfield().widget
    entered = widget.format_value("<h1>Title</h1><h2>Who</h2><h3>Age</h3><h4>Over 60</h4><h5>Note</h5><h6>Tiny</h6>")

    stored = widget.value_from_datadict({"eligibility": entered}, {}, "eligibility")

    assert re.findall(r"<(h\d)", stored) == ["h2", "h3", "h4"]
    for text in ("Title", "Note", "Tiny"):
        assert text in stored, "the words stay, as paragraphs"


def test_every_streamfield_image_asks_for_alt_text():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                choosers = [block for block in child_blocks(field.stream_block) if isinstance(block, ImageChooserBlock)]
                assert not choosers, f"{model._meta.label}.{field.name}: use ImageBlock, which asks for alt text"


# Images in the admin -----------------------------------------------------------------------------------------


@pytest.fixture
def image(db):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(title="photo_0412.png", file=get_test_image_file())


def publish_standard_page(editor_client, tree, slug, image_value):
    home = tree["zh-hans"].home
    data = nested_form_data(
        {
            "title": "如何到达政务服务中心",
            "slug": slug,
            "body": streamfield([("text", rich_text("<h2>乘公交</h2><p>乘坐K51路。</p>")), ("image", image_value)]),
        }
    )
    return editor_client.post(
        reverse("wagtailadmin_pages:add", args=("services_catalog", "standardpage", home.pk)),
        {**data, "action-publish": "publish"},
    )


@pytest.mark.django_db
def test_an_image_without_alt_text_and_not_marked_decorative_is_refused(editor_client, tree, image):
    response = publish_standard_page(
        editor_client, tree, "no-alt", {"image": image.pk, "decorative": "", "alt_text": ""}
    )

    assert response.status_code == 200  # the form again, with the error
    assert "Please add some alt text for your image or mark it as decorative" in response.content.decode()
    assert not StandardPage.objects.filter(slug="no-alt").exists()


@pytest.mark.django_db
def test_an_image_with_alt_text_is_published_with_it(editor_client, tree, image):
    response = publish_standard_page(
        editor_client,
        tree,
        "with-alt",
        {"image": image.pk, "decorative": "", "alt_text": "政务服务中心大门，门口有无障碍坡道"},
    )

    assert response.status_code == 302, response.content.decode()[:1500]
    page = StandardPage.objects.get(slug="with-alt")
    body = editor_client.get(page.url).content.decode()
    assert re.search(r'<img [^>]*alt="政务服务中心大门，门口有无障碍坡道"', body)
    assert re.search(r"<h2[^>]*>乘公交</h2>", body)


@pytest.mark.django_db
def test_a_decorative_image_is_published_with_empty_alt_text(editor_client, tree, image):
    response = publish_standard_page(
        editor_client, tree, "decorative", {"image": image.pk, "decorative": "on", "alt_text": ""}
    )

    assert response.status_code == 302, response.content.decode()[:1500]
    body = editor_client.get(StandardPage.objects.get(slug="decorative").url).content.decode()
    images = re.findall(r"<img [^>]*>", body)
    assert len(images) == 1 and 'alt=""' in images[0]


# The content checker -----------------------------------------------------------------------------------------


def test_the_checker_uses_the_harness_rule_tags():
    from tests.browser.axe import AXE_TAGS as HARNESS_TAGS

    assert HARNESS_TAGS is AXE_TAGS  # one list for the editors' checker and our harness
    assert AXE_TAGS == ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
    options = PortalContentChecker().get_axe_configuration(RequestFactory().get("/"))["options"]
    assert options["runOnly"] == list(AXE_TAGS)


@pytest.mark.django_db
def test_the_userbar_hook_puts_our_checker_in_place_of_wagtails(rf):
    request = rf.get("/")
    for in_editor in (False, True):
        items = [AdminItem(), AccessibilityItem(in_editor=in_editor)]

        apply_userbar_hooks(request, items, None)

        checkers = [item for item in items if isinstance(item, ContentCheckerItem)]
        assert len(checkers) == 1 and type(checkers[0]) is PortalContentChecker
        assert checkers[0].in_editor is in_editor
        assert isinstance(items[0], AdminItem)


@pytest.mark.django_db
def test_the_page_editor_checks_run_with_our_rules(editor_client, tree):
    home = tree["zh-hans"].home

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,)))

    assert response.status_code == 200
    body = response.content.decode()
    configurations = re.findall(
        r'<script id="[^"]*axe-configuration" type="application/json">(.*?)</script>', body, flags=re.S
    )
    assert configurations, "no content checker configuration in the page editor"
    for configuration in configurations:
        assert json.loads(configuration)["options"]["runOnly"] == list(AXE_TAGS)
