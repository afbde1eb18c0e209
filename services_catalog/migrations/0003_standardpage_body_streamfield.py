"""StandardPage.body becomes a StreamField of rich text and images (images with alt text or marked decorative).
Existing rich text, in pages and in their revisions, becomes one text block: nothing editors wrote is lost."""

import json
import uuid

import wagtail.fields
from django.db import migrations

BODY_BLOCKS = [("text", 0), ("image", 1)]
BODY_LOOKUP = {
    0: ("wagtail.blocks.RichTextBlock", (), {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"],
                                               "label": "Text"}),
    1: ("wagtail.images.blocks.ImageBlock", [], {"label": "Image", "template": "services_catalog/blocks/image.html"}),
}


def _blocks(html):
    return [{"type": "text", "value": html, "id": str(uuid.uuid4())}] if html else []


def rich_text_to_blocks(apps, schema_editor):
    StandardPage = apps.get_model("services_catalog", "StandardPage")
    for pk, html in StandardPage.objects.values_list("pk", "old_body"):
        StandardPage.objects.filter(pk=pk).update(body=_blocks(html))
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="services_catalog", model="standardpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        body = revision.content.get("body")
        if isinstance(body, str) and not body.lstrip().startswith("["):
            revision.content["body"] = json.dumps(_blocks(body))
            revision.save(update_fields=["content"])


def _html(blocks):
    return "".join(block["value"] for block in blocks if block.get("type") == "text")


def blocks_to_rich_text(apps, schema_editor):
    StandardPage = apps.get_model("services_catalog", "StandardPage")
    for page in StandardPage.objects.all():
        StandardPage.objects.filter(pk=page.pk).update(old_body=_html(page.body.raw_data))
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="services_catalog", model="standardpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        body = revision.content.get("body")
        if isinstance(body, str) and body.lstrip().startswith("["):
            revision.content["body"] = _html(json.loads(body))
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("services_catalog", "0002_alter_servicehall_options"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField(model_name="standardpage", old_name="body", new_name="old_body"),
        migrations.AddField(
            model_name="standardpage",
            name="body",
            field=wagtail.fields.StreamField(BODY_BLOCKS, block_lookup=BODY_LOOKUP, null=True, verbose_name="body"),
        ),
        migrations.AlterField(model_name="standardpage", name="old_body",
                              field=wagtail.fields.RichTextField(null=True, verbose_name="body")),
        migrations.RunPython(rich_text_to_blocks, blocks_to_rich_text),
        migrations.RemoveField(model_name="standardpage", name="old_body"),
        migrations.AlterField(
            model_name="standardpage",
            name="body",
            field=wagtail.fields.StreamField(BODY_BLOCKS, block_lookup=BODY_LOOKUP, verbose_name="body"),
        ),
    ]
