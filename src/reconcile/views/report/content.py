"""What a report says, independent of how it is shown.

:func:`build` turns a comparison result into a :class:`Report`: the summary, one section per
measure (the rows of its range chart, its claims and its comparisons), the sources and the
origins. The HTML and Markdown renderers show the same :class:`Report`, so the two formats
carry the same content. Every text here is plain text, exactly as the figure file gives it;
each renderer makes it inert for its own format.

The parts live beside it: :mod:`~reconcile.views.report.rows` (what a report is made of),
:mod:`~reconcile.views.report.measures` (a measure's section),
:mod:`~reconcile.views.report.comparisons` (comparisons in words),
:mod:`~reconcile.views.report.names` (how sources, dates and figures are named) and
:mod:`~reconcile.views.report.parties` (the parties' colours).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from reconcile.engine.compare import CompareResult, Comparison
from reconcile.views.compare import summary_counts
from reconcile.views.report.comparisons import most_serious, own_comparisons, serious_sentence
from reconcile.views.report.measures import build_section
from reconcile.views.report.names import safe_url
from reconcile.views.report.parties import NO_PARTY, Party, party_colours, party_of
from reconcile.views.report.rows import (
    Counts,
    Headline,
    Layout,
    MeasureEntry,
    MeasureSection,
    OriginRow,
    SourceRow,
)

# the Admiralty scale of a source's reliability
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


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
        return build_section(
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
        {party_of(r.claim, dataset, parties) for r in dataset.claims.values()},
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
            for c in most_serious(result.comparisons, dataset)
        ),
        parties=tuple(used),
        measures=sections,
        sources=sources,
        origins=origins,
        index=sections.entries(),
    )
