"""The code stays typed and linted: mypy (strict) and ruff run as part of the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's contracts (pyproject.toml) on the package under ``root/src``."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_the_layers_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_from_the_engine_into_the_views_breaks_the_layers(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    pairing = tmp_path / "src" / "reconcile" / "engine" / "pairing.py"
    pairing.write_text(pairing.read_text() + "\nfrom reconcile.views import terminal  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "reconcile.engine is not allowed to import reconcile.views" in result.stdout
    assert "reconcile.engine.pairing -> reconcile.views.terminal" in result.stdout


MOST_LINES = 700


def test_no_module_is_over_700_lines() -> None:
    """A module that grows past this is split by what its parts do (docs/development.md)."""
    long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "src").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert not long, f"modules over {MOST_LINES} lines: {long}"
