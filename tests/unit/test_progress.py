"""Feedback on long work: each stage reports its steps, and a bar shows only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from reconcile.engine import compare
from reconcile.gate import check
from reconcile.loader import read_text
from reconcile.progress import LARGE
from reconcile.validate import build
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


class Recorder:
    """Steps that remember what they were told."""

    def __init__(self) -> None:
        self.stages: list[list[object]] = []  # [label, total, advanced]

    def start(self, label: str, total: int) -> None:
        self.stages.append([label, total, 0])

    def advance(self, count: int = 1) -> None:
        self.stages[-1][2] += count  # type: ignore[operator]


def test_every_stage_of_check_reports_its_whole_work() -> None:
    steps = Recorder()
    text = generate(3_000)
    dataset = build([read_text("big.yaml", text.encode())], steps=steps)
    gate = check(compare(dataset, steps, list_consistent=False), "minor", steps)
    labels = [stage[0] for stage in steps.stages]
    assert labels == ["reading", "validating", "comparing", "explaining conflicts"]
    for label, total, advanced in steps.stages:
        assert advanced == total, label
    assert steps.stages[1][1] == steps.stages[2][1] == 3_000  # claims
    conflicts = sum(1 for c in gate.result.comparisons if c.status == "conflict")
    assert steps.stages[3][1] == conflicts > 1_000  # more than one batch of findings


def _check_with_stderr_on_a_terminal(path: Path, out: Path) -> tuple[bytes, bytes]:
    leader, follower = pty.openpty()
    with out.open("wb") as stdout:  # a file, not a pipe: nothing waits to be read there
        process = subprocess.Popen(
            [sys.executable, "-m", "reconcile", "check", "--format", "json", str(path)],
            stdout=stdout,
            stderr=follower,
            env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
        )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    process.wait()
    os.close(leader)
    return seen, out.read_bytes()


def test_a_bar_shows_on_a_terminal_and_nothing_reaches_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(generate(LARGE * 2), encoding="utf-8")
    terminal, stdout = _check_with_stderr_on_a_terminal(path, tmp_path / "out.json")
    assert b"comparing" in terminal
    assert b"explaining conflicts" in terminal
    assert b"comparing" not in stdout  # findings alone on standard output
    piped = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", "--format", "json", str(path)],
        capture_output=True,
    )
    # stderr is a pipe: only the one-line summary, no bar
    assert piped.stderr.decode().splitlines() == [piped.stderr.decode().strip()]
    assert b"comparing" not in piped.stderr
    assert piped.stdout == stdout  # the bar changes nothing in the findings
