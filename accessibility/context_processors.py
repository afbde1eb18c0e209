from django.conf import settings

from .preferences import TEXT_SIZES, DisplayPreferences


def display_preferences(request):
    return {
        "display": getattr(request, "display_preferences", DisplayPreferences()),
        "text_sizes": list(TEXT_SIZES),
        "help_phone": settings.PORTAL_HELP_PHONE,
    }
