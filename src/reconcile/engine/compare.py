"""The compare engine: which claims are compared, the status of each comparison, and why.

Claims are compared when they are on the same measure, or on measures joined by ``sum_of``,
``part_of`` or ``confusable_with``; never across unrelated measures. A claim on a ``sum_of``
measure is also compared with the interval sum of the claims that stand for its parts, and a
``derived`` claim with what its inputs give. Each comparison gets one status, tested in
order (``consistent``, ``compatible``, ``conflict``), a gap and a severity for a conflict,
and every reason that fires, ranked. The rules are the format's "Comparison results".
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from operator import attrgetter
from typing import TYPE_CHECKING

from reconcile.engine.pairing import (
    Block,
    Slot,
    Spread,
    When,
    block_pairs,
    block_size,
    blocks_across,
    blocks_within,
    comparable,
    place_key,
    rivals,
    spread,
)
from reconcile.engine.reasons import Reason, evaluate_all, likely
from reconcile.engine.subjects import (
    Figure,
    Gap,
    Kind,
    Severity,
    Span,
    Status,
    Subject,
    derive,
    figure_text,
)
from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.entries import Claim
from reconcile.progress import SILENT, Steps
from reconcile.words import count

if TYPE_CHECKING:
    import pandas as pd

STATUSES: tuple[Status, ...] = ("consistent", "compatible", "conflict")
SEVERITIES: tuple[Severity, ...] = ("minor", "major")


@dataclass(frozen=True, slots=True)
class Comparison:
    """One comparison and its verdict; ``sort_key`` orders them as ``compare`` lists them.

    Its reasons are worked out when first asked for: a large result written item by item
    (:meth:`evaluate`) never holds every explanation at once."""

    sort_key: tuple[str, ...]  # measure, "0" for a broad or derived comparison else "1", ids
    kind: Kind
    measures: tuple[str, ...]
    status: Status
    severity: Severity | None
    gap: Gap | None
    subject: Subject = field(repr=False, compare=False)
    deprecated: bool = False
    reviewed: bool = False
    _kept: tuple[Reason, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def claims(self) -> tuple[str, ...]:
        """The claim ids, in the order the comparison names them."""
        return self.sort_key[2:]

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every reason that fires, strongest first (worked out once, then kept)."""
        if self._kept is None:
            object.__setattr__(self, "_kept", evaluate_all(self.subject))
        assert self._kept is not None
        return self._kept

    def evaluate(self) -> tuple[Reason, ...]:
        """The reasons, worked out afresh and not kept (for output written item by item)."""
        return self._kept if self._kept is not None else evaluate_all(self.subject)

    def likely(self, reasons: tuple[Reason, ...]) -> Reason | None:
        """The likely reason among ``reasons``, for a conflict only: the strongest when it
        accounts for the gap, else ``unexplained`` (:func:`reconcile.engine.reasons.likely`)."""
        return likely(self.subject, reasons)

    @property
    def likely_reason(self) -> Reason | None:
        return self.likely(self.reasons)


@dataclass(frozen=True, slots=True)
class MeasureSummary:
    id: str
    label: str
    unit: str
    claims: tuple[str, ...]
    low: float | None
    high: float | None
    independent_origins: int
    spread: Spread  # how its claims fall apart by place and time
    summarised: bool  # consistent pairs are counted, not listed


