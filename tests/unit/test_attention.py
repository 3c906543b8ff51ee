"""Attention order: unreviewed conflicts, then those a review left open, then the settled
ones, then the rest; within a group major before minor and the furthest apart first, as a
ratio of the whole ranges."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

import reconcile
from reconcile.engine.attention import GROUPS, Ratio, group, in_attention_order, ranked, ratio
from tests.conftest import BUNDLED


def _conflicts(path: Path) -> list[tuple[str, ...]]:
    dataset = reconcile.load(path)
    result = reconcile.compare(dataset)
    ordered = in_attention_order(result.comparisons, dataset)
    return [c.claims for c in ordered if c.status == "conflict"]


def test_on_the_bundled_file_the_disputed_conflict_comes_first() -> None:
    dataset = reconcile.load(BUNDLED)
    ordered = in_attention_order(reconcile.compare(dataset).comparisons, dataset)
    first = ordered[0]
    assert first.claims == ("tass-left-service", "aj-awol-total", "aj-desertion-total")
    assert GROUPS[group(first, dataset)] == "open"
    # the other six conflicts are reviewed explained, and come before every other comparison
    assert [GROUPS[group(c, dataset)] for c in ordered[1:7]] == ["settled"] * 6
    assert {c.status for c in ordered[7:]} <= {"consistent", "compatible"}


def test_the_ratio_runs_over_the_whole_ranges() -> None:
    dataset = reconcile.load(BUNDLED)
    (disputed,) = [c for c in reconcile.compare(dataset).comparisons if len(c.claims) == 3
                   and c.claims[0] == "tass-left-service"]  # fmt: skip
    found = ratio(disputed.subject)
    assert found is not None
    # 300,000 to 500,000 against 235,000 + 51,300 to 54,000 ("nearly 54,000")
    assert found.low == pytest.approx(300_000 / 289_000)
    assert found.high == pytest.approx(500_000 / 286_300)
    assert found.higher == 0
    assert found.words() == "1.04 to 1.75 times"


@pytest.mark.parametrize(
    ("found", "words"),
    [
        (Ratio(2.0, 2.0, 1), "2.00 times"),
        (Ratio(1.5, math.inf, 1), "at least 1.50 times"),
        (Ratio(1.04, 1.746, 0), "1.04 to 1.75 times"),
        (Ratio(150.0, 1200.0, 0), "150 to 1,200 times"),
    ],
)
def test_a_ratio_in_words(found: Ratio, words: str) -> None:
    assert found.words() == words


def _file(tmp_path: Path, claims: str, reviews: str = "") -> Path:
    path = tmp_path / "figures.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            sources:
              herald: {title: "Herald story", outlet: "Herald", kind: news}
              courier: {title: "Courier story", outlet: "Courier", kind: news}
            measures:
              crowd: {label: "People at the rally", unit: persons}
              march: {label: "People on the march", unit: persons}
              toll: {label: "Deaths", unit: persons}
            claims:
            """
        )
        + textwrap.indent(textwrap.dedent(claims), "  ")
        + (f"reviews:\n{textwrap.indent(textwrap.dedent(reviews), '  ')}" if reviews else ""),
        encoding="utf-8",
    )
    return path


CLAIMS = """\
- {id: crowd-a, measure: crowd, value: "1,000", source: herald}
- {id: crowd-b, measure: crowd, value: "9,000", source: courier}
- {id: march-a, measure: march, value: "1,000", source: herald}
- {id: march-b, measure: march, value: "1,500", source: courier}
- {id: toll-a, measure: toll, value: "100", source: herald}
- {id: toll-b, measure: toll, value: "400", source: courier}
"""


def test_unreviewed_before_open_before_settled(tmp_path: Path) -> None:
    claims = """\
    - {id: crowd-a, measure: crowd, value: "1,000", source: herald}
    - {id: crowd-b, measure: crowd, value: "9,000", source: courier}
    - {id: march-a, measure: march, value: "1,000", source: herald}
    - {id: march-b, measure: march, value: "1,500", source: courier}
    - {id: toll-a, measure: toll, value: "100", source: herald}
    - {id: toll-b, measure: toll, value: "400", source: courier}
    """
    reviews = """\
    - {claims: [crowd-a, crowd-b], verdict: explained, reason: sourcing}
    - {claims: [toll-a, toll-b], verdict: source-error, reason: sourcing}
    """
    order = _conflicts(_file(tmp_path, claims, reviews))
    # march (1.5 times) is unreviewed; toll (4 times) is open; crowd (9 times) is settled
    assert order == [("march-a", "march-b"), ("toll-a", "toll-b"), ("crowd-a", "crowd-b")]


def test_within_a_group_the_furthest_apart_first(tmp_path: Path) -> None:
    order = _conflicts(_file(tmp_path, CLAIMS))
    assert order == [("crowd-a", "crowd-b"), ("toll-a", "toll-b"), ("march-a", "march-b")]


