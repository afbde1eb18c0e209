from django import template
from django.apps import apps
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language

register = template.Library()


@register.filter
def bcp47(language_code):
    """Django's `zh-hans` as the `zh-Hans` that the lang attribute and screen readers expect."""
    if not language_code:
        return ""
    parts = language_code.split("-")
    return "-".join([parts[0], *[part.title() if len(part) == 4 else part.upper() for part in parts[1:]]])


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each language named in itself, linking to this page in that language."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or translate_url(request.get_full_path() if request else "/", code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag
def query(params, **overrides):
    """`?a=1&b=2` from a dict of parameters, with overrides; empty values are dropped."""
    merged = {**(params or {}), **overrides}
    merged = {key: value for key, value in merged.items() if value not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def apply_url(service_page):
    """The online application's start page, or "" when the service has no published application flow (then the
    page offers no "Apply online" button that would lead nowhere). The engine's model is looked up by name: these
    tags are used by the engine's own templates, so they import none of its modules."""
    versions = apps.get_model("applications", "FlowVersion").objects
    if not service_page.flow_key or not versions.filter(flow__key=service_page.flow_key).exists():
        return ""
    return reverse("applications:start", kwargs={"service_code": service_page.service_code})
