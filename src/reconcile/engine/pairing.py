"""Which claims are compared: those that may state the same quantity for the same place and time.

Two claims are compared when all three hold (the format's "Which claims are compared"):

1. their measures are the same, or joined by ``sum_of``, ``part_of`` or ``confusable_with``;
2. their places are the same once case, spacing and punctuation are set aside, or at least
   one of them states none;
3. their times may overlap. A claim's time is its ``period``; or its ``as_of`` date, which on
   a ``cumulative`` measure is a running total from the measure's unstated start and
   elsewhere the moment a level was counted; or, with neither, unknown, which may overlap any
   time. A partial date stands for every day in it: ``2003-03`` may start on 18 March 2003.

A running total from the measure's start overlaps every period that starts no later than its
as-of date, so two running totals that may start together, or one within the other, are
always compared.

Pairs are found without looking at every pair: claims are grouped by place and swept in
order of their earliest day, so the cost is about n log n plus the pairs really compared.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Generic, TypeVar

from reconcile.intake.dates import PartialDate
from reconcile.model.entries import Claim

_T = TypeVar("_T")

NEVER = -math.inf  # a day number before every day: an unknown or unstated start
ALWAYS = math.inf  # after every day: an unknown end

_PUNCTUATION = re.compile(r"[\W_]+")


def place_key(place: str | None) -> str | None:
    """A place as compared: case, spacing and punctuation set aside; None when unstated."""
    if place is None:
        return None
    key = _PUNCTUATION.sub("", place.casefold())
    return key or place.casefold().strip() or None


def _days(date: PartialDate | None) -> tuple[float, float]:
    if date is None or date.first is None or date.last is None:
        return NEVER, ALWAYS
    return float(date.first.toordinal()), float(date.last.toordinal())


@dataclass(frozen=True, slots=True)
class When:
    """The days a claim may cover, as day numbers: it starts some day in ``start_lo`` to
    ``start_hi`` and ends some day in ``end_lo`` to ``end_hi`` (partial dates are intervals;
    an unknown bound is infinite). ``from_start`` marks a running total from the measure's
    unstated start (an ``as_of`` on a cumulative measure)."""

    start_lo: float
    start_hi: float
    end_lo: float
    end_hi: float
    from_start: bool = False

    @classmethod
    def of(cls, claim: Claim, cumulative: bool) -> When:
        if claim.period is not None:
            start_lo, start_hi = _days(claim.period.start)
            end_lo, end_hi = _days(claim.period.end)
            if claim.period.start is None or claim.period.start.first is None:
                start_hi = end_hi  # an unstated start is some day before the end
            if claim.period.end is None or claim.period.end.first is None:
                end_lo = start_lo  # an unstated end is some day after the start
            return cls(start_lo, start_hi, end_lo, end_hi)
        if claim.as_of is not None and claim.as_of.first is not None:
            first, last = _days(claim.as_of)
            if cumulative:
                return cls(NEVER, last, first, last, from_start=True)
            return cls(first, last, first, last)
        return cls(NEVER, ALWAYS, NEVER, ALWAYS)

    @property
    def known(self) -> bool:
        return not (self.start_lo == NEVER and self.end_hi == ALWAYS and not self.from_start)

    @property
    def exact(self) -> bool:
        """Both ends are single known days (a running total's start is the measure's)."""
        start = self.from_start or (self.start_lo == self.start_hi and self.start_lo > NEVER)
        return start and self.end_lo == self.end_hi and self.end_hi < ALWAYS

    def overlaps(self, other: When) -> bool:
        """Some day may lie in both."""
        return self.start_lo <= other.end_hi and other.start_lo <= self.end_hi

    def same(self, other: When) -> bool:
        """Certainly the same days: both exact, with the same start and end."""
        return self.exact and other.exact and self == other

    def may_lie_within(self, other: When) -> bool:
        """Some days let this one start no earlier and end no later than the other."""
        return self.start_hi >= other.start_lo and self.end_lo <= other.end_hi

    def may_end_before(self, other: When) -> bool:
        """Some days let this one end strictly earlier than the other."""
        return self.end_lo < other.end_hi

    def may_end_after(self, other: When) -> bool:
        return other.may_end_before(self)


@dataclass(frozen=True, slots=True)
class Slot(Generic[_T]):
    """One claim as pairing sees it: an item of the caller's, its place and its time."""

    item: _T
    place: str | None
    when: When


def comparable(a: Slot[Any], b: Slot[Any]) -> bool:
    """The place and time tests of a pair (the measures are the caller's)."""
    return (a.place is None or b.place is None or a.place == b.place) and a.when.overlaps(b.when)


