"""Shared helpers: paths of the test data and a runner for the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cli import app

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"
BUNDLED = ROOT / "data" / "figures.yaml"

_EXPECT = re.compile(rb"^# expect: (E\d{3}) (\d+):(\d+)\s*$", re.MULTILINE)


def expected_problems(path: Path) -> set[tuple[str, int, int]]:
    """The ``# expect: CODE LINE:COL`` lines at the head of an invalid case."""
    return {
        (m.group(1).decode(), int(m.group(2)), int(m.group(3)))
        for m in _EXPECT.finditer(path.read_bytes())
    }


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> object:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def invoke(*args: str) -> Run:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke
