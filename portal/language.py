"""The language a page is being answered in."""

from django.conf import settings
from django.utils.translation import get_language


def active_language():
    """Django's active language ("zh-hans", "en"), or the portal's default where none is active (a management
    command, a background job)."""
    return get_language() or settings.LANGUAGE_CODE
