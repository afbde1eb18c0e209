"""Halls tailored to the visitor's chosen city (the `city` cookie, which the page cache keys on)."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def halls_for_chosen_city(context, halls):
    """{"city": the chosen city or None, "here": its halls (every hall when none is chosen), "elsewhere": the rest}."""
    request = context.get("request")
    city = selectors.city_by_code(request.COOKIES.get("city", "")[:12]) if request is not None else None
    here, elsewhere = selectors.halls_by_city(halls, city)
    return {"city": city if elsewhere else None, "here": here, "elsewhere": elsewhere}
