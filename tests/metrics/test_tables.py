"""How tables.py presents the figures the selectors read: names, reading order, bar lengths and the numbers
written beside the bars. No database: the figures are built by hand."""

from decimal import Decimal

from django.utils import translation

from portal.metrics import selectors, tables


def test_bars_are_as_long_as_their_value_against_the_largest():
    rows = [{"label": "a", "n": 40}, {"label": "b", "n": 10}, {"label": "c", "n": None}]
    chart = tables.bars(rows, "label", "n")
    assert [group["bars"][0]["width"] for group in chart["groups"]] == [100.0, 25.0, 0]
    assert chart["more"] == 0


def test_a_chart_leaves_out_total_rows_and_the_rows_past_its_limit():
    rows = [{"label": str(n), "n": n} for n in range(tables.CHART_LIMIT + 3)]
    rows.append({"label": "all", "n": 1, "total": True})
    chart = tables.bars(rows, "label", "n")
    assert len(chart["groups"]) == tables.CHART_LIMIT and chart["more"] == 3
    assert "all" not in [group["label"] for group in chart["groups"]]


def test_the_numbers_beside_the_bars_are_written_for_the_language():
    rows = [{"label": "a", "n": 12345, "note": "text stays text"}, {"label": "b", "n": Decimal("2.5")}]
    with translation.override("zh-hans"):
        assert [group["bars"][0]["text"] for group in tables.bars(rows, "label", "n")["groups"]] == ["12,345", "2.5"]
        assert tables.bars(rows, "label", "n", "note")["groups"][0]["bars"][0]["text"] == "text stays text"


def test_a_service_without_a_page_is_shown_by_its_code():
    names = {"3700-GA-001": selectors.ServiceName("居民身份证换领", 5)}
    table = tables.services_table(
        [selectors.ServiceCount("3700-GA-001", 3), selectors.ServiceCount("9999-XX-1", 1)], names
    )
    assert [(row["service"], row["promised"]) for row in table.rows] == [("居民身份证换领", 5), ("9999-XX-1", None)]


def test_unnamed_places_are_named_and_sorted_with_the_rest():
    with translation.override("en"):
        table = tables.cities_table(
            [selectors.NamedCount(None, 4), selectors.NamedCount("Jinan", 4), selectors.NamedCount("Qingdao", 9)], {}
        )
    assert [row["city"] for row in table.rows] == ["Qingdao", "Jinan", "Not recorded"]


def test_each_stage_of_a_form_is_named():
    share = selectors.share
    form = selectors.FormStages(
        "birth",
        "Register a birth",
        [
            selectors.Stage("", None, "", 2, share(2, 10)),
            selectors.Stage("who", 1, "The baby", 3, share(3, 10)),
            selectors.Stage("old", None, "", 1, share(1, 10)),
            selectors.Stage("", None, "", 4, share(4, 10), sent=True),
        ],
    )
    with translation.override("en"):
        table = tables.dropoff_table([form], {})
    assert [row["stage"] for row in table.rows] == [
        "Started, no step completed",
        "Step 1 completed: The baby",
        "A step no longer in the form",
        "Sent",
    ]
    assert [bar["style"] for group in table.chart["groups"] for bar in group["bars"]] == ["solid"] * 3 + ["hatched"]
    assert table.row_values()[1] == ["Register a birth", "Step 1 completed: The baby", 3, Decimal("30.0")]
