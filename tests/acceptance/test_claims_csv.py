"""reconcile claims --format csv is safe to open in a spreadsheet: no quote runs as a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import pytest
import yaml

from tests.conftest import CASES, Run

Runner = Callable[..., Run]
HOSTILE = CASES / "report" / "hostile.yaml"


def test_csv_and_pandas_read_one_row_a_claim(run: Runner) -> None:
    """A carriage return in a quote is quoted like any line break: a reader that splits rows
    on it would see a row that starts with a formula."""
    import pandas as pd

    result = run("claims", "--format", "csv", str(HOSTILE))
    assert result.exit_code == 0
    ids = [c["id"] for c in yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))["claims"]]
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    table = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert [row[0] for row in rows[1:]] == list(table["id"]) == ids
    assert len(rows[0]) == len(table.columns) == 22 and {len(row) for row in rows} == {22}
    quote = table.set_index("id").loc["www.evil.example", "quote"]
    assert quote == "harmless text\r'=cmd|' /C calc'!A0"
    note_free = rows[ids.index("tally-b") + 1]
    assert note_free[-1] == "a line\n'-1+2 on the next"
    for row in rows[1:]:  # every line of every cell, as a spreadsheet may see it
        for cell in row:
            for line in re.split(r"\r\n|\r|\n", cell):
                assert not line.lstrip(" ").startswith(("=", "+", "-", "@")), (row[0], cell)
    quoted = False  # no line break outside a quoted cell, and each row ends in "\n"
    for char in result.stdout:
        quoted = not quoted if char == '"' else quoted
        assert quoted or char != "\r"
    assert result.stdout.count("\n") - sum(c["quote"].count("\n") for c in _quoted(result)) == (
        len(ids) + 1
    )


def _quoted(result: Run) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def test_units_keep_their_case(run: Runner) -> None:
    result = run("claims", "--format", "csv", str(HOSTILE))
    units = {row["id"]: row["unit"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert units["tally-b"] == "currency:EUR"
    assert units["script-quote"] == "persons"


def test_claims_csv_quotes_cannot_run_as_formulas(run: Runner) -> None:
    result = run("claims", "--format", "csv", str(HOSTILE))
    assert result.exit_code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["formula-equals"]["quote"] == '\'=HYPERLINK("https://example.org","click")'
    assert rows["formula-plus"]["quote"] == "'+1 said the spokesperson"
    assert rows["formula-minus"]["quote"] == "'-2+3 by the count"
    assert rows["formula-at"]["quote"] == "'@SUM(A1:A9)"
    assert rows["script-quote"]["quote"] == "<script>alert(1)</script>"  # text, not a formula
    cells = [cell for row in rows.values() for cell in row.values()]
    assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@"))]


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\r'=1"),
        ("a\r=1", "a\r'=1"),
        ("=a\n+b\r\n -c\rd", "'=a\n'+b\r\n' -c\rd"),
        ("one\ntwo", "one\ntwo"),
        (" =1+1", "' =1+1"),
        ("＝1+1", "'＝1+1"),
        ("1=1", "1=1"),
        (-1, -1),
    ],
)
def test_safe_csv_cell(value: object, safe: object) -> None:
    from reconcile.views.claims import safe_csv_cell

    assert safe_csv_cell(value) == safe
