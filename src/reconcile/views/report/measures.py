"""A measure's section of the report: its range chart rows, its claims and its comparisons.

A chart has a row for each claim and one for each figure computed from other claims (a sum of
parts, or a figure derived from its inputs) that a claim is compared with. When the claims give
rates over different periods, every figure is shown as a yearly rate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reconcile.engine.compare import PER_YEAR, CompareResult, Comparison, MeasureSummary
from reconcile.engine.subjects import Figure, derive
from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.entries import Claim
from reconcile.views.compare import spread_text
from reconcile.views.report.comparisons import comparison_row, own_comparisons
from reconcile.views.report.names import claim_date, figure_words, run_words, source_name
from reconcile.views.report.parties import NO_PARTY, Party, party_colours, party_of
from reconcile.views.report.rows import ChartRow, ClaimRow, MeasureSection
from reconcile.words import count

_HEDGED_KINDS = frozenset({"approximate", "nearly", "magnitude"})


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
        party=party_of(claim, dataset, parties),
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
    found = {party_of(r.claim, dataset, parties) for r in inputs}
    party = found.pop() if len(found) == 1 else parties[NO_PARTY]
    spot = best if best is not None else None
    return ChartRow(
        label=how,
        sublabel=ids,
        claim=first.id,
        written=figure_words(low, None, high),
        low=low,
        best=best,
        high=high,
        solid=(spot, spot) if spot is not None else None,
        party=party,
        computed=True,
    )


def _mixed_rates(records: Sequence[ClaimRecord]) -> bool:
    return len({r.claim.effective_per for r in records} - {None}) > 1


def measure_section(result: CompareResult, measure_id: str) -> MeasureSection:
    """One measure's section, as the report shows it (its chart rows, claims, comparisons)."""
    summary = next(m for m in result.measures if m.id == measure_id)
    own = own_comparisons(result).get(measure_id, ())
    return build_section(result, measure_id, party_colours(result.dataset), own, summary)


def build_section(
    result: CompareResult,
    measure_id: str,
    parties: dict[str, Party],
    own: Sequence[Comparison],
    summary: MeasureSummary,
) -> MeasureSection:
    """One measure's section from what the report has already worked out: the parties'
    colours, the comparisons listed under the measure and its summary."""
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
            span = run_words(summary.low, summary.high, measure.unit)
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
            figure=figure_words(r.claim.value.low, r.claim.value.best, r.claim.value.high),
            quote=r.claim.quote or "",
            source=source_name(dataset, r.claim.source),
            source_id=r.claim.source,
            origin=dataset.origins[r.claim.origin].name if r.claim.origin else "",
            party=party_of(r.claim, dataset, parties).name,
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
        comparisons=tuple(comparison_row(c, dataset) for c in own),
    )
