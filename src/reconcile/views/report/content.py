"""What a report says, independent of how it is shown.

:func:`build` turns a comparison result into a :class:`Report`: the summary, one section per
measure (the rows of its range chart, its claims and its comparisons), the sources and the
origins. The HTML and Markdown renderers show the same :class:`Report`, so the two formats
carry the same content. Every text here is plain text, exactly as the figure file gives it;
each renderer makes it inert for its own format.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, overload

from reconcile.engine.compare import PER_YEAR, CompareResult, Comparison, MeasureSummary
from reconcile.engine.gate import beside
from reconcile.engine.reasons import UNEXPLAINED, Reason, title
from reconcile.engine.reasons.sourcing import voice
from reconcile.engine.subjects import Figure, derive, fmt
from reconcile.intake.dates import PartialDate
from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.entries import Claim
from reconcile.views.compare import spread_text, summary_counts
from reconcile.words import count

# Okabe and Ito's palette, which stays distinct for the common kinds of colour blindness;
# its yellow is left out (too faint on white). Parties take colours in sorted order.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
NO_PARTY = "none stated"
NO_PARTY_COLOUR = "#8C8C8C"

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
# the Admiralty scale of a source's reliability
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
_HEDGED_KINDS = frozenset({"approximate", "nearly", "magnitude"})
_SERIOUS = 3


def safe_url(url: str | None) -> str | None:
    """The address when it is a plain http(s) link, else None (it is then shown as text).

    Anything else (``javascript:``, ``data:``, a relative path, an address with spaces,
    control characters, quotes or angle brackets) is never turned into a link.
    """
    if url is None:
        return None
    candidate = url.strip()
    if not candidate.lower().startswith(("http://", "https://")):
        return None
    if any(ord(ch) <= 0x20 or ch in '"<>\\`' or ord(ch) == 0x7F for ch in candidate):
        return None
    if len(candidate) <= len("https://") or candidate.split("//", 1)[1].startswith("/"):
        return None
    return candidate


@dataclass(frozen=True, slots=True)
class Party:
    name: str  # the party id, or NO_PARTY
    colour: str


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One bar of a range chart: a claim, or a figure computed from other claims."""

    label: str  # the source and date, or how a computed figure was made
    sublabel: str  # the claim id, or the ids of the claims a computed figure is made from
    claim: str  # the claim id (for a computed row, the claim it is compared with)
    written: str  # the figure as written, or a computed figure's interval in words
    low: float
    best: float | None
    high: float
    solid: tuple[float, float] | None  # the part of the bar that the text states
    party: Party
    computed: bool = False


@dataclass(frozen=True, slots=True)
class ClaimRow:
    id: str
    written: str
    figure: str  # the interval as reconcile read it, in words
    quote: str
    source: str
    source_id: str
    origin: str
    party: str
    period: str
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class ReasonRow:
    code: str
    title: str
    explanation: str
    likely: bool


@dataclass(frozen=True, slots=True)
class ReviewRow:
    verdict: str
    reason: str
    note: str
    reviewed: str
    likely: str = ""  # the tool's likely reason (or unexplained); empty for no conflict
    differs: bool = False  # the review's reason is not the tool's likely one


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    claims: tuple[str, ...]
    status: str
    severity: str
    sides: str
    gap: str
    reasons: tuple[ReasonRow, ...]
    review: ReviewRow | None
    deprecated: bool


@dataclass(frozen=True, slots=True)
class MeasureSection:
    id: str
    label: str
    unit: str
    axis: str  # the chart's axis label: the unit, and "a year" when rates were converted
    definition: str
    spread: str
    rows: tuple[ChartRow, ...]
    claims: tuple[ClaimRow, ...]
    comparisons: tuple[ComparisonRow, ...]

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties of this chart's rows, in legend order."""
        seen: dict[str, Party] = {}
        for row in self.rows:
            seen.setdefault(row.party.name, row.party)
        return tuple(sorted(seen.values(), key=lambda p: (p.name == NO_PARTY, p.name)))

    @property
    def party_colour(self) -> str:
        """The colour of the first row's party (a single claim's, in the compact table)."""
        return self.rows[0].party.colour if self.rows else NO_PARTY_COLOUR


Layout = Literal["chart", "table", "single", "empty"]


