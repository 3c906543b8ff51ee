"""What the engine compares: figures as intervals, and the subject of one comparison.

A :class:`Figure` is one side of a comparison: a single claim, the interval sum of the
claims that stand for a broad measure's parts, or the interval a derived claim's inputs
give. A :class:`Subject` holds the two sides with everything a reason needs to judge them;
reasons are pure functions of a subject and the dataset.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.entries import Claim

Kind = Literal["pair", "sum", "derived"]
Status = Literal["consistent", "compatible", "conflict"]
Severity = Literal["minor", "major"]


@dataclass(frozen=True, slots=True)
class Figure:
    """An interval with the claims it stands for."""

    low: float
    high: float
    best: float | None
    records: tuple[ClaimRecord, ...]
    rounding: float = 0.0  # half the unit the figure was given to (sum of parts' for a sum)
    note: str = ""  # how the figure was built, in words (for sums and derived figures)
    scale: float = 1.0  # a derived share is its ratio times 100
    per_year: bool = False  # a rate converted to a yearly figure to meet another period's
    over: str = ""  # a rate converted over a total's period: its words (" over 22 days")
    low_strict: bool = False  # the low bound itself is excluded ("more than 600")
    high_strict: bool = False  # the high bound itself is excluded ("fewer than 600")

    @property
    def suffix(self) -> str:
        """Words after a number taken from this figure: " a year" for a converted rate."""
        return " a year" if self.per_year else self.over

    @property
    def claim(self) -> Claim:
        return self.records[0].claim

    @property
    def single(self) -> bool:
        return len(self.records) == 1 and not self.note

    @classmethod
    def of(cls, record: ClaimRecord, scale: float = 1.0, per_year: bool = False) -> Figure:
        """A claim's figure; a legal range's stated bounds are exact, with no rounding."""
        value = record.claim.value
        best = value.best * scale if value.best is not None else None
        legal = record.claim.type == "legal-range"
        return cls(
            value.low * scale,
            value.high * scale,
            best,
            (record,),
            0.0 if legal else value.rounding * scale,
            per_year=per_year,
            low_strict=value.low_strict,
            high_strict=value.high_strict,
        )

    def holds(self, point: float) -> bool:
        """The point lies in this figure's interval, excluded bounds left out."""
        if point < self.low or point > self.high:
            return False
        return not (
            (point == self.low and self.low_strict) or (point == self.high and self.high_strict)
        )


@dataclass(frozen=True, slots=True)
class Span:
    """The days a claim covers: ``first`` is None for a running total of unknown start."""

    first: dt.date | None
    last: dt.date | None

    @property
    def known(self) -> bool:
        return self.first is not None or self.last is not None

    @classmethod
    def of(cls, claim: Claim) -> Span:
        if claim.period is not None:
            start, end = claim.period.start, claim.period.end
            return cls(start.first if start else None, end.last if end else None)
        if claim.as_of is not None:
            return cls(None, claim.as_of.last)
        return cls(None, None)

    def within(self, other: Span) -> bool:
        """This span lies within the other (both ends known, or a shared open start)."""
        if self.last is None or other.last is None:
            return False
        starts_ok = (self.first is None and other.first is None) or (
            self.first is not None and other.first is not None and self.first >= other.first
        )
        return starts_ok and self.last <= other.last

    def text(self) -> str:
        first = self.first.isoformat() if self.first else "…"
        last = self.last.isoformat() if self.last else "…"
        return f"{first} to {last}"


@dataclass(frozen=True, slots=True)
class Gap:
    absolute: float
    relative: float
    between: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Subject:
    """One comparison: ``a`` is the broad or derived side, or the earlier claim of a pair."""

    kind: Kind
    a: Figure
    b: Figure
    dataset: Dataset = field(repr=False, compare=False)
    status: Status = "consistent"
    gap: Gap | None = None
    legal_range: bool = False

    @property
    def records(self) -> tuple[ClaimRecord, ...]:
        return self.a.records + self.b.records


def fmt(value: float | None) -> str:
    """A figure in words for explanations: 235,000; 9.67; unbounded."""
    if value is None:
        return "not stated"
    if math.isinf(value):
        return "unbounded"
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def interval_text(low: float, high: float, best: float | None = None) -> str:
    if best is not None and low == high == best:
        return fmt(best)
    if math.isinf(high):
        return f"at least {fmt(low)}"
    if low == high:
        return fmt(low)
    return f"{fmt(low)} to {fmt(high)}"


def quoted(text: str) -> str:
    """Text from the file in single quotes, as written (a repr would double a backslash and
    switch quotes); line breaks become spaces, so an explanation stays on one line."""
    return "'" + " ".join(part.strip() for part in text.splitlines()) + "'"


def figure_text(figure: Figure) -> str:
    """How a side is named in explanations: the claim id and its value as written."""
    if figure.single:
        claim = figure.claim
        return f"{claim.id} ({quoted(claim.value.text)})"
    return f"{figure.note} ({interval_text(figure.low, figure.high, figure.best)})"


def derive(
    op: str, inputs: Sequence[Figure], scale: float = 1.0
) -> tuple[float, float, float | None]:
    """Every value ``op`` can give over the input intervals (interval arithmetic)."""
    bests = [f.best for f in inputs]
    if op == "sum":
        low, high = sum(f.low for f in inputs), sum(f.high for f in inputs)
        best = sum(b for b in bests if b is not None) if None not in bests else None
    elif op == "difference":
        x, y = inputs
        low, high = x.low - y.high, x.high - y.low
        best = x.best - y.best if x.best is not None and y.best is not None else None
    else:
        x, y = inputs
        if y.low > 0:
            corners = [x.low / y.low, x.low / y.high, x.high / y.low, x.high / y.high]
            low, high = min(corners), max(corners)
        else:
            low, high = (min(0.0, x.low / y.high) if y.high > 0 else -math.inf), math.inf
        best = x.best / y.best if x.best is not None and y.best else None
    scaled = best * scale if best is not None else None
    return low * scale, high * scale, scaled
