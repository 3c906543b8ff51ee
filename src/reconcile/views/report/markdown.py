"""The Markdown report: the HTML report's content with tables in place of charts.

Written for pasting into GitHub, a wiki or a CMS: headings, lists and pipe tables only, no
raw HTML. Every text from the figure file goes through :func:`text`, which turns everything
Markdown (or GitHub's extensions to it) would act on into a character reference: pipes,
backticks, emphasis, brackets, angle brackets, backslashes, tildes, dollar signs (maths) and
hash signs; keeps addresses from becoming links; and folds line breaks. A source address
becomes a link only when it is a plain http(s) address, percent-encoded so that no character
of it can end the link early.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import quote

from reconcile.engine.compare import CompareResult
from reconcile.engine.subjects import fmt
from reconcile.views.claims import markdown_cell
from reconcile.views.report.comparisons import STATUS_WORDS
from reconcile.views.report.content import Report, build
from reconcile.views.report.rows import ChartRow, MeasureSection
from reconcile.words import count

_URL_SAFE = "-._~:/?#@!$&*+,;=%"


def text(value: Any) -> str:
    """Any text as inert Markdown on one line (:func:`markdown_cell`)."""
    return markdown_cell(value)


def link(label: str, url: str) -> str:
    """A Markdown link to an address that :func:`safe_url` accepted."""
    return f"[{text(label)}]({quote(url, safe=_URL_SAFE)})"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table of cells that are already inert Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _bound(value: float | None) -> str:
    if value is None:
        return ""
    return "no bound" if math.isinf(value) else fmt(value)


def _range_rows(rows: Sequence[ChartRow]) -> list[list[str]]:
    return [
        [
            text(r.claim if not r.computed else f"computed for {r.claim}"),
            text(r.label),
            text(r.party.name),
            text(r.written if r.computed else f"“{r.written}”"),
            _bound(r.low),
            _bound(r.best),
            _bound(r.high),
        ]
        for r in rows
    ]


def _measure(m: MeasureSection) -> list[str]:
    out = ["", f"### {text(m.label)} ({text(m.id)}, {text(m.unit)})", ""]
    if m.definition:
        out += [f"_{text(m.definition)}_", ""]
    out.append(text(m.spread))
    if m.rows:
        header = ["claim", "source and date", "party", "figure", "low", "stated", "high"]
        out += ["", table(header, _range_rows(m.rows))]
    if m.claims:
        rows = [
            [
                text(c.id),
                text(c.written) + (f" ({text(c.figure)})" if c.figure != c.written else ""),
                (f"“{text(c.quote)}”" if c.quote else "")
                + (f" Note: {text(c.note)}" if c.note else ""),
                text(c.source),
                text(c.origin or "not named") + f" (party: {text(c.party)})",
                text(c.period),
            ]
            for c in m.claims
        ]
        header = ["claim", "figure as written", "quote", "source", "origin", "period"]
        out += ["", "Claims:", "", table(header, rows)]
    if m.comparisons:
        rows = []
        for c in m.comparisons:
            if c.status == "conflict":
                reasons = " ".join(
                    (
                        f"**{'Unexplained' if r.code == 'unexplained' else 'Likely reason'}: "
                        f"{text(r.title)}**"
                        if r.likely
                        else f"Also: {text(r.title)}"
                    )
                    + f" ({text(r.code)}). {text(r.explanation)}"
                    for r in c.reasons
                )
            elif c.reasons:
                reasons = "Why they may differ: " + "; ".join(text(r.title) for r in c.reasons)
            else:
                reasons = ""
            if c.review is not None:
                review = c.review
                when = f" {text(review.reviewed)}" if review.reviewed else ""
                reasons += f" **Reviewed{when}: {text(review.verdict)}** ({text(review.reason)})"
                reasons += f". {text(review.note)}" if review.note else ""
                if review.differs:
                    tool = text(review.likely)
                    reasons += f" _The review's reason differs from the tool's: {tool}._"
            status = c.status + (f", {c.severity}" if c.severity else "")
            sides = text(c.sides) + (f": {text(c.gap)}" if c.gap else "")
            rows.append([status, sides, reasons or "no reason fires"])
        out += ["", "Comparisons:", "", table(["status", "claims", "why"], rows)]
    return out


def markdown(report: Report) -> str:
    c = report.counts
    out = [f"# {text(report.title)}", "", "## Summary", ""]
    out.append(
        f"- {count(c.claims, 'claim')} from {count(c.sources, 'source')} and "
        f"{count(c.origins, 'origin')}, on {count(c.measures, 'measure')}."
    )
    out.append(
        f"- {c.comparisons:,} comparisons: {c.consistent:,} consistent, "
        f"{c.compatible:,} compatible, {c.conflict:,} conflicting "
        f"({c.major:,} major, {c.minor:,} minor; {c.reviewed:,} reviewed)."
    )
    out += [
        f"- {text(status.capitalize())}: {text(words)}."
        for status, words in (
            ("consistent", STATUS_WORDS["consistent"]),
            ("compatible", STATUS_WORDS["compatible"]),
            ("conflicting", STATUS_WORDS["conflict"]),
        )
    ]
    lead = "The conflicts that need a person first:" if report.serious else "No conflicts."
    out += ["", lead, ""]
    out += [f"{i}. {text(s.sentence)}" for i, s in enumerate(report.serious, 1)]
    out += ["", "Files:", ""]
    out += [f"- {text(name)} (sha256 {sha})" for name, sha in report.files]
    out += ["", "## Measures"]
    for m in report.measures:
        out += _measure(m)
    out += ["", "## Sources", ""]
    rows = [
        [
            text(s.id),
            text(s.title),
            text(s.publisher),
            text(s.kind),
            text(s.party),
            text(s.date),
            link(s.link, s.link)
            if s.link
            else (text(s.url) + " (not linked: not an http or https address)" if s.url else ""),
        ]
        for s in report.sources
    ]
    out.append(table(["source", "title", "publisher", "kind", "party", "date", "link"], rows))
    out += ["", "## Origins", ""]
    rows = [
        [text(o.id), text(o.name), text(o.kind), text(o.party), text(o.reliability)]
        for o in report.origins
    ]
    out.append(table(["origin", "name", "kind", "party", "reliability"], rows))
    return "\n".join(out) + "\n"


def render(result: CompareResult, stream: TextIO) -> None:
    stream.write(markdown(build(result)))