@dataclass(frozen=True, slots=True)
class MeasureEntry:
    """A measure as the table of contents lists it, known before its section is built.

    ``layout`` says how the report shows it: ``chart``, a section with a range chart (two
    rows or more: claims, or a claim and a figure computed for it); ``table``, a section
    without a chart (a single claim, with comparisons to list); ``single``, one row of the
    compact table of measures with a single claim and nothing compared with it (a chart of
    one row says no more than the row); ``empty``, the list of measures with no claim."""

    id: str
    label: str
    claims: int
    conflicts: int
    layout: Layout


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: str
    title: str
    publisher: str
    kind: str
    party: str
    date: str
    url: str  # as written (may be empty)
    link: str | None  # the same address when it is safe to link to


@dataclass(frozen=True, slots=True)
class OriginRow:
    id: str
    name: str
    kind: str
    party: str
    reliability: str


@dataclass(frozen=True, slots=True)
class Counts:
    claims: int
    sources: int
    origins: int
    measures: int
    comparisons: int
    consistent: int
    compatible: int
    conflict: int
    major: int
    minor: int
    reviewed: int


@dataclass(frozen=True, slots=True)
class Headline:
    """One of the most serious conflicts in a sentence, and the measure it is listed under."""

    measure: str
    label: str  # the measure's label
    sentence: str

    @property
    def parts(self) -> tuple[str, str]:
        """The sentence cut after the measure's label where it begins with it (the part a
        page links to the measure), else the whole sentence and nothing."""
        lead = f"{self.label}:"
        if self.sentence.startswith(lead):
            return lead[:-1], self.sentence[len(lead) - 1 :]
        return self.sentence, ""


def _layout(claims: int, own: Sequence[Comparison]) -> Layout:
    """How a measure with this many claims and these comparisons is shown (MeasureEntry)."""
    if not claims:
        return "empty"
    computed = {c.claims[1:] for c in own if c.kind in ("sum", "derived")}
    if claims + len(computed) > 1:
        return "chart"
    return "table" if own else "single"


class Sections(Sequence[MeasureSection]):
    """Every measure's section, in file order, each built when it is asked for and not kept:
    a report of many claims is written section by section, never held whole."""

    def __init__(self, result: CompareResult, parties: dict[str, Party]) -> None:
        self._result = result
        self._parties = parties
        self._ids = tuple(result.dataset.measures)
        self._own = own_comparisons(result)
        self._summaries = {m.id: m for m in result.measures}

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> MeasureSection: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[MeasureSection]: ...

    def __getitem__(self, index: int | slice) -> MeasureSection | Sequence[MeasureSection]:
        if isinstance(index, slice):
            return [self.of(i) for i in self._ids[index]]
        return self.of(self._ids[index])

    def __iter__(self) -> Iterator[MeasureSection]:
        return (self.of(measure_id) for measure_id in self._ids)

    def of(self, measure_id: str) -> MeasureSection:
        """The section of one measure."""
        return _measure_section(
            self._result,
            measure_id,
            self._parties,
            self._own.get(measure_id, ()),
            self._summaries[measure_id],
        )

    def entries(self) -> tuple[MeasureEntry, ...]:
        """Every measure as the table of contents lists it (no section is built for it)."""
        entries = []
        by_measure = self._result.dataset.by_measure
        for measure_id, measure in self._result.dataset.measures.items():
            claims = len(by_measure.get(measure_id, ()))
            own = self._own.get(measure_id, ())
            conflicts = sum(1 for c in own if c.status == "conflict")
            layout = _layout(claims, own)
            entries.append(MeasureEntry(measure_id, measure.label, claims, conflicts, layout))
        return tuple(entries)


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    files: tuple[tuple[str, str], ...]  # (path, sha256)
    counts: Counts
    serious: tuple[Headline, ...]  # the most serious conflicts, one sentence each
    parties: tuple[Party, ...]
    measures: Sections
    sources: tuple[SourceRow, ...]
    origins: tuple[OriginRow, ...]
    index: tuple[MeasureEntry, ...]  # every measure, for the table of contents

    def sections(self, *layouts: Layout) -> Iterator[MeasureSection]:
        """The sections of the measures shown in these layouts, in file order, built one by
        one as they are asked for."""
        return (self.measures.of(e.id) for e in self.index if e.layout in layouts)


