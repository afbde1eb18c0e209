"""Service search, in Chinese and English, on SQLite and PostgreSQL.

1. The query is analysed (search_text.analyse): Chinese segmented by jieba, English words stemmed,
   stopwords dropped; each remaining word or phrase is a concept, widened with its synonyms
   (社保 → 社会保险), one-way expansions (换 → 换领) and, for long words, the words it is made of.
2. Wagtail's database search index holds every service page as segmented words (ServicePage.
   search_fields). From it come at most CANDIDATES live services of the active language, offered in
   the chosen city or province-wide: those that say every concept of the query when there are any,
   otherwise those that say any. The most promising come first: by the concepts they say in the
   title or only in the body, then by short titles.
   - On PostgreSQL by a query of our own on the index's title and body tsvectors, which their GIN
     indexes serve. (Wagtail's own query matches `title || body`, which no index serves, and ranks
     every match: far too slow at 10,000 pages.) In a large catalogue, words a large share of the
     pages have (区, 登记, "district") are looked for in titles only, and a search for any concept
     looks for the rarest ones first, so that no search has to rank thousands of pages.
   - Elsewhere (SQLite's FTS5) through Wagtail's backend, `QuerySet.search()`.
3. The candidates are ranked again here, the same way on every database, from the indexed words:
   how much of the query each one says (in the title counts most, exact words above synonyms, rare
   concepts above common ones), then how much of its title the query covers, then popularity.
   Those far below the best are left out.

Every step works on words made of letters, digits and Chinese characters only (search_text), so no
typed text reaches SQL; the page escapes the query like any other text. A page of results costs a
fixed number of queries (SearchResults loads only the slice shown).
"""

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText

from . import search_text, selectors
from .models import Region, RegionLevel, ServicePage
from .page_cache import catalogue_version

RESULTS_PER_PAGE = 20
CHINESE, ENGLISH = "zh-hans", "en"
CANDIDATES = 100  # ranked again in Python; the first stage already puts the best ones first
BACKEND_CANDIDATES = 300  # through Wagtail's backend, whose own order is rougher
TITLE_WEIGHT = 1.0
BODY_WEIGHT = 0.45
COVERAGE_WEIGHT = 0.15
POPULARITY_WEIGHT = 0.03
# A result must score at least this share of the best result, so that a search for 结婚登记 does not
# list every other 登记 after it.
RELATIVE_CUTOFF = 0.42
# And the best result must say enough of the query: below this relevance (a weighted share of the query's
# concepts, 1.0 for all of them in a title) it matched by accident, such as one word of "xyzabc不存在" in a body
# (0.18), and the person is better served by the no-results page and its help. The least relevant best answer
# in the query set (tests/services_catalog/search_queries.py) scores 0.28.
MIN_RELEVANCE = 0.25
# In a large catalogue (PostgreSQL), a word more than this share of the indexed service pages (both
# languages) have is common: it is looked for in titles only, where it still says something ("登记",
# "district" in every third summary say nothing, and matching them there is slow). Counts are kept this
# long, per catalogue version.
COMMON_SHARE = 0.05
COMMON_WORDS_FROM = 2000
# In a large catalogue, a search for any concept first looks for the rarest concepts, enough of them to
# be said by about this many pages (in both languages and every city).
RAREST_PAGES = 400
# Above this many matching pages (by the word counts) the pages are looked up all at once.
MANY_PAGES = 1500
DOCUMENT_COUNT_SECONDS = 24 * 3600
COUNTS_PER_SEARCH = 12
SERVICE_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def search_services(query, *, locale, city=None, limit=200):
    """Live services in `locale` (offered in `city` or province-wide when given) matching `query`,
    best first, at most `limit`: a sequence of pages loaded for a listing (selectors.for_listing),
    each slice loaded when it is first used, so a page of results costs one query. Empty when
    nothing matches or the query has no words.

    A query written in the other language's script (老年人补贴 on the English site, "renew ID card" on the Chinese
    one) is also looked for in that language's pages, and what it finds is listed after, as this language's
    translations of those pages: the person is answered in the site's language, whatever they typed."""
    analysed = search_text.analyse(query)
    found = _found_in(query, analysed, locale, city)
    other = _other_language(query, locale)
    if other is not None:
        seen = set(found)
        found += [pk for pk in _translations(_found_in(query, analysed, other, city), locale) if pk not in seen]
    return SearchResults(found[:limit])


