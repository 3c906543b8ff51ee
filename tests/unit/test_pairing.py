"""Which claims are compared: the sweep over places and times is held to the rule written out
pair by pair, and each part of the rule to the format's own examples."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.engine.compare import compare
from reconcile.engine.pairing import (
    Slot,
    When,
    block_pairs,
    blocks_across,
    blocks_within,
    place_key,
)
from reconcile.intake.dates import PartialDate
from reconcile.intake.loader import read_text
from reconcile.model.validate import build


def claim(**fields: object) -> object:
    from reconcile.model.entries import Claim

    base: dict[str, object] = {"id": "c", "measure": "m", "value": "1", "source": "s"}
    return Claim.model_validate({**base, **fields})


def when(cumulative: bool = False, **fields: object) -> When:
    return When.of(claim(**fields), cumulative)  # type: ignore[arg-type]


def day(text: str) -> float:
    return float(dt.date.fromisoformat(text).toordinal())


# --- places ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Albans", "st albans"),
        ("St. Albans", "StAlbans"),
        ("Rio de Janeiro", "RIO-DE-JANEIRO"),
        ("Köln", "köln"),
    ],
)
def test_places_are_the_same_whatever_their_case_spacing_and_punctuation(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


def test_different_places_stay_different() -> None:
    assert place_key("Austria") != place_key("Australia")
    assert place_key(None) is None
    assert place_key("—") == "—"  # a place of punctuation alone is still a stated place


# --- times -------------------------------------------------------------------------------


def test_a_partial_start_may_be_any_day_of_its_month() -> None:
    # "since March 2003" to September 2004 may lie within 18 March 2003 to June 2006
    inner = when(period={"start": "2003-03", "end": "2004-09"})
    outer = when(period={"start": "2003-03-18", "end": "2006-06"})
    assert inner.may_lie_within(outer)
    assert not outer.may_lie_within(inner)
    assert (inner.start_lo, inner.start_hi) == (day("2003-03-01"), day("2003-03-31"))


def test_unstated_ends_are_bounded_by_the_stated_ones() -> None:
    until = when(period={"end": "2020-03"})
    assert (until.start_lo, until.start_hi) == (-float("inf"), day("2020-03-31"))
    since = when(period={"start": "2020-03"})
    assert (since.end_lo, since.end_hi) == (day("2020-03-01"), float("inf"))
    moment = when(as_of="2020-03")
    assert (moment.start_lo, moment.start_hi, moment.end_lo, moment.end_hi) == (
        day("2020-03-01"),
        day("2020-03-31"),
        day("2020-03-01"),
        day("2020-03-31"),
    )


def test_a_period_lies_within_an_equal_one() -> None:
    week = when(period={"start": "2020-03-02", "end": "2020-03-08"})
    assert week.may_lie_within(week)
    later_start = when(period={"start": "2020-03-03", "end": "2020-03-08"})
    earlier_end = when(period={"start": "2020-03-02", "end": "2020-03-07"})
    assert later_start.may_lie_within(week) and not week.may_lie_within(later_start)
    assert earlier_end.may_lie_within(week) and not week.may_lie_within(earlier_end)


def test_weeks_that_share_no_day_do_not_overlap() -> None:
    first = when(period={"start": "2020-03-02", "end": "2020-03-08"})
    shifted = when(period={"start": "2020-03-05", "end": "2020-03-11"})
    next_week = when(period={"start": "2020-03-09", "end": "2020-03-15"})
    touching = when(period={"start": "2020-03-08", "end": "2020-03-14"})
    assert first.overlaps(shifted) and shifted.overlaps(first)
    assert not first.overlaps(next_week) and not next_week.overlaps(first)
    assert first.overlaps(touching)  # they share 8 March


def test_an_as_of_on_a_running_total_runs_from_the_measures_start() -> None:
    total = when(cumulative=True, as_of="2025-08-30")
    assert total.from_start
    assert total.start_lo == -float("inf")
    assert total.overlaps(when(period={"start": "2020-01-01", "end": "2020-01-31"}))
    assert not total.overlaps(when(period={"start": "2025-09-01", "end": "2025-09-30"}))


def test_an_as_of_on_a_level_is_a_moment() -> None:
    moment = when(as_of="2025-03-01")
    assert not moment.from_start
    assert not moment.overlaps(when(as_of="2025-02-28"))
    assert moment.overlaps(when(as_of="2025-03"))  # a partial date may be that day


def test_an_unknown_time_may_be_any_time() -> None:
    unknown = when()
    assert not unknown.known
    assert unknown.overlaps(when(as_of="1990-01-01"))
    assert unknown.overlaps(when(period={"start": "2030-01", "end": "2030-02"}))


def test_an_open_ended_period_overlaps_what_follows_its_start() -> None:
    since = when(period={"start": "2024-11"})
    assert since.overlaps(when(as_of="2030-01-01"))
    assert not since.overlaps(when(as_of="2024-10-31"))


def test_running_totals_end_earlier_or_lie_within_only_on_some_days() -> None:
    early = when(cumulative=True, as_of="2025-02-11")
    late = when(cumulative=True, as_of="2025-02-12")
    assert early.may_end_before(late) and not late.may_end_before(early)
    assert early.same(early) and not early.same(late)
    month = when(cumulative=True, as_of="2025-02")
    assert month.may_end_before(month) and not month.same(month)  # some days of February


# --- the sweep against the rule, pair by pair ---------------------------------------------

_DATES = st.one_of(
    st.none(),
    st.builds(lambda y: str(y), st.integers(2019, 2021)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2019, 2021), st.integers(1, 12)),
    st.builds(lambda d: d.isoformat(), st.dates(dt.date(2019, 1, 1), dt.date(2021, 12, 31))),
)


def _interval(date: str | None) -> tuple[float, float]:
    if date is None:
        return -float("inf"), float("inf")
    parsed = PartialDate.parse(date)
    assert parsed.first is not None and parsed.last is not None
    return float(parsed.first.toordinal()), float(parsed.last.toordinal())


@st.composite
def _slots(draw: st.DrawFn) -> list[Slot[int]]:
    slots = []
    for i in range(draw(st.integers(0, 14))):
        place = draw(st.sampled_from([None, "Oslo", "OSLO", "Bergen", "st. ives", "St Ives"]))
        shape = draw(st.sampled_from(["none", "as_of", "period"]))
        if shape == "as_of":
            fields: dict[str, object] = {"as_of": draw(_DATES.filter(lambda d: d is not None))}
        elif shape == "period":
            start, end = draw(_DATES), draw(_DATES)
            if start is not None and end is not None and _interval(end)[1] < _interval(start)[0]:
                start, end = end, start
            fields = {"period": {"start": start, "end": end}}
        else:
            fields = {}
        cumulative = draw(st.booleans())
        slots.append(Slot(i, place_key(place), When.of(claim(**fields), cumulative)))  # type: ignore[arg-type]
    return slots


def _may_coincide(a: Slot[int], b: Slot[int]) -> bool:
    """The rule written out: same place or one unstated, and some day in both."""
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    return a.when.start_lo <= b.when.end_hi and b.when.start_lo <= a.when.end_hi


@settings(max_examples=300, deadline=None)
@given(_slots())
def test_the_sweep_finds_exactly_the_pairs_the_rule_names(slots: list[Slot[int]]) -> None:
    found = [frozenset(p) for block in blocks_within(slots) for p in block_pairs(block)]
    assert len(found) == len(set(found)), "a pair was found twice"
    wanted = {frozenset((a.item, b.item)) for a, b in combinations(slots, 2) if _may_coincide(a, b)}
    assert set(found) == wanted


@settings(max_examples=300, deadline=None)
@given(_slots(), _slots())
def test_the_sweep_across_two_measures_finds_exactly_the_pairs_the_rule_names(
    left: list[Slot[int]], right: list[Slot[int]]
) -> None:
    right = [Slot(100 + s.item, s.place, s.when) for s in right]
    found = [p for block in blocks_across(left, right) for p in block_pairs(block)]
    assert len(found) == len(set(found)), "a pair was found twice"
    assert all(x < 100 <= y for x, y in found), "the first measure's claim comes first"
    wanted = {(a.item, b.item) for a in left for b in right if _may_coincide(a, b)}
    assert set(found) == wanted


# --- compare: what is counted --------------------------------------------------------------

SERIES = """\
version: 1
settings: {list_limit: %(limit)d}
sources: {s1: {title: One, kind: news}, s2: {title: Two, kind: news}}
measures:
  deaths: {label: Deaths in one week, unit: deaths}
