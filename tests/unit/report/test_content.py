"""What a report says: safe links, party colours, chart rows, the most serious conflicts."""

from __future__ import annotations

import math

import pytest

from reconcile.engine.compare import CompareResult
from reconcile.views.report.content import build
from reconcile.views.report.names import safe_url
from reconcile.views.report.parties import NO_PARTY, NO_PARTY_COLOUR, PALETTE, party_colours
from reconcile.views.report.rows import ChartRow


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/X?a=1&b=2",
        "  https://example.org/padded  ",
    ],
)
def test_http_addresses_become_links(url: str) -> None:
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        None,
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//example.org/protocol-relative",
        "/relative/path",
        "example.org",
        "https://exa mple.org",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/<script>",
        "https://example.org/\nx",
        "https:///no-host",
        "https://",
    ],
)
def test_anything_else_is_never_a_link(url: str | None) -> None:
    assert safe_url(url) is None


def test_parties_take_palette_colours_in_sorted_order(shapes: CompareResult) -> None:
    parties = party_colours(shapes.dataset)
    assert [(p.name, p.colour) for p in parties.values()] == [
        ("east", PALETTE[0]),
        ("north", PALETTE[1]),
        ("south", PALETTE[2]),
        (NO_PARTY, NO_PARTY_COLOUR),
    ]


def test_the_palette_is_distinct_and_leaves_grey_for_none_stated() -> None:
    assert len(set(PALETTE)) == len(PALETTE)
    assert NO_PARTY_COLOUR not in PALETTE


def _rows(result: CompareResult, measure: str) -> dict[str, ChartRow]:
    section = next(m for m in build(result).measures if m.id == measure)
    return {row.sublabel: row for row in section.rows}


def test_chart_rows_mark_what_the_text_states(shapes: CompareResult) -> None:
    rows = _rows(shapes, "visitors")
    exact, about, nearly = rows["v-exact"], rows["v-about"], rows["v-nearly"]
    assert (exact.low, exact.best, exact.high, exact.solid) == (12000, 12000, 12000, (12000, 12000))
    assert (about.low, about.high, about.solid) == (14250, 15750, (15000, 15000))
    assert (nearly.low, nearly.high, nearly.solid) == (13300, 14000, (14000, 14000))
    assert rows["v-range"].solid == (9000, 11000)
    assert rows["v-range"].best is None
    least = rows["v-least"]
    assert math.isinf(least.high) and least.solid == (20000, 20000)
    assert rows["v-upto"].solid == (16000, 16000)  # the unstated lower end is faded
    assert rows["v-many"].solid is None  # a magnitude states no bound at all


def test_rows_are_labelled_with_source_and_date(shapes: CompareResult) -> None:
    rows = _rows(shapes, "visitors")
    assert rows["v-exact"].label == "North Paper · as of 2024-03"
    assert rows["v-about"].label == "South Radio · published 2024"
    assert rows["v-nearly"].label == "East Wire · no date"


def test_rows_are_coloured_by_party(shapes: CompareResult) -> None:
    rows = _rows(shapes, "visitors")
    assert rows["v-exact"].party.name == "north"
    assert rows["v-range"].party.name == NO_PARTY
    assert rows["v-range"].party.colour == NO_PARTY_COLOUR


def test_a_broad_measure_shows_the_sum_of_its_parts(shapes: CompareResult) -> None:
    rows = _rows(shapes, "all-stalls")
    computed = rows["food + craft"]
    assert computed.computed
    assert (computed.low, computed.best, computed.high) == (100, 100, 100)
    assert computed.label == "computed: the sum of its parts"
    assert computed.party.name == "north"


def test_a_derived_share_shows_what_its_inputs_give(shapes: CompareResult) -> None:
    rows = _rows(shapes, "food-share")
    computed = rows["food ÷ every × 100"]
    assert computed.best == pytest.approx(100 * 40 / 150)
    assert computed.party.name == NO_PARTY  # inputs from two parties


