"""The engine's own rules, one at a time: which claim stands for a part, gaps and severity,
rates over a period, the summary of a measure, and the order and measures of comparisons."""

from __future__ import annotations

import pytest

from reconcile.engine.compare import compare
from reconcile.intake.loader import read_text
from reconcile.model.validate import build
from reconcile.progress import Steps
from tests.unit.reasons.helpers import SOURCES, claim, compare_yaml, figure_file, find, measure

CROWD = {"crowd": measure("People at the march", "persons")}


# --- which claim stands for a part of a broad claim ----------------------------------------

PARTS = {
    "total": measure("All arrests", "persons", sum_of="[north, south]", cumulative="true"),
    "north": measure("Arrests in the north", "persons", cumulative="true"),
    "south": measure("Arrests in the south", "persons", cumulative="true"),
}


def _sum_with(*north: str) -> tuple[str, ...]:
    text = figure_file(
        claim("all", "total", "100", "herald", as_of="2025-05-10"),
        claim("s", "south", "40", "herald", as_of="2025-05-10"),
        *north,
        measures=PARTS,
    )
    (summed,) = [c for c in compare_yaml(text).comparisons if c.kind == "sum"]
    return summed.claims


@pytest.mark.parametrize(
    ("north", "chosen"),
    [
        pytest.param(  # the part claim for the same date
            [("n-late", "70", "2025-05-09", "normal"), ("n-same", "60", "2025-05-10", "normal")],
            "n-same",
            id="same_date",
        ),
        pytest.param(  # else the latest that ends no later than the broad claim
            [("n-early", "50", "2025-05-01", "normal"), ("n-close", "55", "2025-05-09", "normal")],
            "n-close",
            id="latest_earlier",
        ),
        pytest.param(  # a deprecated claim is passed over while another stands
            [("n-old", "60", "2025-05-10", "deprecated"), ("n-new", "58", "2025-05-08", "normal")],
            "n-new",
            id="deprecated_passed_over",
        ),
        pytest.param(  # but stands when it is the only one
            [("n-old", "60", "2025-05-10", "deprecated")], "n-old", id="deprecated_alone"
        ),
        pytest.param(  # on a tie the lowest id
            [("n-b", "60", "2025-05-10", "normal"), ("n-a", "61", "2025-05-10", "normal")],
            "n-a",
            id="tie_lowest_id",
        ),
    ],
)
def test_the_claim_that_stands_for_a_part(
    north: list[tuple[str, str, str, str]], chosen: str
) -> None:
    claims = [claim(i, "north", v, "herald", as_of=d, rank=r) for i, v, d, r in north]
    assert _sum_with(*claims) == ("all", chosen, "s")


def test_a_broad_claim_with_no_part_for_its_place_is_not_summed() -> None:
    text = figure_file(
        claim("all", "total", "100", "herald", place="Oslo"),
        claim("s", "south", "40", "herald", place="Bergen"),
        claim("n", "north", "60", "herald", place="Oslo"),
        measures=PARTS,
    )
    assert not [c for c in compare_yaml(text).comparisons if c.kind == "sum"]


# --- gaps, severity, legal ranges --------------------------------------------------------


def test_the_gap_lies_between_the_nearest_points_and_is_relative_to_the_larger() -> None:
    text = figure_file(
        claim("police", "crowd", "about 12,000", "herald"),
        claim("lab", "crowd", "between 18,000 and 22,000", "courier"),
        measures=CROWD,
    )
    c = find(compare_yaml(text), ["lab", "police"])
    assert c.gap is not None
    assert c.gap.between == (12_600, 18_000)
    assert c.gap.absolute == 5_400
    assert c.gap.relative == pytest.approx(5_400 / 18_000)
    assert c.severity == "major"


@pytest.mark.parametrize(
    ("other", "severity"),
    [("1,010", "minor"), ("1,020", "minor"), ("1,100", "major")],
)
def test_a_gap_under_two_percent_or_within_rounding_is_minor(other: str, severity: str) -> None:
    # an exact 1,000 (a YAML number: no allowance) against 1,010 and 1,020, given to the
    # nearest 10 (allowance 5): gaps of 1% and 2% of the larger figure; 1,020 is 1.96%,
    # under 2%; against 1,100 (given to 100, allowance 50) the gap of 100 is 9.1%: major
    text = figure_file(
        claim("a", "crowd", "{best: 1000}", "herald"),
        claim("b", "crowd", other, "courier"),
        measures=CROWD,
    )
    c = find(compare_yaml(text), ["a", "b"])
    assert c.status == "conflict"
    assert c.severity == severity