claims:
%(claims)s
"""


def _series(limit: int) -> str:
    lines = []
    for place in ("Oslo", "Bergen"):
        for week in range(3):
            start = dt.date(2020, 3, 2) + dt.timedelta(days=7 * week)
            for source, shift, value in (("s1", 0, 100), ("s2", 3, 100 + week)):
                first = start + dt.timedelta(days=shift)
                last = first + dt.timedelta(days=6)
                lines.append(
                    f"  - {{id: {place[0]}{week}{source}, measure: deaths, value: '{value}', "
                    f"period: {{start: '{first}', end: '{last}'}}, place: {place}, "
                    f"source: {source}}}"
                )
    return SERIES % {"limit": limit, "claims": "\n".join(lines)}


@pytest.mark.parametrize("limit", [50, 2])
def test_a_series_compares_only_one_place_in_overlapping_weeks(limit: int) -> None:
    result = compare(build([read_text("series.yaml", _series(limit).encode())]))
    # each place: week w of s1 meets week w of s2 (shifted by 3 days) and week w-1 of s2
    # (sharing 3 days): 3 + 2 pairs; s1 weeks never meet each other, nor do s2 weeks
    assert result.count("consistent") + result.count("conflict") == 2 * 5
    assert len(result.comparisons) + result.unlisted == 2 * 5
    for c in result.comparisons:
        assert len({i[0] for i in c.claims}) == 1, c.claims  # never Oslo against Bergen
    conflicts = {frozenset(c.claims) for c in result.comparisons if c.status == "conflict"}
    # s2's week 1 (101) and week 2 (102) differ from s1's 100 in every week they meet
    assert conflicts == {
        frozenset(p)
        for place in "OB"
        for p in (
            (f"{place}1s1", f"{place}1s2"),
            (f"{place}2s1", f"{place}1s2"),
            (f"{place}2s1", f"{place}2s2"),
        )
    }
    (summary,) = result.measures
    # s1 week 1 meets s2 weeks 0 and 1: three accounts that may be of one place and time
    assert (summary.spread.places, summary.spread.times, summary.spread.most) == (2, 6, 3)