def _found_in(query, analysed, locale, city):
    """The ids of the services in `locale` that match, best first."""
    first = []
    code = search_text.normalise(query).strip()
    if SERVICE_CODE.match(code):
        first = list(_services(locale, city).filter(service_code__iexact=code).values_list("pk", flat=True)[:1])
    candidates = _candidates(analysed, locale, city) if analysed.concepts else {}
    ranked = _rank(analysed, candidates)
    return [*first, *(pk for pk in ranked if pk not in first)]


def _other_language(query, locale):
    """The locale whose pages a query in the other script is also looked for in: Chinese pages for Chinese characters
    typed on another site, English pages for Latin words (and no Chinese) typed on the Chinese site; else None."""
    chinese = search_text.has_chinese(query)
    if chinese and locale.language_code != CHINESE:
        return Locale.objects.filter(language_code=CHINESE).first()
    if not chinese and locale.language_code == CHINESE and re.search(r"[A-Za-z]{2}", query):
        return Locale.objects.filter(language_code=ENGLISH).first()
    return None


def _translations(page_ids, locale):
    """The live pages in `locale` that translate the pages `page_ids`, in their order (two queries)."""
    if not page_ids:
        return []
    keys = dict(ServicePage.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    translated = dict(
        _services(locale, None).filter(translation_key__in=keys.values()).values_list("translation_key", "pk")
    )
    return [translated[keys[pk]] for pk in page_ids if keys.get(pk) in translated]


def paginate(results, page_number):
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)


