"""Every claim as reconcile understood it: a pandas table, shown or exported.

The JSON form is versioned and documented in docs/output.md. Numbers are integers where
they are whole; ``null`` stands for an unbounded end, an unknown date and a ``best`` that
the text does not state.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from reconcile.jsonout import write_json
from reconcile.models import Claim, Period
from reconcile.validate import ClaimRecord, Dataset
from reconcile.words import count

JSON_VERSION = 1
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


def number(value: float | None) -> int | float | None:
    """A figure for output: an int when whole, None when unbounded or absent."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(float(value), 10)


def period_bounds(claim: Claim) -> tuple[str | None, str | None]:
    """The first and last day a claim covers, as ISO dates (None where not known)."""
    if claim.period is not None:
        start = claim.period.start.first if claim.period.start else None
        end = claim.period.end.last if claim.period.end else None
    elif claim.as_of is not None:
        start, end = None, claim.as_of.last
    else:
        start = end = None
    return (start.isoformat() if start else None, end.isoformat() if end else None)


def period_range(period: Period) -> str:
    """A period as written, an end not given shown as "…": '2022 – …'."""
    start = period.start.text if period.start else "…"
    end = period.end.text if period.end else "…"
    return f"{start} – {end}"


def period_text(claim: Claim) -> str:
    if claim.period is not None:
        return period_range(claim.period)
    if claim.as_of is not None and claim.as_of.known:
        return f"as of {claim.as_of.text}"
    return ""


def claim_json(record: ClaimRecord, dataset: Dataset) -> dict[str, Any]:
    claim, value = record.claim, record.claim.value
    start, end = period_bounds(claim)
    return {
        "id": claim.id,
        "measure": claim.measure,
        "unit": dataset.unit_of(claim),
        "low": number(value.low),
        "best": number(value.best),
        "high": number(value.high),
        "text": value.text,
        "hedge": value.hedge,
        "framing": list(value.framing),
        "precision": number(value.precision),
        "type": claim.type,
        "per": claim.effective_per,
        "period": {"start": start, "end": end},
        "inferred_dates": claim.inferred_dates,
        "source": claim.source,
        "origin": claim.origin,
        "via": list(claim.via),
        "file": record.where.file,
        "line": record.where.line,
    }


def select(
    dataset: Dataset, measures: Sequence[str] = (), sources: Sequence[str] = ()
) -> list[ClaimRecord]:
    records = sorted(dataset.claims.values(), key=lambda r: r.order)
    return [
        r
        for r in records
        if (not measures or r.claim.measure in measures)
        and (not sources or r.claim.source in sources)
    ]


def claim_json_keys() -> tuple[str, ...]:
    return (
        "id",
        "measure",
        "unit",
        "low",
        "best",
        "high",
        "text",
        "hedge",
        "framing",
        "precision",
        "type",
        "per",
        "period",
        "inferred_dates",
        "source",
        "origin",
        "via",
        "file",
        "line",
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


def render_table(records: Sequence[ClaimRecord], dataset: Dataset, stream: TextIO) -> None:
    from reconcile.terminal import console, is_piped, plain_table

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
        _bound(row["low"], ""),
        _cell(row["best"]),
        _bound(row["high"], "∞"),
        _cell(row["hedge"]),
        row["type"],
        period_text(record.claim),
        row["source"],
        _cell(row["origin"]),
    ]


def safe_csv_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(records: Sequence[ClaimRecord], dataset: Dataset, stream: TextIO) -> None:
    import pandas as pd

    rows = []
    for record in records:
        row = claim_json(record, dataset)
        row["period"] = period_text(record.claim)
        row["framing"] = "; ".join(row["framing"])
        row["via"] = "; ".join(row["via"])
        row["quote"] = record.claim.quote
        rows.append({key: safe_csv_cell(value) for key, value in row.items()})
    table = pd.DataFrame(rows, columns=[*claim_json_keys(), "quote"], dtype=object)
    table.to_csv(stream, index=False, lineterminator="\n")


def markdown_cell(value: Any) -> str:
    """Text made inert in a Markdown table cell: pipes, backticks, HTML and line breaks."""
    text = _cell(value)
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("|", "&#124;"),
        ("`", "&#96;"),
        ("*", "&#42;"),
        ("_", "&#95;"),
        ("[", "&#91;"),
        ("]", "&#93;"),
    ):
        text = text.replace(char, entity)
    return " ".join(text.split())


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render_markdown(records: Sequence[ClaimRecord], dataset: Dataset, stream: TextIO) -> None:
    rows = [table_row(record, dataset) for record in records]
    stream.write(markdown_table(TABLE_COLUMNS, rows))


def render_json(records: Sequence[ClaimRecord], dataset: Dataset, stream: TextIO) -> None:
    document = {"version": JSON_VERSION, "claims": [claim_json(r, dataset) for r in records]}
    write_json(document, stream)


RENDERERS: dict[str, Callable[[Sequence[ClaimRecord], Dataset, TextIO], None]] = {
    "table": render_table,
    "csv": render_csv,
    "json": render_json,
    "markdown": render_markdown,
}