@dataclass(frozen=True)
class CompareResult:
    dataset: Dataset
    comparisons: tuple[Comparison, ...]
    measures: tuple[MeasureSummary, ...]
    unlisted: int = 0  # consistent comparisons counted but not listed (list_consistent=False)
    list_consistent: bool = True  # False: only comparisons that differ, or that reviews name

    def count(self, status: str) -> int:
        listed = sum(1 for c in self.comparisons if c.status == status)
        return listed + self.unlisted if status == "consistent" else listed

    @property
    def conflicts(self) -> tuple[Comparison, ...]:
        """The comparisons whose status is ``conflict``, in list order."""
        return tuple(c for c in self.comparisons if c.status == "conflict")

    def comparisons_frame(self) -> pd.DataFrame:
        """Every listed comparison as a DataFrame, one row each
        (:data:`reconcile.engine.frames.COMPARISON_COLUMNS`)."""
        from reconcile.engine.frames import comparisons_frame

        return comparisons_frame(self, self.comparisons)

    def conflicts_frame(self) -> pd.DataFrame:
        """The conflicts as a DataFrame, with the columns of :meth:`comparisons_frame`."""
        from reconcile.engine.frames import comparisons_frame

        return comparisons_frame(self, self.conflicts)

    @property
    def summary(self) -> str:
        """The counts in one line: claims, comparisons and each status."""
        return (
            f"{len(self.dataset.claims)} claims, {sum(map(self.count, STATUSES))} comparisons: "
            + ", ".join(f"{self.count(s)} {s}" for s in STATUSES)
        )

    def _repr_html_(self) -> str:
        """In a notebook: the counts, then a table of the conflicts."""
        from reconcile.engine.frames import html_table

        return html_table(self.summary, self.conflicts_frame(), "No conflicts.")


# --- which claims are compared ------------------------------------------------------------


def _related(dataset: Dataset) -> list[tuple[str, str]]:
    """Pairs of different measures that are compared (sum_of, part_of, confusable_with),
    each once, sorted."""
    pairs: set[tuple[str, str]] = set()
    for measure_id, measure in dataset.measures.items():
        others = [*measure.sum_of, *measure.confusable_with]
        if measure.part_of is not None:
            others.append(measure.part_of)
        pairs.update((min(measure_id, o), max(measure_id, o)) for o in others)
    return sorted(pairs)


def _choose_part(records: list[ClaimRecord], broad: Claim) -> ClaimRecord:
    """The claim that stands for one part of a broad claim (the format's rule)."""
    live = [r for r in records if r.claim.rank != "deprecated"] or records
    span = Span.of(broad)
    exact = [r for r in live if Span.of(r.claim) == span and span.known]
    if exact:
        return min(exact, key=lambda r: r.id)

    def latest(candidates: list[ClaimRecord]) -> ClaimRecord:
        def key(r: ClaimRecord) -> tuple[int, str]:
            last = Span.of(r.claim).last
            # latest first, ties to the lowest id: negate the date, keep the id ascending
            return (-(last.toordinal() if last else 0), r.id)

        return min(candidates, key=key)

    if span.last is not None:
        earlier = [r for r in live if (s := Span.of(r.claim).last) is not None and s <= span.last]
        if earlier:
            return latest(earlier)
    return latest(live)


# --- status, gap and severity -----------------------------------------------------------


def overlap(a: Figure, b: Figure) -> bool:
    """The two intervals share a point; a bound a figure excludes ("more than 600") is not
    shared, so "more than 600" and "fewer than 600" do not overlap."""
    low, high = max(a.low, b.low), min(a.high, b.high)
    if low != high:
        return low < high
    return a.holds(low) and b.holds(low)


def _gap(a: Figure, b: Figure) -> Gap | None:
    if overlap(a, b):
        return None
    if a.high <= b.low:
        near, far = a.high, b.low
    else:
        near, far = b.high, a.low
    absolute = far - near
    scale = max(abs(near), abs(far))
    return Gap(absolute, absolute / scale if scale else 0.0, (near, far))


def _legal_gap(a: Claim, b: Claim) -> Gap | None:
    """Stated bounds of two legal ranges: None when they match, else the largest difference."""
    diffs = []
    va, vb = a.value, b.value
    if not va.lower_open and not vb.lower_open and va.low != vb.low:
        diffs.append((va.low, vb.low))
    if not va.upper_open and not vb.upper_open and va.high != vb.high:
        diffs.append((va.high, vb.high))
    if not diffs:
        return None
    x, y = max(diffs, key=lambda d: abs(d[0] - d[1]))
    absolute = abs(x - y)
    return Gap(absolute, absolute / max(abs(x), abs(y)), (min(x, y), max(x, y)))


