"""Service search. Placeholder over Wagtail's search; replaced by segmentation and synonyms."""

from django.core.paginator import Paginator

from . import selectors

RESULTS_PER_PAGE = 20


def search_services(query, *, locale, city=None, limit=200):
    queryset = selectors.live_services(locale)
    if city:
        queryset = selectors.offered_in_city(queryset, city)
    ids = [page.pk for page in queryset.search(query)[:limit]]
    pages = {page.pk: page for page in selectors.for_listing(queryset.filter(pk__in=ids))}
    return [pages[pk] for pk in ids if pk in pages]


def paginate(results, page_number):
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
