"""Thin views over selectors.py. Anonymous catalogue pages go through the page cache."""

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accessibility.preferences import COOKIE_MAX_AGE
from accessibility.views import safe_next_url

from . import search as catalogue_search
from . import selectors
from .page_cache import cached_anonymous_page

CITY_COOKIE = "city"
MAX_QUERY_LENGTH = 100


def remembered_city(request):
    return selectors.city_by_code(request.COOKIES.get(CITY_COOKIE, "")[:12])


def _breadcrumbs(*items):
    return [{"title": title, "url": url} for title, url in items]


def serve_home(page, request):
    def build():
        locale = selectors.active_locale()
        city = remembered_city(request)
        catalogue = selectors.catalogue_index(locale)
        context = {
            "page": page,
            "self": page,
            "catalogue": catalogue,
            "city": city,
            "cities": selectors.cities(),
            "popular_services": selectors.popular_services(locale, city),
            "life_events": selectors.life_events(),
            "departments": selectors.departments(),
            "department_counts": selectors.department_service_counts(locale),
        }
        return TemplateResponse(request, page.get_template(request), context)

    return cached_anonymous_page(request, build)


def serve_catalogue(page, request):
    def build():
        locale = selectors.active_locale()
        remembered = request.COOKIES.get(CITY_COOKIE, "")
        filters = selectors.parse_filters(request.GET, remembered_city_code=remembered)
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
            "breadcrumbs": _breadcrumbs((_("Home"), "/" if not locale.language_code.startswith("en") else "/en/")),
        }
        return TemplateResponse(request, page.get_template(request), context)

    return cached_anonymous_page(request, build)


def serve_service(page, request):
    def build():
        service = selectors.service_detail(page)
        catalogue = page.get_parent()
        context = {
            "page": service,
            "self": service,
            "catalogue": catalogue,
            "print_view": request.GET.get("print") == "1",
            "breadcrumbs": _breadcrumbs(
                (_("Home"), catalogue.get_parent().get_url(request)),
                (catalogue.title, catalogue.get_url(request)),
            ),
        }
        return TemplateResponse(request, page.get_template(request), context)

    return cached_anonymous_page(request, build)


def search(request):
    def build():
        locale = selectors.active_locale()
        query = request.GET.get("q", "").strip()
        too_long = len(query) > MAX_QUERY_LENGTH
        query = query[:MAX_QUERY_LENGTH]
        city = selectors.city_by_code(request.GET.get("city", "")[:12]) if "city" in request.GET \
            else remembered_city(request)
        results = catalogue_search.search_services(query, locale=locale, city=city) if query else []
        page_obj = catalogue_search.paginate(results, request.GET.get("page", "1")[:10])
        context = {
            "query": query,
            "query_too_long": too_long,
            "city": city,
            "cities": selectors.cities(),
            "results": page_obj,
            "result_count": len(results),
            "catalogue": selectors.catalogue_index(locale),
            "query_string": {key: value for key, value in {"q": query, "city": city.code if city else ""}.items()
                             if value},
        }
        return TemplateResponse(request, "services_catalog/search.html", context)

    return cached_anonymous_page(request, build)


def service_hall(request, slug):
    def build():
        hall = selectors.service_hall(slug[:80])
        if hall is None:
            raise Http404
        locale = selectors.active_locale()
        context = {"hall": hall, "services": selectors.hall_services(hall, locale),
                   "catalogue": selectors.catalogue_index(locale)}
        return TemplateResponse(request, "services_catalog/service_hall.html", context)

    return cached_anonymous_page(request, build)


def service_halls(request):
    def build():
        city = selectors.city_by_code(request.GET.get("city", "")[:12]) if "city" in request.GET \
            else remembered_city(request)
        context = {"halls": selectors.service_halls(city), "city": city, "cities": selectors.cities()}
        return TemplateResponse(request, "services_catalog/service_halls.html", context)

    return cached_anonymous_page(request, build)


def choose_city(request):
    """Remember the visitor's city (a GET form, so it works on cached pages and without JavaScript)."""
    response = HttpResponseRedirect(safe_next_url(request))
    code = request.GET.get("city", "")[:12]
    if code == "":
        response.delete_cookie(CITY_COOKIE)
    elif selectors.city_by_code(code):
        response.set_cookie(CITY_COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax",
                            secure=request.is_secure(), httponly=True)
    return response
