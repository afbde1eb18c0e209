"""Writes to the catalogue outside the Wagtail admin (demo data, generators, tests). Editors use the
admin; this is the one place code builds the page tree and service pages."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.search import index as search_index

from .models import CatalogueIndexPage, HomePage, ServiceFAQ, ServiceMaterial, ServicePage

SITE_TITLES = {
    "zh-hans": ("山东省政务服务网", "全省政务服务事项", "一网通办，找服务、办事情，都在这里。"),
    "en": ("Shandong Government Services", "All services", "Find every public service of the province in one place."),
}


@dataclass
class CatalogueTree:
    locale: Locale
    home: HomePage
    catalogue: CatalogueIndexPage


def locales_ensure():
    """The Wagtail locales for every language, Chinese first."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _publish_if_changed(page, **fields):
    if page.live and all(getattr(page, name) == value for name, value in fields.items()):
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    return _publish(page).specific


@transaction.atomic
def site_tree_ensure():
    """Home page and catalogue in every language, with the home page as the default site's root.
    Returns {language_code: CatalogueTree}. Safe to call repeatedly."""
    locales = locales_ensure()
    default_code = settings.LANGUAGES[0][0]
    root = Page.get_first_root_node()
    if root is None:  # an emptied database (for example after a test's flush) has lost Wagtail's root page
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[default_code], live=True))
    home = HomePage.objects.filter(locale=locales[default_code]).first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page (and a site) at the slug we want.
        Page.objects.filter(depth=2, slug="home", content_type__model="page", numchild=0).delete()
        title, _catalogue_title, intro = SITE_TITLES[default_code]
        home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro, locale=locales[default_code]))
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_TITLES[default_code][0]
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = SITE_TITLES[default_code][0]
        site.save()

    catalogue = CatalogueIndexPage.objects.filter(locale=locales[default_code]).first()
    if catalogue is None:
        _title, catalogue_title, _intro = SITE_TITLES[default_code]
        catalogue = home.add_child(
            instance=CatalogueIndexPage(title=catalogue_title, slug="services", locale=locales[default_code])
        )
        _publish(catalogue)

    trees = {default_code: CatalogueTree(locales[default_code], home, catalogue)}
    for code, locale in locales.items():
        if code == default_code:
            continue
        title, catalogue_title, intro = SITE_TITLES.get(code, SITE_TITLES[default_code])
        home_translation = home.get_translation_or_none(locale)
        if home_translation is None:
            home_translation = home.copy_for_translation(locale)
        home_translation = _publish_if_changed(home_translation.specific, title=title, intro=intro)
        catalogue_translation = catalogue.get_translation_or_none(locale)
        if catalogue_translation is None:
            catalogue_translation = catalogue.copy_for_translation(locale)
        catalogue_translation = _publish_if_changed(catalogue_translation.specific, title=catalogue_title)
        trees[code] = CatalogueTree(locale, home_translation, catalogue_translation)
    return trees


SERVICE_FIELDS = [
    "service_code",
    "department",
    "audience",
    "summary",
    "eligibility",
    "is_free",
    "fee_description",
    "legal_time_limit_days",
    "promised_time_limit_days",
    "in_person_visits",
    "legal_basis",
    "online",
    "in_person",
    "proxy_allowed",
    "flow_key",
    "popularity",
]


@transaction.atomic
def service_page_upsert(
    *, tree, title, slug, materials=(), faqs=(), regions=(), halls=(), life_events=(), translation_of=None, **fields
):
    """Create or update one service page in `tree`'s language and publish it.

    `materials` are dicts of ServiceMaterial fields, `faqs` dicts of question/answer. For a language
    other than the default, pass the default-language page as `translation_of` so the two are linked.
    The page is found again by its service code, so calling this twice changes nothing.
    """
    service_code = fields["service_code"]
    page = ServicePage.objects.filter(service_code=service_code, locale=tree.locale).first()
    if page is None:
        if translation_of is not None:
            page = translation_of.copy_for_translation(tree.locale).specific
        else:
            page = ServicePage(locale=tree.locale, slug=slug, title=title, **fields)
            page.regions.set(regions)
            page.halls.set(halls)
            page.life_events.set(life_events)
            tree.catalogue.add_child(instance=page)
    page.title = title
    page.slug = slug
    for name, value in fields.items():
        setattr(page, name, value)
    page.regions.set(regions)
    page.halls.set(halls)
    page.life_events.set(life_events)
    page.materials = [ServiceMaterial(sort_order=index, **row) for index, row in enumerate(materials)]
    page.faqs = [ServiceFAQ(sort_order=index, **row) for index, row in enumerate(faqs)]
    page = _publish(page).specific
    # Wagtail indexed the page when it was saved, before its life events were; index it again complete.
    search_index.insert_or_update_object(page)
    return page
