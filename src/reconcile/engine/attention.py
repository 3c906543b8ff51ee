"""Attention order: the comparisons that need a person first.

A desk reads conflicts in this order (docs/output.md, "Attention order"):

1. conflicts nobody has reviewed;
2. conflicts a review left open: ``disputed`` or ``source-error``;
3. the other conflicts (reviewed ``explained``);
4. every other comparison.

Within a group, major before minor, then the figures furthest apart first, measured as a
ratio of their whole ranges (:class:`Ratio`: the higher side from 1.04 to 1.75 times the
lower), not only the gap between their nearest edges; ties keep the engine's order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reconcile.engine.gate import review_of

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
    overlap (legal ranges may), or a lower side that reaches zero or below."""
    a, b = subject.a, subject.b
    if a.high <= b.low:
        return _ratio(b, a, 1)
    if b.high <= a.low:
        return _ratio(a, b, 0)
    return None


def _ratio(higher: Figure, lower: Figure, side: int) -> Ratio | None:
    if lower.high <= 0 or higher.low <= 0 or math.isinf(higher.low):
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


def _apart(comparison: Comparison) -> float:
    """How far apart the sides are, larger first: the ratio of their furthest edges, or for
    sides that cannot be read as a ratio, the ratio that their relative gap implies."""
    found = ratio(comparison.subject)
    if found is not None:
        return found.far
    gap = comparison.gap
    if gap is None or gap.relative <= 0:
        return 1.0
    return math.inf if gap.relative >= 1 else 1 / (1 - gap.relative)


def key(comparison: Comparison, dataset: Dataset) -> tuple[int, int, float, tuple[str, ...]]:
    """The sort key of attention order."""
    return (
        group(comparison, dataset),
        _SEVERITY_RANK.get(comparison.severity or "", 2),
        -_apart(comparison),
        comparison.sort_key,
    )


def in_attention_order(comparisons: Iterable[Comparison], dataset: Dataset) -> list[Comparison]:
    """Comparisons in attention order (the module docstring gives the order)."""
    return sorted(comparisons, key=lambda c: key(c, dataset))