def test_legal_ranges_conflict_by_the_largest_difference_of_their_stated_bounds() -> None:
    text = figure_file(
        claim("code", "term", "2 to 8 years", "herald", type="legal-range"),
        claim("paper", "term", "3 to 12 years", "courier", type="legal-range"),
        claim("cap", "term", "up to 8 years", "courier", type="legal-range"),
        measures={"term": measure("Prison term", "years")},
    )
    result = compare_yaml(text)
    c = find(result, ["code", "paper"])
    assert c.gap is not None and c.gap.absolute == 4 and c.gap.between == (8, 12)
    assert c.gap.relative == pytest.approx(4 / 12)
    assert find(result, ["cap", "code"]).status == "consistent"  # the open low matches 2
    cap = find(result, ["cap", "paper"])
    assert cap.gap is not None and cap.gap.absolute == 4  # only the upper bounds are stated


# --- rates against totals ----------------------------------------------------------------


def test_a_rate_is_made_a_total_over_a_period_written_in_months() -> None:
    text = figure_file(
        claim("rate", "riders", "1,000 a day", "herald", type="rate", place="Lenn"),
        claim(
            "feb",
            "riders",
            "29,000",
            "courier",
            period="{start: 2024-02, end: 2024-02}",
            place="Lenn",
        ),
        claim(
            "march",
            "riders",
            "29,000",
            "courier",
            period="{start: 2024-03, end: 2024-03}",
            place="Lenn",
        ),
        measures={"riders": measure("Passengers", "persons")},
    )
    result = compare_yaml(text)
    february = find(result, ["feb", "rate"])
    assert february.status == "consistent"  # 29 days of 1,000
    march = find(result, ["march", "rate"])
    assert march.status == "conflict"  # 31 days: 31,000
    assert march.gap is not None and march.gap.between == (29_000, 31_000)
    assert march.subject.b.suffix == " over 31 days"


def test_rates_over_different_periods_are_compared_per_year() -> None:
    text = figure_file(
        claim("monthly", "riders", "1,000 a month", "herald", type="rate"),
        claim("yearly", "riders", "12,000 a year", "courier", type="rate"),
        claim("weekly", "riders", "1,000 a week", "courier", type="rate"),
        measures={"riders": measure("Passengers", "persons")},
    )
    result = compare_yaml(text)
    assert find(result, ["monthly", "yearly"]).status == "consistent"
    weekly = find(result, ["monthly", "weekly"])
    assert weekly.status == "conflict"
    assert weekly.gap is not None
    assert weekly.gap.between == pytest.approx((12_000, 1_000 * 365.25 / 7))


def test_a_rate_against_a_total_without_a_stated_period_is_left_as_written() -> None:
    text = figure_file(
        claim("rate", "riders", "1,000 a day", "herald", type="rate"),
        claim("total", "riders", "1,000", "courier", as_of="2024-02-01"),
        measures={"riders": measure("Passengers", "persons")},
    )
    assert find(compare_yaml(text), ["rate", "total"]).status == "consistent"


# --- the summary of a measure and the comparisons' measures ----------------------------------


def test_a_measures_summary_gives_its_claims_spread_voices_places_and_times() -> None:
    text = figure_file(
        claim("a", "crowd", "about 1,000", "herald", place="Oslo", as_of="2025-05-01"),
        claim("b", "crowd", "2,000", "courier", place="Oslo", as_of="2025-05-01"),
        claim("c", "crowd", "at least 500", "courier", place="Bergen", as_of="2025-05-02"),
        claim("d", "crowd", "700", "courier"),
        measures={**CROWD, "empty": measure("Nobody", "persons")},
    )
    result = compare_yaml(text)
    crowd, empty = result.measures
    assert (crowd.id, crowd.label, crowd.unit) == ("crowd", "People at the march", "persons")
    assert crowd.claims == ("a", "b", "c", "d")
    assert (crowd.low, crowd.high) == (500, float("inf"))
    assert crowd.independent_origins == 2  # the two sources, each its own origin
    assert crowd.spread.places == 2 and crowd.spread.unplaced == 1
    assert crowd.spread.times == 3  # 1 May, 2 May and unknown
    assert crowd.spread.most == 4  # d meets a, b and c
    assert not crowd.summarised
    assert empty.claims == () and (empty.low, empty.high) == (None, None)
    assert empty.spread.most == 0


