"""How ``reconcile diff`` shows what changed: a line of counts, then one section per kind of
change, as text, Markdown or JSON.

Renderers are registered by name in :data:`RENDERERS`; each writes a
:class:`~reconcile.engine.diff.DiffResult` to an injected stream.

JSON output, version 1
----------------------

``{"version": 1, "old": SIDE, "new": SIDE, "summary": {...}, "claims_added": [...],
"claims_removed": [...], "claims_changed": [...], "comparisons_changed": [...],
"reviews_made_stale": [...], "reviews_added": [...], "reviews_removed": [...],
"reviews_changed": [...]}`` where

- ``SIDE`` is ``{"label", "files": [{"path", "sha256"}], "summary"}``, the summary being the
  counts of ``reconcile compare --format json`` for that version;
- ``summary`` counts ``conflicts_appeared``, ``conflicts_resolved``, ``status_changed``,
  ``claims_changed``, ``claims_added``, ``claims_removed``, ``reviews_added``,
  ``reviews_removed``, ``reviews_changed`` and ``reviews_made_stale``;
- ``claims_added`` and ``claims_removed`` hold claims as ``reconcile claims --format json``
  shows them (the added from the new version, the removed from the old);
- ``claims_changed`` holds ``{"id", "fields": [{"field", "old", "new", "words"}], "value"}``,
  where ``old`` and ``new`` are the field as text (``null`` when not set), ``words`` is, for a
  text field (``quote``, ``note``, ``method``) set in both versions, the word-level diff as
  ``[{"op", "text"}]`` (``op`` ``equal``, ``delete`` or ``insert``), else ``null``, and
  ``value`` is ``null``
  when the value did not change, else ``{"old": INTERVAL, "new": INTERVAL, "direction",
  "basis", "move", "relative"}``; an ``INTERVAL`` is ``{"text", "low", "best", "high"}``
  (``high`` is ``null`` when unbounded, ``best`` when not stated), ``basis`` is ``best``,
  ``midpoint``, ``low``, ``high`` or ``null`` (and then ``move`` and ``relative`` are too);
- ``comparisons_changed`` holds ``{"claims", "kind", "change", "old", "new"}``: ``change`` is
  ``appeared``, ``resolved`` or ``changed``; ``old`` and ``new`` are ``null`` where the claims
  were not compared, else ``{"status", "severity", "gap": {"absolute", "relative"} | null,
  "likely_reason", "reviewed"}``. For a pair, ``claims`` are sorted; for a broad claim against
  its parts, or a derived claim against its inputs, that claim comes first;
- ``reviews_made_stale`` holds ``{"claims", "verdict", "reason", "state", "status", "file",
  "line"}``: ``state`` is ``stale`` (``status`` is what the comparison is now) or
  ``unmatched`` (the claims are no longer compared; ``status`` is ``null``); ``file`` and
  ``line`` are where the review is in the new version;
- ``reviews_added`` and ``reviews_removed`` hold ``{"claims", "verdict", "reason", "note",
  "reviewed", "file", "line"}`` (the added where they are in the new version, the removed
  where they were in the old), ``reviews_changed`` ``{"claims", "fields", "file", "line"}``
  with ``fields`` as in ``claims_changed``; each list sorted by ``claims``.

In text a changed quote (or note, or method) is one line with the changed words marked,
``said [-500-]{+600+} people``; in Markdown ``said ~~500~~ **600** people``, in the ``move``
column, with the words deleted and inserted in the ``old`` and ``new`` ones.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any, TextIO

from reconcile.engine.compare import CompareResult
from reconcile.engine.diff import (
    ComparisonChange,
    DiffResult,
    FieldChange,
    Interval,
    ReviewEntry,
    Span,
)
from reconcile.model.dataset import Dataset
from reconcile.model.rows import claim_json
from reconcile.views.claims import Markdown, markdown_cell, markdown_table
from reconcile.views.compare import summary_counts
from reconcile.views.jsonout import JSON_VERSION, write_json
from reconcile.words import count


def summary_parts(result: DiffResult) -> tuple[str, str]:
    """The counts of the figures ('1 conflict appeared, 0 resolved, 1 changed status; 2
    claims changed, 0 added, 0 removed') and of the reviews ('7 reviews added, 0 removed, 0
    changed, 0 made stale')."""
    n = result.counts()
    figures = (
        f"{count(n['conflicts_appeared'], 'conflict')} appeared, "
        f"{n['conflicts_resolved']:,} resolved, {n['status_changed']:,} changed status; "
        f"{count(n['claims_changed'], 'claim')} changed, {n['claims_added']:,} added, "
        f"{n['claims_removed']:,} removed"
    )
    reviews = (
        f"{count(n['reviews_added'], 'review')} added, {n['reviews_removed']:,} removed, "
        f"{n['reviews_changed']:,} changed, {n['reviews_made_stale']:,} made stale"
    )
    return figures, reviews


def summary_line(result: DiffResult) -> str:
    """Both :func:`summary_parts` on one line, as the Markdown view shows them."""
    return "; ".join(summary_parts(result))


def _title(result: DiffResult) -> str:
    figures, reviews = result.figures_changed, result.reviews_edited
    if figures:
        lead = "Figures and reviews changed" if reviews else "Figures changed"
    else:
        lead = "Reviews changed" if reviews else "No figure changed"
    return f"{lead}: {result.old_label} → {result.new_label}"


class Marked:
    """A word-level diff in a row: each renderer marks it in its own way."""

    __slots__ = ("spans",)

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans

    def text(self) -> str:
        """'said [-500-]{+600+} people': a replaced run's deletion right before its insertion."""
        out = ""
        for span in self.spans:
            if span.op == "delete":
                piece = f"[-{span.text}-]"
            elif span.op == "insert":
                piece = f"{{+{span.text}+}}"
            else:
                piece = span.text
            glued = span.op == "insert" and out.endswith("-]")
            out += piece if glued or not out else " " + piece
        return out

    def markdown(self) -> Markdown:
        """'said ~~500~~ **600** people': every run's own text escaped by
        :func:`markdown_cell`, the marks around it left as Markdown."""
        marks = {"equal": "", "delete": "~~", "insert": "**"}
        return Markdown(
            " ".join(f"{marks[s.op]}{markdown_cell(s.text)}{marks[s.op]}" for s in self.spans)
        )


Cell = str | Marked  # a cell of a row: text, or a word-level diff to mark


def _before_words(c: ComparisonChange, added: Collection[str] = ()) -> str:
    if c.old is not None:
        return c.old.words()
    return _absent(c, added, "added") or "not compared"


def _after_words(c: ComparisonChange, removed: Collection[str] = ()) -> str:
    if c.new is not None:
        return c.new.words()
    return _absent(c, removed, "removed") or "not compared"


def _absent(c: ComparisonChange, claims: Collection[str], done: str) -> str:
    """Why a side has no comparison: a claim of it was added or removed (the words), if so."""
    gone = [i for i in c.claims if i in claims]
    return f"not compared: {', '.join(gone)} {done}" if gone else ""


def _claim_row(dataset: Dataset, claim_id: str) -> list[Cell]:
    claim = dataset.claims[claim_id].claim
    return [claim.id, claim.measure, Interval.of(claim.value).words(), claim.source]


def _change_rows(result: DiffResult) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for change in result.claims_changed:
        for f in change.fields:
            move: Cell
            if f.field == "value" and change.value is not None:
                old, new = change.value.old.words(), change.value.new.words()
                move = change.value.words()
            elif f.words is not None:
                old, new, move = f.deleted(), f.inserted(), Marked(f.words)
            else:
                old, new, move = f.old or "", f.new or "", ""
            rows.append([change.id, f.field, old, new, move])
    return rows


def _review_row(r: ReviewEntry) -> list[Cell]:
    return [", ".join(r.claims), r.verdict, r.reason, r.reviewed or "", r.note or ""]


def _review_change_rows(result: DiffResult) -> list[list[Cell]]:
    return [
        [", ".join(c.claims), f.field, f.old or "", f.new or ""]
        for c in result.reviews_changed
        for f in c.fields
    ]


def _sections(result: DiffResult) -> list[tuple[str, list[str], list[list[Cell]]]]:
    """Every non-empty section: its heading, its column names and its rows."""
    sections: list[tuple[str, list[str], list[list[Cell]]]] = [
        (
            "Conflicts that appeared",
            ["claims", "severity", "gap", "likely reason", "before"],
            [
                [
                    c.claims_words(),
                    (c.new.severity or "") if c.new else "",
                    c.new.gap_words() if c.new else "",
                    (c.new.likely_reason or "") if c.new else "",
                    _before_words(c, result.claims_added),
                ]
                for c in result.appeared
            ],
        ),
        (
            "Conflicts resolved",
            ["claims", "was", "now"],
            [
                [c.claims_words(), _before_words(c), _after_words(c, result.claims_removed)]
                for c in result.resolved
            ],
        ),
        (
            "Status changed",
            ["claims", "old", "new"],
            [[c.claims_words(), _before_words(c), _after_words(c)] for c in result.status_changed],
        ),
        ("Claims changed", ["claim", "field", "old", "new", "move"], _change_rows(result)),
        (
            "Claims added",
            ["claim", "measure", "value", "source"],
            [_claim_row(result.new.dataset, i) for i in result.claims_added],
        ),
        (
            "Claims removed",
            ["claim", "measure", "value", "source"],
            [_claim_row(result.old.dataset, i) for i in result.claims_removed],
        ),
        (
            "Reviews added",
            ["claims", "verdict", "reason", "reviewed", "note"],
            [_review_row(r) for r in result.reviews_added],
        ),
        (
            "Reviews removed",
            ["claims", "verdict", "reason", "reviewed", "note"],
            [_review_row(r) for r in result.reviews_removed],
        ),
        ("Reviews changed", ["claims", "field", "old", "new"], _review_change_rows(result)),
        (
            "Reviews made stale",
            ["claims", "verdict", "reason", "now"],
            [
                [", ".join(r.claims), r.verdict, r.reason, r.now_words()]
                for r in result.reviews_made_stale
            ],
        ),
    ]
    return [s for s in sections if s[2]]


def render_markdown(result: DiffResult, stream: TextIO) -> None:
    """A pull-request comment: heading, summary, then one table per non-empty section."""
    out = [f"## {markdown_cell(_title(result))}", "", markdown_cell(summary_line(result)) + "."]
    for heading, header, rows in _sections(result):
        cells = [[c.markdown() if isinstance(c, Marked) else c for c in row] for row in rows]
        out += ["", f"### {heading}", "", markdown_table(header, cells).rstrip("\n")]
    stream.write("\n".join(out) + "\n")


def _review_line(r: list[str]) -> str:
    """'a, b: explained, precision, reviewed 2025-12-01: the note'."""
    return (
        f"{r[0]}: {r[1]}, {r[2]}"
        + (f", reviewed {r[3]}" if r[3] else "")
        + (f": {r[4]}" if r[4] else "")
    )


def _claim_change_line(r: list[Cell]) -> str:
    """'a  quote: said [-500-]{+600+} people', or 'a  value: 500 → 600  [up; ...]'."""
    if isinstance(r[4], Marked):
        return f"{r[0]}  {r[1]}: {r[4].text()}"
    return f"{r[0]}  {r[1]}: {r[2] or '(not set)'} → {r[3] or '(not set)'}" + (
        f"  [{r[4]}]" if r[4] else ""
    )


_TEXT_LINES: dict[str, Callable[[list[Any]], str]] = {
    "Conflicts that appeared": lambda r: (
        f"{r[0]}: {r[1]} conflict"
        + (f", gap {r[2]}" if r[2] else "")
        + (f", likely {r[3]}" if r[3] else "")
        + f" (before: {r[4]})"
    ),
    "Conflicts resolved": lambda r: f"{r[0]}: was {r[1]}, now {r[2]}",
    "Status changed": lambda r: f"{r[0]}: {r[1]} → {r[2]}",
    "Claims changed": _claim_change_line,
    "Claims added": lambda r: f"{r[0]}  {r[1]}: {r[2]} ({r[3]})",
    "Claims removed": lambda r: f"{r[0]}  {r[1]}: {r[2]} ({r[3]})",
    "Reviews added": _review_line,
    "Reviews removed": _review_line,
    "Reviews changed": lambda r: f"{r[0]}  {r[1]}: {r[2] or '(not set)'} → {r[3] or '(not set)'}",
    "Reviews made stale": lambda r: f"{r[0]} ({r[1]}, {r[2]}): now {r[3]}",
}


def render_text(result: DiffResult, stream: TextIO) -> None:
    """The terminal view: the same sections as the Markdown one, a line per row; the
    summary on two lines, the figures' counts and the reviews'."""
    from rich.markup import escape

    from reconcile.views.terminal import console as terminal

    with terminal(stream) as console:
        console.print(f"[bold]{escape(_title(result))}[/]")
        for part in summary_parts(result):
            console.print(escape(part))
        for heading, _header, rows in _sections(result):
            console.print()
            style = "bold red" if heading == "Conflicts that appeared" else "bold"
            console.print(f"[{style}]{escape(heading)}[/]")
            for row in rows:
                console.print(f"  {escape(_TEXT_LINES[heading](row))}")


def _field_json(f: FieldChange) -> dict[str, Any]:
    words = [s.json() for s in f.words] if f.words is not None else None
    return {"field": f.field, "old": f.old, "new": f.new, "words": words}


def _review_json(r: ReviewEntry) -> dict[str, Any]:
    return {
        "claims": list(r.claims),
        "verdict": r.verdict,
        "reason": r.reason,
        "note": r.note,
        "reviewed": r.reviewed,
        "file": r.file,
        "line": r.line,
    }


def result_json(result: DiffResult) -> dict[str, Any]:
    def side(compared: CompareResult, label: str) -> dict[str, Any]:
        return {
            "label": label,
            "files": [{"path": f.name, "sha256": f.sha256} for f in compared.dataset.files],
            "summary": summary_counts(compared),
        }

    def claims(compared: CompareResult, ids: Iterable[str]) -> list[dict[str, Any]]:
        dataset = compared.dataset
        return [claim_json(dataset.claims[i], dataset) for i in ids]

    return {
        "version": JSON_VERSION,
        "old": side(result.old, result.old_label),
        "new": side(result.new, result.new_label),
        "summary": result.counts(),
        "claims_added": claims(result.new, result.claims_added),
        "claims_removed": claims(result.old, result.claims_removed),
        "claims_changed": [
            {
                "id": c.id,
                "fields": [_field_json(f) for f in c.fields],
                "value": c.value.json() if c.value is not None else None,
            }
            for c in result.claims_changed
        ],
        "comparisons_changed": [
            {
                "claims": list(c.claims),
                "kind": c.kind,
                "change": c.change,
                "old": c.old.json() if c.old is not None else None,
                "new": c.new.json() if c.new is not None else None,
            }
            for c in result.comparisons_changed
        ],
        "reviews_made_stale": [
            {
                "claims": list(r.claims),
                "verdict": r.verdict,
                "reason": r.reason,
                "state": r.state,
                "status": r.status,
                "file": r.file,
                "line": r.line,
            }
            for r in result.reviews_made_stale
        ],
        "reviews_added": [_review_json(r) for r in result.reviews_added],
        "reviews_removed": [_review_json(r) for r in result.reviews_removed],
        "reviews_changed": [
            {
                "claims": list(c.claims),
                "fields": [_field_json(f) for f in c.fields],
                "file": c.file,
                "line": c.line,
            }
            for c in result.reviews_changed
        ],
    }


def render_json(result: DiffResult, stream: TextIO) -> None:
    write_json(result_json(result), stream)


Renderer = Callable[[DiffResult, TextIO], None]
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
