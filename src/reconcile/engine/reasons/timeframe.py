"""``timeframe``: the claims cover different periods or stand at different dates, or one
account of a period was revised.

Compares what each claim covers (``period``, or ``as_of`` for a figure that stands at a
date) and, when neither gives one, when the sources were ``published``. It names the
overlap or the gap in days, says when one period lies within the other, and says when a
date it rests on was inferred (written with a leading ``~``). An inferred date is used like
a stated one: ``~2024-12-31`` and ``2024-12-31`` are the same day.

For a conflict, the dates account for the gap only where they could give a gap of that sign
and size:

- on a running total (a ``cumulative`` measure, or a part and its whole that both are) a
  later or longer total can only be the larger, and the engine has already allowed every
  difference the dates allow: what is left is a conflict the dates cannot explain. A toll
  that is lower a day later is not explained by the date, and the reason says so, with a
  score too low to be the likely one;
- on any other measure the figures for different times are unrelated, so different dates
  account for a gap either way; for two periods that share some of their days, only as far
  as the days they do not share could hold it: the gap, as a share of the larger figure, must
  be no more than twice the share of its days that one period has and the other lacks (two
  weeks that share four of their seven days may differ by up to 6/7 of the larger figure);
- a claim that gives no period or date may cover any time: weak evidence, which does not
  account for a gap on its own.

**Revisions.** Two accounts of the same period from sources published apart (their
``published`` dates cannot be the same day) are a revision: the later publication may carry
revised figures (a relay printed after the origin's own publication is a copy of it, not a
revision). It is strongest when both come from the same ``origin``, then when one
outlet gives both in its own voice (no origin named), and either accounts for a gap of any
size (an origin may re-count or re-estimate its own figure); the explanation names both
publication dates. One origin's accounts of periods that share more than half their days (a
week counted to another weekday in a later release) are a revision too. Accounts of
different origins published apart may rest on revised data, which accounts for a small gap
only: at most ``revised_by`` (5%) of the larger figure; a wider one more likely comes from
how each was counted.

For a broad figure compared with the sum of its parts, it fires when a part's claim does not
cover the broad claim's period exactly (the parts are then chosen by the rule in the format:
the latest claim that ends no later, else the latest).

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

A revision::

    origins:
      registry: {name: "National statistics office", kind: statistics}
    sources:
      first-release: {title: "Weekly deaths, first release", published: 2021-01-15}
      revised-release: {title: "Weekly deaths, revised", published: 2024-06-30}
    measures:
      deaths: {label: "Deaths in one week", unit: deaths}
    claims:
      - {id: first-count, measure: deaths, value: "7,643", origin: registry,
         period: {start: 2020-03-30, end: 2020-04-05}, source: first-release}
      - {id: revised-count, measure: deaths, value: "7,634", origin: registry,
         period: {start: 2020-03-30, end: 2020-04-05}, source: revised-release}

The two conflict, and ``timeframe`` is the likely reason: "a revision: first-count and
revised-count give the same period, 2020-03-30 to 2020-04-05, from National statistics office,
as published 2021-01-15 (first-release) and 2024-06-30 (revised-release): the later
publication may carry revised figures."
"""

from __future__ import annotations

import functools

from pydantic import BaseModel, Field

from reconcile.engine.reasons._brief import day, span_words
from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Facts, Sides, depth, sides
from reconcile.engine.subjects import Span, Subject
from reconcile.intake.dates import PartialDate
from reconcile.model.dataset import Dataset
from reconcile.words import count

CODE = "timeframe"
TITLE = "different periods or as-of dates, or a revision"


class Options(BaseModel):
    nested: float = 0.55
    overlapping: float = 0.5
    different_dates: float = 0.45
    dates_apart: float = 0.5
    days_cannot_hold: float = 0.3
    one_unknown: float = 0.3
    parts_not_matched: float = 0.5
    broad_time_unknown: float = 0.3
    published_apart: float = 0.2
    cannot_grow_less: float = 0.1
    revision_same_origin: float = 0.7
    revision_same_outlet: float = 0.6
    revision_overlapping: float = 0.55
    revision: float = 0.5
    revised_by: float = Field(
        0.05,
        description="the largest gap, as a share of the larger figure, that revised data "
        "accounts for between accounts of different origins",
    )


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


