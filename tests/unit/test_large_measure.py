"""A measure with thousands of claims lists its conflicts, and counts its consistent pairs."""

from __future__ import annotations

from reconcile.engine.compare import compare
from reconcile.intake.loader import read_text
from reconcile.model.validate import build


def _many(claims: int, outliers: int) -> str:
    lines = [
        "version: 1",
        "sources:",
        "  paper: {title: Crowd reports, kind: news}",
        "measures:",
        "  crowd: {label: People at the rally, unit: persons}",
        "claims:",
    ]
    for i in range(claims):
        value = "50,000" if i < outliers else f"about {10_000 + (i % 7) * 100:,}"
        lines.append(f"  - {{id: c{i:05d}, measure: crowd, value: '{value}', source: paper}}")
    return "\n".join(lines) + "\n"


def test_five_thousand_agreeing_claims_are_summarised_not_paired() -> None:
    dataset = build([read_text("many.yaml", _many(5_000, outliers=3).encode())])
    result = compare(dataset)
    (summary,) = result.measures
    assert summary.summarised
    # 12.5 million pairs exist; only the outliers' conflicts with the rest are listed
    assert len(result.comparisons) == 3 * 4_997
    assert {c.status for c in result.comparisons} == {"conflict"}
    assert all(
        c.claims[0] in {"c00000", "c00001", "c00002"}
        or c.claims[1] in {"c00000", "c00001", "c00002"}
        for c in result.comparisons
    )
    # every other pair is consistent: counted, not listed
    assert result.unlisted == 5_000 * 4_999 // 2 - 3 * 4_997  # the outliers agree, too
    assert result.count("consistent") == result.unlisted
    assert (summary.spread.places, summary.spread.times, summary.spread.most) == (0, 1, 5_000)


def test_a_small_measure_lists_every_pair() -> None:
    dataset = build([read_text("few.yaml", _many(10, outliers=1).encode())])
    result = compare(dataset)
    assert not result.measures[0].summarised
    assert len(result.comparisons) == 45
