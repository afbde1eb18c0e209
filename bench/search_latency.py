"""Service search latency over a generated catalogue (the budget: p95 under 50 ms at 5,000 services).

    createdb -h 127.0.0.1 -U postgres portal_bench   # once; any empty or earlier bench database will do
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/search_latency.py

    options: --database-url URL (instead of the environment), --services 5000, --queries 500, --seed 1,
             --no-view (time search_services only), --slowest N (list the N slowest queries)

It migrates the database; generates the catalogue when it holds fewer services than asked
(`manage.py generate_catalogue --services N`: each service in Chinese and English, so 10,000 pages);
completes the search index if pages are missing from it (`manage.py update_index`); runs VACUUM ANALYZE
(after a bulk load the GIN indexes' pending lists and the planner's statistics are what autovacuum
would leave them); loads jieba and warms up. Then it times a mix of Chinese and English queries (the
query set of tests/services_catalog/search_queries.py, then whole titles, one or two of their words and
fragments of the catalogue's own titles; every other query in a city):

- search_services: services_catalog.search.search_services plus loading the first page of results,
  what the search page needs;
- the search page: the view through Django's test client, the page cache emptied before each request
  so that every page is built; and the same page without a query, what rendering costs alone.

It prints p50, p95 and max for each, and the slowest queries. Without DATABASE_URL it runs on SQLite
(db.sqlite3), which is not what the budget is about. Timings depend on the machine and its load.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--no-view", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slowest", type=int, default=10, help="list this many of the slowest queries")
    return parser.parse_args()


def setup_django(database_url):
    sys.path.insert(0, str(ROOT))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def prepare_catalogue(services):
    from django.core.management import call_command
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from services_catalog.models import ServicePage

    call_command("migrate", verbosity=0, interactive=False)
    have = ServicePage.objects.filter(locale__language_code="zh-hans").count()
    if have < services:
        print(f"generating the catalogue: {services} services (the database has {have})", flush=True)
        started = time.perf_counter()
        call_command("generate_catalogue", services=services, verbosity=0)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    pages = ServicePage.objects.count()
    indexed = IndexEntry.objects.filter(content_type__model="servicepage").count()
    if indexed < pages:
        print(f"indexing: {pages} service pages, {indexed} in the search index", flush=True)
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"  indexed in {time.perf_counter() - started:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    live = {
        language: ServicePage.objects.live().filter(locale__language_code=language).count()
        for language in ("zh-hans", "en")
    }
    print(f"database: {connection.vendor}; live service pages: {live}", flush=True)


def query_mix(count, seed):
    """(language, query) pairs: the test query set, plus whole titles, title words and title fragments."""
    from services_catalog import search_text
    from services_catalog.models import ServicePage
    from tests.services_catalog.search_queries import QUERIES

    rng = random.Random(seed)
    mix = [(language, query) for language, query, _expected in QUERIES]
    titles = {
        language: list(
            ServicePage.objects.live().filter(locale__language_code=language).values_list("title", flat=True)
        )
        for language in ("zh-hans", "en")
    }
    while len(mix) < count:
        language = rng.choice(("zh-hans", "en"))
        title = rng.choice(titles[language])
        kind = rng.random()
        if kind < 0.3:
            mix.append((language, title))
        elif kind < 0.7:
            words = search_text.words(title) or [title]
            mix.append((language, " ".join(rng.sample(words, min(len(words), rng.randint(1, 2))))))
        else:
            start = rng.randrange(max(1, len(title) - 3))
            mix.append((language, title[start : start + rng.randint(2, 6)]))
    rng.shuffle(mix)
    return mix[:count]


def summary(name, timings):
    timings = sorted(timings)
    p50 = statistics.median(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(f"{name:<24} n={len(timings):<5} p50={p50:6.1f} ms  p95={p95:6.1f} ms  max={timings[-1]:6.1f} ms")
    return p95


def time_search(mix, cities, rng, verbose=0):
    from wagtail.models import Locale

    from services_catalog import search

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    timings, empty, slowest = [], 0, []
    for number, (language, query) in enumerate(mix):
        city = rng.choice(cities) if number % 2 and cities else None
        started = time.perf_counter()
        results = search.search_services(query[:100], locale=locales[language], city=city)
        first_page = search.paginate(results, 1).object_list  # what the search page shows
        timings.append((time.perf_counter() - started) * 1000)
        empty += not first_page
        slowest.append((timings[-1], language, query, city.code if city else ""))
    if verbose:
        print(f"  ({empty} of {len(mix)} queries found nothing; the slowest:)")
        for elapsed, language, query, city_code in sorted(slowest, reverse=True)[:verbose]:
            print(f"    {elapsed:6.1f} ms  [{language}{' ' + city_code if city_code else ''}] {query}")
    return timings


def time_view(mix, cities, rng):
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    client = Client(HTTP_HOST="localhost")  # in ALLOWED_HOSTS by default; no test instrumentation
    urls = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            urls[language] = reverse("search")
    timings = []
    for number, (language, query) in enumerate(mix):
        params = {"q": query}
        if number % 2 and cities:
            params["city"] = rng.choice(cities).code
        cache.clear()  # every request builds its page
        started = time.perf_counter()
        response = client.get(urls[language], params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (query, response.status_code)
    return timings


def main():
    args = parse_args()
    setup_django(args.database_url)
    from services_catalog import search_text
    from services_catalog.selectors import cities as all_cities

    prepare_catalogue(args.services)
    search_text.tokenizer()
    mix = query_mix(args.queries, args.seed)
    cities = all_cities()
    # Warm up: the database's caches, the first queries' plans.
    time_search(mix[:50], cities, random.Random(args.seed))
    print(f"{len(mix)} queries, half of them in a city:")
    p95 = summary("search_services", time_search(mix, cities, random.Random(args.seed), verbose=args.slowest))
    if not args.no_view:
        summary("search page (view)", time_view(mix, cities, random.Random(args.seed)))
        # The same page without a query: what rendering the page costs before any searching.
        summary(
            "  page without a query",
            time_view([(language, "") for language, _query in mix[:100]], [], random.Random(args.seed)),
        )
    print("budget: p95 under 50 ms for search_services: " + ("met" if p95 < 50 else "NOT met"))


if __name__ == "__main__":
    main()
