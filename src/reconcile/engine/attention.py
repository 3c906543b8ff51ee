"""Attention order: the comparisons that need a person first.

A desk reads conflicts in this order (docs/output.md, "Attention order"):

1. conflicts nobody has reviewed;
2. conflicts a review left open: ``disputed`` or ``source-error``;
3. the other conflicts (reviewed ``explained``);
4. every other comparison.

Within a group, major before minor; then the conflicts no reason accounts for
(``unexplained``) before those the tool can explain; then the figures furthest apart first,
measured as a ratio of their whole ranges (:class:`Ratio`: the higher side from 1.04 to
1.75 times the lower), not only the gap between their nearest edges; ties keep the engine's
order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reconcile.engine.gate import review_of
from reconcile.engine.reasons import UNEXPLAINED, Reason

if TYPE_CHECKING:
    from reconcile.engine.compare import Comparison
    from reconcile.engine.subjects import Figure, Subject
    from reconcile.model.dataset import Dataset

OPEN_VERDICTS = ("disputed", "source-error")
"""Verdicts that leave a conflict for a person to settle."""

GROUPS = ("unreviewed", "open", "settled", "other")
"""The groups of attention order, first to last (the module docstring says what each holds)."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """How many times the lower side the higher side is: from its nearest edges (``low``) to
    its furthest (``high``, infinite when the lower side may be zero)."""

    low: float
    high: float
    higher: int  # the side stating the larger figure: 0 for the first claim, 1 for the other

    @property
    def far(self) -> float:
        """The ratio that ranks: the furthest edges, or the nearest when those are unbounded."""
        return self.high if math.isfinite(self.high) else self.low

    def words(self) -> str:
        """``1.04 to 1.75 times``, ``2.35 times`` or ``at least 1.04 times``."""
        if not math.isfinite(self.high):
            return f"at least {_times(self.low)} times"
        if _times(self.low) == _times(self.high):
            return f"{_times(self.low)} times"
        return f"{_times(self.low)} to {_times(self.high)} times"


def _times(x: float) -> str:
    return f"{x:,.2f}" if x < 100 else f"{x:,.0f}"


def ratio(subject: Subject) -> Ratio | None:
    """The ratio of a conflict's sides, or None when it cannot be read as one: sides that
    overlap (legal ranges may), a lower side that reaches zero or below, or a measure that
    may be negative (``signed``: a change, a balance, excess deaths), whose figures near
    zero would make any gap look like a large multiple."""
    a, b = subject.a, subject.b
    measures = subject.dataset.measures
    if any(measures[r.claim.measure].signed for r in subject.records):
        return None
    if a.high <= b.low:
        return _ratio(b, a, 1)
    if b.high <= a.low:
        return _ratio(a, b, 0)
    return None


def _ratio(higher: Figure, lower: Figure, side: int) -> Ratio | None:
    if lower.high <= 0:  # a side at zero or below: no ratio (and higher.low >= lower.high)
        return None
    far = higher.high / lower.low if lower.low > 0 else math.inf
    return Ratio(higher.low / lower.high, far, side)


def group(comparison: Comparison, dataset: Dataset) -> int:
    """The index in :data:`GROUPS` of a comparison's attention group."""
    if comparison.status != "conflict":
        return 3
    if not comparison.reviewed:
        return 0
    record = review_of(comparison, dataset)
    if record is None:  # no review covers it after all: a person still has to look
        return 0
    return 1 if record.review.verdict in OPEN_VERDICTS else 2


_SEVERITY_RANK = {"major": 0, "minor": 1}


def _apart(comparison: Comparison) -> tuple[int, float]:
    """How far apart the sides are, furthest first: the ratio of their furthest edges; sides
    that cannot be read as a ratio (a side at zero, signs that differ, overlapping legal
    ranges) come after those that can, by their relative gap."""
    found = ratio(comparison.subject)
    if found is not None:
        return (0, -found.far)
    gap = comparison.gap
    return (1, -(gap.relative if gap is not None else 0.0))


def _explained(comparison: Comparison, reasons: tuple[Reason, ...]) -> int:
    """0 for a conflict no reason accounts for, 1 for any other comparison."""
    if comparison.status != "conflict":
        return 1
    likely = comparison.likely(reasons)
    return 0 if likely is not None and likely.code == UNEXPLAINED else 1


Key = tuple[int, int, int, tuple[int, float], tuple[str, ...]]


def key(comparison: Comparison, dataset: Dataset, reasons: tuple[Reason, ...]) -> Key:
    """The sort key of attention order, for a comparison and the reasons that fire for it."""
    return (
        group(comparison, dataset),
        _SEVERITY_RANK.get(comparison.severity or "", 2),
        _explained(comparison, reasons),
        _apart(comparison),
        comparison.sort_key,
    )


def ranked(
    comparisons: Iterable[Comparison], dataset: Dataset
) -> list[tuple[Comparison, tuple[Reason, ...]]]:
    """Comparisons in attention order, each with its reasons, worked out once for the order
    and for the view that shows them."""
    found = [(c, c.evaluate()) for c in comparisons]
    found.sort(key=lambda pair: key(pair[0], dataset, pair[1]))
    return found


def in_attention_order(comparisons: Iterable[Comparison], dataset: Dataset) -> list[Comparison]:
    """Comparisons in attention order (the module docstring gives the order)."""
    return [c for c, _ in ranked(comparisons, dataset)]