def _growth(dataset: Dataset, a: Facts, b: Facts) -> bool:
    """Running totals that the dates relate: one cumulative measure, or a part and its whole
    that both are (the engine has then allowed every difference the dates allow)."""
    ma, mb = a.claim.measure, b.claim.measure
    measure_a, measure_b = dataset.measures[ma], dataset.measures[mb]
    if not (measure_a.cumulative and measure_b.cumulative):
        return False
    return ma == mb or dataset.is_part(ma, mb) or dataset.is_part(mb, ma)


def _published_apart(a: Facts, b: Facts, dataset: Dataset) -> tuple[Facts, Facts] | None:
    """The two claims, earlier publication first, when their sources cannot have been
    published the same day; else None."""
    sources = dataset.sources
    pa, pb = sources[a.claim.source].published, sources[b.claim.source].published
    if not (pa.first and pa.last and pb.first and pb.last):
        return None
    if pa.last < pb.first:
        return a, b
    if pb.last < pa.first:
        return b, a
    return None  # they may have been published the same day


def _when_published(early: Facts, late: Facts, dataset: Dataset) -> str:
    sources = dataset.sources
    p_early = sources[early.claim.source].published.text
    p_late = sources[late.claim.source].published.text
    return f"published {p_early} ({early.claim.source}) and {p_late} ({late.claim.source})"


def _published_days(early: Facts, late: Facts, dataset: Dataset) -> str:
    """When two sources were published, briefly: "15 Jan 2021 and 30 Jun 2024"."""
    sources = dataset.sources
    return " and ".join(_published_day(sources[k.claim.source].published) for k in (early, late))


def _published_day(published: PartialDate) -> str:
    first, last = published.first, published.last
    return day(first) if first is not None and first == last else published.text


def _same_time(span: Span) -> str:
    if span.first is None and span.last is not None:
        return f"stand at the same date, {span.last.isoformat()}"
    return f"give the same period, {span.text()}"


def _revision(subject: Subject, a: Facts, b: Facts, options: Options) -> Evidence | None:
    """Two accounts of the same period from sources published apart."""
    dataset = subject.dataset
    ordered = _published_apart(a, b, dataset)
    if ordered is None:
        return None
    early, late = ordered
    if depth(early, dataset) == 0 < depth(late, dataset) and early.voice.key == late.voice.key:
        return None  # the later account relays the origin's own: a copy, not a revision
    same = _same_time(a.span)
    when = _when_published(early, late, dataset)
    sources = dataset.sources
    outlet = sources[a.claim.source].outlet
    dates = _published_days(early, late, dataset)
    if a.voice.key == b.voice.key and a.voice.attributed:
        score, who = options.revision_same_origin, f" from {a.voice.name},"
        brief = f"A revision: one origin's account of the same time, published {dates}"
    elif (
        not (a.voice.attributed or b.voice.attributed)
        and outlet
        and outlet == sources[b.claim.source].outlet
    ):
        score, who = options.revision_same_outlet, f" in {outlet}'s own words,"
        brief = f"A revision: one outlet's account of the same time, published {dates}"
    else:
        words = (
            f"{early.id} and {late.id} {same}, from different origins, {when}: the later "
            "may rest on revised data"
        )
        gap = subject.gap
        if gap is not None and gap.relative > options.revised_by:
            return None  # wider than revised data moves a figure: no evidence of a revision
        return Evidence(
            options.revision,
            f"{words}{_inferred(a, b)}.",
            f"Both cover the same time, from different origins, published {dates}; the later "
            "may rest on revised data.",
        )
    return Evidence(
        score,
        f"a revision: {early.id} and {late.id} {same},{who} as {when}: the later "
        f"publication may carry revised figures{_inferred(a, b)}.",
        f"{brief}; the later may carry revised figures.",
    )


