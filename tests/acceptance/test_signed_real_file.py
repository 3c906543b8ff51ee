"""The public excess-deaths file (kept with its sources in tests/cases/real/) validates as it
stands on the command line: its excess deaths are on signed measures, and 195 of its figures
are deficits."""

from __future__ import annotations

from reconcile.model.validate import load
from tests.conftest import CASES

REAL = CASES / "real" / "excess-deaths-2020" / "figures.yaml"


def test_the_real_file_validates_with_its_deficits(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(REAL))
    assert result.exit_code == 0, result.stdout
    assert "1,686 claims" in result.stderr
    dataset = load([REAL])
    values = [record.claim.value for record in dataset.claims.values()]
    assert sum(1 for v in values if v.best is not None and v.best < 0) == 195
    signed = {m for m, measure in dataset.measures.items() if measure.signed}
    assert signed == {"excess-deaths-week", "excess-deaths-period"}
    assert all(r.claim.measure in signed for r in dataset.claims.values() if r.claim.value.low < 0)
