"""Display preferences: elder mode, text size and contrast, for everyone.

Kept in cookies in the browser, and in the account as well when signed in (elder mode on the user, text
size and contrast in accessibility.models.DisplaySettings), so they follow a person to another device.
A signed-in person's account wins; an account that has never chosen a text size or contrast uses the
browser's. A bad cookie is ignored, never an error."""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

ELDER_COOKIE = "elder_mode"
TEXT_SIZE_COOKIE = "text_size"
CONTRAST_COOKIE = "contrast"
COOKIE_MAX_AGE = 365 * 24 * 3600

# Body text sizes in CSS px, five steps from 16px to 30px; elder mode starts at 18px and never goes below.
TEXT_SIZES = {"normal": 16, "large": 18, "larger": 22, "x-large": 26, "xx-large": 30}
TEXT_SIZE_LABELS = {
    "normal": _("Standard"),
    "large": _("Large"),
    "larger": _("Larger"),
    "x-large": _("Very large"),
    "xx-large": _("Largest"),
}
ELDER_DEFAULT_SIZE = "large"
CONTRASTS = ("normal", "high")


@dataclass(frozen=True)
class DisplayPreferences:
    elder_mode: bool = False
    text_size: str = "normal"
    high_contrast: bool = False

    @property
    def contrast(self):
        return "high" if self.high_contrast else "normal"

    def cache_key(self):
        return f"e{int(self.elder_mode)}s{self.text_size}c{int(self.high_contrast)}"

    @property
    def css_classes(self):
        classes = [f"text-{self.text_size}"]
        if self.elder_mode:
            classes.append("elder-mode")
        if self.high_contrast:
            classes.append("high-contrast")
        return " ".join(classes)


def text_sizes_for(elder_mode):
    """The text sizes a person may choose: all five, or from 18px up in elder mode."""
    smallest = TEXT_SIZES[ELDER_DEFAULT_SIZE] if elder_mode else 0
    return [size for size, px in TEXT_SIZES.items() if px >= smallest]


def resolve(*, elder_mode, text_size, high_contrast):
    """Preferences from stored values: an unknown or empty size is the mode's default; elder mode is never
    smaller than 18px."""
    if text_size not in TEXT_SIZES:
        text_size = ELDER_DEFAULT_SIZE if elder_mode else "normal"
    if text_size not in text_sizes_for(elder_mode):
        text_size = ELDER_DEFAULT_SIZE
    return DisplayPreferences(elder_mode=elder_mode, text_size=text_size, high_contrast=high_contrast)


def preferences_from_request(request):
    cookies = request.COOKIES
    elder_mode = cookies.get(ELDER_COOKIE) == "1"
    text_size = cookies.get(TEXT_SIZE_COOKIE, "")
    high_contrast = cookies.get(CONTRAST_COOKIE) == "high"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from .selectors import display_settings_for

        elder_mode = user.elder_mode
        saved = display_settings_for(user)
        if saved is not None:
            text_size, high_contrast = saved.text_size, saved.high_contrast
    return resolve(elder_mode=elder_mode, text_size=text_size, high_contrast=high_contrast)


def lazy_preferences(request):
    """Worked out on first use, so responses that draw no page (redirects, files) ask nothing of the account."""
    return SimpleLazyObject(lambda: preferences_from_request(request))
