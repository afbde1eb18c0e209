from .selectors import SESSION_KEY, acting_mandate
from .services import acting_ended_tell


def acting_for(request):
    """`acting_for`: the mandate the signed-in person is acting under now, for the banner on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {}
    if not request.session.get(SESSION_KEY):
        return {}
    mandate = acting_mandate(request)
    # Stopped working since the last page (withdrawn, ended): say why, once ("张秀英 ended your permission ...").
    reason = acting_ended_tell(request=request) if mandate is None else ""
    return {"acting_for": mandate, "acting_ended": mandate is None, "acting_ended_reason": reason}
