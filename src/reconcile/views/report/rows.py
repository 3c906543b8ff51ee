"""The rows and records a report is made of, independent of how it is shown.

A measure's section (:class:`MeasureSection`) holds the rows of its range chart
(:class:`ChartRow`), its claims (:class:`ClaimRow`) and its comparisons
(:class:`ComparisonRow`, with their reasons and review); the report also lists the sources
(:class:`SourceRow`), the origins (:class:`OriginRow`), its counts, its headlines and every
measure for the table of contents (:class:`MeasureEntry`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reconcile.views.report.parties import NO_PARTY, NO_PARTY_COLOUR, Party


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
