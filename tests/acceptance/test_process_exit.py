"""A whole process: output is flushed in full and the exit code kept when the process ends
at once (outside coverage, as users run it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # without pytest-cov's variables the child runs as a user's would, and ends at once
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV_CORE")}
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_large_document_is_written_whole_before_the_process_ends() -> None:
    done = _run("compare", "--format", "json", "data/figures.yaml")
    assert done.returncode == 0
    assert done.stdout.endswith("}\n")
    document = json.loads(done.stdout)
    assert document["summary"]["comparisons"] == len(document["comparisons"]) > 0


def test_an_error_exit_code_and_its_message_survive(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nclaims: [\n", encoding="utf-8")
    done = _run("validate", "--format", "parsable", str(bad))
    assert done.returncode == 2
    assert done.stdout.startswith(f"{bad}:")
    assert "E1" in done.stdout


def test_a_failing_check_exits_1_with_its_findings(tmp_path: Path) -> None:
    figures = (ROOT / "data" / "figures.yaml").read_text(encoding="utf-8")
    unreviewed = figures.split("\nreviews:")[0] + "\nreviews: []\n"
    path = tmp_path / "figures.yaml"
    path.write_text(unreviewed, encoding="utf-8")
    (tmp_path / "sources").symlink_to(ROOT / "data" / "sources")
    done = _run("check", "--format", "parsable", str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 7
    assert all(" error " in line for line in lines)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [("compare", "--format", "json"), ("--version",)])
def test_output_that_cannot_be_written_is_said_in_one_line(args: tuple[str, ...]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV_CORE")}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "reconcile", *args],
            cwd=ROOT,
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "reconcile: cannot write the output: No space left on device\n"
