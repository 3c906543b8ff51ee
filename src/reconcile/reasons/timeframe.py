"""``timeframe``: the claims cover different periods or stand at different dates.

Compares what each claim covers (``period``, or ``as_of`` for a figure that stands at a
date) and, when neither gives one, when the sources were ``published``. It names the
overlap or the gap in days, says when one period lies within the other, and says when a
date it rests on was inferred (written with a leading ``~``). An inferred date is used like
a stated one: ``~2024-12-31`` and ``2024-12-31`` are the same day, so two periods that differ
only in that mark are the same period, and the reason does not fire. For a broad figure
compared with the sum of its parts, it fires when a part's claim does not cover the broad
claim's period exactly (the parts are then chosen by the rule in the format: the latest
claim that ends no later, else the latest).

Example::

    measures:
      arrests: {label: "Arrests for shoplifting", unit: persons, cumulative: true}
    claims:
      - {id: year-total, measure: arrests, value: "1,200",
         period: {start: 2024-01, end: 2024-12}, ...}
      - {id: spring-total, measure: arrests, value: "400",
         period: {start: 2024-03, end: 2024-05}, ...}

"spring-total covers 2024-03-01 to 2024-05-31 (92 days), which lies within year-total's
2024-01-01 to 2024-12-31." The measure is ``cumulative``, so the two are ``compatible``: the
shorter period may hold the smaller total.
"""

from __future__ import annotations

import functools

from pydantic import BaseModel

from reconcile.reasons._evidence import Evidence
from reconcile.reasons._facts import Facts, Sides, sides
from reconcile.subjects import Span, Subject
from reconcile.validate import Dataset
from reconcile.words import count

CODE = "timeframe"
TITLE = "different periods or as-of dates"


class Options(BaseModel):
    disjoint: float = 0.7
    nested: float = 0.55
    overlapping: float = 0.5
    different_dates: float = 0.45
    one_unknown: float = 0.3
    parts_not_matched: float = 0.5
    published_apart: float = 0.2


OPTIONS = Options()


@functools.lru_cache(maxsize=4096)
def _describe(span: Span) -> str:
    """What a span covers, in words (spans recur across claims, so the words are kept)."""
    if span.first is None and span.last is not None:
        return f"stands as of {span.last.isoformat()}"
    days = (span.last - span.first).days + 1 if span.first and span.last else None
    return f"covers {span.text()}" + (f" ({count(days, 'day')})" if days else "")


def _inferred(*claims: Facts) -> str:
    marked = [c.id for c in claims if c.inferred]
    if not marked:
        return ""
    verb = "rests" if len(marked) == 1 else "rest"
    return f" ({', '.join(marked)} {verb} on a date inferred from the text, not stated)"


def _pair(a: Facts, b: Facts, dataset: Dataset, options: Options) -> Evidence | None:
    sa, sb = a.span, b.span
    known_a, known_b = sa.known, sb.known
    if known_a and sa == sb:
        return None
    if not known_a and not known_b:
        source_a, source_b = a.claim.source, b.claim.source
        pa, pb = dataset.sources[source_a].published, dataset.sources[source_b].published
        if pa.first and pb.first and (pa.first, pa.last) != (pb.first, pb.last):
            return Evidence(
                options.published_apart,
                f"neither claim gives a period; {source_a} was published {pa.text} and "
                f"{source_b} {pb.text}.",
            )
        return None
    if not known_a or not known_b:
        known, unknown = (a, b) if known_a else (b, a)
        return Evidence(
            options.one_unknown,
            f"{known.id} {_describe(known.span)}, while {unknown.id} gives no "
            f"period or date, so they may not cover the same time{_inferred(a, b)}.",
        )
    if sa.first is None and sb.first is None and sa.last and sb.last:
        days = abs((sa.last - sb.last).days)
        return Evidence(
            options.different_dates,
            f"{a.id} stands as of {sa.last.isoformat()} and {b.id} as of "
            f"{sb.last.isoformat()}, {count(days, 'day')} apart{_inferred(a, b)}.",
        )
    for inner, outer in ((a, b), (b, a)):
        if inner.span.within(outer.span):
            return Evidence(
                options.nested,
                f"{inner.id} {_describe(inner.span)}, which lies within {outer.id}'s "
                f"{outer.span.text()}{_inferred(a, b)}.",
            )
    if sa.first and sa.last and sb.first and sb.last:
        start, end = max(sa.first, sb.first), min(sa.last, sb.last)
        if start > end:
            return Evidence(
                options.disjoint,
                f"{a.id} {_describe(sa)} and {b.id} {_describe(sb)}: the periods do not "
                f"overlap, {count((start - end).days - 1, 'day')} apart{_inferred(a, b)}.",
            )
        return Evidence(
            options.overlapping,
            f"{a.id} {_describe(sa)} and {b.id} {_describe(sb)}: they overlap for "
            f"{count((end - start).days + 1, 'day')}{_inferred(a, b)}.",
        )
    return Evidence(
        options.overlapping,
        f"{a.id} {_describe(sa)} and {b.id} {_describe(sb)}{_inferred(a, b)}.",
    )


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    side_a, side_b = facts or sides(subject)
    a = side_a[0]
    if subject.kind == "pair":
        return _pair(a, side_b[0], subject.dataset, options)
    span = a.span
    unmatched = [k for k in side_b if k.span != span]
    if not unmatched:
        return None
    listed = "; ".join(f"{k.id} {_describe(k.span)}" for k in unmatched)
    own = _describe(span) if span.known else "gives no period or date"
    if subject.kind == "sum":
        rule = (
            "so for each part the latest claim ending no later is used (else the latest)"
            if span.last is not None
            else "so for each part its latest claim is used"
        )
        return Evidence(
            options.parts_not_matched,
            f"{a.id} {own}, and no part has a claim for the same time, {rule}: "
            f"{listed}{_inferred(a, *unmatched)}.",
        )
    return Evidence(
        options.parts_not_matched,
        f"{a.id} {own}, but it is derived from claims that cover other times: "
        f"{listed}{_inferred(a, *unmatched)}.",
    )