class SearchResults(Sequence):
    """Search results in order: their page ids, and the pages themselves loaded (for a listing) a
    slice at a time, when first used."""

    def __init__(self, page_ids):
        self.page_ids = list(page_ids)
        self._pages = {}

    def __len__(self):
        return len(self.page_ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            ids = self.page_ids[index]
            self._load(ids)
            return [self._pages[pk] for pk in ids if pk in self._pages]
        pk = self.page_ids[index]
        self._load([pk])
        if pk not in self._pages:  # unpublished since the search
            raise IndexError(index)
        return self._pages[pk]

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return f"<SearchResults: {len(self)} services>"

    def _load(self, ids):
        missing = [pk for pk in ids if pk not in self._pages]
        if missing:
            self._pages.update(
                (page.pk, page) for page in selectors.for_listing(ServicePage.objects.filter(pk__in=missing))
            )


def _services(locale, city):
    queryset = selectors.live_services(locale)
    return selectors.offered_in_city(queryset, city) if city else queryset


# First stage: candidates ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A service the first stage found: the words of its title and body as the search index holds them,
    its title as written and its popularity."""

    title_words: frozenset
    body_words: frozenset
    title: str
    popularity: int

    @classmethod
    def from_index(cls, title_text, body_text, title, popularity):
        return cls(frozenset(title_text.split()), frozenset(body_text.split()), title, popularity)


def _candidates(analysed, locale, city):
    """{page id: Candidate} for the most promising services: those that say every concept of the query
    when there are any (a quick, selective search), otherwise those that say any."""
    if not _on_postgres():
        return _backend_candidates(analysed, locale, city)
    concepts = analysed.concepts
    counts = _document_counts(analysed.terms)
    if counts is None:  # a small catalogue: every search is quick
        counts, common, rarest = {}, set(), concepts
    else:
        total = counts.pop(None)
        common = {word for word, count in counts.items() if count > COMMON_SHARE * total}
        rarest = _rarest(concepts, counts)

    def find(chosen, every, common):
        return _postgres_candidates(
            analysed, locale, city, chosen, every=every, common=common, many=_pages(chosen, counts, every) > MANY_PAGES
        )

    found = {}
    if len(concepts) > 1:
        found = find(concepts, True, common)
    if not found and len(rarest) < len(concepts):
        found = find(rarest, False, common)
    if not found:
        found = find(concepts, False, common)
    if not found and common:
        found = find(concepts, False, set())
    return found


def _pages(concepts, counts, every):
    """About how many indexed pages say every one (or any) of these concepts, from the word counts."""
    if not counts:
        return 0
    said = [sum(min(counts.get(word, 0) for word in variant) for variant in concept.variants) for concept in concepts]
    return min(said) if every else sum(said)


def _rarest(concepts, counts):
    """The rarest concepts, enough of them to be said by about RAREST_PAGES pages: what a search for any
    concept looks for first. Pages that say only common concepts would rank low anyway."""

    def pages(concept):
        return _pages([concept], counts, every=True)

    chosen, covered = [], 0
    for concept in sorted(concepts, key=pages):
        chosen.append(concept)
        covered += pages(concept)
        if covered >= RAREST_PAGES:
            break
    return chosen


def _on_postgres():
    return connection.vendor == "postgresql" and "title_text" in {field.name for field in IndexEntry._meta.get_fields()}


def _document_counts(words):
    """{word: how many indexed service pages have it, None: how many there are} in a catalogue of at
    least COMMON_WORDS_FROM pages, else None. Counted once per catalogue version, kept in the cache."""
    version = catalogue_version()
    keys = {word: f"search:df:{version}:{hashlib.sha256(word.encode()).hexdigest()[:32]}" for word in words}
    total_key = f"search:df:{version}:total"
    known = cache.get_many([total_key, *keys.values()])
    content_type = ContentType.objects.get_for_model(ServicePage).pk
    if total_key not in known:
        known[total_key] = IndexEntry.objects.filter(content_type_id=content_type).count()
        cache.set(total_key, known[total_key], DOCUMENT_COUNT_SECONDS)
    if known[total_key] < COMMON_WORDS_FROM:
        return None
    # Counting is quick, but a long query seen for the first time may bring many new words: the ones
    # beyond the first few are taken as rare this time and counted by later searches.
    unknown = [word for word, key in keys.items() if key not in known]
    for word in unknown[:COUNTS_PER_SEARCH]:
        known[keys[word]] = _document_count(word, content_type)
        cache.set(keys[word], known[keys[word]], DOCUMENT_COUNT_SECONDS)
    return {None: known[total_key], **{word: known.get(key, 0) for word, key in keys.items()}}


def _document_count(word, content_type):
    if _on_postgres():
        entry = _entry_columns()
        sql = f"""
            SELECT count(*) FROM {connection.ops.quote_name(IndexEntry._meta.db_table)} e
            WHERE e.{entry["content_type"]} = %s AND (e.{entry["title"]} @@ to_tsquery('simple', %s)
                                                     OR e.{entry["body"]} @@ to_tsquery('simple', %s))
        """  # noqa: S608 (names from the model's metadata; values as parameters)
        with connection.cursor() as cursor:
            cursor.execute(sql, [content_type, _quoted(word), _quoted(word)])
            return cursor.fetchone()[0]
    return ServicePage.objects.search(PlainText(word)).count()


def _quoted(word):
    # Words are letters, digits and Chinese characters only (search_text); quoted all the same.
    return "'{}'".format(word.replace("\\", "").replace("'", "''"))


def _tsquery(variants):
    """A tsquery's text for any of these variants (a variant: words that must all be there)."""
    return " | ".join(
        _quoted(variant[0]) if len(variant) == 1 else "(" + " & ".join(map(_quoted, variant)) + ")"
        for variant in variants
    )


def _entry_columns():
    names = ("content_type", "object_id", "title", "body", "title_text", "body_text", "title_norm")
    return {name: connection.ops.quote_name(IndexEntry._meta.get_field(name).column) for name in names}


def _postgres_candidates(analysed, locale, city, concepts, *, every, common, many):
    """Services that say `every` one of `concepts`, or any, looked up in the index's title and body
    tsvectors separately so that their GIN indexes serve the search; variants made only of `common`
    words are looked for in titles only. The most promising first, by all the query's concepts.
    `many`: many pages are expected to match. Plain SQL: building it with the ORM's expressions
    takes longer than running it."""
    entry, quote = _entry_columns(), connection.ops.quote_name
    content_type = ContentType.objects.get_for_model(ServicePage).pk

    def says(variants):
        """SQL and parameters: the title has any of the variants, or the body any of the rarer ones."""
        rarer = [variant for variant in variants if not all(word in common for word in variant)]
        sql = f"e.{entry['title']} @@ to_tsquery('simple', %s)"
        if not rarer:
            return sql, [_tsquery(variants)]
        return f"({sql} OR e.{entry['body']} @@ to_tsquery('simple', %s))", [_tsquery(variants), _tsquery(rarer)]

    if every:
        parts = [says(concept.variants) for concept in concepts]
    else:
        parts = [says([variant for concept in concepts for variant in concept.variants])]
    condition = " AND ".join(sql for sql, _params in parts)
    condition_params = [value for _sql, params in parts for value in params]
    weighed = [(concept.weight, _tsquery(concept.variants)) for concept in analysed.concepts]
    promise = " + ".join(
        f"(CASE WHEN e.{entry['title']} @@ to_tsquery('simple', %s) THEN %s "
        f"WHEN e.{entry['body']} @@ to_tsquery('simple', %s) THEN %s ELSE 0 END)"
        for _concept in weighed
    )
    promise_params = [
        value for weight, query in weighed for value in (query, weight * TITLE_WEIGHT, query, weight * BODY_WEIGHT)
    ]
    # Where it is offered, as selectors.offered_in_city says: in the city, or province-wide.
    regions = ServicePage.regions.through._meta
    page_column, region_column = (quote(regions.get_field(name).column) for name in ("servicepage", "region"))
    in_city = f"""AND EXISTS (
        SELECT 1 FROM {quote(regions.db_table)} r
        WHERE r.{page_column} = p.id AND (r.{region_column} = %s OR r.{region_column} IN (
            SELECT g.id FROM {quote(Region._meta.db_table)} g WHERE g.level = %s)))"""  # noqa: S608
    in_city = in_city if city else ""
    city_params = [city.pk, RegionLevel.PROVINCE.value] if city else []
    # The index entries that match (object_id is text: it is cast once the rows are this model's),
    # then their pages: each one's by primary key when few match (LIMIT 1 keeps the planner from
    # hashing the whole page table instead, which it prefers by its default costs), all at once when
    # many do; the best of them, and only then the words of those.
    pages = quote(Page._meta.db_table)
    if many:
        page_join = f"JOIN {pages} p ON p.id = m.page_id WHERE p.live AND p.locale_id = %s {in_city}"
    else:
        page_join = f"""CROSS JOIN LATERAL (
                SELECT p.title FROM {pages} p
                WHERE p.id = m.page_id AND p.live AND p.locale_id = %s {in_city}
                LIMIT 1
            ) p"""  # noqa: S608
    table = quote(IndexEntry._meta.db_table)
    sql = f"""
        WITH matched AS MATERIALIZED (
            SELECT e.id AS entry_id, e.{entry["object_id"]}::integer AS page_id,
                   e.{entry["title_norm"]} AS title_norm, {promise} AS promise
            FROM {table} e
            WHERE e.{entry["content_type"]} = %s AND {condition}
        ), best AS (
            SELECT m.entry_id, m.page_id, m.promise, m.title_norm, p.title
            FROM matched m {page_join}
            ORDER BY m.promise DESC, m.title_norm DESC, m.page_id
            LIMIT %s
        )
        SELECT b.page_id, e.{entry["title_text"]}, e.{entry["body_text"]}, b.title,
               (SELECT s.popularity FROM {quote(ServicePage._meta.db_table)} s WHERE s.page_ptr_id = b.page_id)
        FROM best b JOIN {table} e ON e.id = b.entry_id
        ORDER BY b.promise DESC, b.title_norm DESC, b.page_id
    """  # noqa: S608 (names from the models' metadata; values as parameters)
    params = [*promise_params, content_type, *condition_params, locale.pk, *city_params, CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        page_id: Candidate.from_index(title_words, body_words, title, popularity)
        for page_id, title_words, body_words, title, popularity in rows
    }


def _backend_candidates(analysed, locale, city):
    """The same through Wagtail's search backend (FTS5 on SQLite; any database it supports)."""

    def any_of(variants):
        return Or([PlainText(" ".join(variant), operator="and") for variant in variants])

    # The backend accepts filters on declared FilterFields and on the page pointer only: the filters
    # (the city's is an EXISTS over the regions) go into a subquery on the primary key.
    searchable = ServicePage.objects.filter(pk__in=_services(locale, city).order_by().values("pk")).only(
        "pk", "title", "popularity"
    )
    found = {}
    if len(analysed.concepts) > 1:
        every = And([any_of(concept.variants) for concept in analysed.concepts])
        found = {page.pk: page for page in searchable.search(every)[:BACKEND_CANDIDATES]}
    if not found:
        anything = any_of([variant for concept in analysed.concepts for variant in concept.variants])
        found = {page.pk: page for page in searchable.search(anything)[:BACKEND_CANDIDATES]}
    if not found:
        return {}
    fields = {field.name for field in IndexEntry._meta.get_fields()}
    title, body = ("title_text", "body_text") if "title_text" in fields else ("title", "body")
    content_type = ContentType.objects.get_for_model(ServicePage)
    rows = IndexEntry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in found])
    texts = {
        int(object_id): (title_value or "", body_value or "")
        for object_id, title_value, body_value in rows.values_list("object_id", title, body)
    }
    return {
        pk: Candidate.from_index(*texts.get(pk, ("", "")), page.title, page.popularity) for pk, page in found.items()
    }