def test_a_measure_over_the_list_limit_counts_its_consistent_pairs() -> None:
    claims = [claim(f"c{i}", "crowd", "1,000", "herald") for i in range(4)]
    text = figure_file(*claims, measures=CROWD, settings="{list_limit: 3}")
    result = compare_yaml(text)
    assert result.measures[0].summarised
    assert result.comparisons == ()
    assert result.unlisted == 6 and result.count("consistent") == 6
    at_limit = compare_yaml(figure_file(*claims[:3], measures=CROWD, settings="{list_limit: 3}"))
    assert not at_limit.measures[0].summarised and len(at_limit.comparisons) == 3


def test_a_comparison_names_each_measure_once_in_the_order_of_its_claims() -> None:
    text = figure_file(
        claim("all", "total", "100", "herald", as_of="2025-05-10"),
        claim("n", "north", "60", "herald", as_of="2025-05-10"),
        claim("s", "south", "30", "herald", as_of="2025-05-10"),
        measures=PARTS,
    )
    result = compare_yaml(text)
    (summed,) = [c for c in result.comparisons if c.kind == "sum"]
    assert summed.measures == ("total", "north", "south")
    assert [c.sort_key[:2] for c in result.comparisons] == sorted(
        c.sort_key[:2] for c in result.comparisons
    )
    assert summed is result.comparisons[0]  # "0": sums before pairs on the same measure
    assert result.dataset.measures["total"].sum_of == ("north", "south")
    assert result.list_consistent


def test_the_comparing_stage_reports_every_claim() -> None:
    seen: list[tuple[str, int]] = []

    class Record:
        def start(self, label: str, total: int) -> None:
            seen.append((label, total))

        def advance(self, count: int = 1) -> None:
            seen.append(("advance", count))

    text = figure_file(
        claim("a", "crowd", "1,000", "herald"),
        claim("b", "crowd", "1,000", "courier"),
        measures={**CROWD, "other": measure("Other", "persons")},
    )
    dataset = build([read_text("s.yaml", SOURCES.encode()), read_text("f.yaml", text.encode())])
    steps: Steps = Record()
    compare(dataset, steps)
    assert seen[0] == ("comparing", 2)
    assert sum(n for label, n in seen if label == "advance" and n) == 2


# --- boundaries that a careless change would move ----------------------------------------


def test_strict_bounds_that_touch_leave_a_gap_of_zero_at_the_bound() -> None:
    text = figure_file(
        claim("more", "crowd", "more than 600", "herald"),
        claim("fewer", "crowd", "fewer than 600", "courier"),
        claim("exact", "crowd", "{best: 600}", "courier"),
        measures=CROWD,
    )
    result = compare_yaml(text)
    c = find(result, ["fewer", "more"])
    assert c.status == "conflict"
    assert c.gap is not None and (c.gap.absolute, c.gap.between) == (0, (600, 600))
    assert find(result, ["exact", "more"]).status == "conflict"  # 600 is not above 600
    assert find(result, ["exact", "fewer"]).status == "conflict"


def test_a_gap_of_zero_at_zero_is_no_relative_gap() -> None:
    text = figure_file(
        claim("up", "change", "more than 0", "herald"),
        claim("down", "change", "less than 0", "courier"),
        measures={"change": measure("Change in arrivals", "persons", signed="true")},
    )
    c = find(compare_yaml(text), ["down", "up"])
    assert c.gap is not None and (c.gap.absolute, c.gap.relative) == (0, 0.0)


def test_a_relative_gap_of_exactly_the_threshold_is_major() -> None:
    text = figure_file(
        claim("a", "crowd", "{best: 980}", "herald"),
        claim("b", "crowd", "{best: 1000}", "courier"),
        measures=CROWD,
    )
    c = find(compare_yaml(text), ["a", "b"])
    assert c.gap is not None and c.gap.relative == pytest.approx(0.02)
    assert c.severity == "major"


def test_legal_ranges_are_apart_by_the_bound_that_differs_most() -> None:
    # lower bounds 5 and 2 differ by 3, upper bounds 10 and 11 by 1: the gap is 3
    text = figure_file(
        claim("a", "term", "5 to 10 years", "herald", type="legal-range"),
        claim("b", "term", "2 to 11 years", "courier", type="legal-range"),
        measures={"term": measure("Prison term", "years")},
    )
    c = find(compare_yaml(text), ["a", "b"])
    assert c.gap is not None and (c.gap.absolute, c.gap.between) == (3, (2, 5))
    assert c.gap.relative == pytest.approx(3 / 5)