def _revised_overlap(
    a: Facts, b: Facts, dataset: Dataset, shared: int, options: Options
) -> Evidence | None:
    """One origin's accounts of periods that share most of their days (a week counted to
    another weekday, say), published apart: a revision too."""
    if not (a.voice.attributed and a.voice.key == b.voice.key):
        return None
    ordered = _published_apart(a, b, dataset)
    if ordered is None or 2 * shared <= max(_days(a.span), _days(b.span)):
        return None
    early, late = ordered
    return Evidence(
        options.revision_overlapping,
        f"a revision: {early.id} ({early.span.text()}) and {late.id} "
        f"({late.span.text()}) come from {a.voice.name}, as "
        f"{_when_published(early, late, dataset)}, for periods that share "
        f"{count(shared, 'day')}: the later publication may carry revised figures, counted "
        f"over other days{_inferred(a, b)}.",
        f"A revision: one origin's accounts of periods with {count(shared, 'day')} in common, "
        f"published {_published_days(early, late, dataset)}; the later may count other days.",
    )


def _days(span: Span) -> int:
    assert span.first is not None and span.last is not None
    return (span.last - span.first).days + 1


def _share_apart(sa: Span, sb: Span) -> tuple[int, float]:
    """The days two periods share, and the largest share of its days that one period has and
    the other lacks."""
    assert sa.first and sa.last and sb.first and sb.last
    start, end = max(sa.first, sb.first), min(sa.last, sb.last)
    shared = max((end - start).days + 1, 0)
    return shared, max((_days(s) - shared) / _days(s) for s in (sa, sb))


def _sized(
    words: str,
    brief: str,
    subject: Subject,
    a: Facts,
    b: Facts,
    score: float,
    options: Options,
) -> Evidence:
    """Periods that share some days, held to the gap: the days one has and the other lacks
    must be able to hold it (twice their share of the larger figure at most)."""
    gap = subject.gap
    if subject.status != "conflict" or gap is None:
        return Evidence(score, f"{words}{_inferred(a, b)}.", f"{brief}.")
    shared, apart = _share_apart(a.span, b.span)
    revised = _revised_overlap(a, b, subject.dataset, shared, options)
    if revised is not None:
        return revised
    if gap.relative <= 2 * apart:
        return Evidence(
            score,
            f"{words}; the days one covers and the other does not ({apart:.0%} of a period) "
            f"may hold the gap ({gap.relative:.0%} of the larger figure){_inferred(a, b)}.",
            f"{brief}; the days only one covers may hold the gap.",
        )
    return Evidence(
        options.days_cannot_hold,
        f"{words}; but the gap ({gap.relative:.0%} of the larger figure) is more than the "
        f"days one covers and the other does not ({apart:.0%} of a period) could hold, so "
        f"the dates do not account for it{_inferred(a, b)}.",
        f"{brief}, but the days only one covers could not hold a gap of {gap.relative:.0%}.",
    )


_CANNOT = "so the dates do not account for the gap"


def _cannot_grow(words: str, brief: str, a: Facts, b: Facts, options: Options) -> Evidence:
    """Running totals whose dates allow no gap of this sign: named, too weak to be likely."""
    return Evidence(
        options.cannot_grow_less,
        f"{words}, {_CANNOT}{_inferred(a, b)}.",
        f"{brief}, so the dates do not explain the gap.",
    )


