"""The code stays typed and linted: mypy (strict) and ruff run as part of the suite."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict_passes() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes() -> None:
    result = _run("ruff", "check", "src", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_topic_words_stay_out_of_the_code() -> None:
    words = ("ukrain", "desert", "awol", "russia", "kyiv", "prosecutor", "tass")
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for word in words
        if word in path.read_text(encoding="utf-8").lower()
    ]
    assert not found