def test_a_running_total_that_ends_earlier_may_be_smaller_though_not_inside() -> None:
    # 1 to 10 March against 5 to 20 March: the first may end earlier, so may be smaller
    text = figure_file(
        claim("early", "cases", "100", "herald", period="{start: 2024-03-01, end: 2024-03-10}"),
        claim("late", "cases", "300", "courier", period="{start: 2024-03-05, end: 2024-03-20}"),
        measures={"cases": measure("Cases registered", "cases", cumulative="true")},
    )
    assert find(compare_yaml(text), ["early", "late"]).status == "compatible"


def test_a_running_part_after_a_whole_that_is_a_level_is_still_held_to_it() -> None:
    # the part is a running total and may grow, but the whole is a count at one moment:
    # a part counted later gets no allowance unless both are running totals
    text = figure_file(
        claim("town", "town", "300", "herald", as_of="2025-02-12"),
        claim("nation", "nation", "180", "courier", as_of="2025-02-09"),
        measures={
            "town": measure("Deaths in the town", "deaths", part_of="nation", cumulative="true"),
            "nation": measure("People in shelters nationwide", "deaths"),
        },
    )
    c = find(compare_yaml(text), ["nation", "town"])
    assert c.status == "conflict"


def test_a_deprecated_claim_marks_its_comparisons() -> None:
    text = figure_file(
        claim("old", "crowd", "1,000", "herald", rank="deprecated"),
        claim("new", "crowd", "2,000", "courier"),
        claim("other", "crowd", "2,000", "courier"),
        measures=CROWD,
    )
    result = compare_yaml(text)
    assert find(result, ["new", "old"]).deprecated
    assert not find(result, ["new", "other"]).deprecated


def test_only_a_conflict_has_a_likely_reason() -> None:
    text = figure_file(
        claim("a", "cases", "100", "herald", as_of="2025-01-01"),
        claim("b", "cases", "200", "courier", as_of="2025-02-01"),
        measures={"cases": measure("Cases", "cases", cumulative="true")},
    )
    c = find(compare_yaml(text), ["a", "b"])
    assert c.status == "compatible" and c.reasons  # timeframe explains it
    assert c.likely_reason is None


def test_a_sum_states_its_parts_and_its_best_figure() -> None:
    text = figure_file(
        claim("all", "total", "100", "herald", as_of="2025-05-10"),
        claim("n", "north", "60", "herald", as_of="2025-05-10"),
        claim("s", "south", "30", "herald", as_of="2025-05-10"),
        measures=PARTS,
    )
    (summed,) = [c for c in compare_yaml(text).comparisons if c.kind == "sum"]
    total = summed.subject.b
    assert (total.low, total.best, total.high) == (90, 90, 90)
    assert total.note == "the sum of n ('60') + s ('30')"
    assert total.rounding == 0.5 + 0.5  # each part given to 1 (a figure under 100)


@pytest.mark.parametrize(
    ("unit", "stated", "status"),
    [("percent", "100%", "consistent"), ("times", "1", "consistent"), ("times", "100", "conflict")],
)
def test_a_ratio_is_a_percentage_only_when_its_unit_is_percent(
    unit: str, stated: str, status: str
) -> None:
    text = figure_file(
        claim("x", "seats", "1", "herald"),
        claim("y", "seats", "1", "herald", place="Elsewhere"),
        claim("r", "ratio", stated, "courier", derived="{op: ratio, of: [x, y]}"),
        measures={"seats": measure("Seats", "seats"), "ratio": measure("Seats per seat", unit)},
    )
    (derived,) = [c for c in compare_yaml(text).comparisons if c.kind == "derived"]
    assert derived.status == status


def test_a_related_measure_without_claims_gives_no_comparison() -> None:
    text = figure_file(
        claim("a", "crowd", "1,000", "herald"),
        measures={**CROWD, "tickets": measure("Tickets", "persons", confusable_with="[crowd]")},
    )
    result = compare_yaml(text)
    assert result.comparisons == () and result.unlisted == 0


def test_counts_are_whole_numbers() -> None:
    claims = [claim(f"c{i}", "crowd", "1,000", "herald") for i in range(5)]
    result = compare_yaml(figure_file(*claims, measures=CROWD, settings="{list_limit: 2}"))
    assert type(result.unlisted) is int and result.unlisted == 10


