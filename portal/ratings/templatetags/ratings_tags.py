from django import template

from .. import selectors
from ..forms import RatingForm

register = template.Library()


@register.inclusion_tag("ratings/panel_body.html", takes_context=True)
def rating_panel(context, application):
    """The rating panel of a completed application, for its applicant: the form, or the rating given."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if application is None or user is None or not selectors.can_rate(application, user):
        return {"show": False}
    rating = selectors.rating_for_application(application)
    return {
        "show": True,
        "application": application,
        "rating": rating,
        "form": None if rating else RatingForm(auto_id="rating-%s"),
        "can_change": rating is not None and selectors.can_change(rating),
        "change_until": selectors.change_until(rating) if rating else None,
        "csrf_token": context.get("csrf_token"),
    }
