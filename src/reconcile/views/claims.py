"""Every claim as reconcile understood it: a pandas table, shown or exported.

The JSON form is versioned and documented in docs/output.md. Numbers are integers where
they are whole; ``null`` stands for an unbounded end, an unknown date and a ``best`` that
the text does not state.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.rows import (
    claim_json,
    claim_json_keys,
    period_text,
)
from reconcile.views.jsonout import JSON_VERSION, write_json
from reconcile.words import count

TABLE_COLUMNS = (
    "id",
    "measure",
    "unit",
    "low",
    "best",
    "high",
    "hedge",
    "type",
    "period",
    "source",
    "origin",
)
# what a spreadsheet may read as the start of a formula, in ASCII and full width
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# the line breaks of a cell that a spreadsheet, or a reader that splits lines, may act on
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


@dataclass(frozen=True)
class ClaimList:
    """The claims a view shows, in file order, with the dataset they come from."""

    dataset: Dataset
    records: Sequence[ClaimRecord]


def select(
    dataset: Dataset, measures: Sequence[str] = (), sources: Sequence[str] = ()
) -> ClaimList:
    """The claims of a dataset, in file order, on these measures and from these sources
    (every one when none is given)."""
    records = sorted(dataset.claims.values(), key=lambda r: r.order)
    return ClaimList(
        dataset,
        [
            r
            for r in records
            if (not measures or r.claim.measure in measures)
            and (not sources or r.claim.source in sources)
        ],
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.10g}" if abs(value) < 1e15 else f"{value:g}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _bound(value: Any, open_end: str) -> str:
    return open_end if value is None else _cell(value)


TABLE_WIDTH = 200  # the width of the table piped or redirected
# On a terminal too narrow for every column, the figures stay whole and the other columns
# are given up in this order; the columns kept wrap between words, never inside one.
WHOLE = ("low", "best", "high")
GIVE_UP = ("type", "origin", "source", "period", "hedge", "unit", "measure")


def _widest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in text.split()), default=0)


def fit_columns(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> tuple[list[int], list[str]]:
    """The columns of a table that fit ``width`` cells (drawn with rich's default box and
    padding) with every figure whole and no word cut, and the names of those given up,
    in :data:`GIVE_UP` order. The id is never given up."""
    needed = [_widest_word(name) for name in header]
    for row in rows:
        needed = [
            max(n, _widest_word(cell) if header[i] not in WHOLE else len(cell))
            for i, (n, cell) in enumerate(zip(needed, row, strict=True))
        ]
    kept = list(range(len(header)))
    given_up: list[str] = []
    for name in GIVE_UP:
        if sum(needed[i] + 3 for i in kept) + 1 <= width:
            break
        if name in header:
            kept.remove(header.index(name))
            given_up.append(name)
    return kept, given_up


def render_table(shown: ClaimList, stream: TextIO) -> None:
    records, dataset = shown.records, shown.dataset
    from reconcile.views.terminal import console, is_piped, plain_table

    title = count(len(records), "claim")
    rows = [table_row(record, dataset) for record in records]
    if not stream.isatty():
        # piped: the lines rich would draw, written directly when the table fits the width
        drawn = plain_table(title, TABLE_COLUMNS, rows, TABLE_WIDTH)
        if drawn is not None:
            stream.write(drawn)
            return
    from rich.markup import escape
    from rich.table import Table

    with console(stream, piped_width=TABLE_WIDTH) as out:
        kept, given_up = (
            (list(range(len(TABLE_COLUMNS))), [])
            if is_piped(out)
            else fit_columns(TABLE_COLUMNS, rows, out.width)
        )
        caption = (
            f"Not shown at {out.width} columns: {', '.join(given_up)} "
            "(a wider terminal or --format csv shows them)"
            if given_up
            else None
        )
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        for i in kept:
            name = TABLE_COLUMNS[i]
            whole = name in WHOLE
            table.add_column(name, no_wrap=whole, justify="right" if whole else "left")
        for row in rows:
            # shown as written: "[b]" in a unit is no markup
            table.add_row(*(escape(row[i]) for i in kept))
        out.print(table)


def table_row(record: ClaimRecord, dataset: Dataset) -> list[str]:
    """A claim as the cells of the claims table (TABLE_COLUMNS), for the terminal and Markdown."""
    row = claim_json(record, dataset)
    return [
        row["id"],
        row["measure"],
        row["unit"],
        _bound(row["low"], "−∞"),
        _cell(row["best"]),
        _bound(row["high"], "∞"),
        _cell(row["hedge"]),
        row["type"],
        period_text(record.claim),
        row["source"],
        _cell(row["origin"]),
    ]


def _guarded(line: str) -> str:
    return "'" + line if line.lstrip(" ").startswith(_FORMULA_START) else line


def safe_csv_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe: at the
    start of the cell, and at the start of every line after a line break in it."""
    if not isinstance(value, str):
        return value
    if not _LINE_BREAK.search(value):
        return _guarded(value)
    first, *rest = _LINE_BREAK.split(value)  # lines, each followed by the break it ends with
    pieces = [_guarded(first)]
    for i in range(0, len(rest), 2):
        pieces += [rest[i], _guarded(rest[i + 1])]
    return "".join(pieces)


