"""Reads for display preferences."""

from .models import DisplaySettings


def display_settings_for(user):
    """The account's saved text size and contrast, or None when it has never chosen them."""
    return DisplaySettings.objects.filter(user_id=user.pk).only("text_size", "high_contrast").first()
