"""A report's comparisons in words: their rows, their sides, and the most serious conflicts.

:func:`comparison_row` is one comparison as a measure's section lists it (its sides, gap,
reasons and review); :func:`serious_sentence` sums up a conflict in one sentence for the
summary, and :func:`most_serious` picks the conflicts the summary leads with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reconcile.engine.attention import in_attention_order
from reconcile.engine.compare import CompareResult, Comparison
from reconcile.engine.gate import beside
from reconcile.engine.reasons import UNEXPLAINED, Reason, title
from reconcile.engine.subjects import fmt
from reconcile.model.dataset import Dataset
from reconcile.views.report.names import quoted, unit_words, who
from reconcile.views.report.rows import ComparisonRow, ReasonRow, ReviewRow
from reconcile.views.story import spread_words

STATUS_WORDS = {
    "consistent": "the figures agree once their hedges are applied",
    "compatible": "the figures differ, but a relation in the file allows the difference",
    "conflict": "the figures cannot both be right as stated",
}
VERDICT_WORDS = {
    "explained": "Explained",
    "disputed": "Disputed",
    "source-error": "Source error",
}
_SERIOUS = 3


def _side(ids: Sequence[str], dataset: Dataset) -> str:
    """Claims named with their figures and who says them."""
    claims = [dataset.claims[i].claim for i in ids]
    voices = {who(c, dataset) for c in claims}
    if len(voices) == 1:
        figures = " and ".join(quoted(c) for c in claims)
        return f"{figures} ({voices.pop()})"
    return " and ".join(f"{quoted(c)} ({who(c, dataset)})" for c in claims)


def sides_text(comparison: Comparison, dataset: Dataset) -> str:
    """The two sides of a comparison in words, with claim ids for the tables."""
    ids = comparison.claims
    named = [f"{i} {quoted(dataset.claims[i].claim)}" for i in ids]
    if comparison.kind == "sum":
        return f"{named[0]} against the sum of {' + '.join(named[1:])}"
    if comparison.kind == "derived":
        return f"{named[0]} against what {' and '.join(named[1:])} give"
    return " against ".join(named)


def _gap_text(comparison: Comparison, dataset: Dataset) -> str:
    if comparison.gap is None:
        return ""
    unit = dataset.unit_of(dataset.claims[comparison.claims[0]].claim)
    return (
        f"{fmt(comparison.gap.absolute)} {unit_words(unit)} apart, "
        f"{comparison.gap.relative:.1%} of the larger figure"
    )


def _review(
    comparison: Comparison, dataset: Dataset, likely: Reason | None = None
) -> ReviewRow | None:
    shown = beside(comparison, dataset, likely)
    if shown is None:
        return None
    review = shown.review
    return ReviewRow(
        VERDICT_WORDS[review.verdict],
        review.reason,
        review.note or "",
        review.reviewed.text if review.reviewed is not None else "",
        shown.likely or "",
        bool(shown.differs),
    )


def comparison_row(comparison: Comparison, dataset: Dataset) -> ComparisonRow:
    """One comparison as a measure's section lists it: sides, gap, reasons and review."""
    found = comparison.evaluate()  # not kept: a large report never holds every explanation
    likely = comparison.likely(found)
    reasons = tuple(ReasonRow(r.code, title(r.code), r.explanation, r is likely) for r in found)
    if likely is not None and likely.code == UNEXPLAINED:
        reasons = (ReasonRow(UNEXPLAINED, title(UNEXPLAINED), likely.explanation, True), *reasons)
    return ComparisonRow(
        claims=comparison.claims,
        status=comparison.status,
        severity=comparison.severity or "",
        sides=sides_text(comparison, dataset),
        gap=_gap_text(comparison, dataset),
        reasons=reasons,
        review=_review(comparison, dataset, likely),
        deprecated=comparison.deprecated,
    )


def serious_sentence(comparison: Comparison, dataset: Dataset) -> str:
    """One sentence on a conflict: what each side says and who says it, how far apart they
    are and the likely reason."""
    ids = comparison.claims
    first = dataset.claims[ids[0]].claim
    label = dataset.measures[first.measure].label
    mine = f"{quoted(first)} ({who(first, dataset)})"
    if comparison.kind == "sum":
        other = f"the sum of {_side(ids[1:], dataset)}"
    elif comparison.kind == "derived":
        other = f"what {_side(ids[1:], dataset)} give"
    else:
        other = _side(ids[1:], dataset)
    sentence = f"{label}: {mine} against {other}"
    if comparison.gap is not None:
        sentence += f"; {spread_words(comparison, dataset)}"
    likely = comparison.likely_reason
    if likely is not None and likely.code == UNEXPLAINED:
        sentence += f"; {title(UNEXPLAINED)}"
    elif likely is not None:
        sentence += f"; likely reason: {title(likely.code)}"
    review = _review(comparison, dataset, likely)
    if review is not None:
        differs = f", {review.reason}, which differs" if review.differs else ""
        sentence += f" (reviewed: {review.verdict.lower()}{differs})"
    return sentence + "."


def most_serious(
    comparisons: Sequence[Comparison], dataset: Dataset, n: int = _SERIOUS
) -> list[Comparison]:
    """The first conflicts in attention order: unreviewed, then disputed or source-error,
    then explained; major before minor, the furthest apart first
    (:mod:`reconcile.engine.attention`)."""
    conflicts = (c for c in comparisons if c.status == "conflict")
    return in_attention_order(conflicts, dataset)[:n]


def own_comparisons(result: CompareResult) -> Mapping[str, tuple[Comparison, ...]]:
    """The comparisons listed under each measure (their first claim's), in list order."""
    grouped: dict[str, list[Comparison]] = {}
    for comparison in result.comparisons:
        grouped.setdefault(comparison.measures[0], []).append(comparison)
    return {measure_id: tuple(own) for measure_id, own in grouped.items()}
