"""Thin views over selectors.py. Anonymous visitors get these pages from the page cache."""

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from accessibility.features import features_matching
from accessibility.preferences import COOKIE_MAX_AGE
from accessibility.views import safe_next_url

from . import bundles, selectors
from . import search as catalogue_search
from .page_cache import cacheable

CITY_COOKIE = "city"
MAX_QUERY_LENGTH = 100
# The query parameters the catalogue page reads (selectors.parse_filters, the page number, elder mode's
# "show all filters"); the page cache stores only requests with no others.
CATALOGUE_PARAMETERS = ("department", "life_event", "audience", "city", "online", "page", "all_filters")


def remembered_city(request):
    return selectors.city_by_code(request.COOKIES.get(CITY_COOKIE, "")[:12])


def requested_city(request):
    """The city in the query string when there is one (empty means the whole province), else the remembered one."""
    if "city" in request.GET:
        return selectors.city_by_code(request.GET["city"][:12])
    return remembered_city(request)


def _breadcrumbs(request, *pages):
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def serve_home(page, request):
    locale = selectors.active_locale()
    city = remembered_city(request)
    context = {
        "page": page,
        "self": page,
        "catalogue": selectors.catalogue_index(locale),
        "city": city,
        "cities": selectors.cities(),
        "popular_services": selectors.popular_services(locale, city),
        "life_events": selectors.life_events(),
        "departments": selectors.departments(),
        "department_counts": selectors.department_service_counts(locale),
    }
    return cacheable(TemplateResponse(request, page.get_template(request), context))


def serve_catalogue(page, request):
    locale = selectors.active_locale()
    filters = selectors.parse_filters(request.GET, remembered_city_code=request.COOKIES.get(CITY_COOKIE, ""))
    results, counts = selectors.catalogue_page(locale, filters, request.GET.get("page", "1")[:10])
    context = {
        "page": page,
        "self": page,
        "results": results,
        "counts": counts,
        "filters": filters,
        "departments": selectors.departments(),
        "life_events": selectors.life_events(),
        "cities": selectors.cities(),
        "query_string": filters.as_query(),
        "breadcrumbs": _breadcrumbs(request, page.get_parent()),
    }
    return cacheable(TemplateResponse(request, page.get_template(request), context), CATALOGUE_PARAMETERS)


def serve_service(page, request):
    service = selectors.service_detail(page)
    catalogue = page.get_parent()
    context = {
        "page": service,
        "self": service,
        "catalogue": catalogue,
        "print_view": request.GET.get("print") == "1",
        "breadcrumbs": _breadcrumbs(request, catalogue.get_parent(), catalogue),
    }
    return cacheable(TemplateResponse(request, page.get_template(request), context), ("print",))


def search(request):
    locale = selectors.active_locale()
    query = " ".join(request.GET.get("q", "").split())
    too_long = len(query) > MAX_QUERY_LENGTH
    query = selectors.clean_text(query, MAX_QUERY_LENGTH).strip()
    city = requested_city(request)
    results = catalogue_search.search_services(query, locale=locale, city=city) if query else []
    query_string = {"q": query, "city": city.code if city else ""}
    context = {
        "query": query,
        "query_too_long": too_long,
        "features": features_matching(
            query, elder_mode=request.display_preferences.elder_mode, next_url=request.get_full_path()
        )
        if query
        else [],
        "city": city,
        "bundles_found": bundles.bundles_found(query, language=locale.language_code) if query else [],
        "results": catalogue_search.paginate(results, request.GET.get("page", "1")[:10]),
        "result_count": len(results),
        "catalogue": selectors.catalogue_index(locale),
        "query_string": {key: value for key, value in query_string.items() if value},
    }
    return cacheable(TemplateResponse(request, "services_catalog/search.html", context), ("q", "city", "page"))


def service_hall(request, slug):
    hall = selectors.service_hall(slug[:80])
    if hall is None:
        raise Http404
    locale = selectors.active_locale()
    context = {
        "hall": hall,
        "services": selectors.hall_services(hall, locale, request.GET.get("page", "1")[:10]),
        "catalogue": selectors.catalogue_index(locale),
    }
    return cacheable(TemplateResponse(request, "services_catalog/service_hall.html", context), ("page",))


def service_halls(request):
    city = requested_city(request)
    context = {"halls": selectors.service_halls(city), "city": city, "cities": selectors.cities()}
    return cacheable(TemplateResponse(request, "services_catalog/service_halls.html", context), ("city",))


def choose_city(request):
    """Remember the visitor's city (a GET form, so it works on cached pages and without JavaScript)."""
    response = HttpResponseRedirect(safe_next_url(request))
    code = request.GET.get("city", "")[:12]
    if code == "":
        response.delete_cookie(CITY_COOKIE)
    elif selectors.city_by_code(code):
        response.set_cookie(
            CITY_COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure(), httponly=True
        )
    return response


def bundle_page(request, slug):
    """一次告知: a life-event bundle told once, from its newest published version and its services' own pages."""
    version = bundles.bundle_current(slug[:60])
    if version is None:
        raise Http404
    language = selectors.active_locale().language_code
    definition = version.definition
    context = {
        "bundle": {part: bundles.localised(definition[part], language) for part in ("name", "summary", "who")},
        "facts": bundles.bundle_facts(version, language),
        "slug": definition["slug"],
        "catalogue": selectors.catalogue_index(selectors.active_locale()),
    }
    return cacheable(TemplateResponse(request, "services_catalog/bundle_page.html", context))
