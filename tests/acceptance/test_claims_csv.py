"""reconcile claims --format csv is safe to open in a spreadsheet: no quote runs as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from tests.conftest import CASES, Run

Runner = Callable[..., Run]
HOSTILE = CASES / "report" / "hostile.yaml"


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
        ("\r=1", "'\r=1"),
        (" =1+1", "' =1+1"),
        ("＝1+1", "'＝1+1"),
        ("1=1", "1=1"),
        (-1, -1),
    ],
)
def test_safe_csv_cell(value: object, safe: object) -> None:
    from reconcile.claims_view import safe_csv_cell

    assert safe_csv_cell(value) == safe
