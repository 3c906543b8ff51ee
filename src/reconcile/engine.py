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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from operator import attrgetter

from reconcile.models import Claim
from reconcile.progress import SILENT, Steps
from reconcile.reasons import Reason, evaluate_all
from reconcile.subjects import (
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
from reconcile.validate import ClaimRecord, Dataset

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
        """The likely reason among ``reasons``: the strongest, for a conflict only."""
        return reasons[0] if self.status == "conflict" and reasons else None

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
    positions: tuple[tuple[str, ...], ...]
    summarised: bool  # consistent pairs are summarised by positions, not listed


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


def _is_part(dataset: Dataset, part: str, whole: str) -> bool:
    measure = dataset.measures[part]
    return measure.part_of == whole or part in dataset.measures[whole].sum_of


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


def _gap(a: Figure, b: Figure) -> Gap | None:
    if a.high < b.low:
        near, far = a.high, b.low
    elif b.high < a.low:
        near, far = b.high, a.low
    else:
        return None
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


def _allows(dataset: Dataset, a: ClaimRecord, b: ClaimRecord, fa: Figure, fb: Figure) -> bool:
    """A relation in the file allows the two figures to differ (``compatible``)."""
    ma, mb = a.claim.measure, b.claim.measure
    if ma == mb:
        if not dataset.measures[ma].cumulative:
            return False
        sa, sb = Span.of(a.claim), Span.of(b.claim)
        if sa == sb:
            return False  # the same period: a running total has one value
        return (sa.within(sb) and fa.low <= fb.high) or (sb.within(sa) and fb.low <= fa.high)
    if _is_part(dataset, ma, mb):
        return fa.low <= fb.high
    if _is_part(dataset, mb, ma):
        return fb.low <= fa.high
    return ma in dataset.measures[mb].confusable_with or mb in dataset.measures[ma].confusable_with


def _severity(gap: Gap, a: Figure, b: Figure, minor_gap: float) -> Severity:
    allowance = max(a.rounding, b.rounding)
    return "minor" if gap.absolute <= allowance or gap.relative < minor_gap else "major"


def _judge(
    dataset: Dataset, kind: Kind, a: Figure, b: Figure, pair: tuple[ClaimRecord, ClaimRecord] | None
) -> Subject:
    legal = pair is not None and a.claim.type == b.claim.type == "legal-range"
    if legal:
        gap = _legal_gap(a.claim, b.claim)
        consistent = gap is None
    else:
        gap = _gap(a, b)
        consistent = gap is None
    if consistent:
        status: Status = "consistent"
    elif pair is not None and _allows(dataset, pair[0], pair[1], a, b):
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


PER_YEAR = {"year": 1.0, "month": 12.0, "week": 365.25 / 7, "day": 365.25}


def _figure(record: ClaimRecord, per_year: bool) -> Figure:
    """A claim as an interval; a rate per year when rates over different periods meet."""
    per = record.claim.effective_per
    if per_year and per:
        return Figure.of(record, PER_YEAR[per], per_year=True)
    return Figure.of(record)


def _mixed_rates(records: Iterable[ClaimRecord]) -> bool:
    """Rates over different periods (a month, a year) are among the claims."""
    return len({r.claim.effective_per for r in records} - {None}) > 1


def _pair_subject(
    dataset: Dataset, x: ClaimRecord, y: ClaimRecord, per_year: bool = False
) -> Subject:
    """A pair of claims, as rates a year when rates over different periods meet."""
    per_year = per_year or _mixed_rates((x, y))
    return _figure_pair(dataset, _figure(x, per_year), _figure(y, per_year))


def _figure_pair(dataset: Dataset, x: Figure, y: Figure) -> Subject:
    """A pair of claims whose figures are already built (the order is by claim id)."""
    a, b = (x, y) if x.records[0].id < y.records[0].id else (y, x)
    return _judge(dataset, "pair", a, b, (a.records[0], b.records[0]))


def _sum_subject(
    dataset: Dataset, broad: ClaimRecord, by_measure: dict[str, list[ClaimRecord]]
) -> Subject | None:
    parts = dataset.measures[broad.claim.measure].sum_of
    if not parts or any(not by_measure.get(p) for p in parts):
        return None
    chosen = tuple(_choose_part(by_measure[p], broad.claim) for p in parts)
    figures = [Figure.of(r) for r in chosen]
    low, high, best = derive("sum", figures)
    note = "the sum of " + " + ".join(figure_text(f) for f in figures)
    total = Figure(low, high, best, chosen, sum(f.rounding for f in figures), note)
    return _judge(dataset, "sum", Figure.of(broad), total, None)


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


def _legal(figures: list[Figure]) -> bool:
    return any(f.claim.type == "legal-range" for f in figures)


def _pairs_within(figures: list[Figure], prune: bool) -> Iterator[tuple[Figure, Figure]]:
    """Pairs of claims on one measure; pruned, only pairs that do not overlap (overlapping
    ones are consistent). Callers never prune legal ranges, where stated bounds decide."""
    if not prune:
        yield from combinations(figures, 2)
        return
    yield from _apart(figures, figures)


def _pairs_across(
    first: list[Figure], second: list[Figure], prune: bool
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs of claims on two related measures; pruned, as in :func:`_pairs_within`."""
    if not prune:
        yield from ((x, y) for x in first for y in second)
        return
    yield from _apart(first, second)
    yield from ((x, y) for y, x in _apart(second, first))


def _apart(figures: list[Figure], others: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """Each figure with every other figure that lies wholly above it."""
    by_low = sorted(others, key=lambda f: (f.low, f.records[0].id))
    lows = [f.low for f in by_low]
    for figure in figures:
        start = bisect.bisect_right(lows, figure.high)
        yield from ((figure, other) for other in by_low[start:])


def compare(
    dataset: Dataset, steps: Steps = SILENT, *, list_consistent: bool = True
) -> CompareResult:
    """Compare every comparable pair of claims in the dataset.

    The consistent pairs of a measure with more claims than ``settings.list_limit`` are not
    made: its positions summarise them. With ``list_consistent=False`` (what the gate needs)
    no consistent comparison is listed: those that would be are counted
    (:attr:`CompareResult.unlisted`), and only pairs whose figures do not overlap are
    examined one by one. Either way a comparison that a review names is listed."""
    by_measure: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in sorted(dataset.claims.values(), key=lambda r: r.id):
        by_measure[record.claim.measure].append(record)
    limit = dataset.settings.list_limit
    covered = {frozenset(r.review.claims) for r in dataset.reviews}
    comparisons: list[Comparison] = []
    unlisted = 0

    def key(subject: Subject) -> tuple[str, ...]:
        # by measure, broad and derived comparisons first, then by claim ids: an order that
        # does not depend on where claims stand in the files
        first = subject.a.records[0]
        kind = "0" if subject.kind in ("sum", "derived") else "1"
        return (first.claim.measure, kind, *(r.id for r in subject.records))

    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for each set of measures

    def add(subject: Subject | None) -> None:
        nonlocal unlisted
        if subject is None:
            return
        if not list_consistent and subject.status == "consistent" and not _named(subject, covered):
            unlisted += 1
            return
        measures: list[str] = []
        for r in subject.records:
            if r.claim.measure not in measures:
                measures.append(r.claim.measure)
        named = tuple(measures)
        comparisons.append(_comparison(subject, key(subject), shared.setdefault(named, named)))

    summarised: set[str] = set()
    pruned: set[tuple[str, str]] = set()  # measures (or pairs of them) whose overlaps are skipped
    yearly = {m for m, records in by_measure.items() if _mixed_rates(records)}
    figures = {m: [_figure(r, m in yearly) for r in records] for m, records in by_measure.items()}
    steps.start("comparing", len(dataset.claims))
    for measure_id, records in by_measure.items():
        steps.advance(len(records))
        big = len(records) > limit
        if big:
            summarised.add(measure_id)
        one = shared.setdefault((measure_id,), (measure_id,))
        made = 0
        prune = (big or not list_consistent) and not _legal(figures[measure_id])
        if prune:
            pruned.add((measure_id, measure_id))
        for x, y in _pairs_within(figures[measure_id], prune):
            subject = _figure_pair(dataset, x, y)
            listing = list_consistent and not big  # this measure lists its consistent pairs
            if subject.status == "consistent" and not listing and not _named(subject, covered):
                continue
            ids = (measure_id, "1", subject.a.records[0].id, subject.b.records[0].id)
            comparisons.append(_comparison(subject, ids, one))
            made += 1
        if not big:
            unlisted += len(records) * (len(records) - 1) // 2 - made
    for ma, mb in _related(dataset):
        if (
            ma in yearly
            or mb in yearly
            or _mixed_rates([*by_measure.get(ma, []), *by_measure.get(mb, [])])
        ):
            for ra in by_measure.get(ma, []):
                for rb in by_measure.get(mb, []):
                    add(_pair_subject(dataset, ra, rb, ma in yearly or mb in yearly))
            continue
        start, counted = len(comparisons), unlisted
        first, second = figures.get(ma, []), figures.get(mb, [])
        prune = not list_consistent and not _legal(first) and not _legal(second)
        if prune:
            pruned.add((ma, mb))
        for fx, fy in _pairs_across(first, second, prune):
            add(_figure_pair(dataset, fx, fy))
        if not list_consistent:  # every pair not kept as a comparison is a consistent one
            unlisted = counted + len(first) * len(second) - (len(comparisons) - start)
    for records in by_measure.values():
        for record in records:
            add(_sum_subject(dataset, record, by_measure))
            if record.claim.derived is not None:
                add(_derived_subject(dataset, record))
    for subject in _named_overlaps(dataset, covered, figures, pruned):
        measure = subject.a.claim.measure
        if measure != subject.b.claim.measure or measure not in summarised:
            unlisted -= 1  # counted above, listed now (a summarised measure counts none)
        add(subject)
    ordered = sorted(comparisons, key=attrgetter("sort_key"))
    if covered:
        ordered = [_with_review(c, covered) for c in ordered]
    summaries = tuple(
        _summary(dataset, m, figures.get(m, []), m in summarised) for m in sorted(dataset.measures)
    )
    return CompareResult(dataset, tuple(ordered), summaries, unlisted, list_consistent)


def _named(subject: Subject, covered: set[frozenset[str]]) -> bool:
    """A review names the claims of this comparison."""
    return bool(covered) and frozenset(r.id for r in subject.records) in covered


def _named_overlaps(
    dataset: Dataset,
    covered: set[frozenset[str]],
    figures: dict[str, list[Figure]],
    pruned: set[tuple[str, str]],
) -> Iterator[Subject]:
    """Pairs a review names that were passed over because their figures overlap: pairs on
    one measure, or on two related measures, among those whose pairs were ``pruned``."""
    pairs = [sorted(c) for c in covered if len(c) == 2 and all(i in dataset.claims for i in c)]
    if not pairs:
        return
    by_id = {f.records[0].id: f for group in figures.values() for f in group}
    for first, second in sorted(pairs):
        x, y = by_id[first], by_id[second]
        if tuple(sorted((x.claim.measure, y.claim.measure))) not in pruned:
            continue
        if x.low <= y.high and y.low <= x.high:
            yield _figure_pair(dataset, x, y)


def _with_review(comparison: Comparison, reviewed: set[frozenset[str]]) -> Comparison:
    if frozenset(comparison.claims) not in reviewed:
        return comparison
    return replace(comparison, reviewed=True)


# --- per-measure summary ----------------------------------------------------------------


def _positions(figures: list[Figure]) -> tuple[tuple[str, ...], ...]:
    """Groups of mutually consistent claims: claims whose intervals share a point (for legal
    ranges, whose stated bounds match), each group listed once, ordered by claim id."""
    records = [f.records[0] for f in figures]
    if not records:
        return ()
    if any(r.claim.type == "legal-range" for r in records):
        groups: list[list[ClaimRecord]] = []
        for record in records:
            for group in groups:
                if all(_legal_gap(record.claim, g.claim) is None for g in group):
                    group.append(record)
                    break
            else:
                groups.append([record])
        return tuple(tuple(r.id for r in g) for g in groups)
    events = sorted(
        [(f.low, 0, f.records[0].id, f.records[0]) for f in figures]
        + [(f.high, 1, f.records[0].id, f.records[0]) for f in figures],
        key=lambda e: (e[0], e[1], e[2]),
    )
    open_now: dict[str, ClaimRecord] = {}
    cliques: list[tuple[ClaimRecord, ...]] = []
    added_since_close = False
    for _, kind, order, record in events:
        if kind == 0:
            open_now[order] = record
            added_since_close = True
        else:
            if added_since_close:
                cliques.append(tuple(sorted(open_now.values(), key=lambda r: r.id)))
                added_since_close = False
            open_now.pop(order, None)
    cliques.sort(key=lambda c: c[0].id)
    return tuple(tuple(r.id for r in c) for c in cliques)


def _summary(
    dataset: Dataset, measure_id: str, figures: list[Figure], summarised: bool
) -> MeasureSummary:
    from reconcile.reasons.sourcing import voice

    measure = dataset.measures[measure_id]
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
        positions=_positions(figures),
        summarised=summarised,
    )