def test_a_weekly_rate_over_two_weeks_keeps_its_figure_and_rounding_in_proportion() -> None:
    text = figure_file(
        claim("rate", "riders", "700 a week", "herald", type="rate"),
        claim("total", "riders", "1,400", "courier", period="{start: 2024-03-04, end: 2024-03-17}"),
        claim("since", "riders", "9,000", "courier", period="{start: 2024-03-04}"),
        measures={"riders": measure("Passengers", "persons")},
    )
    result = compare_yaml(text)
    c = find(result, ["rate", "total"])
    assert c.status == "consistent"
    rate = c.subject.a
    assert (rate.low, rate.best, rate.high) == (1_400, 1_400, 1_400)
    assert rate.rounding == 100  # "700" is given to the nearest 100: 50 a week, two weeks
    assert rate.suffix == " over 14 days"
    # a period with no end states no length: the rate is compared as written
    since = find(result, ["rate", "since"])
    assert since.subject.a.suffix == "" and since.subject.a.low == 700


def test_a_large_block_lists_what_pair_by_pair_judging_lists() -> None:
    # twelve accounts on each of two confusable measures for one place and day, a rate among
    # them: a block of 144 pairs, judged by sorting when the measure lists no consistent pair
    claims = [
        claim(f"a{i:02d}", "crowd", "1,000" if i % 5 else "1,300", "herald", as_of="2025-05-01")
        for i in range(12)
    ]
    claims += [
        claim(f"b{i:02d}", "tickets", "1,000" if i % 4 else "700", "courier", as_of="2025-05-01")
        for i in range(11)
    ]
    claims.append(claim("b-rate", "tickets", "1,000 a day", "courier", type="rate"))
    measures = {**CROWD, "tickets": measure("Tickets", "persons", confusable_with="[crowd]")}
    listed = compare_yaml(figure_file(*claims, measures=measures))
    judged = compare_yaml(figure_file(*claims, measures=measures, settings="{list_limit: 5}"))
    differ = {frozenset(c.claims) for c in listed.comparisons if c.status != "consistent"}
    assert differ == {frozenset(c.claims) for c in judged.comparisons}
    assert len(differ) > 40
    for status in ("consistent", "compatible", "conflict"):
        assert judged.count(status) == listed.count(status)
    assert len(listed.comparisons) == judged.unlisted + len(judged.comparisons) == 24 * 23 // 2


def test_a_part_claim_for_the_very_period_beats_one_that_only_ends_with_it() -> None:
    text = figure_file(
        claim("all", "total", "100", "herald", period="{start: 2025-01-01, end: 2025-03-31}"),
        claim("s", "south", "40", "herald", period="{start: 2025-01-01, end: 2025-03-31}"),
        claim("n-a", "north", "50", "herald", period="{start: 2025-02-01, end: 2025-03-31}"),
        claim("n-b", "north", "60", "herald", period="{start: 2025-01-01, end: 2025-03-31}"),
        measures=PARTS,
    )
    (summed,) = [c for c in compare_yaml(text).comparisons if c.kind == "sum"]
    assert summed.claims == ("all", "n-b", "s")


def test_among_part_claims_ending_no_later_the_latest_stands() -> None:
    chosen = _sum_with(
        claim("n-1", "north", "60", "herald", period="{start: 2025-05-01, end: 2025-05-10}"),
        claim("n-2", "north", "55", "herald", as_of="2025-05-08"),
        claim("n-3", "north", "70", "herald", as_of="2025-05-12"),
    )
    assert chosen == ("all", "n-1", "s")


def test_a_derived_figure_says_how_it_was_computed() -> None:
    text = figure_file(
        claim("x", "seats", "3", "herald"),
        claim("y", "seats", "4", "herald", place="Elsewhere"),
        claim("share", "share", "75%", "courier", derived="{op: ratio, of: [x, y]}"),
        claim("plain", "ratio", "0.75", "courier", derived="{op: ratio, of: [x, y]}"),
        measures={
            "seats": measure("Seats", "seats"),
            "share": measure("Share of seats", "percent"),
            "ratio": measure("Seats per seat", "times"),
        },
    )
    derived = {c.claims[0]: c for c in compare_yaml(text).comparisons if c.kind == "derived"}
    share, plain = derived["share"].subject.b, derived["plain"].subject.b
    assert share.note == "x ('3') divided by y ('4'), as a percentage"
    assert (share.scale, share.low, share.rounding) == (100.0, 75.0, 0.0)
    assert plain.note == "x ('3') divided by y ('4')"
    assert (plain.scale, plain.low) == (1.0, 0.75)
