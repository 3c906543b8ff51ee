"""Showing a comparison result: a rich terminal view, Markdown, and versioned JSON.

Renderers are registered by name in :data:`RENDERERS` and write to an injected stream. The
JSON form is documented in docs/output.md; every renderer lists comparisons in the engine's
order, so the same input gives byte-identical output.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from reconcile.engine.attention import ranked
from reconcile.engine.compare import SEVERITIES, CompareResult, Comparison, MeasureSummary
from reconcile.engine.gate import beside
from reconcile.engine.pairing import Spread
from reconcile.engine.reasons import UNEXPLAINED, Reason
from reconcile.engine.subjects import fmt
from reconcile.model.rows import number
from reconcile.views.claims import markdown_cell, markdown_table
from reconcile.views.jsonout import JSON_VERSION, write_json
from reconcile.views.story import further, headline, status_words
from reconcile.words import count

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Selection:
    """What the user asked to see (the compare command's filters)."""

    measures: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_severity: str | None = None
    reasons: tuple[str, ...] = ()
    order: str = "attention"  # a key of ORDERS: how the views a person reads list conflicts

    def keeps(self, comparison: Comparison) -> bool:
        if self.measures and not set(comparison.measures) & set(self.measures):
            return False
        if self.statuses and comparison.status not in self.statuses:
            return False
        if self.min_severity is not None and (
            comparison.severity is None
            or SEVERITIES.index(comparison.severity) < SEVERITIES.index(self.min_severity)
        ):
            return False
        return not self.reasons or any(r.code in self.reasons for r in comparison.reasons)

    def keeps_measure(self, summary: MeasureSummary) -> bool:
        return not self.measures or summary.id in self.measures


@dataclass(frozen=True)
class Listing:
    """A comparison result as the user asked to see it: what every renderer takes."""

    result: CompareResult
    selection: Selection = Selection()


def _selected(result: CompareResult, selection: Selection) -> list[Comparison]:
    return [c for c in result.comparisons if selection.keeps(c)]


def summary_counts(result: CompareResult) -> dict[str, int]:
    comparisons = result.comparisons
    return {
        "claims": len(result.dataset.claims),
        "comparisons": len(comparisons) + result.unlisted,
        "consistent": result.count("consistent"),
        "compatible": result.count("compatible"),
        "conflict": result.count("conflict"),
        "major": sum(1 for c in comparisons if c.severity == "major"),
        "minor": sum(1 for c in comparisons if c.severity == "minor"),
        "reviewed": sum(1 for c in comparisons if c.reviewed),
    }


def review_json(c: Comparison, likely: Reason | None) -> dict[str, Any] | None:
    """The review of a comparison beside the tool's likely reason, or None."""
    shown = beside(c, c.subject.dataset, likely)
    if shown is None:
        return None
    review = shown.review
    return {
        "verdict": review.verdict,
        "reason": review.reason,
        "note": " ".join(review.note.split()) if review.note else None,
        "reviewed": review.reviewed.text if review.reviewed is not None else None,
        "reason_differs": shown.differs,
    }


def comparison_json(c: Comparison) -> dict[str, Any]:
    reasons = c.evaluate()  # not kept: a large result is written without holding them all
    likely = c.likely(reasons)
    code = likely.code if likely else None
    return {
        "claims": list(c.claims),
        "kind": c.kind,
        "measures": list(c.measures),
        "status": c.status,
        "severity": c.severity,
        "gap": (
            {"absolute": number(c.gap.absolute), "relative": round(c.gap.relative, 6)}
            if c.gap is not None
            else None
        ),
        "likely_reason": code,
        "unexplained": likely.explanation if likely and code == UNEXPLAINED else None,
        "reasons": [
            {"code": r.code, "score": r.score, "explanation": r.explanation} for r in reasons
        ],
        "reviewed": c.reviewed,
        "review": review_json(c, likely) if c.reviewed else None,
        "deprecated": c.deprecated,
    }


def measure_json(m: MeasureSummary, judged: bool = False) -> dict[str, Any]:
    """A measure's summary; ``judged`` for a document that lists no consistent pair."""
    return {
        "id": m.id,
        "label": m.label,
        "unit": m.unit,
        "claims": list(m.claims),
        "low": number(m.low),
        "high": number(m.high),
        "independent_origins": m.independent_origins,
        "places": m.spread.places,
        "unplaced": m.spread.unplaced,
        "times": m.spread.times,
        "most_accounts": m.spread.most,
        "consistent_pairs_listed": not (m.summarised or judged),
    }


def result_json(result: CompareResult, selection: Selection = Selection()) -> dict[str, Any]:
    """The JSON document of a result; of a result that lists no consistent comparison (the
    gate's), only the comparisons a gate judges: the conflicts, and those reviews name."""
    judged = not result.list_consistent
    listed = (
        (c for c in result.comparisons if c.status == "conflict" or c.reviewed)
        if judged
        else (c for c in result.comparisons if selection.keeps(c))
    )
    return {
        "version": JSON_VERSION,
        "files": [{"path": f.name, "sha256": f.sha256} for f in result.dataset.files],
        "summary": summary_counts(result),
        "measures": [
            measure_json(m, judged) for m in result.measures if selection.keeps_measure(m)
        ],
        # a generator: a large result is written comparison by comparison, never held whole
        "comparisons": (comparison_json(c) for c in listed),
    }


def render_json(shown: Listing, stream: TextIO) -> None:
    write_json(result_json(shown.result, shown.selection), stream)


def _figure_words(result: CompareResult, claim_id: str) -> str:
    claim = result.dataset.claims[claim_id].claim
    return f"{claim.id} “{claim.value.text}”"


def _sides(result: CompareResult, c: Comparison) -> str:
    words = [_figure_words(result, i) for i in c.claims]
    if c.kind == "sum":
        return f"{words[0]}  vs  the sum of {' + '.join(words[1:])}"
    if c.kind == "derived":
        return f"{words[0]}  vs  what {', '.join(words[1:])} give"
    return "  vs  ".join(words)


def spread_text(low: float, high: float, unit: str) -> str:
    """The span of a measure's figures, from the lowest low to the highest high, in words."""
    if math.isinf(low) and math.isinf(high):
        # claims open above, and on a signed measure claims open below
        return f"unbounded both ways ({unit})"
    if math.isinf(high):
        return f"at least {fmt(low)} {unit}"  # some claim is open above ("more than ...")
    if math.isinf(low):
        return f"at most {fmt(high)} {unit}"  # a claim on a signed measure open below
    return f"{fmt(low)} to {fmt(high)} {unit}" if low != high else f"{fmt(low)} {unit}"


def _measure_line(m: MeasureSummary) -> str:
    if not m.claims:
        return "no claims"
    assert m.low is not None and m.high is not None  # a measure with claims has both
    spread = spread_text(m.low, m.high, m.unit)
    origins = f"{m.independent_origins} independent origin" + (
        "s" if m.independent_origins != 1 else ""
    )
    claims = f"{len(m.claims)} claim" + ("s" if len(m.claims) != 1 else "")
    return f"{claims}, spread {spread}, {origins}; {apart(m.spread)}"


def apart(s: Spread) -> str:
    """How a measure's claims fall apart by place and time, in words: "12 places, 17 periods;
    up to 4 accounts of one place and period"."""
    places = count(s.places, "place") if s.places else "no place"
    if s.places and s.unplaced:
        places += f" ({count(s.unplaced, 'claim')} without one)"
    times = count(s.times, "period or date", "periods or dates")
    if s.most < 2:
        return f"{places}, {times}; no two claims for one place and time"
    return f"{places}, {times}; up to {count(s.most, 'account')} of one place and time"


def _grouped(
    result: CompareResult, selection: Selection
) -> list[tuple[MeasureSummary, list[Comparison]]]:
    by_measure: dict[str, list[Comparison]] = {}
    for c in _selected(result, selection):
        by_measure.setdefault(c.measures[0], []).append(c)
    filtered = bool(selection.statuses or selection.min_severity or selection.reasons)
    groups = []
    for m in result.measures:
        own = by_measure.get(m.id, [])
        if own or (selection.keeps_measure(m) and not filtered):
            groups.append((m, own))
    return groups


_STATUS_STYLE = {"conflict": "bold red", "compatible": "yellow", "consistent": "green"}


Piece = str | tuple[str, str]  # text, or text with a rich style


class _Lines:
    """The table view's lines, each given as its text and, for colours, as styled pieces.

    Piped (no colours), a line of printable characters is written as text, cut where rich
    would cut it, without rich's per-line cost; on a terminal, and for any other line, rich
    renders the pieces. Either way the text is shown as written: no markup is parsed and no
    ``:name:`` becomes an emoji."""

    def __init__(self, console: Console) -> None:
        from reconcile.views.terminal import is_piped, wrap

        self.console = console
        self.plain = is_piped(console)
        self.width = console.width
        self.pending: list[str] = []
        self.wrap = wrap

    def write(
        self,
        plain: str,
        pieces: tuple[Piece, ...] = (),
        style: str | None = None,
        indent: int = 0,
        hang: int = 0,
    ) -> None:
        """A line at ``indent``; the lines it wraps into ``hang`` cells further in."""
        if self.plain and plain.isprintable():
            lead, more = " " * indent, " " * (indent + hang)
            lines = self.wrap(plain, self.width - indent - hang)
            self.pending.append(f"{lead}{lines[0]}\n")
            self.pending.extend(f"{more}{line}\n" for line in lines[1:])
            if len(self.pending) > 4096:
                self.flush()
            return
        from rich.padding import Padding
        from rich.text import Text

        self.flush()
        shown = Text.assemble(*pieces) if pieces else Text(plain)
        if not hang:
            self.console.print(Padding(shown, (0, 0, 0, indent)) if indent else shown, style=style)
            return
        for i, line in enumerate(shown.wrap(self.console, self.width - indent - hang)):
            self.console.print(Padding(line, (0, 0, 0, indent + (hang if i else 0))), style=style)

    def blank(self) -> None:
        if self.plain:
            self.pending.append("\n")
        else:
            self.console.print()

    def rule(self, plain: str, pieces: tuple[Piece, ...]) -> None:
        """A heading and a rule to the end of its line; a heading too long for one line
        wraps, and the rule follows its last line."""
        from rich.cells import cell_len

        if self.plain and plain.isprintable():
            *lines, last = self.wrap(plain, self.width - 2)
            last = last.rstrip()
            self.pending.extend(f"{line.rstrip()}\n" for line in lines)
            self.pending.append(f"{last} {'─' * (self.width - cell_len(last) - 1)}\n")
            return
        from rich.rule import Rule
        from rich.text import Text

        self.flush()
        *heading, end = Text.assemble(*pieces).wrap(self.console, self.width - 2)
        for line in heading:
            self.console.print(line)
        self.console.print(Rule(end, align="left"))

    def flush(self) -> None:
        if self.pending:
            self.console.file.write("".join(self.pending))
            self.pending = []


def render_table(shown: Listing, stream: TextIO) -> None:
    result, selection = shown.result, shown.selection
    from reconcile.views.terminal import console as terminal

    with terminal(stream) as console:
        out = _Lines(console)
        counts = summary_counts(result)
        topic = result.dataset.topic
        if topic:
            out.write(topic, ((topic, "bold"),))
        numbers = (
            f"{count(counts['claims'], 'claim')}, {count(counts['comparisons'], 'comparison')}: ",
            f"{counts['consistent']:,} consistent",
            f"{counts['compatible']:,} compatible",
            f"{count(counts['conflict'], 'conflict')}",
            f" ({counts['major']:,} major, {counts['minor']:,} minor; "
            f"{counts['reviewed']:,} reviewed)",
        )
        out.write(
            f"{numbers[0]}{numbers[1]}, {numbers[2]}, {numbers[3]}{numbers[4]}",
            (
                numbers[0],
                (numbers[1], "green"),
                ", ",
                (numbers[2], "yellow"),
                ", ",
                (numbers[3], "bold red"),
                numbers[4],
            ),
        )
        numbers_of = _numbered(result, selection)
        if selection.order == "attention" and numbers_of:
            out.blank()
            heading = "Conflicts, those that need a person first"
            out.rule(heading, ((heading, "bold"),))
            for c, (n, reasons) in numbers_of.items():
                _conflict_block(out, result, c, n, reasons)
        for m, comparisons in _grouped(result, selection):
            out.blank()
            out.rule(f"{m.id}: {m.label}", ((m.id, "bold"), f": {m.label}"))
            out.write(_measure_line(m), style="dim", indent=2)
            if m.summarised:
                out.write("consistent pairs are counted, not listed", style="dim", indent=2)
            for c in comparisons:
                if c.status == "conflict" and selection.order == "attention":
                    _listed_line(out, result, c, f"  (conflict {numbers_of[c][0]} above)")
                    continue
                if c.status == "conflict":
                    _conflict_block(out, result, c, None, c.evaluate())
                    continue
                reasons = c.evaluate()  # not kept: a large view is never held whole
                _listed_line(out, result, c, "")
                if reasons:
                    codes = ", ".join(r.code for r in reasons)
                    out.write(f"reasons: {codes}", style="dim", indent=6)
                _review_line(out, c, None)
        out.flush()


def _numbered(
    result: CompareResult, selection: Selection
) -> dict[Comparison, tuple[int, tuple[Reason, ...]]]:
    """The conflicts shown, numbered in attention order, each with its reasons (empty in
    measure order). Only conflicts are held, with their reasons, for the order."""
    if selection.order != "attention":
        return {}
    conflicts = (c for c in _selected(result, selection) if c.status == "conflict")
    ordered = ranked(conflicts, result.dataset)
    return {c: (n, reasons) for n, (c, reasons) in enumerate(ordered, 1)}


def _listed_line(out: _Lines, result: CompareResult, c: Comparison, after: str) -> None:
    """A comparison in one line: its status, its marks and its two sides."""
    tag = status_words(c, capitals=True)
    marks = "".join(
        f" [{flag}]" for flag, on in (("reviewed", c.reviewed), ("deprecated", c.deprecated)) if on
    )
    rest = f"{marks}  {_sides(result, c)}{after}"
    out.write(f"{tag}{rest}", ((tag, _STATUS_STYLE[c.status]), rest), indent=2)


def _conflict_block(
    out: _Lines, result: CompareResult, c: Comparison, n: int | None, reasons: tuple[Reason, ...]
) -> None:
    """A conflict's headline (who says what, the spread, the likely reason, the verdict)
    and each of its reasons in one short sentence."""
    head = headline(c, result.dataset, reasons)
    lead = f"{n}. " if n is not None else ""
    tag = f"{lead}{head.tag}"
    marks = " [deprecated]" if c.deprecated else ""
    about = f"{marks}  {head.about}" if n is not None else f"{marks}  {' · '.join(c.claims)}"
    out.write(f"{tag}{about}", ((tag, _STATUS_STYLE[c.status]), about), indent=2, hang=len(lead))
    for line in (head.says, head.against):
        out.write(line, indent=6, hang=2)
    out.write(head.gist, ((head.gist, "bold"),), indent=6, hang=2)
    for code, words in further(c, reasons):
        lead = f"- {code}: "
        out.write(f"{lead}{words}", ((lead, "bold"), words), style="dim", indent=6, hang=2)
    _review_line(out, c, c.likely(reasons))
    if n is not None:
        out.write(f"reconcile explain {' '.join(c.claims)}", style="dim", indent=6, hang=2)


def _review_line(out: _Lines, c: Comparison, likely: Reason | None) -> None:
    """The review beside the likely reason, and whether the two differ."""
    shown = beside(c, c.subject.dataset, likely) if c.reviewed else None
    if shown is None:
        return
    lead, rest = shown.words().split(":", 1)
    out.write(f"{lead}:{rest}", ((f"{lead}:", "bold"), rest), indent=6, hang=2)


def render_markdown(shown: Listing, stream: TextIO) -> None:
    _write_joined(_markdown(shown.result, shown.selection), stream)


def _markdown(result: CompareResult, selection: Selection) -> Iterator[str]:
    counts = summary_counts(result)
    yield f"# {markdown_cell(result.dataset.topic or 'Comparison of figures')}"
    yield ""
    yield (
        f"{count(counts['claims'], 'claim')}, {count(counts['comparisons'], 'comparison')}: "
        f"{counts['consistent']:,} consistent, {counts['compatible']:,} compatible, "
        f"{count(counts['conflict'], 'conflict')} ({counts['major']:,} major, "
        f"{counts['minor']:,} minor; {counts['reviewed']:,} reviewed)."
    )
    numbers_of = _numbered(result, selection)
    if numbers_of:
        yield from ("", "## Conflicts, those that need a person first", "")
        for c, (n, reasons) in numbers_of.items():
            head = headline(c, result.dataset, reasons)
            yield f"{n}. **{markdown_cell(head.tag)}**: {markdown_cell(head.about)}\\"
            yield f"   {markdown_cell(head.says)}\\"
            yield f"   {markdown_cell(head.against)}\\"
            yield f"   {markdown_cell(head.gist)}"
            yield ""
            for code, words in further(c, reasons):
                yield f"   - **{markdown_cell(code)}**: {markdown_cell(words)}"
            review = beside(c, result.dataset, c.likely(reasons)) if c.reviewed else None
            if review is not None:
                yield ""
                yield f"   {markdown_cell(review.words())}"
            yield ""
            yield f"   The whole story: {markdown_cell('reconcile explain ' + ' '.join(c.claims))}"
            yield ""
    for m, comparisons in _grouped(result, selection):
        yield from ("", f"## {markdown_cell(m.id)}: {markdown_cell(m.label)}", "")
        yield markdown_cell(_measure_line(m))
        if comparisons:
            rows = []
            for c in comparisons:
                held = numbers_of.get(c)  # a conflict's reasons are held for the order
                reasons = held[1] if held else c.evaluate()  # others are not kept
                likely = c.likely(reasons)
                shown = (
                    f"see conflict {numbers_of[c][0]} above"
                    if c in numbers_of
                    else " ".join(f"{r.code} ({r.score:.2f}): {r.short}" for r in reasons)
                )
                rows.append(
                    [
                        status_words(c),
                        _sides(result, c),
                        likely.code if likely else "",
                        shown,
                    ]
                )
            yield from ("", markdown_table(["status", "claims", "likely reason", "reasons"], rows))


def _write_joined(pieces: Iterable[str], stream: TextIO, chunk: int = 1 << 20) -> None:
    """Write ``"\\n".join(pieces)`` without trailing newlines, then one newline, gathered
    into writes of about ``chunk`` characters (a small document is one write): newlines at
    the end of a piece are held back until more text follows them."""
    held = ""
    ready: list[str] = []
    size = 0
    for i, piece in enumerate(pieces):
        part = piece if i == 0 else "\n" + piece
        text = part.rstrip("\n")
        if text:
            ready.append(held + text)
            size += len(held) + len(text)
            held = part[len(text) :]
            if size >= chunk:
                stream.write("".join(ready))
                ready, size = [], 0
        else:
            held += part
    ready.append("\n")
    stream.write("".join(ready))


ORDERS: dict[str, str] = {
    "attention": "conflicts that need a person first, then each measure",
    "measure": "each measure in turn, its conflicts among its comparisons",
}
"""How the table and Markdown views list conflicts (``--sort``); JSON keeps the engine's
order."""

Renderer = Callable[[Listing, TextIO], None]
RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "json": render_json,
    "markdown": render_markdown,
}
