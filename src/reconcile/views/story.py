"""A conflict in the words a desk reads first, and one comparison's whole story.

:func:`headline` says who says what, by name, how far apart the figures are, the likely
reason in a few words and the review's verdict; :func:`further` gives each other reason in
one short sentence. :func:`story` is what ``reconcile explain`` prints: both claims with
their quotes, dates and sources, every reason with its evidence, and the review.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from reconcile.engine.attention import ratio
from reconcile.engine.compare import Comparison
from reconcile.engine.gate import beside, review_of
from reconcile.engine.reasons import UNEXPLAINED, Reason, title
from reconcile.engine.subjects import fmt
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim
from reconcile.model.rows import period_text, shown_unit


def status_words(c: Comparison, capitals: bool = False) -> str:
    """A comparison's status and, for a conflict, its severity: "conflict (major)", or with
    ``capitals`` "CONFLICT (major)"."""
    status = c.status.upper() if capitals else c.status
    return status + (f" ({c.severity})" if c.severity else "")


def voice_name(claim: Claim, dataset: Dataset) -> str:
    """Who says a figure: its origin's name and the outlet that carries it ("X, via Y"), or
    the source alone."""
    source = dataset.sources[claim.source]
    outlet = source.outlet or source.title
    if claim.origin is None:
        return outlet
    name = dataset.origins[claim.origin].name
    return name if name == outlet else f"{name}, via {outlet}"


def _figure(claim: Claim, with_measure: bool) -> str:
    """A figure as written, with its measure when the sides differ in it, and its place."""
    text = f"“{claim.value.text}”"
    about = [claim.measure] if with_measure else []
    if claim.place:
        about.append(claim.place)
    return f"{text} ({', '.join(about)})" if about else text


def side_words(ids: Sequence[str], dataset: Dataset, joiner: str, with_measure: bool) -> str:
    """Claims by who says them: "X, via Y: “235,000” + “nearly 54,000”"; claims from
    several voices each with their own."""
    claims = [dataset.claims[i].claim for i in ids]
    by_voice: dict[str, list[str]] = {}
    for claim in claims:
        by_voice.setdefault(voice_name(claim, dataset), []).append(_figure(claim, with_measure))
    if len(by_voice) == 1:
        ((name, figures),) = by_voice.items()
        return f"{name}: {joiner.join(figures)}"
    return joiner.join(f"{_figure(c, with_measure)} ({voice_name(c, dataset)})" for c in claims)


@dataclass(frozen=True)
class Headline:
    """One conflict at a glance: its tag with the review's verdict, its two sides, and one
    line of how far apart they are and why."""

    tag: str  # CONFLICT (major), and the review's verdict (or unreviewed)
    about: str  # the measure: id and label
    says: str  # the first side, by name
    against: str  # "against ..." the other side, by name
    gist: str  # how far apart, and the likely reason


def spread_words(c: Comparison, dataset: Dataset) -> str:
    """How far apart a comparison's sides are: as a ratio of their whole ranges ("the first
    is 1.04 to 1.75 times the other"), else the gap between their nearest edges."""
    found = ratio(c.subject)
    unit = dataset.unit_of(dataset.claims[c.claims[0]].claim)
    if found is not None:
        first, other = (
            ("the first", "the other") if found.higher == 0 else ("the other", "the first")
        )
        return f"{first} is {found.words()} {other}"
    if c.gap is not None:
        return f"{fmt(c.gap.absolute)} {unit} apart ({c.gap.relative:.1%} of the larger)"
    return "apart"


def _verdict(c: Comparison, dataset: Dataset) -> str:
    """The review's verdict in a word: "disputed"; "unreviewed" for a conflict no review
    covers; empty for a comparison that is not a conflict and has no review."""
    record = review_of(c, dataset) if c.reviewed else None
    if record is not None:
        return record.review.verdict
    return "unreviewed" if c.status == "conflict" else ""