def _allows(dataset: Dataset, a: Figure, b: Figure, when: dict[str, When]) -> bool:
    """A relation in the file allows the two figures to differ (``compatible``): on a
    cumulative measure the total that may end earlier, or lie within the other's period, is
    the smaller; a part is no larger than its whole, or on cumulative measures no larger
    than its whole at the same time or later. ``confusable_with`` allows nothing."""
    ma, mb = a.claim.measure, b.claim.measure
    wa, wb = when[a.records[0].id], when[b.records[0].id]
    if ma == mb:
        if not dataset.measures[ma].cumulative or wa.same(wb):
            return False  # a level's figures for one time, or one total for one period
        return _smaller(a, b, wa, wb) or _smaller(b, a, wb, wa)
    if dataset.is_part(ma, mb):
        return _within_whole(dataset, a, b, wa, wb)
    if dataset.is_part(mb, ma):
        return _within_whole(dataset, b, a, wb, wa)
    return False


def _smaller(a: Figure, b: Figure, wa: When, wb: When) -> bool:
    """``a`` may be a running total that ends earlier than ``b``, or lies within it, and
    some value of ``a`` is no larger than some value of ``b``."""
    return (wa.may_end_before(wb) or wa.may_lie_within(wb)) and a.low <= b.high


def _within_whole(dataset: Dataset, part: Figure, whole: Figure, wp: When, ww: When) -> bool:
    cumulative = (
        dataset.measures[part.claim.measure].cumulative
        and dataset.measures[whole.claim.measure].cumulative
    )
    if cumulative and wp.may_end_after(ww):
        return True  # the whole counted earlier may have grown past it since
    return part.low <= whole.high


def _severity(gap: Gap, a: Figure, b: Figure, minor_gap: float) -> Severity:
    allowance = max(a.rounding, b.rounding)
    return "minor" if gap.absolute <= allowance or gap.relative < minor_gap else "major"


def _judge(
    dataset: Dataset, kind: Kind, a: Figure, b: Figure, when: dict[str, When] | None
) -> Subject:
    """The status of a comparison; ``when`` is given for a pair of claims (sums and
    derived figures have no relation that allows a difference)."""
    legal = when is not None and a.claim.type == b.claim.type == "legal-range"
    if legal:
        gap = _legal_gap(a.claim, b.claim)
    elif kind == "derived":
        # a derived claim is stated rounded from what it is computed from
        held = replace(a, low=a.low - a.rounding, high=a.high + a.rounding)
        gap = None if overlap(held, b) else _gap(a, b)
    else:
        gap = _gap(a, b)
    if gap is None:
        status: Status = "consistent"
    elif when is not None and _allows(dataset, a, b, when):
        status = "compatible"
    else:
        status = "conflict"
    return Subject(kind, a, b, dataset, status, gap if status == "conflict" else None, legal)


def _comparison(
    subject: Subject, sort_key: tuple[str, ...], measures: tuple[str, ...]
) -> Comparison:
    severity = None
    if subject.status == "conflict" and subject.gap is not None:
        severity = _severity(subject.gap, subject.a, subject.b, subject.dataset.settings.minor_gap)
    return Comparison(
        sort_key=sort_key,
        kind=subject.kind,
        measures=measures,
        status=subject.status,
        severity=severity,
        gap=subject.gap,
        subject=subject,
        deprecated=any(r.claim.rank == "deprecated" for r in subject.records),
    )


# --- the comparisons --------------------------------------------------------------------


DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}  # days in a rate's per
PER_YEAR = {per: DAYS["year"] / days for per, days in DAYS.items()}  # how many make a year


def _over_period(rate: Figure, total: ClaimRecord, when: When) -> Figure | None:
    """A rate as a total over the other claim's stated period ("4,000 a day" over 22 days
    is 88,000), a period written in months or years covering them whole; None when that
    claim states no whole period."""
    period = total.claim.period
    if period is None or math.isinf(when.start_lo) or math.isinf(when.end_hi):
        return None
    days = when.end_hi - when.start_lo + 1
    times = days / DAYS[rate.claim.effective_per or "year"]
    return replace(
        rate,
        low=rate.low * times,
        high=rate.high * times,
        best=rate.best * times if rate.best is not None else None,
        rounding=rate.rounding * times,
        over=f" over {count(int(days), 'day')}",
    )


