"""What the gate needs of a comparison: ``compare(list_consistent=False)`` lists every comparison
that ``compare`` lists except the consistent ones no review names, and counts the same.

It examines only pairs whose figures do not overlap; these tests hold that shortcut to the
full comparison, with reviews naming every pair of claims (overlapping or not, on one
measure or on related ones, in measures listed and summarised)."""

from __future__ import annotations

import importlib.util
import random
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest

from reconcile.engine.compare import STATUSES, compare
from reconcile.intake.loader import read_text
from reconcile.model.dataset import Dataset, ReviewRecord
from reconcile.model.entries import Review
from reconcile.model.validate import build, load

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    ROOT / "data" / "figures.yaml",
    *sorted((ROOT / "tests" / "cases" / "conflict").iterdir()),
    *sorted((ROOT / "tests" / "cases" / "consistent").iterdir()),
    ROOT / "tests" / "cases" / "report" / "shapes.yaml",
]


def _generated(claims: int) -> Dataset:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return build([read_text("generated.yaml", module.generate(claims, seed=3).encode())])


def _reviewing(dataset: Dataset, pairs: list[tuple[str, str]]) -> Dataset:
    where = next(iter(dataset.claims.values())).where
    reviews = [
        ReviewRecord(Review(claims=pair, verdict="explained", reason="sourcing"), where)
        for pair in pairs
    ]
    return replace(dataset, reviews=[*dataset.reviews, *reviews])


def _limited(dataset: Dataset, limit: int) -> Dataset:
    return replace(dataset, settings=dataset.settings.model_copy(update={"list_limit": limit}))


def _holds(dataset: Dataset) -> None:
    full = compare(dataset)
    judged = compare(dataset, list_consistent=False)
    wanted = tuple(c for c in full.comparisons if c.status != "consistent" or c.reviewed)
    assert judged.comparisons == wanted
    assert judged.measures == full.measures
    for status in STATUSES:
        assert judged.count(status) == full.count(status)
    assert len(judged.comparisons) + judged.unlisted == len(full.comparisons) + full.unlisted
    # every comparison made is counted once, listed or not
    assert sum(full.count(s) for s in STATUSES) == len(full.comparisons) + full.unlisted
    if not any(m.summarised for m in full.measures):
        assert full.unlisted == 0


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("limit", [50, 2])
def test_the_gate_lists_what_compare_lists_but_unreviewed_consistent_pairs(
    path: Path, limit: int
) -> None:
    dataset = _limited(load([path]), limit)
    _holds(dataset)
    every_pair = list(combinations(sorted(dataset.claims), 2))
    _holds(_reviewing(dataset, every_pair))


@pytest.mark.parametrize("limit", [50, 4])
def test_the_shortcut_holds_on_a_generated_file_with_related_measures(limit: int) -> None:
    dataset = _limited(_generated(600), limit)
    _holds(dataset)
    rng = random.Random(5)
    ids = sorted(dataset.claims)
    by_measure: dict[str, list[str]] = {}
    for claim_id in ids:
        by_measure.setdefault(dataset.claims[claim_id].claim.measure, []).append(claim_id)
    same = [p for group in by_measure.values() for p in combinations(group, 2)]
    pairs = rng.sample(same, 300) + [tuple(rng.sample(ids, 2)) for _ in range(300)]
    _holds(_reviewing(dataset, [(a, b) for a, b in pairs]))


def test_a_review_of_an_overlapping_pair_in_a_summarised_measure_lists_that_pair() -> None:
    dataset = _limited(load([ROOT / "tests" / "cases" / "conflict" / "rally-crowd"]), 1)
    full = compare(dataset)
    consistent = [
        (a, b)
        for a, b in combinations(sorted(dataset.claims), 2)
        if dataset.claims[a].claim.measure == dataset.claims[b].claim.measure
        and not any(set(c.claims) == {a, b} for c in full.comparisons)
    ]
    assert consistent, "the case has overlapping pairs that a summarised measure leaves out"
    reviewed = compare(_reviewing(dataset, consistent[:1]))
    (listed,) = [c for c in reviewed.comparisons if set(c.claims) == set(consistent[0])]
    assert listed.status == "consistent"
    assert listed.reviewed


RELATED = """\
version: 1
settings: {list_limit: 2}
sources: {s1: {title: t, kind: news}}
measures:
  a: {label: A, unit: persons, confusable_with: [b]}
  b: {label: B, unit: persons}
claims:
  - {id: a1, measure: a, value: "100", source: s1}
  - {id: a2, measure: a, value: "500", source: s1}
  - {id: a3, measure: a, value: "900", source: s1}
  - {id: b1, measure: b, value: "100", source: s1}
reviews:
  - {claims: [a1, b1], verdict: explained, reason: definition}
"""


def test_a_reviewed_pair_across_measures_is_counted_once_beside_a_summarised_measure() -> None:
    # a1 is on a summarised measure (3 claims, list_limit 2), b1 on a related one; they agree
    dataset = build([read_text("related.yaml", RELATED.encode())])
    _holds(dataset)
    judged = compare(dataset, list_consistent=False)
    assert [c.claims for c in judged.comparisons if c.status == "consistent"] == [("a1", "b1")]
    assert judged.count("consistent") == 1