# --- parties ---------------------------------------------------------------------------


def party_colours(dataset: Dataset) -> dict[str, Party]:
    """Every party named in the file with its colour; the palette repeats past its end."""
    names = sorted(
        {p for p in (o.party for o in dataset.origins.values()) if p}
        | {p for p in (s.party for s in dataset.sources.values()) if p}
    )
    parties = {name: Party(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)}
    parties[NO_PARTY] = Party(NO_PARTY, NO_PARTY_COLOUR)
    return parties


def _party_of(claim: Claim, dataset: Dataset, parties: dict[str, Party]) -> Party:
    return parties[voice(claim, dataset).party or NO_PARTY]


# --- words -----------------------------------------------------------------------------


def source_name(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources[source_id]
    return source.outlet or source.title


def who(claim: Claim, dataset: Dataset) -> str:
    """Who says a figure, in words: the origin and the outlet, or the outlet alone."""
    outlet = source_name(dataset, claim.source)
    if claim.origin is None:
        return outlet
    name = dataset.origins[claim.origin].name
    return name if name == outlet else f"{name}, in {outlet}"


def _date_words(date: PartialDate) -> str:
    return f"{date.text.lstrip('~')} (inferred)" if date.inferred else date.text


def period_words(claim: Claim) -> str:
    """A claim's period or as-of date in words; an inferred date says so."""
    period = claim.period
    if period is not None:
        start = _date_words(period.start) if period.start and period.start.known else None
        end = _date_words(period.end) if period.end and period.end.known else None
        if start and end:
            return start if start == end else f"{start} to {end}"
        if start:
            return f"since {start}"
        if end:
            return f"until {end}"
    if claim.as_of is not None and claim.as_of.known:
        return f"as of {_date_words(claim.as_of)}"
    return ""


def claim_date(claim: Claim, dataset: Dataset) -> str:
    """The claim's period or as-of date, else its source's date of publication."""
    text = period_words(claim)
    if text:
        return text
    published = dataset.sources[claim.source].published
    return f"published {_date_words(published)}" if published.known else "no date"


def _run_words(low: float, high: float, unit: str) -> str:
    """How the figures of several claims run, from the lowest low to the highest high."""
    if low == high:
        return f"run all at {fmt(low)} {unit}"
    if math.isinf(low) or math.isinf(high):
        return f"are {spread_text(low, high, unit)}"
    return f"run from {fmt(low)} to {fmt(high)} {unit}"


def _figure_words(low: float, best: float | None, high: float) -> str:
    if best is not None and low == high == best:
        return fmt(best)
    if math.isinf(high):
        return f"{fmt(low)} or more"
    if math.isinf(low):  # open below on a signed measure
        return f"{fmt(high)} or less"
    if low == high:
        return fmt(low)
    words = f"{fmt(low)} to {fmt(high)}"
    return f"{words} (stated: {fmt(best)})" if best is not None else words


def _unit_words(unit: str) -> str:
    return "percentage points" if unit == "percent" else unit


def _quoted(claim: Claim) -> str:
    return f"“{claim.value.text}”"


# --- range chart rows ------------------------------------------------------------------


def _solid(claim: Claim, scale: float) -> tuple[float, float] | None:
    """The stated part of a figure's interval; None when all of it is hedged."""
    value = claim.value
    hedged = value.kind in _HEDGED_KINDS
    best = value.best * scale if value.best is not None else None
    lo = value.low * scale if not (hedged or value.lower_open) else best
    hi = value.high * scale if not (hedged or value.upper_open) else best
    if math.isinf(value.high):
        hi = None
    if lo is None and hi is None:
        return None
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    assert lo is not None and hi is not None
    return (lo, hi)


def _claim_row(
    record: ClaimRecord, dataset: Dataset, parties: dict[str, Party], per_year: bool
) -> ChartRow:
    claim = record.claim
    per = claim.effective_per
    scale = PER_YEAR[per] if per_year and per else 1.0
    value = claim.value
    written = value.text + (" (as a yearly rate)" if scale != 1.0 else "")
    return ChartRow(
        label=f"{source_name(dataset, claim.source)} · {claim_date(claim, dataset)}",
        sublabel=claim.id,
        claim=claim.id,
        written=written,
        low=value.low * scale,
        best=value.best * scale if value.best is not None else None,
        high=value.high * scale,
        solid=_solid(claim, scale),
        party=_party_of(claim, dataset, parties),
    )


def _computed_row(
    comparison: Comparison, dataset: Dataset, parties: dict[str, Party]
) -> ChartRow | None:
    """The figure that a broad or derived claim is compared with, as a row of its own."""
    first = dataset.claims[comparison.claims[0]].claim
    inputs = [dataset.claims[i] for i in comparison.claims[1:]]
    figures = [Figure.of(r) for r in inputs]
    if comparison.kind == "sum":
        low, high, best = derive("sum", figures)
        how, ids = "computed: the sum of its parts", " + ".join(r.id for r in inputs)
    elif comparison.kind == "derived" and first.derived is not None:
        percent = dataset.unit_of(first) == "percent" and first.derived.op == "ratio"
        low, high, best = derive(first.derived.op, figures, 100.0 if percent else 1.0)
        symbol = {"ratio": " ÷ ", "sum": " + ", "difference": " − "}[first.derived.op]
        how = f"computed: the {first.derived.op} of its inputs"
        ids = symbol.join(r.id for r in inputs) + (" × 100" if percent else "")
    else:
        return None
    found = {_party_of(r.claim, dataset, parties) for r in inputs}
    party = found.pop() if len(found) == 1 else parties[NO_PARTY]
    spot = best if best is not None else None
    return ChartRow(
        label=how,
        sublabel=ids,
        claim=first.id,
        written=_figure_words(low, None, high),
        low=low,
        best=best,
        high=high,
        solid=(spot, spot) if spot is not None else None,
        party=party,
        computed=True,
    )


# --- comparisons -----------------------------------------------------------------------


def _side(ids: Sequence[str], dataset: Dataset) -> str:
    """Claims named with their figures and who says them."""
    claims = [dataset.claims[i].claim for i in ids]
    voices = {who(c, dataset) for c in claims}
    if len(voices) == 1:
        figures = " and ".join(_quoted(c) for c in claims)
        return f"{figures} ({voices.pop()})"
    return " and ".join(f"{_quoted(c)} ({who(c, dataset)})" for c in claims)


def sides_text(comparison: Comparison, dataset: Dataset) -> str:
    """The two sides of a comparison in words, with claim ids for the tables."""
    ids = comparison.claims
    named = [f"{i} {_quoted(dataset.claims[i].claim)}" for i in ids]
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
        f"{fmt(comparison.gap.absolute)} {_unit_words(unit)} apart, "
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


def _comparison_row(comparison: Comparison, dataset: Dataset) -> ComparisonRow:
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
    mine = f"{_quoted(first)} ({who(first, dataset)})"
    if comparison.kind == "sum":
        other = f"the sum of {_side(ids[1:], dataset)}"
    elif comparison.kind == "derived":
        other = f"what {_side(ids[1:], dataset)} give"
    else:
        other = _side(ids[1:], dataset)
    sentence = f"{label}: {mine} against {other}"
    if comparison.gap is not None:
        sentence += f", {_gap_text(comparison, dataset)}"
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


def most_serious(comparisons: Sequence[Comparison], n: int = _SERIOUS) -> list[Comparison]:
    """Conflicts, major before minor, the widest relative gap first, then in list order."""
    conflicts = [c for c in comparisons if c.status == "conflict"]
    return sorted(
        conflicts,
        key=lambda c: (
            0 if c.severity == "major" else 1,
            -(c.gap.relative if c.gap is not None else 0.0),
            c.sort_key,
        ),
    )[:n]


# --- the report ------------------------------------------------------------------------


def _mixed_rates(records: Sequence[ClaimRecord]) -> bool:
    return len({r.claim.effective_per for r in records} - {None}) > 1


def own_comparisons(result: CompareResult) -> Mapping[str, tuple[Comparison, ...]]:
    """The comparisons listed under each measure (their first claim's), in list order."""
    grouped: dict[str, list[Comparison]] = {}
    for comparison in result.comparisons:
        grouped.setdefault(comparison.measures[0], []).append(comparison)
    return {measure_id: tuple(own) for measure_id, own in grouped.items()}


def measure_section(result: CompareResult, measure_id: str) -> MeasureSection:
    """One measure's section, as the report shows it (its chart rows, claims, comparisons)."""
    summary = next(m for m in result.measures if m.id == measure_id)
    own = own_comparisons(result).get(measure_id, ())
    return _measure_section(result, measure_id, party_colours(result.dataset), own, summary)


def _measure_section(
    result: CompareResult,
    measure_id: str,
    parties: dict[str, Party],
    own: Sequence[Comparison],
    summary: MeasureSummary,
) -> MeasureSection:
    dataset = result.dataset
    measure = dataset.measures[measure_id]
    records = dataset.by_measure.get(measure_id, [])
    yearly = _mixed_rates(records)
    rows = [_claim_row(r, dataset, parties, yearly) for r in records]
    seen: set[tuple[str, ...]] = set()
    for comparison in own:
        if comparison.kind in ("sum", "derived") and comparison.claims[1:] not in seen:
            seen.add(comparison.claims[1:])
            row = _computed_row(comparison, dataset, parties)
            if row is not None:
                rows.append(row)
    if not summary.claims:
        spread = "No claims on this measure."
    else:
        assert summary.low is not None and summary.high is not None  # it has claims
        if len(summary.claims) == 1:
            spread = f"One claim: {spread_text(summary.low, summary.high, measure.unit)}."
        else:
            span = _run_words(summary.low, summary.high, measure.unit)
            spread = (
                f"{count(len(summary.claims), 'claim')} from "
                f"{count(summary.independent_origins, 'independent origin')}; "
                f"the figures {span}."
            )
    pers = {r.claim.effective_per for r in records}
    per = (
        " a year" if yearly else (f" a {pers.pop()}" if len(pers) == 1 and None not in pers else "")
    )
    claims = tuple(
        ClaimRow(
            id=r.id,
            written=r.claim.value.text,
            figure=_figure_words(r.claim.value.low, r.claim.value.best, r.claim.value.high),
            quote=r.claim.quote or "",
            source=source_name(dataset, r.claim.source),
            source_id=r.claim.source,
            origin=dataset.origins[r.claim.origin].name if r.claim.origin else "",
            party=_party_of(r.claim, dataset, parties).name,
            period=claim_date(r.claim, dataset),
            kind=r.claim.type,
            note=r.claim.note or "",
        )
        for r in records
    )
    return MeasureSection(
        id=measure_id,
        label=measure.label,
        unit=measure.unit,
        axis=measure.unit + per,
        definition=measure.definition or "",
        spread=spread,
        rows=tuple(rows),
        claims=claims,
        comparisons=tuple(_comparison_row(c, dataset) for c in own),
    )


def build(result: CompareResult) -> Report:
    """Everything a report shows, in the order it shows it; each measure's section is built
    when the renderer comes to it (:class:`Sections`)."""
    dataset = result.dataset
    parties = party_colours(dataset)
    counts = Counts(
        sources=len(dataset.sources),
        origins=len(dataset.origins),
        measures=len(dataset.measures),
        **summary_counts(result),
    )
    sources = tuple(
        SourceRow(
            id=source_id,
            title=s.title,
            publisher=s.outlet or "",
            kind=s.kind,
            party=s.party or NO_PARTY,
            date=s.published.text,
            url=s.url or "",
            link=safe_url(s.url),
        )
        for source_id, s in dataset.sources.items()
    )
    origins = tuple(
        OriginRow(
            id=origin_id,
            name=o.name,
            kind=o.kind,
            party=o.party or NO_PARTY,
            reliability=f"{o.reliability} ({RELIABILITY[o.reliability]})" if o.reliability else "",
        )
        for origin_id, o in dataset.origins.items()
    )
    used = sorted(
        {_party_of(r.claim, dataset, parties) for r in dataset.claims.values()},
        key=lambda p: (p.name == NO_PARTY, p.name),
    )
    sections = Sections(result, parties)
    return Report(
        title=dataset.topic or "Figures compared",
        files=tuple((f.name, f.sha256) for f in dataset.files),
        counts=counts,
        serious=tuple(
            Headline(
                c.measures[0], dataset.measures[c.measures[0]].label, serious_sentence(c, dataset)
            )
            for c in most_serious(result.comparisons)
        ),
        parties=tuple(used),
        measures=sections,
        sources=sources,
        origins=origins,
        index=sections.entries(),
    )