def _rated(x: Figure, y: Figure, when: dict[str, When]) -> tuple[Figure, Figure]:
    """Rates made comparable: per year when their periods differ, and a rate against a total
    over a stated period converted over that period."""
    px, py = x.claim.effective_per, y.claim.effective_per
    if px and py:
        if px == py:
            return x, y
        return _per_year(x), _per_year(y)
    if px:
        return _over_period(x, y.records[0], when[y.records[0].id]) or x, y
    return x, _over_period(y, x.records[0], when[x.records[0].id]) or y


def _per_year(figure: Figure) -> Figure:
    per = figure.claim.effective_per
    assert per is not None
    return Figure.of(figure.records[0], PER_YEAR[per], per_year=True)


def _pair(dataset: Dataset, x: Figure, y: Figure, when: dict[str, When]) -> Subject:
    """A pair of claims (the order is by claim id), rates made comparable first."""
    if x.claim.effective_per or y.claim.effective_per:
        x, y = _rated(x, y, when)
    a, b = (x, y) if x.records[0].id < y.records[0].id else (y, x)
    return _judge(dataset, "pair", a, b, when)


def _plain(figure: Figure) -> bool:
    """A figure whose overlap alone makes it consistent (no rate, no legal range)."""
    claim = figure.claim
    return not claim.effective_per and claim.type != "legal-range"


