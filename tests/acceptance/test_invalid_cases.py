"""Every file under tests/cases/invalid/ gives exactly its documented problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.intake.problems import InputError
from reconcile.model.validate import load
from tests.conftest import CASES, expected_problems

INVALID = sorted((CASES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_case_reports_its_problems(path: Path) -> None:
    expected = expected_problems(path)
    assert expected, f"{path.name} has no '# expect:' line"
    with pytest.raises(InputError) as caught:
        load([path])
    found = {(p.code, p.line, p.col) for p in caught.value.problems}
    assert found == expected
    assert all(p.file == str(path) for p in caught.value.problems)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_case_exits_2_without_traceback(path: Path, run) -> None:  # type: ignore[no-untyped-def]
    before = path.read_bytes()
    result = run("validate", "--format", "parsable", str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr
    codes = {line.split()[2] for line in result.stdout.splitlines()}
    assert codes == {code for code, _, _ in expected_problems(path)}
    assert path.read_bytes() == before
