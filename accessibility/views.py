from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from .preferences import CONTRAST_COOKIE, COOKIE_MAX_AGE, ELDER_COOKIE, TEXT_SIZE_COOKIE, TEXT_SIZES


def safe_next_url(request, fallback="/"):
    """The `next` parameter when it points back into this site, otherwise `fallback`."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


def set_preferences(request):
    """Display preferences are set with a plain link or GET form: they change only how pages look, so
    anonymous pages stay cacheable and everything works without JavaScript."""
    response = HttpResponseRedirect(safe_next_url(request))
    params = request.GET
    cookie = {"max_age": COOKIE_MAX_AGE, "samesite": "Lax", "secure": request.is_secure(), "httponly": True}
    if params.get("elder") in {"0", "1"}:
        elder_mode = params["elder"] == "1"
        response.set_cookie(ELDER_COOKIE, "1" if elder_mode else "0", **cookie)
        if request.user.is_authenticated and request.user.elder_mode != elder_mode:
            request.user.elder_mode = elder_mode
            request.user.save(update_fields=["elder_mode"])
        if "size" not in params:
            response.delete_cookie(TEXT_SIZE_COOKIE)
    if params.get("size") in TEXT_SIZES:
        response.set_cookie(TEXT_SIZE_COOKIE, params["size"], **cookie)
    if params.get("contrast") in {"normal", "high"}:
        response.set_cookie(CONTRAST_COOKIE, params["contrast"], **cookie)
    return response
