"""bench/generate.py as a user runs it: it makes its folder and explains its arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATE = ROOT / "bench" / "generate.py"


def _generate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), *args], capture_output=True, text=True, check=False
    )


def test_the_output_folder_is_made_when_missing(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "f30.yaml"
    done = _generate("30", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert text.count("\n  - id: c-") == 30
    assert _generate("30", str(tmp_path / "again.yaml")).returncode == 0
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8") == text  # the same N: same file


def test_help_explains_each_argument() -> None:
    done = _generate("--help")
    assert done.returncode == 0
    usage = " ".join(done.stdout.split())
    assert "N how many claims the file holds" in usage
    assert "OUT.yaml the file to write (its folder is made when missing" in usage
    assert "--seed SEED the seed of the random choices" in usage


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ten", "x.yaml"], "argument N: not a whole number: 'ten'"),
        (["0", "x.yaml"], "argument N: at least one claim, not 0"),
    ],
)
def test_a_bad_argument_is_one_line_not_a_traceback(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = _generate(*args[:1], str(tmp_path / args[1]))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unwritable_target_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    done = _generate("5", str(blocker / "f.yaml"))  # a folder that is a file
    assert done.returncode == 1
    assert done.stderr.startswith(f"generate.py: cannot write {blocker / 'f.yaml'}: ")
    assert "Traceback" not in done.stderr
