"""Feedback on long work: each stage reports its steps, and a bar shows only on a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from reconcile.engine.compare import compare
from reconcile.engine.gate import check
from reconcile.intake.loader import read_text
from reconcile.model.validate import build
from reconcile.progress import LARGE, amount, time_left
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


class Recorder:
    """Steps that remember what they were told."""

    def __init__(self) -> None:
        self.stages: list[list[object]] = []  # [label, total, advanced]

    def start(self, label: str, total: int, unit: str = "items") -> None:
        self.stages.append([label, total, 0, unit])

    def advance(self, count: int = 1) -> None:
        self.stages[-1][2] += count  # type: ignore[operator]


def test_every_stage_of_check_reports_its_whole_work() -> None:
    steps = Recorder()
    text = generate(3_000)
    dataset = build([read_text("big.yaml", text.encode())], steps=steps)
    gate = check(compare(dataset, steps, list_consistent=False), "minor", steps)
    labels = [stage[0] for stage in steps.stages]
    assert labels == ["reading", "validating", "comparing", "explaining conflicts"]
    for label, total, advanced, _ in steps.stages:
        assert advanced == total, label
    assert [stage[3] for stage in steps.stages] == ["bytes", "items", "items", "items"]
    assert steps.stages[0][1] == len(text.encode())
    assert steps.stages[1][1] == steps.stages[2][1] == 3_000  # claims
    conflicts = sum(1 for c in gate.result.comparisons if c.status == "conflict")
    assert steps.stages[3][1] == conflicts > 1_000  # more than one batch of findings


_CHECK = ("check", "--format", "json")


def _check_with_stderr_on_a_terminal(path: Path, out: Path, *command: str) -> tuple[bytes, bytes]:
    leader, follower = pty.openpty()
    with out.open("wb") as stdout:  # a file, not a pipe: nothing waits to be read there
        process = subprocess.Popen(
            [sys.executable, "-m", "reconcile", *(command or _CHECK), str(path)],
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
    shown = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", terminal).decode()  # colours removed
    assert re.search(r"reading +\S+ 3\.\d/3\.\d MB +\d:\d\d left", shown)  # text in MB
    assert re.search(r"comparing +\S+ [\d,]+/10,000 +\d:\d\d left", shown)
    assert b"comparing" not in stdout  # findings alone on standard output
    piped = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", "--format", "json", str(path)],
        capture_output=True,
    )
    # stderr is a pipe: only the one-line summary, no bar
    assert piped.stderr.decode().splitlines() == [piped.stderr.decode().strip()]
    assert b"comparing" not in piped.stderr
    assert piped.stdout == stdout  # the bar changes nothing in the findings


def test_sizes_are_shown_in_megabytes_and_items_as_counts() -> None:
    assert amount(1_250_000, 51_511_664, "bytes") == "1.2/51.5 MB"
    assert amount(0, 2_400_000_000, "bytes") == "0.0/2,400.0 MB"
    assert amount(1_200, 12_591, "items") == "1,200/12,591"


def test_the_time_left_is_in_minutes_and_hours() -> None:
    assert time_left(None) == "-:-- left"
    assert time_left(4.6) == "0:05 left"
    assert time_left(125) == "2:05 left"
    assert time_left(3_725) == "1:02:05 left"


def test_a_report_shows_its_writing_and_keeps_its_output_apart(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(generate(LARGE * 2), encoding="utf-8")
    page = tmp_path / "report.html"
    terminal, _ = _check_with_stderr_on_a_terminal(
        path, tmp_path / "out.txt", "report", "-o", str(page)
    )
    shown = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", terminal).decode()
    assert re.search(r"writing the report +\S+ [\d,]+/10,000 +\d:\d\d left", shown)
    assert shown.rstrip().endswith(f"wrote {page}")
    assert page.read_text(encoding="utf-8").endswith("</html>\n")
    # the page on standard output, the bar on the terminal: the page reaches its stream whole
    _, stdout = _check_with_stderr_on_a_terminal(
        path, tmp_path / "page.html", "report", "--format", "html"
    )
    assert stdout == page.read_bytes()
