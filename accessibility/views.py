from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from portal.language import active_language

from .preference_forms import DisplaySettingsForm
from .preferences import CONTRAST_COOKIE, CONTRASTS, COOKIE_MAX_AGE, ELDER_COOKIE, TEXT_SIZE_COOKIE, TEXT_SIZES
from .services import display_preferences_save


def home_path():
    """The home page in the current language (Chinese has no prefix, English is /en/)."""
    language = active_language()
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def safe_next_url(request, fallback="/"):
    """The `next` parameter when it points back into this site, otherwise `fallback`."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def set_preferences(request):
    """Display preferences are set with a plain link or GET form: they change only how pages look, so
    anonymous pages stay cacheable (they carry no CSRF token) and everything works without JavaScript.
    Cookies remember them in this browser; a signed-in person's account keeps them too.

    elder=0|1 switches elder mode (and goes back to that mode's default text size unless size is given),
    size=normal|large|larger|x-large|xx-large, contrast=normal|high; then back to `next`."""
    response = HttpResponseRedirect(safe_next_url(request, fallback=home_path()))
    params = request.GET
    current = request.display_preferences
    elder_mode, text_size, high_contrast = current.elder_mode, current.text_size, current.high_contrast
    cookie = {"max_age": COOKIE_MAX_AGE, "samesite": "Lax", "secure": request.is_secure(), "httponly": True}
    changed = False
    if params.get("elder") in {"0", "1"}:
        elder_mode, changed = params["elder"] == "1", True
        response.set_cookie(ELDER_COOKIE, "1" if elder_mode else "0", **cookie)
        if params.get("size") not in TEXT_SIZES:
            response.delete_cookie(TEXT_SIZE_COOKIE)
            text_size = ""
    if params.get("size") in TEXT_SIZES:
        text_size, changed = params["size"], True
        response.set_cookie(TEXT_SIZE_COOKIE, text_size, **cookie)
    if params.get("contrast") in CONTRASTS:
        high_contrast, changed = params["contrast"] == "high", True
        response.set_cookie(CONTRAST_COOKIE, params["contrast"], **cookie)
    if changed and request.user.is_authenticated:
        display_preferences_save(
            user=request.user, elder_mode=elder_mode, text_size=text_size, high_contrast=high_contrast
        )
    return response


def display_settings(request):
    """The text size, contrast and elder mode controls, linked from the header of every page. A GET form to
    set_preferences, which comes back to the page the person came from."""
    next_url = safe_next_url(request, fallback=home_path())
    form = DisplaySettingsForm(preferences=request.display_preferences, next_url=next_url)
    return render(request, "accessibility/display_settings.html", {"form": form, "next_url": next_url})
