"""Every example value of docs/format.md ("How `value` is read" and "Precision") reads as the
page says: the low, best and high of its row, and what its remarks state (a precision, a
unit, a rate, whether a bound is included); the precision table's precisions; and an error
for each example of what is not read."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from reconcile.intake.values import Quantity, ValueTextError, parse_value

PAGE = Path(__file__).resolve().parents[2] / "docs" / "format.md"
START, END = "### How `value` is read", "## Comparisons"

VALUES_HEADER = ("what is written", "low", "best", "high", "remarks")
PRECISION_HEADER = ("what is written", "precision")
REFUSED_HEADER = ("what is written", "why it is not read")


@dataclass(frozen=True)
class Example:
    written: str
    cells: tuple[str, ...]
    line: int

    def __str__(self) -> str:
        return f"line {self.line}: {self.written}"


def section(page: str) -> tuple[str, int]:
    """The value-forms section of the page and the line it starts at."""
    start, end = page.index(START), page.index(END)
    return page[start:end], page[:start].count("\n") + 1


def tables(page: str) -> dict[tuple[str, ...], list[Example]]:
    """The section's tables by their header, each example of a first cell with its row."""
    text, first_line = section(page)
    found: dict[tuple[str, ...], list[Example]] = {}
    header: tuple[str, ...] | None = None
    for number, line in enumerate(text.splitlines(), start=first_line):
        if not line.startswith("|"):
            header = None
            continue
        cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        if header is None:
            header = cells
            assert header in {VALUES_HEADER, PRECISION_HEADER, REFUSED_HEADER}, (
                f"line {number}: a table this test does not know: {line}"
            )
            found.setdefault(header, [])
            continue
        if set(line) <= set("|- "):
            continue
        assert len(cells) == len(header), f"line {number}: {len(cells)} cells: {line}"
        written = re.findall(r"`([^`]+)`", cells[0])
        assert written, f"line {number}: no example in the first cell: {line}"
        found[header].extend(Example(example, cells[1:], number) for example in written)
    return found


TABLES = tables(PAGE.read_text(encoding="utf-8"))


def read(written: str) -> Quantity:
    """An example as a claim's value: ``value: ...`` and ``{...}`` are YAML, the rest text."""
    if written.startswith("value:"):
        return parse_value(yaml.safe_load(written)["value"])
    if written.startswith("{"):
        return parse_value(yaml.safe_load(written))
    return parse_value(written)


def number(cell: str, open_end: float) -> float | None:
    """A number as the page writes it: 48,000, −5,000, 0.01; "none"; "no limit"."""
    if cell == "none":
        return None
    if cell == "no limit":
        return open_end
    assert re.fullmatch(r"−?[0-9][0-9,]*(\.[0-9]+)?", cell), f"not a number: {cell!r}"
    return float(cell.replace(",", "").replace("−", "-"))


def test_the_page_gives_the_examples() -> None:
    assert len(TABLES[VALUES_HEADER]) >= 150
    assert len(TABLES[PRECISION_HEADER]) >= 30
    assert len(TABLES[REFUSED_HEADER]) >= 10


@pytest.mark.parametrize("example", TABLES[VALUES_HEADER], ids=str)
def test_an_example_reads_as_its_row(example: Example) -> None:
    low, best, high, remarks = example.cells
    q = read(example.written)
    assert q.low == number(low, -math.inf)
    assert q.best == number(best, math.inf)
    assert q.high == number(high, math.inf)
    if (precision := re.search(r"precision ([0-9][0-9,.]*[0-9])", remarks)) is not None:
        assert q.precision == number(precision[1], math.inf)
    if "no precision" in remarks:
        assert q.precision is None
    if (unit := re.search(r"\bunit (\S+?)[.;,]?(?:\s|$)", remarks)) is not None:
        assert q.unit == unit[1]
    else:
        assert q.unit is None
    if (per := re.search(r"\bper (day|week|month|year)\b", remarks)) is not None:
        assert q.per == per[1]
    else:
        assert q.per is None
    if "itself is excluded" in remarks:
        assert q.low_strict or q.high_strict
    if "itself is included" in remarks:
        assert not (q.low_strict or q.high_strict)


@pytest.mark.parametrize("example", TABLES[PRECISION_HEADER], ids=str)
def test_an_example_has_the_precision_of_its_row(example: Example) -> None:
    (precision,) = example.cells
    assert read(example.written).precision == number(precision, math.inf)


@pytest.mark.parametrize("example", TABLES[REFUSED_HEADER], ids=str)
def test_an_example_of_what_is_not_read_is_refused(example: Example) -> None:
    with pytest.raises(ValueTextError):
        read(example.written)