def _differing(block: Block[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """The pairs of a block that may not be consistent: every pair that involves a rate or a
    legal range, and the pairs of plain figures that do not overlap. A large block of plain
    figures is sorted, so that thousands of agreeing claims cost n log n, not n squared."""
    first, second = block
    if block_size(block) <= _SMALL:
        for x, y in block_pairs(block):
            if not (_plain(x) and _plain(y) and overlap(x, y)):
                yield x, y
        return
    plain = [f for f in first if _plain(f)]
    other = [f for f in first if not _plain(f)]
    if second is None:
        yield from combinations(other, 2)
        yield from ((x, y) for x in other for y in plain)
        yield from _apart(plain, plain)
        return
    plain_second = [f for f in second if _plain(f)]
    other_second = [f for f in second if not _plain(f)]
    yield from ((x, y) for x in first for y in other_second)
    yield from ((x, y) for x in other for y in plain_second)
    yield from _apart(plain, plain_second)
    yield from ((x, y) for y, x in _apart(plain_second, plain))


_SMALL = 64  # pairs in a block below which checking each pair beats sorting


def _apart(figures: list[Figure], others: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """Each figure with every other figure that lies wholly above it (or touches it at a
    bound one of them excludes)."""
    by_low = sorted(others, key=lambda f: (f.low, f.records[0].id))
    lows = [f.low for f in by_low]
    for figure in figures:
        start = bisect.bisect_left(lows, figure.high)
        for other in by_low[start:]:
            if other is not figure and not overlap(figure, other):
                yield figure, other


def _named_overlaps(
    dataset: Dataset,
    covered: set[frozenset[str]],
    slots: dict[str, list[Slot[Figure]]],
    big: set[str],
    list_consistent: bool,
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs a review names that were counted as consistent, not listed: comparable plain
    figures that overlap, on measures (or a pair of related measures) that list no
    consistent pair."""
    pairs = [sorted(c) for c in covered if len(c) == 2 and all(i in dataset.claims for i in c)]
    if not pairs:
        return
    by_id = {s.item.records[0].id: s for group in slots.values() for s in group}
    related = set(_related(dataset))
    for first, second in sorted(pairs):
        x, y = by_id[first], by_id[second]
        ma, mb = sorted((x.item.claim.measure, y.item.claim.measure))
        if ma != mb and (ma, mb) not in related:
            continue
        if list_consistent and ma not in big and mb not in big:
            continue  # listed already
        if comparable(x, y) and _plain(x.item) and _plain(y.item) and overlap(x.item, y.item):
            yield x.item, y.item


def _sum_subject(
    dataset: Dataset, broad: Figure, candidates: dict[str, list[ClaimRecord]]
) -> Subject | None:
    """A broad claim against the interval sum of the claims that stand for its parts, chosen
    among the part claims that may be for the same place and time."""
    parts = dataset.measures[broad.claim.measure].sum_of
    if not parts or any(not candidates.get(p) for p in parts):
        return None
    chosen = tuple(_choose_part(candidates[p], broad.claim) for p in parts)
    figures = [Figure.of(r) for r in chosen]
    low, high, best = derive("sum", figures)
    note = "the sum of " + " + ".join(figure_text(f) for f in figures)
    total = Figure(low, high, best, chosen, sum(f.rounding for f in figures), note)
    return _judge(dataset, "sum", broad, total, None)


def _derived_subject(dataset: Dataset, record: ClaimRecord) -> Subject | None:
    """A derived claim against what its inputs give; None for a ratio whose divisor may be
    zero or less, which gives no figure to hold the claim to."""
    claim = record.claim
    assert claim.derived is not None
    inputs = tuple(dataset.claims[i] for i in claim.derived.of)
    figures = [Figure.of(r) for r in inputs]
    if claim.derived.op == "ratio" and figures[1].low <= 0:
        return None
    scale = 100.0 if dataset.unit_of(claim) == "percent" and claim.derived.op == "ratio" else 1.0
    low, high, best = derive(claim.derived.op, figures, scale)
    symbol = {"ratio": " divided by ", "sum": " plus ", "difference": " minus "}[claim.derived.op]
    note = symbol.join(figure_text(f) for f in figures) + (
        ", as a percentage" if scale != 1 else ""
    )
    computed = Figure(low, high, best, inputs, 0.0, note, scale)
    return _judge(dataset, "derived", Figure.of(record), computed, None)


def _measure_pairs(dataset: Dataset) -> list[tuple[str, str]]:
    """Each measure with itself, then each pair of related measures, in id order."""
    return [(m, m) for m in sorted(dataset.measures)] + _related(dataset)


def compare(
    dataset: Dataset, steps: Steps = SILENT, *, list_consistent: bool = True
) -> CompareResult:
    """Compare every pair of claims that may state the same quantity for the same place and
    time (:mod:`reconcile.engine.pairing`), each broad claim with the sum of its parts, and each
    derived claim with what its inputs give.

    A measure with more claims than ``settings.list_limit`` lists its comparisons that
    differ, not its consistent ones, which are counted (:attr:`CompareResult.unlisted`).
    With ``list_consistent=False`` (what the gate needs) no consistent comparison is listed.
    Either way a comparison that a review names is listed."""
    records = sorted(dataset.claims.values(), key=lambda r: r.id)
    when = {r.id: When.of(r.claim, dataset.measures[r.claim.measure].cumulative) for r in records}
    figures = {r.id: Figure.of(r) for r in records}
    slots: dict[str, list[Slot[Figure]]] = defaultdict(list)
    for r in records:
        slots[r.claim.measure].append(Slot(figures[r.id], place_key(r.claim.place), when[r.id]))
    big = {m for m, group in slots.items() if len(group) > dataset.settings.list_limit}
    covered = {frozenset(r.review.claims) for r in dataset.reviews}
    comparisons: list[Comparison] = []
    unlisted = 0
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for each set of measures

    def add(subject: Subject | None, listing: bool = list_consistent) -> None:
        nonlocal unlisted
        if subject is None:
            return
        if subject.status == "consistent" and not listing and not _named(subject, covered):
            unlisted += 1
            return
        measures: list[str] = []
        for r in subject.records:
            if r.claim.measure not in measures:
                measures.append(r.claim.measure)
        named = shared.setdefault(tuple(measures), tuple(measures))
        comparisons.append(_comparison(subject, _key(subject), named))

    met: dict[int, int] = {}  # claims of its own measure each claim is compared with
    steps.start("comparing", len(records))
    for ma, mb in _measure_pairs(dataset):
        first, second = slots.get(ma, []), slots.get(mb, [])
        if ma == mb:
            steps.advance(len(first))
        listing = list_consistent and ma not in big and mb not in big
        blocks = blocks_within(first) if ma == mb else blocks_across(first, second)
        for block in blocks:
            if ma == mb:
                rivals(block, met)
            if listing:
                for x, y in block_pairs(block):
                    add(_pair(dataset, x, y, when))
                continue
            examined = 0
            for x, y in _differing(block):
                examined += 1
                add(_pair(dataset, x, y, when), listing)
            unlisted += block_size(block) - examined
    for x, y in _named_overlaps(dataset, covered, slots, big, list_consistent):
        unlisted -= 1  # counted as consistent above; listed, since a review names it
        add(_pair(dataset, x, y, when))
    for measure_id in sorted(dataset.measures):
        parts = dataset.measures[measure_id].sum_of
        if parts and slots.get(measure_id):
            candidates = _part_candidates(slots, measure_id, parts)
            for slot in slots[measure_id]:
                add(_sum_subject(dataset, slot.item, candidates.get(slot.item.records[0].id, {})))
    for r in records:
        if r.claim.derived is not None:
            add(_derived_subject(dataset, r))
    ordered = sorted(comparisons, key=attrgetter("sort_key"))
    if covered:
        ordered = [_with_review(c, covered) for c in ordered]
    summaries = tuple(
        _summary(dataset, m, slots.get(m, []), m in big, met) for m in sorted(dataset.measures)
    )
    return CompareResult(dataset, tuple(ordered), summaries, unlisted, list_consistent)


def _key(subject: Subject) -> tuple[str, ...]:
    """By measure, broad and derived comparisons first, then by claim ids: an order that does
    not depend on where claims stand in the files."""
    first = subject.a.records[0]
    kind = "0" if subject.kind in ("sum", "derived") else "1"
    return (first.claim.measure, kind, *(r.id for r in subject.records))


def _part_candidates(
    slots: dict[str, list[Slot[Figure]]], broad: str, parts: tuple[str, ...]
) -> dict[str, dict[str, list[ClaimRecord]]]:
    """For each broad claim, the claims of each part that may be for its place and time."""
    found: dict[str, dict[str, list[ClaimRecord]]] = defaultdict(lambda: defaultdict(list))
    for part in parts:
        for block in blocks_across(slots[broad], slots.get(part, [])):
            for x, y in block_pairs(block):
                found[x.records[0].id][part].append(y.records[0])
    return found


def _named(subject: Subject, covered: set[frozenset[str]]) -> bool:
    """A review names the claims of this comparison."""
    return bool(covered) and frozenset(r.id for r in subject.records) in covered


def _named_pair(x: Figure, y: Figure, covered: set[frozenset[str]]) -> bool:
    return bool(covered) and frozenset((x.records[0].id, y.records[0].id)) in covered


def _with_review(comparison: Comparison, reviewed: set[frozenset[str]]) -> Comparison:
    if frozenset(comparison.claims) not in reviewed:
        return comparison
    return replace(comparison, reviewed=True)


# --- per-measure summary ----------------------------------------------------------------


def _summary(
    dataset: Dataset,
    measure_id: str,
    slots: list[Slot[Figure]],
    summarised: bool,
    met: dict[int, int],
) -> MeasureSummary:
    from reconcile.engine.reasons.sourcing import voice

    measure = dataset.measures[measure_id]
    figures = [s.item for s in slots]
    records = [f.records[0] for f in figures]
    lows = [f.low for f in figures]
    highs = [f.high for f in figures]
    voices = {voice(r.claim, dataset).key for r in records}
    return MeasureSummary(
        id=measure_id,
        label=measure.label,
        unit=measure.unit,
        claims=tuple(r.id for r in records),
        low=min(lows) if lows else None,
        high=max(highs) if highs else None,
        independent_origins=len(voices),
        spread=spread(slots, max((met.get(id(f), 0) for f in figures), default=0)),
        summarised=summarised,
    )