def _sweep_within(slots: Sequence[Slot[_T]]) -> Iterator[tuple[_T, _T]]:
    """Every pair of ``slots`` whose times overlap."""
    ordered = sorted(range(len(slots)), key=lambda i: slots[i].when.start_lo)
    ends: list[tuple[float, int]] = []
    active: dict[int, Slot[_T]] = {}
    for i in ordered:
        slot = slots[i]
        while ends and ends[0][0] < slot.when.start_lo:
            active.pop(heapq.heappop(ends)[1])
        for other in active.values():
            yield other.item, slot.item
        active[i] = slot
        heapq.heappush(ends, (slot.when.end_hi, i))


def _sweep_across(left: Sequence[Slot[_T]], right: Sequence[Slot[_T]]) -> Iterator[tuple[_T, _T]]:
    """Every pair of a left slot and a right slot whose times overlap, left item first."""
    if not left or not right:
        return
    tagged = [(s.when.start_lo, 0, i) for i, s in enumerate(left)]
    tagged += [(s.when.start_lo, 1, i) for i, s in enumerate(right)]
    tagged.sort()
    sides = (left, right)
    ends: list[tuple[float, int, int]] = []
    active: tuple[dict[int, Slot[_T]], dict[int, Slot[_T]]] = ({}, {})
    for start, side, i in tagged:
        while ends and ends[0][0] < start:
            _, gone_side, gone = heapq.heappop(ends)
            active[gone_side].pop(gone)
        slot = sides[side][i]
        for other in active[1 - side].values():
            yield (other.item, slot.item) if side == 1 else (slot.item, other.item)
        active[side][i] = slot
        heapq.heappush(ends, (slot.when.end_hi, side, i))


Block = tuple[Sequence[_T], Sequence[_T] | None]
"""Claims whose every pair is compared: pairs within the first list when the second is None
(claims of one place and one time), else each claim of the first with each of the second."""


def _grouped(slots: Iterable[Slot[_T]]) -> dict[str | None, list[Slot[list[_T]]]]:
    """Claims by place, and within a place by time: one slot for each place and time."""
    groups: dict[str | None, dict[When, list[_T]]] = {}
    for slot in slots:
        groups.setdefault(slot.place, {}).setdefault(slot.when, []).append(slot.item)
    return {
        place: [Slot(items, place, when) for when, items in by_time.items()]
        for place, by_time in groups.items()
    }


def blocks_within(slots: Sequence[Slot[_T]]) -> Iterator[Block[_T]]:
    """The blocks of comparable pairs among the claims of one measure, each pair once."""
    by_place = _grouped(slots)
    unplaced = by_place.pop(None, [])
    for place in sorted(by_place, key=str):
        groups = by_place[place]
        yield from ((g.item, None) for g in groups if len(g.item) > 1)
        yield from _sweep_within(groups)
        yield from _sweep_across(groups, unplaced)
    yield from ((g.item, None) for g in unplaced if len(g.item) > 1)
    yield from _sweep_within(unplaced)


def blocks_across(left: Sequence[Slot[_T]], right: Sequence[Slot[_T]]) -> Iterator[Block[_T]]:
    """The blocks of comparable pairs of a claim of one measure and one of another."""
    lefts, rights = _grouped(left), _grouped(right)
    left_none, right_none = lefts.pop(None, []), rights.pop(None, [])
    for place in sorted(set(lefts) | set(rights), key=str):
        mine, theirs = lefts.get(place, []), rights.get(place, [])
        yield from _sweep_across(mine, theirs)
        yield from _sweep_across(mine, right_none)
        yield from _sweep_across(left_none, theirs)
    yield from _sweep_across(left_none, right_none)


def block_pairs(block: Block[_T]) -> Iterator[tuple[_T, _T]]:
    """Every pair of a block."""
    first, second = block
    if second is None:
        yield from combinations(first, 2)
    else:
        yield from ((x, y) for x in first for y in second)


def block_size(block: Block[_T]) -> int:
    first, second = block
    return len(first) * (len(first) - 1) // 2 if second is None else len(first) * len(second)


@dataclass(frozen=True, slots=True)
class Spread:
    """How a measure's claims fall apart by place and time."""

    places: int  # distinct places stated
    unplaced: int  # claims that state no place
    times: int  # distinct periods or dates, an unknown time counted as one
    most: int  # the most accounts of one figure: a claim and the claims it is compared with


def spread(slots: Sequence[Slot[Any]], rivals: int) -> Spread:
    """The spread of a measure's claims; ``rivals`` is the most claims of the measure that
    one of them is compared with."""
    return Spread(
        places=len({s.place for s in slots if s.place is not None}),
        unplaced=sum(1 for s in slots if s.place is None),
        times=len({s.when for s in slots}),
        most=rivals + 1 if slots else 0,
    )


def rivals(block: Block[_T], counts: dict[int, int]) -> None:
    """Add to ``counts`` (by ``id`` of each item) how many claims of the block each meets."""
    first, second = block
    if second is None:
        for item in first:
            counts[id(item)] = counts.get(id(item), 0) + len(first) - 1
        return
    for item in first:
        counts[id(item)] = counts.get(id(item), 0) + len(second)
    for item in second:
        counts[id(item)] = counts.get(id(item), 0) + len(first)
