"""Reads of the catalogue. Every function here runs a fixed number of queries, whatever the size of
the catalogue (tests/services_catalog/test_query_counts.py holds them to it)."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from wagtail.models import Locale

from .models import Audience, Department, LifeEvent, Region, RegionLevel, ServiceHall, ServicePage

PAGE_SIZE = 20
LISTING_FIELDS = [
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "summary",
    "department__code",
    "department__name_zh",
    "department__name_en",
    "online",
    "in_person",
    "proxy_allowed",
    "promised_time_limit_days",
    "audience",
    "in_person_visits",
    "is_free",
    "locale__language_code",
    "service_code",
]


def active_locale():
    return Locale.get_active()


def cities():
    return list(Region.objects.filter(level=RegionLevel.CITY).order_by("code"))


def city_by_code(code):
    if not code or not str(code).isdigit():
        return None
    return Region.objects.filter(level=RegionLevel.CITY, code=code).first()


def live_services(locale):
    return ServicePage.objects.live().filter(locale=locale)


def offered_in_city(queryset, city):
    """Services offered in the city itself or province-wide."""
    through = ServicePage.regions.through
    return queryset.filter(
        Exists(
            through.objects.filter(
                Q(region=city) | Q(region__level=RegionLevel.PROVINCE), servicepage_id=OuterRef("pk")
            )
        )
    )


def for_listing(queryset):
    return queryset.select_related("department", "locale").only(*LISTING_FIELDS)


@dataclass
class CatalogueFilters:
    department: Department | None = None
    life_event: LifeEvent | None = None
    audience: str = ""
    city: Region | None = None
    online: bool = False
    ignored: list = field(default_factory=list)

    @property
    def active(self):
        return any([self.department, self.life_event, self.audience, self.city, self.online])

    def as_query(self, **overrides):
        values = {
            "department": self.department.code if self.department else "",
            "life_event": self.life_event.slug if self.life_event else "",
            "audience": self.audience,
            "city": self.city.code if self.city else "",
            "online": "1" if self.online else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}


def clean_text(value, max_length):
    """Visitor-supplied text made safe for any database: printable characters only, bounded length."""
    return "".join(character for character in str(value)[: max_length * 2] if character.isprintable())[:max_length]


def parse_filters(params, remembered_city_code=""):
    """Turn query parameters into filters; unknown values are dropped and reported, never an error."""
    filters = CatalogueFilters()
    code = clean_text(params.get("department", ""), 40)
    if code:
        filters.department = Department.objects.filter(code=code).first()
        if filters.department is None:
            filters.ignored.append("department")
    slug = clean_text(params.get("life_event", ""), 60)
    if slug:
        filters.life_event = LifeEvent.objects.filter(slug=slug).first()
        if filters.life_event is None:
            filters.ignored.append("life_event")
    audience = params.get("audience", "")
    if audience in (Audience.INDIVIDUALS, Audience.BUSINESSES):
        filters.audience = audience
    elif audience:
        filters.ignored.append("audience")
    city_code = params.get("city", remembered_city_code) if "city" in params else remembered_city_code
    if city_code:
        filters.city = city_by_code(city_code[:12])
        if filters.city is None and "city" in params:
            filters.ignored.append("city")
    if params.get("online") == "1":
        filters.online = True
    elif params.get("online"):
        filters.ignored.append("online")
    return filters


def apply_filters(queryset, filters, skip=None):
    if filters.department and skip != "department":
        queryset = queryset.filter(department=filters.department)
    if filters.life_event and skip != "life_event":
        queryset = queryset.filter(life_events=filters.life_event)
    if filters.audience and skip != "audience":
        queryset = queryset.filter(audience__in=[filters.audience, Audience.BOTH])
    if filters.city and skip != "city":
        queryset = offered_in_city(queryset, filters.city)
    if filters.online and skip != "online":
        queryset = queryset.filter(online=True)
    return queryset


def facet_counts(base, filters):
    """For each filter, how many services each choice would give, with the other filters applied."""
    by_department = dict(
        apply_filters(base, filters, skip="department").order_by().values_list("department_id").annotate(n=Count("id"))
    )
    life_event_through = ServicePage.life_events.through
    by_life_event = dict(
        life_event_through.objects.filter(
            servicepage_id__in=apply_filters(base, filters, skip="life_event").values("id")
        )
        .order_by()
        .values_list("lifeevent_id")
        .annotate(n=Count("id"))
    )
    audience_base = apply_filters(base, filters, skip="audience")
    audience_totals = audience_base.aggregate(
        individuals=Count("id", filter=Q(audience__in=[Audience.INDIVIDUALS, Audience.BOTH])),
        businesses=Count("id", filter=Q(audience__in=[Audience.BUSINESSES, Audience.BOTH])),
    )
    region_through = ServicePage.regions.through
    city_base_ids = apply_filters(base, filters, skip="city").values("id")
    province_wide = set(
        region_through.objects.filter(servicepage_id__in=city_base_ids, region__level=RegionLevel.PROVINCE).values_list(
            "servicepage_id", flat=True
        )
    )
    local_pairs = region_through.objects.filter(
        servicepage_id__in=city_base_ids, region__level=RegionLevel.CITY
    ).values_list("region_id", "servicepage_id")
    by_city = {}
    for region_id, page_id in local_pairs:
        if page_id not in province_wide:
            by_city[region_id] = by_city.get(region_id, 0) + 1
    online_total = apply_filters(base, filters, skip="online").filter(online=True).count()
    return {
        "department": by_department,
        "life_event": by_life_event,
        "audience": audience_totals,
        "city": {"local": by_city, "province_wide": len(province_wide)},
        "online": online_total,
    }


def catalogue_page(locale, filters, page_number):
    base = live_services(locale)
    filtered = for_listing(apply_filters(base, filters)).order_by("-popularity", "service_code")
    paginator = Paginator(filtered, PAGE_SIZE)
    page = paginator.get_page(page_number)  # out of range or junk: the nearest real page
    return page, facet_counts(base, filters)


def departments():
    return list(Department.objects.all())


def life_events():
    return list(LifeEvent.objects.all())


def popular_services(locale, city=None, limit=8):
    queryset = live_services(locale)
    if city:
        queryset = offered_in_city(queryset, city)
    return list(for_listing(queryset).order_by("-popularity", "service_code")[:limit])


def department_service_counts(locale):
    return dict(live_services(locale).order_by().values_list("department_id").annotate(n=Count("id")))


def service_detail(page):
    """Everything a service guide shows, in a fixed number of queries."""
    page = (
        ServicePage.objects.filter(pk=page.pk)
        .select_related("department", "locale")
        .prefetch_related(
            "materials",
            "faqs",
            Prefetch("regions", queryset=Region.objects.order_by("code")),
            "life_events",
            Prefetch("halls", queryset=ServiceHall.objects.select_related("region")),
        )
        .get()
    )
    return page


def service_hall(slug):
    return ServiceHall.objects.select_related("region").filter(slug=slug).first()


HALL_PAGE_SIZE = 50


def hall_services(hall, locale, page_number=1):
    """One page (HALL_PAGE_SIZE services, most popular first) of the live services offered at `hall`; the
    page's paginator counts them all."""
    services = for_listing(live_services(locale).filter(halls=hall)).order_by("-popularity", "service_code")
    return Paginator(services, HALL_PAGE_SIZE).get_page(page_number)  # junk or out of range: the nearest page


def hall_in_city(hall, city):
    """Whether `hall` is in `city`, in the city itself or one of its districts (hall.region loaded)."""
    return hall.region_id == city.pk or hall.region.parent_id == city.pk


def halls_by_city(halls, city):
    """(the halls in `city`, all the others), keeping their order. With no city, or none of the halls in
    it, every hall comes first and nothing is left for later."""
    halls = list(halls)
    if city is None:
        return halls, []
    here = [hall for hall in halls if hall_in_city(hall, city)]
    if not here:
        return halls, []
    return here, [hall for hall in halls if not hall_in_city(hall, city)]


def catalogue_index(locale):
    from .models import CatalogueIndexPage

    return CatalogueIndexPage.objects.live().filter(locale=locale).first()


def service_halls(city=None):
    queryset = ServiceHall.objects.select_related("region", "region__parent")
    if city:
        queryset = queryset.filter(Q(region=city) | Q(region__parent=city))
    return list(queryset)
