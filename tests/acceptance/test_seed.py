"""The bundled figure file gives the results a fact-checker expects from the two articles."""

from __future__ import annotations

import math

import pytest

from reconcile.engine.compare import CompareResult, Comparison, compare
from reconcile.model.dataset import Dataset
from reconcile.model.validate import load
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load([BUNDLED])


@pytest.fixture(scope="module")
def result(dataset: Dataset) -> CompareResult:
    return compare(dataset)


def find(result: CompareResult, *claims: str) -> Comparison:
    matches = [c for c in result.comparisons if set(c.claims) == set(claims)]
    assert len(matches) == 1, f"{claims}: {len(matches)} comparisons"
    return matches[0]


def codes(comparison: Comparison) -> list[str]:
    return [r.code for r in comparison.reasons]


# (claim id, low, best, high) read off the articles by hand
SEED_FIGURES = [
    ("aj-awol-total", 235_000, 235_000, 235_000),
    ("aj-desertion-total", 51_300, 54_000, 54_000),
    ("aj-awol-year", 176_000, 176_000, 176_000),
    ("aj-desertion-year", 25_000, 25_000, 25_000),
    ("aj-desertion-penalty", 5, None, 12),
    ("aj-awol-penalty", 0, None, 10),
    ("aj-amnesty-returns", 0, None, 30_000),
    ("aj-territory", 475, 500, 525),
    ("aj-mobilised-monthly", 30_000, 30_000, 30_000),
    ("aj-mobilisation-need", 70_000, 70_000, 70_000),
    ("tass-left-service", 300_000, None, 500_000),
    ("tass-amnesty-returns", 29_000, 29_000, 29_000),
    ("tass-returned-share", 10, 10, 10),
    ("tass-desertion-penalty", 5, None, 10),
    ("tass-war-year", 5, 5, 5),
    ("tass-exodus", 10_000, None, 99_999),
]


@pytest.mark.parametrize(("claim_id", "low", "best", "high"), SEED_FIGURES)
def test_seed_figures_read_as_written(
    dataset: Dataset, claim_id: str, low: float, best: float | None, high: float
) -> None:
    value = dataset.claims[claim_id].claim.value
    assert math.isclose(value.low, low)
    assert value.best == best
    assert math.isclose(value.high, high)


def test_broad_desertion_estimate_conflicts_with_sum_of_parts(result: CompareResult) -> None:
    c = find(result, "tass-left-service", "aj-awol-total", "aj-desertion-total")
    assert c.kind == "sum"
    assert c.claims[0] == "tass-left-service"
    assert (c.status, c.severity) == ("conflict", "major")
    assert {"sourcing", "definition"} <= set(codes(c))
    assert c.gap is not None and c.gap.absolute == pytest.approx(300_000 - 289_000)


def test_desertion_penalties_conflict_because_of_definition(result: CompareResult) -> None:
    c = find(result, "aj-desertion-penalty", "tass-desertion-penalty")
    assert c.status == "conflict"
    assert c.likely_reason is not None and c.likely_reason.code == "definition"
    assert "upper bound 10" in c.likely_reason.explanation
    assert "aj-awol-penalty" in c.likely_reason.explanation


def test_amnesty_returns_consistent_limit_against_count(result: CompareResult) -> None:
    c = find(result, "aj-amnesty-returns", "tass-amnesty-returns")
    assert c.status == "consistent"
    assert {"claim-type", "timeframe"} <= set(codes(c))


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [("aj-awol-total", "aj-awol-year"), ("aj-desertion-total", "aj-desertion-year")],
)
def test_nested_running_totals_are_compatible(
    result: CompareResult, longer: str, shorter: str
) -> None:
    c = find(result, longer, shorter)
    assert c.status == "compatible"
    assert "timeframe" in codes(c)


def test_awol_totals_note_the_unit_wording(result: CompareResult) -> None:
    c = find(result, "aj-awol-total", "aj-awol-year")
    unit = next(r for r in c.reasons if r.code == "unit")
    assert "persons" in unit.explanation and "cases" in unit.explanation


def test_returned_share_follows_once_rounded(result: CompareResult) -> None:
    # 29,000 of 300,000 to 500,000 is 5.8% to 9.67%; "10%" stands for 9.5% to 10.5%
    c = find(result, "tass-returned-share", "tass-amnesty-returns", "tass-left-service")
    assert c.kind == "derived"
    assert c.status == "consistent"
    assert "arithmetic" not in [r.code for r in c.reasons]


def test_mobilisation_rate_and_need_are_not_compared_but_summarised(
    result: CompareResult,
) -> None:
    assert not any(
        {"aj-mobilised-monthly", "aj-mobilisation-need"} <= set(c.claims)
        for c in result.comparisons
    )
    summaries = {m.id: m for m in result.measures}
    assert summaries["mobilisation-rate"].claims == ("aj-mobilised-monthly",)
    assert summaries["mobilisation-need"].claims == ("aj-mobilisation-need",)


def test_every_curated_claim_has_a_verbatim_quote(dataset: Dataset) -> None:
    assert len(dataset.claims) >= 16
    assert all(r.claim.quote for r in dataset.claims.values())