# Second stage: ranking ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    """How well a page says one concept of the query (0..1), and the words that said it in its title."""

    score: float
    title_words: tuple = ()


@dataclass(frozen=True, slots=True)
class Ranked:
    page_id: int
    relevance: float  # how much of the query the page says, 0..1: what the cut-off compares
    score: float  # relevance, then title coverage and popularity: what the order follows


def _match(concept, candidate):
    """The ConceptMatch of a candidate for this concept: its best variant, in the title or in the body."""
    title_words, body_words = candidate.title_words, candidate.body_words
    best, best_title_words = 0.0, ()
    for variant, strength in concept.variants.items():
        if all(word in title_words for word in variant):
            score = strength * TITLE_WEIGHT
            if score > best or (score == best and not best_title_words):
                best, best_title_words = score, variant
        elif all(word in title_words or word in body_words for word in variant):
            best = max(best, strength * BODY_WEIGHT)
    return ConceptMatch(best, best_title_words)


def _concept_weights(concepts, matches):
    """Each concept's weight times how rare it is among the candidates (a local inverse document
    frequency): in 出生登记, 出生 tells more than 登记, which half the catalogue has."""
    total = len(matches)
    weights = []
    for index, concept in enumerate(concepts):
        having = sum(1 for row in matches.values() if row[index].score > 0)
        weights.append(concept.weight * math.log(1 + (total + 1) / (having + 1)))
    return weights