def test_rates_over_different_periods_are_drawn_per_year(shapes: CompareResult) -> None:
    section = next(m for m in build(shapes).measures if m.id == "arrivals")
    rows = {row.sublabel: row for row in section.rows}
    assert rows["a-month"].best == 36000
    assert rows["a-month"].written == "3,000 a month (as a yearly rate)"
    assert section.axis == "persons a year"


def test_a_measure_without_claims_has_no_rows(shapes: CompareResult) -> None:
    section = next(m for m in build(shapes).measures if m.id == "empty")
    assert section.rows == ()
    assert section.spread == "No claims on this measure."


def test_summary_counts_and_files(bundled: CompareResult) -> None:
    report = build(bundled)
    c = report.counts
    assert (c.claims, c.sources, c.origins, c.measures) == (20, 2, 4, 15)
    assert (c.consistent, c.compatible, c.conflict) == (5, 6, 7)
    assert report.files[0][0].endswith("figures.yaml")
    assert len(report.files[0][1]) == 64


def test_the_summary_leads_with_the_conflicts_that_need_a_person(bundled: CompareResult) -> None:
    report = build(bundled)
    assert len(report.serious) == 3
    sentences = [headline.sentence for headline in report.serious]
    # the disputed conflict first, then the explained ones furthest apart as a ratio
    assert sentences[0].startswith(
        "Servicemen who left their units by any route: “Between 300,000 and 500,000” (Unnamed "
        "source in Russian security services, via TASS) against the sum of “235,000” and "
        "“nearly 54,000” (Office of the Prosecutor General of Ukraine, via Al Jazeera); the "
        "first is 1.04 to 1.75 times the other;"
    )
    assert sentences[0].endswith("(reviewed: disputed).")
    assert "the other is 3.00 to 50.00 times the first" in sentences[1]
    assert "the other is 2.86 to 28.90 times the first" in sentences[2]
    assert all(s.endswith("(reviewed: explained).") for s in sentences[1:])
    assert all(s.endswith(".") and s.count(". ") == 0 for s in sentences)
    # each names the tool's likely reason, or says that no reason accounts for the gap
    assert all(("likely reason: " in s) != ("no reason accounts" in s) for s in sentences)


def test_each_serious_conflict_names_the_measure_it_is_listed_under(
    bundled: CompareResult,
) -> None:
    report = build(bundled)
    assert [h.measure for h in report.serious] == ["left-service"] * 3
    linked, rest = report.serious[0].parts
    assert linked == "Servicemen who left their units by any route"
    assert rest.startswith(": “Between 300,000 and 500,000” (Unnamed source in Russian")
    assert linked + rest == report.serious[0].sentence


def test_each_measure_is_laid_out_by_what_it_holds(shapes: CompareResult) -> None:
    layouts = {e.id: e.layout for e in build(shapes).index}
    assert layouts == {
        "visitors": "chart",  # seven claims
        "stalls": "empty",
        "food-stalls": "single",  # one claim, compared with nothing on its own measure
        "craft-stalls": "table",  # one claim, and a comparison listed under it
        "all-stalls": "chart",  # one claim and the sum of its parts
        "food-share": "chart",  # one claim and what its inputs give
        "arrivals": "chart",
        "fee": "single",
        "empty": "empty",
    }


def test_sections_are_built_when_asked_for_and_not_kept(bundled: CompareResult) -> None:
    report = build(bundled)
    first = report.measures.of("awol")
    assert report.measures.of("awol") == first and report.measures.of("awol") is not first
    assert [m.id for m in report.measures] == list(bundled.dataset.measures)
    assert len(report.measures) == 15 and report.measures[-1].id == "training-centre-wall"
    assert [m.id for m in report.measures[:2]] == ["awol", "desertion"]
    charted = [m.id for m in report.sections("chart", "table")]
    assert charted == [e.id for e in report.index if e.layout in ("chart", "table")]
