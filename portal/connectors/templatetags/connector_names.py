"""{{ config|connector_name }}: a back-office connector's name in the page's language (registry.connector_name)."""

from django import template

from ..registry import connector_name as _connector_name

register = template.Library()


@register.filter
def connector_name(config):
    return _connector_name(config)
