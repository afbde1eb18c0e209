"""Locale-aware dates, numbers and money through Babel (CLDR), for the active language."""

import datetime

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django import template
from django.utils import timezone
from django.utils.translation import to_locale

from portal.language import active_language

register = template.Library()


def _babel_locale():
    locale = to_locale(active_language())
    return "zh_Hans_CN" if locale.lower().startswith("zh") else "en_GB" if locale == "en" else locale


@register.filter
def local_date(value, format="long"):
    if not value:
        return ""
    if isinstance(value, datetime.datetime):  # the local calendar day, not the UTC one
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return babel_dates.format_date(value, format=format, locale=_babel_locale())


@register.filter
def local_datetime(value, format="medium"):
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if format in ("long", "full"):
        # CLDR's long time carries the zone ("2026年12月3日 +0800 14:31:25"); people read the local date in
        # words and the time of day, which is always the portal's own time zone.
        date = babel_dates.format_date(value, format=format, locale=_babel_locale())
        return f"{date} {babel_dates.format_time(value, format='short', locale=_babel_locale())}"
    return babel_dates.format_datetime(value, format=format, locale=_babel_locale())


@register.filter
def local_number(value):
    if value is None or value == "":
        return ""
    return babel_numbers.format_decimal(value, locale=_babel_locale())


@register.filter
def local_money(value, currency="CNY"):
    if value is None or value == "":
        return ""
    return babel_numbers.format_currency(value, currency, locale=_babel_locale())