def render_csv(shown: ClaimList, stream: TextIO) -> None:
    records, dataset = shown.records, shown.dataset
    """The claims as CSV, lines ending in ``\n``; a cell that holds a line break (a carriage
    return too) is quoted, so every reader sees one row a claim."""
    buffer = _RowBuffer()
    # "\r\n" as the writer's line end makes it quote any cell with either character; each
    # row's own end is then written as "\n"
    writer = csv.writer(buffer, lineterminator="\r\n")
    keys = [*claim_json_keys(), "quote"]
    stream.write(buffer.row(writer, keys))
    for record in records:
        row = claim_json(record, dataset)
        row["period"] = period_text(record.claim)
        row["framing"] = "; ".join(row["framing"])
        row["via"] = "; ".join(row["via"])
        row["quote"] = record.claim.quote
        stream.write(buffer.row(writer, [safe_csv_cell(row[key]) for key in keys]))


class _RowBuffer:
    """Holds the one row a csv writer has just written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def row(self, writer: Any, cells: Sequence[Any]) -> str:
        self.text = ""
        writer.writerow(cells)
        return self.text.removesuffix("\r\n") + "\n"


# What GitHub's renderer would read as markup is escaped with a backslash: table pipes,
# code, emphasis, links, escapes, strike-through, maths and elements always; an underscore
# only where it could open or close emphasis (not inside a word, as in "sum_of"); "&" only
# where it would start a character reference, "#" only where GitHub would link an issue,
# and the marks of a list, a quote or a heading only at the start.
_ALWAYS = re.compile(r"[\\|`*\[\]~$<]")
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_ISSUE = re.compile(r"#(?=[0-9])")
_LINE_START = re.compile(r"^(?:>|[-+](?=\s|$)|#(?=#{0,5}(?:\s|$)))")
_ORDERED = re.compile(r"^([0-9]{1,9})(?=[.)](?:\s|$))")
# What GitHub turns into links of its own: "www." and "scheme://" addresses lose the
# character that makes them one; after an "@" (e-mail addresses, "mailto:", mentions) a word
# joiner, which shows as nothing, keeps the next word from joining it.
_AUTOLINK = re.compile(r"(?i:(?<=www)\.)|:(?=//)|@")
_UNLINKED = {".": "\\.", ":": "\\:", "@": "@\u2060"}


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match.group()


def markdown_cell(value: Any) -> str:
    """Text as inert Markdown on one line, for a table cell, a heading or a paragraph: each
    character GitHub's renderer would read as markup is escaped with a backslash where it
    would be read so, no address becomes a link, and line breaks are spaces."""
    text = " ".join(_cell(value).split())
    for pattern in (_ALWAYS, _UNDERSCORE, _ENTITY, _ISSUE, _LINE_START):
        text = pattern.sub(_escaped, text)
    text = _ORDERED.sub(r"\1\\", text)
    return _AUTOLINK.sub(lambda m: _UNLINKED[m.group()], text)


class Markdown(str):
    """Text already written as inert Markdown on one line (its own text escaped with
    :func:`markdown_cell`, its marks not): :func:`markdown_table` puts it in as it is."""

    __slots__ = ()


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GFM table; each cell escaped with :func:`markdown_cell`, but a :class:`Markdown` one."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += [
        "| " + " | ".join(c if isinstance(c, Markdown) else markdown_cell(c) for c in row) + " |"
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def render_markdown(shown: ClaimList, stream: TextIO) -> None:
    records, dataset = shown.records, shown.dataset
    rows = [table_row(record, dataset) for record in records]
    stream.write(markdown_table(TABLE_COLUMNS, rows))


def render_json(shown: ClaimList, stream: TextIO) -> None:
    records, dataset = shown.records, shown.dataset
    document = {"version": JSON_VERSION, "claims": [claim_json(r, dataset) for r in records]}
    write_json(document, stream)


Renderer = Callable[[ClaimList, TextIO], None]
RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "csv": render_csv,
    "json": render_json,
    "markdown": render_markdown,
}
