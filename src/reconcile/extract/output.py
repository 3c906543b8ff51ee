"""Proposals as YAML claim stubs or as a table, and files written whole or not at all.

A stub has every field of a claim but ``measure``, which is written empty (``measure:``),
so that ``reconcile validate`` fails on it with E202 "measure not set" until a person has
chosen one. Guesses are ``# guess:`` comment lines where the field would go; deleting the
``# guess: `` prefix turns one into the field. The hedge and how the value reads are noted
beside the value. YAML is rendered by ruamel.yaml's round-trip dumper, which writes comments.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from reconcile import atomic
from reconcile.extract.propose import Proposal
from reconcile.intake.values import Quantity

_BEFORE_SOURCE = ("unit", "type", "per", "period", "as_of")
_BEFORE_QUOTE = ("origin",)
_QUOTE_SHOWN = 60


class OutputError(Exception):
    """A file that cannot be written; nothing was changed."""


def _number(value: float) -> str:
    if math.isinf(value):
        return "no limit"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def reading(quantity: Quantity) -> str:
    """How a value reads, in words: ``51,300 to 54,000``, ``11,000 and up``, ``235,000``."""
    low, high = quantity.low, quantity.high
    if math.isinf(high):
        return f"{_number(low)} and up"
    if low == high:
        return _number(low)
    return f"{_number(low)} to {_number(high)}"


def _value_note(quantity: Quantity) -> str | None:
    parts = []
    if quantity.hedge:
        parts.append(f"hedge: {quantity.hedge}")
    if quantity.kind != "exact":
        parts.append(f"reads {reading(quantity)}")
    if quantity.per:
        parts.append(f"per {quantity.per}")
    return "; ".join(parts) or None


def _guess_lines(proposal: Proposal, fields: Sequence[str]) -> str | None:
    lines = []
    for guess in proposal.guesses:
        if guess.field in fields:
            line = f"guess: {guess.field}: {guess.value}"
            if guess.evidence:
                line += f"  # {' '.join(guess.evidence.split())}"
            lines.append(line)
    return "\n".join(lines) or None


def claim_map(proposal: Proposal, key_column: int) -> CommentedMap:
    """One stub as a round-trip mapping, its comments placed for keys at ``key_column``."""
    stub = CommentedMap()
    stub["id"] = proposal.id
    stub["measure"] = None
    stub["value"] = DoubleQuotedScalarString(proposal.value)
    stub["source"] = proposal.source
    stub["quote"] = DoubleQuotedScalarString(proposal.quote)
    note = _value_note(proposal.quantity)
    if note:
        stub.yaml_add_eol_comment(note, "value")
    for key, fields in (("source", _BEFORE_SOURCE), ("quote", _BEFORE_QUOTE)):
        lines = _guess_lines(proposal, fields)
        if lines:
            stub.yaml_set_comment_before_after_key(key, before=lines, indent=key_column)
    return stub


def _yaml(sequence: int = 2, offset: int = 0) -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    yaml.width = 1_000_000  # never fold a quote over lines
    return yaml


def render_items(
    proposals: Sequence[Proposal],
    *,
    dash: int = 2,
    key_offset: int = 2,
    blank_lines: bool = False,
    newline: str = "\n",
) -> str:
    """The stubs as block-list items, their dashes at column ``dash``."""
    chunks = []
    for proposal in proposals:
        items = CommentedSeq([claim_map(proposal, key_offset)])
        stream = io.StringIO()
        _yaml(sequence=key_offset).dump(items, stream)
        lines = stream.getvalue().splitlines()
        chunks.append("".join(" " * dash + line + newline for line in lines))
    return (newline if blank_lines else "").join(chunks)


@dataclass(frozen=True, slots=True)
class Header:
    """The source entry that ``--standalone`` writes above the stubs."""

    source: str
    title: str
    text: str | None  # the source text's path, relative to the output file
    note: str | None = None


def render_document(
    proposals: Sequence[Proposal], origin: str, header: Header | None = None
) -> str:
    """A figure file (or, without ``header``, a part of one) that holds the stubs."""
    count = len(proposals)
    lines = [
        f"# {count} figure{'s' if count != 1 else ''} proposed by reconcile extract from {origin}.",
        "# Set each measure (or delete the claim). '# guess:' lines are candidates, not values:",
        "# check one against the quote, then delete its '# guess: ' prefix to keep it.",
    ]
    head = CommentedMap()
    head["version"] = 1
    if header is not None:
        entry = CommentedMap()
        entry["title"] = DoubleQuotedScalarString(header.title)
        if header.text is not None:
            entry["text"] = header.text
        if header.note:
            entry.yaml_add_eol_comment(header.note, "title")
        head["sources"] = CommentedMap({header.source: entry})
    stream = io.StringIO()
    _yaml(sequence=4, offset=2).dump(head, stream)
    body = stream.getvalue()
    if not proposals:
        return "\n".join(lines) + "\n" + body + "claims: []\n"
    return "\n".join(lines) + "\n" + body + "claims:\n" + render_items(proposals)


def render_table(proposals: Sequence[Proposal], stream: TextIO) -> None:
    """The proposals as a table: value, how it reads, and the first guess of each kind."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True)
    for column in ("value", "reads", "unit", "period / as of", "origin", "quote"):
        table.add_column(column, overflow="fold")
    for proposal in proposals:
        unit = proposal.quantity.unit or _first(proposal, "unit")
        per = proposal.quantity.per or _first(proposal, "per")
        date = _date_shown(proposal)
        quote = proposal.quote
        if len(quote) > _QUOTE_SHOWN:
            quote = quote[: _QUOTE_SHOWN - 1] + "…"
        table.add_row(
            proposal.id,
            proposal.value,
            reading(proposal.quantity) + (f" per {per}" if per else ""),
            unit,
            date,
            _first(proposal, "origin"),
            quote,
        )
    console = Console(
        file=stream,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        width=None if stream.isatty() else 160,
    )
    console.print(table)


def _date_shown(proposal: Proposal) -> str:
    for guess in proposal.guesses:
        dates = re.findall(r'"([^"]*)"', guess.value)
        if guess.field == "as_of" and dates:
            return f"as of {dates[0]}"
        if guess.field == "period" and dates:
            if "end:" not in guess.value:
                return f"from {dates[0]}"
            return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    return ""


def _first(proposal: Proposal, field: str) -> str:
    guess = proposal.guess(field)
    return guess.value if guess is not None else ""


def write_atomic(path: Path, data: bytes, *, unchanged: Callable[[], bool] | None = None) -> None:
    """Write ``data`` to ``path`` atomically (:func:`reconcile.atomic.write_atomic`); a failure
    is an :class:`OutputError` and changes nothing.

    ``unchanged``, checked just before the rename, aborts the write when it returns False
    (the file was changed by someone else meanwhile).
    """
    try:
        atomic.write_atomic(path, data, unchanged=unchanged)
    except atomic.Changed:
        raise OutputError(
            f"{path} changed while extract was running; nothing was written"
        ) from None
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None


__all__ = [
    "Header",
    "OutputError",
    "claim_map",
    "reading",
    "render_document",
    "render_items",
    "render_table",
    "write_atomic",
]
