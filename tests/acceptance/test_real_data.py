"""A figure file built from real public data (tests/cases/real/, see its README): weekly
deaths, COVID-19 deaths and excess deaths for twelve countries from three analyses.

It must validate as it stands, and what compare calls a conflict must be one a fact-checker
would also call one: never two countries, never two weeks that share no day; but two
accounts of one country in overlapping weeks that differ (a revision, a shifted week, a
deficit against an excess) still conflict."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from reconcile.engine.compare import STATUSES, CompareResult, compare
from reconcile.model.dataset import Dataset
from reconcile.model.validate import load

REAL = Path(__file__).resolve().parents[1] / "cases" / "real" / "excess-deaths-2020"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load([REAL / "figures.yaml"])


@pytest.fixture(scope="module")
def result(dataset: Dataset) -> CompareResult:
    return compare(dataset)


def _days(dataset: Dataset, claim_id: str) -> tuple[int, int]:
    period = dataset.claims[claim_id].claim.period
    assert period is not None and period.start is not None and period.end is not None
    assert period.start.first is not None and period.end.last is not None
    return period.start.first.toordinal(), period.end.last.toordinal()


def test_the_file_validates_as_it_stands(dataset: Dataset) -> None:
    assert len(dataset.claims) == 1_686
    below = [r for r in dataset.claims.values() if r.claim.value.low < 0]
    # 195 weekly deficits, and two period estimates whose uncertainty range dips below zero
    assert sum(1 for r in below if r.claim.value.high < 0) == 195
    assert len(below) == 197
    assert all(dataset.measures[r.claim.measure].signed for r in below)


def test_no_comparison_sets_two_countries_or_two_separate_weeks_side_by_side(
    dataset: Dataset, result: CompareResult
) -> None:
    assert result.comparisons
    for c in result.comparisons:
        claims = [dataset.claims[i].claim for i in c.claims]
        assert len({x.place for x in claims}) == 1, c.claims
        if c.kind == "pair":
            (s1, e1), (s2, e2) = (_days(dataset, i) for i in c.claims)
            assert s1 <= e2 and s2 <= e1, c.claims  # some day in both


def test_every_pair_of_one_country_and_overlapping_weeks_on_related_measures_is_compared(
    dataset: Dataset, result: CompareResult
) -> None:
    # the consistent pairs of a busy measure are counted, not listed: count them all
    related = {(m, m) for m in dataset.measures} | {
        tuple(sorted((m, o)))
        for m, measure in dataset.measures.items()
        for o in measure.confusable_with
    }
    expected = 0
    by_place: dict[str | None, list[str]] = {}
    for claim_id, record in dataset.claims.items():
        by_place.setdefault(record.claim.place, []).append(claim_id)
    for ids in by_place.values():
        for a, b in combinations(ids, 2):
            ma, mb = dataset.claims[a].claim.measure, dataset.claims[b].claim.measure
            if tuple(sorted((ma, mb))) not in related:
                continue
            (s1, e1), (s2, e2) = _days(dataset, a), _days(dataset, b)
            if s1 <= e2 and s2 <= e1:
                expected += 1
    assert sum(result.count(s) for s in STATUSES) == len(result.comparisons) + result.unlisted
    assert len(result.comparisons) + result.unlisted == expected


def _between(result: CompareResult, a: str, b: str) -> str:
    (found,) = [c for c in result.comparisons if set(c.claims) == {a, b}]
    return found.status


def test_accounts_of_one_country_and_week_that_differ_still_conflict(
    result: CompareResult,
) -> None:
    # the FT's excess of 502 in Germany, week to 15 March 2020, against a deficit of about
    # 946 in The Economist's 2025 data for the same week
    assert _between(result, "ft-de-excess-20200315", "e25-de-excess-20200315") == "conflict"
    # Spain, week to 24 May 2020: 7,634 deaths (FT, 2020) against 7,643 (Economist, 2025)
    assert _between(result, "ft-es-deaths-20200524", "e25-es-deaths-20200524") == "conflict"
    # the Netherlands: the FT's week to Wednesday 29 April against The Economist's to Sunday
    # 3 May, which share four days
    assert _between(result, "ft-nl-excess-20200429", "e25-nl-excess-20200503") == "conflict"


def test_conflicts_are_counted_in_thousands_not_hundreds_of_thousands(
    result: CompareResult,
) -> None:
    conflicts = result.count("conflict")
    assert 1_000 < conflicts < 5_000
    kinds = Counter(c.kind for c in result.comparisons)
    assert kinds["pair"] == len(result.comparisons)  # no sums or derived claims in the file