def _pair(subject: Subject, a: Facts, b: Facts, options: Options) -> Evidence | None:
    dataset = subject.dataset
    sa, sb = a.span, b.span
    known_a, known_b = sa.known, sb.known
    if known_a and sa == sb:
        return None if subject.status == "consistent" else _revision(subject, a, b, options)
    if not known_a and not known_b:
        source_a, source_b = a.claim.source, b.claim.source
        pa, pb = dataset.sources[source_a].published, dataset.sources[source_b].published
        if pa.first and pb.first and (pa.first, pa.last) != (pb.first, pb.last):
            return Evidence(
                options.published_apart,
                f"neither claim gives a period; {source_a} was published {pa.text} and "
                f"{source_b} {pb.text}.",
                f"Neither gives a period, and their sources were published on different dates, "
                f"{_published_day(pa)} and {_published_day(pb)}.",
            )
        return None
    if not known_a or not known_b:
        known, unknown = (a, b) if known_a else (b, a)
        first, second = ("first", "second") if known_a else ("second", "first")
        return Evidence(
            options.one_unknown,
            f"{known.id} {_describe(known.span)}, while {unknown.id} gives no "
            f"period or date, so they may not cover the same time{_inferred(a, b)}.",
            f"The {first} {span_words(known.span)}; the {second} gives no period, so they may "
            "count different stretches of time.",
        )
    conflict = subject.status == "conflict"
    grows = conflict and _growth(dataset, a, b)
    if sa.first is None and sb.first is None and sa.last and sb.last:
        days = abs((sa.last - sb.last).days)
        words = (
            f"{a.id} stands as of {sa.last.isoformat()} and {b.id} as of "
            f"{sb.last.isoformat()}, {count(days, 'day')} apart"
        )
        if grows:
            later = a if sa.last > sb.last else b
            return _cannot_grow(
                f"{words}, but a running total can only grow and {later.id}, the later, is "
                f"not the larger",
                "A running total can only grow, yet the later figure is the smaller",
                a,
                b,
                options,
            )
        score = options.dates_apart if conflict else options.different_dates
        return Evidence(
            score,
            f"{words}{_inferred(a, b)}.",
            f"The first stands at {day(sa.last)} and the second at {day(sb.last)}, "
            f"{count(days, 'day')} apart.",
        )
    for inner, outer in ((a, b), (b, a)):
        if inner.span.within(outer.span):
            words = (
                f"{inner.id} {_describe(inner.span)}, which lies within {outer.id}'s "
                f"{outer.span.text()}"
            )
            first, second = ("first", "second") if inner is a else ("second", "first")
            brief = f"The {first} {span_words(inner.span)}, within the {second}'s period"
            if grows:
                return _cannot_grow(
                    f"{words}, but the total for a period within another's can be no larger",
                    f"{brief}, yet its total is the larger",
                    a,
                    b,
                    options,
                )
            if inner.span.first is None:  # running totals from one start: no days to count
                return Evidence(options.nested, f"{words}{_inferred(a, b)}.", f"{brief}.")
            return _sized(words, brief, subject, a, b, options.nested, options)
    if sa.first and sa.last and sb.first and sb.last:
        # periods that share no day are never compared (reconcile.engine.pairing)
        start, end = max(sa.first, sb.first), min(sa.last, sb.last)
        overlap = count((end - start).days + 1, "day")
        words = f"{a.id} {_describe(sa)} and {b.id} {_describe(sb)}: they overlap for {overlap}"
        brief = f"The periods, {_days(sa):,} and {_days(sb):,} days long, overlap for {overlap}"
        if grows:
            return _cannot_grow(
                f"{words}, but on running totals these dates allow no gap of this sign (the "
                f"total that may end earlier, or lie within the other, is the larger)",
                "On running totals these overlapping periods allow no gap of this sign",
                a,
                b,
                options,
            )
        return _sized(words, brief, subject, a, b, options.overlapping, options)
    words = f"{a.id} {_describe(sa)} and {b.id} {_describe(sb)}"
    brief = f"The first {span_words(sa)} and the second {span_words(sb)}"
    if grows:
        return _cannot_grow(
            f"{words}, but on a running total these dates allow no gap of this sign",
            f"{brief}; on a running total these dates allow no gap of this sign",
            a,
            b,
            options,
        )
    score = options.days_cannot_hold if conflict else options.overlapping
    return Evidence(score, f"{words}{_inferred(a, b)}.", f"{brief}.")


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    side_a, side_b = facts or sides(subject)
    a = side_a[0]
    if subject.kind == "pair":
        return _pair(subject, a, side_b[0], options)
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
        score = options.parts_not_matched if span.known else options.broad_time_unknown
        used = "latest claim ending no later" if span.last is not None else "latest claim"
        return Evidence(
            score,
            f"{a.id} {own}, and no part has a claim for the same time, {rule}: "
            f"{listed}{_inferred(a, *unmatched)}.",
            f"The broad figure {span_words(span)}, and no part has a claim for the same time, "
            f"so each part's {used} is used.",
        )
    return Evidence(
        options.parts_not_matched,
        f"{a.id} {own}, but it is derived from claims that cover other times: "
        f"{listed}{_inferred(a, *unmatched)}.",
        f"The derived figure {span_words(span)}, but it is derived from claims that cover "
        "other times.",
    )