def test_overlapping_or_zero_sides_have_no_ratio(tmp_path: Path) -> None:
    claims = """\
    - {id: toll-a, measure: toll, value: "up to 100", source: herald}
    - {id: toll-b, measure: toll, value: "400", source: courier}
    """
    dataset = reconcile.load(_file(tmp_path, claims))
    (conflict,) = reconcile.compare(dataset).conflicts
    found = ratio(conflict.subject)
    assert found is not None and found.low == 4.0 and math.isinf(found.high)
    assert found.far == 4.0  # an unbounded ratio ranks by its nearest edges
    assert found.words() == "at least 4.00 times"


def test_legal_ranges_that_overlap_have_no_ratio() -> None:
    dataset = reconcile.load(BUNDLED)
    (penalty,) = [
        c
        for c in reconcile.compare(dataset).conflicts
        if c.claims == ("aj-desertion-penalty", "tass-desertion-penalty")
    ]
    assert ratio(penalty.subject) is None  # 5 to 12 years against 5 to 10 years


def test_a_conflict_no_reason_accounts_for_comes_before_one_the_tool_explains(
    tmp_path: Path,
) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            sources:
              herald: {title: "Herald story", outlet: "Herald", kind: news}
              courier: {title: "Courier story", outlet: "Courier", kind: news}
            origins:
              police: {name: "City police", kind: official, party: city, interest: lower}
              organisers: {name: "Organisers", kind: advocacy, party: movement, interest: higher}
            measures:
              crowd: {label: "People at the rally", unit: persons}
              toll: {label: "Deaths", unit: persons}
            claims:
              - {id: crowd-a, measure: crowd, value: "1,000", source: herald, origin: police}
              - {id: crowd-b, measure: crowd, value: "9,000", source: courier, origin: organisers}
              - {id: toll-a, measure: toll, value: "100", source: herald}
              - {id: toll-b, measure: toll, value: "400", source: courier}
            """
        ),
        encoding="utf-8",
    )
    dataset = reconcile.load(path)
    ordered = ranked(reconcile.compare(dataset).conflicts, dataset)
    likely = [(c.claims, c.likely(reasons).code) for c, reasons in ordered]  # type: ignore[union-attr]
    # the crowd figures are 9 times apart, the tolls 4 times: the unexplained one first
    assert likely == [(("toll-a", "toll-b"), "unexplained"), (("crowd-a", "crowd-b"), "sourcing")]


def test_sides_that_make_a_ratio_rank_before_a_side_at_zero(tmp_path: Path) -> None:
    claims = """\
    - {id: toll-a, measure: toll, value: "0", source: herald}
    - {id: toll-b, measure: toll, value: "5", source: courier}
    - {id: march-a, measure: march, value: "1", source: herald}
    - {id: march-b, measure: march, value: "3", source: courier}
    """
    dataset = reconcile.load(_file(tmp_path, claims))
    conflicts = {c.claims[0]: c for c in reconcile.compare(dataset).conflicts}
    assert ratio(conflicts["toll-a"].subject) is None  # nothing is a multiple of zero
    found = ratio(conflicts["march-a"].subject)
    assert found == Ratio(3.0, 3.0, 1)  # the second side is the higher one
    assert [c.claims[0] for c in in_attention_order(conflicts.values(), dataset)] == [
        "march-a",
        "toll-a",
    ]


def test_a_ratio_of_a_hundred_or_more_is_written_whole() -> None:
    assert Ratio(99.994, 100.0, 0).words() == "99.99 to 100 times"


def test_major_before_minor_even_when_the_minor_is_further_apart(tmp_path: Path) -> None:
    claims = """\
    - {id: crowd-a, measure: crowd, value: "100 to 1,000", source: herald}
    - {id: crowd-b, measure: crowd, value: "1,010", source: courier}
    - {id: toll-a, measure: toll, value: "100", source: herald}
    - {id: toll-b, measure: toll, value: "200", source: courier}
    """
    dataset = reconcile.load(_file(tmp_path, claims))
    conflicts = reconcile.compare(dataset).conflicts
    severity = {c.claims[0]: c.severity for c in conflicts}
    assert severity == {"crowd-a": "minor", "toll-a": "major"}
    ordered = in_attention_order(conflicts, dataset)
    assert [c.claims[0] for c in ordered] == ["toll-a", "crowd-a"]  # 2 times before 10.1 times


def test_a_measure_that_may_be_negative_is_not_read_as_a_ratio(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            sources:
              herald: {title: "Herald story", outlet: "Herald", kind: news}
              courier: {title: "Courier story", outlet: "Courier", kind: news}
            measures:
              excess: {label: "Excess deaths in a week", unit: persons, signed: true}
            claims:
              - {id: excess-a, measure: excess, value: "9", source: herald}
              - {id: excess-b, measure: excess, value: "301", source: courier}
            """
        ),
        encoding="utf-8",
    )
    (conflict,) = reconcile.compare(reconcile.load(path)).conflicts
    assert ratio(conflict.subject) is None  # 9 against 301 near zero is no "33 times"
