"""Display preferences: elder mode, text size and contrast. Kept in cookies when signed out and in the
account when signed in; a bad cookie is ignored, never an error."""

from dataclasses import dataclass

ELDER_COOKIE = "elder_mode"
TEXT_SIZE_COOKIE = "text_size"
CONTRAST_COOKIE = "contrast"
COOKIE_MAX_AGE = 365 * 24 * 3600

# Body text sizes in CSS px; elder mode starts at the third step (at least 18px, up to 30px).
TEXT_SIZES = {"normal": 16, "large": 18, "larger": 22, "x-large": 26, "xx-large": 30}
ELDER_DEFAULT_SIZE = "large"


@dataclass(frozen=True)
class DisplayPreferences:
    elder_mode: bool = False
    text_size: str = "normal"
    high_contrast: bool = False

    @property
    def text_size_px(self):
        return TEXT_SIZES[self.text_size]

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


def preferences_from_request(request):
    cookies = request.COOKIES
    elder_mode = cookies.get(ELDER_COOKIE) == "1"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        elder_mode = user.elder_mode
    text_size = cookies.get(TEXT_SIZE_COOKIE, "")
    if text_size not in TEXT_SIZES:
        text_size = ELDER_DEFAULT_SIZE if elder_mode else "normal"
    if elder_mode and TEXT_SIZES[text_size] < TEXT_SIZES[ELDER_DEFAULT_SIZE]:
        text_size = ELDER_DEFAULT_SIZE
    return DisplayPreferences(
        elder_mode=elder_mode, text_size=text_size, high_contrast=cookies.get(CONTRAST_COOKIE) == "high"
    )