def _ranked(page_id, candidate, row, weights, most_popular):
    """The Ranked of a candidate from its ConceptMatch for each concept; None when it says none of them."""
    relevance, matched = 0.0, []
    for weight, match in zip(weights, row, strict=True):
        relevance += weight * match.score
        matched.extend(match.title_words)
    relevance /= sum(weights) or 1.0
    if relevance <= 0:
        return None
    coverage = search_text.title_coverage(candidate.title, matched) if matched else 0.0
    popular = math.log1p(candidate.popularity) / math.log1p(most_popular) if most_popular else 0.0
    return Ranked(page_id, relevance, relevance + COVERAGE_WEIGHT * coverage + POPULARITY_WEIGHT * popular)


def _rank(analysed, candidates):
    """Candidate page ids, best first, without those far below the best."""
    matches = {
        pk: [_match(concept, candidate) for concept in analysed.concepts] for pk, candidate in candidates.items()
    }
    weights = _concept_weights(analysed.concepts, matches)
    most_popular = max((candidate.popularity for candidate in candidates.values()), default=0)
    ranked = [
        entry
        for pk, row in matches.items()
        if (entry := _ranked(pk, candidates[pk], row, weights, most_popular)) is not None
    ]
    if not ranked:
        return []
    best = max(entry.relevance for entry in ranked)
    if best < MIN_RELEVANCE:
        return []
    kept = [entry for entry in ranked if entry.relevance >= RELATIVE_CUTOFF * best]
    kept.sort(key=lambda entry: (-entry.score, entry.page_id))
    return [entry.page_id for entry in kept]