def headline(c: Comparison, dataset: Dataset, reasons: tuple[Reason, ...]) -> Headline:
    """The headline of a conflict (or of any comparison: its status stands in the tag)."""
    likely = c.likely(reasons)
    measures = {dataset.claims[i].claim.measure for i in c.claims}
    named = len(measures) > 1
    first = dataset.claims[c.claims[0]].claim
    says = side_words(c.claims[:1], dataset, " + ", named)
    rest = c.claims[1:]
    if c.kind == "sum":
        against = f"against the sum of {side_words(rest, dataset, ' + ', named)}"
    elif c.kind == "derived":
        against = f"against what {side_words(rest, dataset, ' and ', named)} give"
    else:
        against = f"against {side_words(rest, dataset, ' and ', named)}"
    tag = status_words(c, capitals=True)
    verdict = _verdict(c, dataset)
    if verdict:
        tag += f", {verdict}"
    measure = dataset.measures[first.measure]
    if likely is None:
        reason = ""
    elif likely.code == UNEXPLAINED:
        reason = "; no likely reason: unexplained"
    else:
        reason = f"; likely reason: {likely.code}"
    gist = f"{spread_words(c, dataset)}{reason}."
    return Headline(
        tag, f"{first.measure}: {measure.label}", says, against, gist[0].upper() + gist[1:]
    )


def further(c: Comparison, reasons: tuple[Reason, ...]) -> Iterator[tuple[str, str]]:
    """Each reason under a headline, the likely one first, as (code, one short sentence)."""
    likely = c.likely(reasons)
    if likely is not None:
        yield likely.code, likely.short
    for r in reasons:
        if r is not likely:
            yield r.code, r.short


def _claim_lines(claim_id: str, dataset: Dataset) -> Iterator[str]:
    record = dataset.claims[claim_id]
    claim = record.claim
    source = dataset.sources[claim.source]
    unit = shown_unit(claim, dataset)
    yield f"{claim.id}: “{claim.value.text}” {unit}, {claim.type}, on {claim.measure}"
    yield f"  said by {voice_name(claim, dataset)}"
    published = source.published.text if source.published.known else "unknown"
    yield f"  in “{source.title}” (published {published})"
    if claim.quote:
        yield f"  quote: “{' '.join(claim.quote.split())}”"
    yield f"  place: {claim.place or 'not given'}"
    yield f"  time: {period_text(claim) or 'no period or date given'}"
    if claim.method:
        yield f"  method: {' '.join(claim.method.split())}"
    if claim.note:
        yield f"  note: {' '.join(claim.note.split())}"
    yield f"  defined at {record.where.file}:{record.where.line}"


def story(c: Comparison, dataset: Dataset) -> Iterator[str]:
    """One comparison's whole story, line by line, for ``reconcile explain``."""
    reasons = c.evaluate()
    likely = c.likely(reasons)
    head = headline(c, dataset, reasons)
    yield f"{head.tag}: {head.about}"
    yield head.says
    yield head.against
    yield head.gist
    if c.gap is not None:
        yield f"gap between the nearest edges: {fmt(c.gap.absolute)} ({c.gap.relative:.1%})"
    yield ""
    for claim_id in c.claims:
        yield from _claim_lines(claim_id, dataset)
        yield ""
    if likely is not None and likely.code == UNEXPLAINED:
        yield f"{UNEXPLAINED}: {likely.explanation}"
    for r in reasons:
        # not a conflict: reasons for the difference, none of them ranked likely
        lead = "reason" if likely is None else "likely reason" if r is likely else "also"
        yield f"{lead}: {r.code} ({r.score:.2f}), {title(r.code)}: {r.explanation}"
    if not reasons and (likely is None or likely.code != UNEXPLAINED):
        yield "no reason fires"
    shown = beside(c, dataset, likely) if c.reviewed else None
    yield ""
    yield shown.words() if shown is not None else "not reviewed"


def write_stories(
    comparisons: Sequence[Comparison], dataset: Dataset, stream: TextIO, width: int | None = None
) -> None:
    """The stories of comparisons, one after the other, a blank line between two; with a
    ``width`` (a terminal's), each line wraps between words, under its own start."""
    from reconcile.views.terminal import wrap

    lines: list[str] = []
    for i, c in enumerate(comparisons):
        if i:
            lines.append("")
        for line in story(c, dataset):
            if width is None or len(line) <= width:
                lines.append(line)
                continue
            lead = " " * (len(line) - len(line.lstrip()) + 2)
            first, *rest = wrap(line, width - len(lead))
            lines.append(first.rstrip())
            lines.extend(f"{lead}{more.strip()}" for more in rest)
    stream.write("".join(f"{line}\n" for line in lines))
