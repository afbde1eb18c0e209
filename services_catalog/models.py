"""The service catalogue (办事指南): what editors publish in Wagtail.

Snippets (departments, regions, life events, halls) hold both languages in one row; service pages
live in one Wagtail locale tree per language, linked as translations of each other.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from accessibility.editing import RICH_TEXT_FEATURES

from .search_text import SegmentedSearchField, TitleSearchField, index_text
from .translation import TranslatedField


@register_snippet
class Department(index.Indexed, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)

    name = TranslatedField("name_zh", "name_en")
    description = TranslatedField("description_zh", "description_en")

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
        FieldPanel("description_zh"),
        FieldPanel("description_en"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name_zh"), index.SearchField("name_en"), index.AutocompleteField("name_zh")]

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    DISTRICT = "district", _("District or county")


@register_snippet
class Region(index.Indexed, models.Model):
    code = models.CharField(
        _("administrative division code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{6}$", _("Enter the six-digit administrative division code."))],
    )
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)

    name = TranslatedField("name_zh", "name_en")

    panels = [
        FieldPanel("code"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
    ]
    search_fields = [index.SearchField("name_zh"), index.SearchField("name_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def clean(self):
        expected_parent = {
            RegionLevel.PROVINCE: None,
            RegionLevel.CITY: RegionLevel.PROVINCE,
            RegionLevel.DISTRICT: RegionLevel.CITY,
        }.get(self.level)
        if self.level == RegionLevel.PROVINCE and self.parent_id:
            raise ValidationError({"parent": _("A province is not part of another region.")})
        if expected_parent and (not self.parent or self.parent.level != expected_parent):
            raise ValidationError({"parent": _("Choose the region this one belongs to, one level up.")})


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Public holiday (a day off)")
    WORKDAY = "workday", _("Weekend day worked in exchange (调休)")


@register_snippet
class CalendarDay(models.Model):
    """A day that differs from the week's rule (Monday to Friday worked): a public holiday, or a weekend day worked
    in exchange. Seeded from the State Council's calendar (chinesecalendar, services_catalog/calendar.py) and
    editable by administrators; promised dates, overdue flags and appointment slots all follow it."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=60, blank=True, help_text=_("For example National Day."))

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday or exchanged working day")
        verbose_name_plural = _("holidays and exchanged working days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


@register_snippet
class LifeEvent(index.Indexed, models.Model):
    """一件事: services a person needs together at one moment in life."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    summary_zh = models.TextField(_("summary (Chinese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)

    name = TranslatedField("name_zh", "name_en")
    summary = TranslatedField("summary_zh", "summary_en")

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
        FieldPanel("summary_zh"),
        FieldPanel("summary_en"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name_zh"), index.SearchField("name_en")]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def __str__(self):
        return self.name


@register_snippet
class ServiceHall(index.Indexed, models.Model):
    """政务服务大厅: a place where people apply in person and staff help them."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("city or district"), on_delete=models.PROTECT, related_name="service_halls"
    )
    address_zh = models.CharField(_("address (Chinese)"), max_length=200)
    address_en = models.CharField(_("address (English)"), max_length=250, blank=True)
    opening_hours_zh = models.TextField(_("opening hours (Chinese)"))
    opening_hours_en = models.TextField(_("opening hours (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    transport_zh = models.TextField(_("getting there (Chinese)"), blank=True)
    transport_en = models.TextField(_("getting there (English)"), blank=True)
    step_free_access = models.BooleanField(_("step-free entrance and lifts"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    accessible_parking = models.BooleanField(_("accessible parking"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop at the counters"), default=False)
    sign_language = models.BooleanField(_("sign-language interpreting on request"), default=False)
    wheelchair_loan = models.BooleanField(_("wheelchairs to borrow"), default=False)
    priority_window = models.BooleanField(_("priority window for older and disabled people"), default=False)
    assisted_service = models.BooleanField(_("assisted service desk (帮办代办)"), default=True)

    name = TranslatedField("name_zh", "name_en")
    address = TranslatedField("address_zh", "address_en")
    opening_hours = TranslatedField("opening_hours_zh", "opening_hours_en")
    transport = TranslatedField("transport_zh", "transport_en")

    FACILITY_FIELDS = [
        "step_free_access",
        "accessible_toilet",
        "accessible_parking",
        "hearing_loop",
        "sign_language",
        "wheelchair_loan",
        "priority_window",
        "assisted_service",
    ]

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
        FieldPanel("region"),
        FieldRowPanel([FieldPanel("address_zh"), FieldPanel("address_en")]),
        FieldRowPanel([FieldPanel("opening_hours_zh"), FieldPanel("opening_hours_en")]),
        FieldPanel("phone"),
        FieldRowPanel([FieldPanel("transport_zh"), FieldPanel("transport_en")]),
        MultiFieldPanel([FieldPanel(name) for name in FACILITY_FIELDS], heading=_("Accessibility facilities")),
    ]
    search_fields = [index.SearchField("name_zh"), index.SearchField("name_en")]

    class Meta:
        ordering = ["slug"]  # ordering through region made every revision load look each region up
        verbose_name = _("service hall")
        verbose_name_plural = _("service halls")

    def __str__(self):
        return self.name

    @property
    def facilities(self):
        """The facilities this hall has, as their translated labels."""
        return [self._meta.get_field(name).verbose_name for name in self.FACILITY_FIELDS if getattr(self, name)]


class Audience(models.TextChoices):
    INDIVIDUALS = "individuals", _("Individuals")
    BUSINESSES = "businesses", _("Businesses")
    BOTH = "both", _("Individuals and businesses")


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", _("Original")
    COPY = "copy", _("Copy")
    ORIGINAL_AND_COPY = "original_and_copy", _("Original and copy")
    ELECTRONIC = "electronic", _("Electronic")


def original_checked_in_person(form, fetched_electronically):
    """Whether a material needs its original shown in person: an original the portal cannot fetch."""
    return form in (MaterialForm.ORIGINAL, MaterialForm.ORIGINAL_AND_COPY) and not fetched_electronically


class HomePage(Page):
    """The portal's front page: search, popular services, life events, departments, city."""

    intro = models.CharField(_("introduction"), max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "services_catalog.CatalogueIndexPage",
        "services_catalog.StandardPage",
        "accessibility.AccessibilityStatementPage",
    ]
    max_count_per_parent = 1
    template = "services_catalog/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_home

        return serve_home(self, request)


class CatalogueIndexPage(Page):
    """All services, filterable; service pages are its children."""

    intro = models.CharField(_("introduction"), max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["services_catalog.HomePage"]
    subpage_types = ["services_catalog.ServicePage"]
    template = "services_catalog/catalogue_index_page.html"

    class Meta:
        verbose_name = _("service catalogue")

    def serve(self, request, *args, **kwargs):
        from .views import serve_catalogue

        return serve_catalogue(self, request)


class ContentBlock(blocks.StreamBlock):
    """What a content page is made of: rich text (headings h2 to h4) and images, each image with alt text
    or explicitly marked decorative (Wagtail's ImageBlock refuses to publish one with neither)."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock(label=_("Image"), template="services_catalog/blocks/image.html")


class StandardPage(Page):
    """A plain content page (help, terms, contact)."""

    body = StreamField(ContentBlock(), verbose_name=_("body"))
    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["services_catalog.HomePage"]
    subpage_types = []
    template = "services_catalog/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


def flow_key_is_published(key):
    """Whether an application flow with this key has a published version (the catalogue names flows by their key
    and imports nothing of the application engine)."""
    return apps.get_model("applications", "FlowVersion").objects.filter(flow__key=key).exists()


def _flow_questions(key):
    """The questions (dicts) of the newest version of the application flow `key`, read from its stored definition
    (steps, each with its fields) so that the catalogue imports nothing of the application engine."""
    version = apps.get_model("applications", "FlowVersion").objects.filter(flow__key=key).order_by("-number").first()
    if version is None:
        return []
    return [field for step in version.definition.get("steps") or [] for field in step.get("fields") or []]


def flow_material_codes(key):
    """{material code: question key} of the upload questions of the flow `key` that name the material they collect."""
    return {field["material"]: field["key"] for field in _flow_questions(key) if field.get("material")}


def flow_fields(key):
    """{question key: question type} of the flow `key` (a bundle's shared questions are mapped onto them)."""
    return {field["key"]: field["type"] for field in _flow_questions(key)}


def service_material_problems(*, in_person_visits, materials, flow_materials):
    """{form field: [messages]} for a service whose facts contradict each other: the same material listed twice, an
    original to be checked in person on a service that promises no visit (零次), or an online application that
    collects (`flow_materials`: {code: question key}) a material the service does not list, or one it says the
    portal fetches. `materials` are ServiceMaterial objects, saved or not; `in_person_visits` None skips that check."""
    problems = {}
    by_code = {}
    for material in materials:
        if material.code and material.code in by_code:
            problems.setdefault("__all__", []).append(
                _("Two materials have the code “%(code)s”: list each material once.") % {"code": material.code}
            )
        by_code.setdefault(material.code, material)
    if in_person_visits == 0:
        for material in materials:
            if material.checked_in_person:
                problems.setdefault("in_person_visits", []).append(
                    _(
                        "The service needs no visit, but “%(material)s” is an original to be checked in person. "
                        "Make it electronic or fetched by the portal, or count the visit."
                    )
                    % {"material": material.name}
                )
    for code, question in flow_materials.items():
        material = by_code.get(code)
        if material is None:
            message = _(
                "The application flow collects the material “%(code)s” (question “%(question)s”), which the service "
                "does not list. Add it to the materials, with that code."
            )
        elif material.fetched_electronically:
            message = _(
                "The application flow asks for an upload of “%(code)s” (question “%(question)s”), which the service "
                "says the portal fetches. Untick “the portal can fetch it electronically” or remove the question."
            )
        else:
            continue
        problems.setdefault("flow_key", []).append(message % {"code": code, "question": question})
    return problems


class ServicePageForm(WagtailAdminPageForm):
    """The editor's form of a service page, which also refuses a flow key that names no published application
    flow (the service would have no online application). Checked here, when an editor saves, rather than in
    ServicePage.clean(), which Wagtail runs on every save: the demo catalogue is loaded before the demo flows, and
    test catalogues name flows they never load."""

    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("flow_key")
        if key and "flow_key" not in self.errors and not flow_key_is_published(key):
            self.add_error(
                "flow_key",
                _(
                    "There is no published application flow with the key “%(key)s”. Check the "
                    "key in the list of application flows."
                )
                % {"key": key},
            )
        materials = self._materials_kept()
        if materials is not None:
            problems = service_material_problems(
                in_person_visits=cleaned.get("in_person_visits"),
                materials=materials,
                flow_materials=flow_material_codes(key) if key and "flow_key" not in self.errors else {},
            )
            for field, messages in problems.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned

    def _materials_kept(self):
        """The materials as the editor left them (ServiceMaterial objects, not saved), or None while a row of them
        has its own errors (shown on the row)."""
        formset = self.formsets.get("materials")
        if formset is None or not formset.is_valid():
            return None
        kept = []
        for form in formset.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if formset.can_delete and formset._should_delete_form(form):
                continue
            kept.append(ServiceMaterial(**{name: form.cleaned_data.get(name) for name in MATERIAL_FACTS}))
        return kept


class ServicePage(Page):
    """A citizen's guide to one public service (办事指南)."""

    service_code = models.CharField(
        _("service code"),
        max_length=40,
        db_index=True,
        validators=[RegexValidator(r"^[A-Z0-9][A-Z0-9-]*$", _("Use capital letters, digits and hyphens."))],
        help_text=_("The code of the service in the provincial list of government services."),
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="services"
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("where it is offered"),
        related_name="services",
        help_text=_("Choose the province for a service offered everywhere, or the cities that offer it."),
    )
    life_events = ParentalManyToManyField(LifeEvent, verbose_name=_("life events"), blank=True, related_name="services")
    audience = models.CharField(
        _("who it is for"), max_length=12, choices=Audience.choices, default=Audience.INDIVIDUALS
    )
    summary = models.TextField(_("summary in plain words"), max_length=400)
    eligibility = RichTextField(_("who can apply"), features=RICH_TEXT_FEATURES)
    is_free = models.BooleanField(_("free of charge"), default=True)
    fee_description = models.TextField(_("fees"), blank=True)
    legal_time_limit_days = models.PositiveSmallIntegerField(
        _("legal time limit (working days)"), validators=[MaxValueValidator(365)]
    )
    promised_time_limit_days = models.PositiveSmallIntegerField(
        _("promised time limit (working days)"),
        validators=[MaxValueValidator(365)],
        help_text=_("0 means the service is delivered on the spot."),
    )
    in_person_visits = models.PositiveSmallIntegerField(
        _("visits in person needed"), default=0, validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    legal_basis = models.TextField(_("legal basis"))
    halls = ParentalManyToManyField(ServiceHall, verbose_name=_("service halls"), blank=True, related_name="services")
    online = models.BooleanField(_("can apply online"), default=False)
    in_person = models.BooleanField(_("can apply in person"), default=True)
    proxy_allowed = models.BooleanField(_("someone else may apply for you"), default=False)
    flow_key = models.CharField(
        _("application flow"),
        max_length=80,
        blank=True,
        help_text=_("The key of the online application flow; empty when the service cannot be applied for online."),
    )
    popularity = models.PositiveIntegerField(
        _("popularity"), default=0, help_text=_("Applications in the last year; the most popular are on the home page.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("service_code"), FieldPanel("department"), FieldPanel("audience"), FieldPanel("summary")],
            heading=_("What it is"),
        ),
        FieldPanel("eligibility"),
        InlinePanel("materials", label=_("What to bring"), heading=_("Required materials")),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("fee_description")], heading=_("Cost")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("legal_time_limit_days"), FieldPanel("promised_time_limit_days")]),
                FieldPanel("in_person_visits"),
            ],
            heading=_("Time"),
        ),
        MultiFieldPanel(
            [FieldPanel("online"), FieldPanel("in_person"), FieldPanel("proxy_allowed"), FieldPanel("flow_key")],
            heading=_("How to apply"),
        ),
        FieldPanel("regions"),
        FieldPanel("halls"),
        FieldPanel("life_events"),
        FieldPanel("legal_basis"),
        InlinePanel("faqs", label=_("Question"), heading=_("Frequently asked questions")),
        FieldPanel("popularity"),
    ]
    parent_page_types = ["services_catalog.CatalogueIndexPage"]
    subpage_types = []
    template = "services_catalog/service_page.html"
    base_form_class = ServicePageForm

    # Indexed as segmented words (services_catalog/search_text.py), so Chinese matches by word on SQLite
    # and PostgreSQL alike; services_catalog/search.py ranks the matches.
    search_fields = [
        *Page.search_fields,
        TitleSearchField("title", boost=2),
        SegmentedSearchField("summary"),
        index.SearchField("search_context_text"),
        index.SearchField("service_code"),
        index.FilterField("locale_id"),
        index.FilterField("department_id"),
        index.FilterField("audience"),
        index.FilterField("online"),
    ]

    class Meta:
        verbose_name = _("service page")
        verbose_name_plural = _("service pages")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.promised_time_limit_days is not None
            and self.legal_time_limit_days is not None
            and self.promised_time_limit_days > self.legal_time_limit_days
        ):
            errors["promised_time_limit_days"] = _("The promised time limit cannot be longer than the legal one.")
        if not self.is_free and not self.fee_description.strip():
            errors["fee_description"] = _("Describe the fees, or tick “free of charge”.")
        if not (self.online or self.in_person):
            errors["in_person"] = _("Choose at least one way to apply: online or in person.")
        if self.online and not self.flow_key:
            errors["flow_key"] = _("A service that can be applied for online needs its application flow.")
        if self.service_code:
            duplicate = ServicePage.objects.filter(service_code=self.service_code, locale_id=self.locale_id)
            if self.pk:
                duplicate = duplicate.exclude(pk=self.pk)
            if duplicate.exists():
                errors["service_code"] = _("Another service already uses this service code.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def get_indexed_objects(cls):
        """What the search index rebuild reads: with what search_context_text needs, in few queries."""
        return super().get_indexed_objects().select_related("locale", "department").prefetch_related("life_events")

    def search_context_text(self):
        """For the search index: the department and life events, in the page's language, as segmented words."""
        english = (self.locale.language_code or "").startswith("en")
        names = [self.department.name_en or self.department.name_zh if english else self.department.name_zh]
        names += [event.name_en or event.name_zh if english else event.name_zh for event in self.life_events.all()]
        return index_text(" ".join(names))

    def serve(self, request, *args, **kwargs):
        from .views import serve_service

        return serve_service(self, request)


class ServiceMaterial(Orderable):
    """One row of 'what to bring'. Its code is the material's identity across services and flows: an upload question
    names the code of the material it collects, and services that ask for the same document use the same code."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="materials")
    code = models.SlugField(
        _("material code"),
        max_length=60,
        blank=True,
        help_text=_(
            "The same code on every service that asks for this document, for example id_card. An upload question "
            "of the application flow names it."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    form = models.CharField(
        _("original or copy"), max_length=20, choices=MaterialForm.choices, default=MaterialForm.ORIGINAL
    )
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)])
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    fetched_electronically = models.BooleanField(
        _("the portal can fetch it electronically"),
        default=False,
        help_text=_("Tick when the government already holds this document and the applicant need not bring it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("form"), FieldPanel("quantity")]),
        FieldPanel("notes"),
        FieldPanel("fetched_electronically"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("required material")

    @property
    def checked_in_person(self):
        return original_checked_in_person(self.form, self.fetched_electronically)


MATERIAL_FACTS = ("code", "name", "form", "quantity", "notes", "fetched_electronically")


class ServiceFAQ(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("frequently asked question")


# 一件事一次办: bundles -----------------------------------------------------------------------------------------


class Bundle(ClusterableModel):
    """一件事一次办: the services a life event needs, told once and (with the bundle application) applied for once.
    Editors build it from existing services; every save that changes it publishes a new BundleVersion (bundles.py),
    and citizens see the newest version, as with application flows."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_("Part of the page's address."))
    life_event = models.ForeignKey(
        LifeEvent,
        verbose_name=_("life event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bundles",
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    summary_zh = models.TextField(_("what it covers (Chinese)"), max_length=400)
    summary_en = models.TextField(_("what it covers (English)"), max_length=400, blank=True)
    who_zh = models.TextField(_("who can apply (Chinese)"), max_length=400)
    who_en = models.TextField(_("who can apply (English)"), max_length=400, blank=True)
    keywords_zh = models.CharField(
        _("how people say it (Chinese)"),
        max_length=200,
        blank=True,
        help_text=_("Words people search with, separated by spaces, for example: 孩子出生 生孩子 新生儿."),
    )
    keywords_en = models.CharField(_("how people say it (English)"), max_length=200, blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)

    name = TranslatedField("name_zh", "name_en")

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("life_event")]),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("name_en")]),
        FieldPanel("summary_zh"),
        FieldPanel("summary_en"),
        FieldPanel("who_zh"),
        FieldPanel("who_en"),
        FieldRowPanel([FieldPanel("keywords_zh"), FieldPanel("keywords_en")]),
        InlinePanel("members", label=_("Service"), heading=_("Services, in order"), min_num=2),
        InlinePanel("shared_questions", label=_("Shared question"), heading=_("Questions asked once")),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("life-event bundle (一件事)")
        verbose_name_plural = _("life-event bundles (一件事)")

    def __str__(self):
        return self.name


class BundleInclusion(models.TextChoices):
    ALWAYS = "always", _("Always included")
    OPTIONAL = "optional", _("Optional: the applicant chooses")


class BundleMember(Orderable):
    """One service of a bundle, by its service code (the same in both languages)."""

    bundle = ParentalKey(Bundle, on_delete=models.CASCADE, related_name="members")
    service_code = models.CharField(_("service code"), max_length=40)
    inclusion = models.CharField(
        _("included"), max_length=10, choices=BundleInclusion.choices, default=BundleInclusion.ALWAYS
    )
    condition_zh = models.CharField(
        _("when to choose it (Chinese)"),
        max_length=200,
        blank=True,
        help_text=_("For an optional service, for example: 需要现在办理社保卡的."),
    )
    condition_en = models.CharField(_("when to choose it (English)"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("service_code"), FieldPanel("inclusion")]),
        FieldRowPanel([FieldPanel("condition_zh"), FieldPanel("condition_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("service in the bundle")


class BundleQuestion(Orderable):
    """A question several member flows ask (the child's name, the parents' ID numbers): asked once, and its answer
    given to each member flow's question named in `targets`."""

    bundle = ParentalKey(Bundle, on_delete=models.CASCADE, related_name="shared_questions")
    key = models.SlugField(_("key"), max_length=60)
    type = models.CharField(_("type"), max_length=30, help_text=_("The question type, as in the member flows: name."))
    label_zh = models.CharField(_("question (Chinese)"), max_length=200)
    label_en = models.CharField(_("question (English)"), max_length=200, blank=True)
    targets = models.TextField(
        _("the same question in the member flows"),
        help_text=_(
            "One per line: a member's service code, a space, and the key of the question in its application flow, "
            "for example: 370000-GA-0102 baby_name"
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("type")]),
        FieldRowPanel([FieldPanel("label_zh"), FieldPanel("label_en")]),
        FieldPanel("targets"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("shared question")


class BundleVersion(models.Model):
    """One published, immutable version of a bundle (bundles.bundle_publish); what citizens see is the newest."""

    bundle = models.ForeignKey(Bundle, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    definition_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["bundle", "-number"]
        constraints = [models.UniqueConstraint(fields=["bundle", "number"], name="catalogue_bundle_version_unique")]

    def __str__(self):
        return f"{self.bundle.slug} v{self.number}"
