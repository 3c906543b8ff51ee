"""The terminal views and ``--help`` as a person sees them, at 80 and 120 columns.

Each command runs under a pseudo-terminal of that width, as in a terminal window: rich
and the help read its size from it. What they print is read back without its colours.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest
from rich.cells import cell_len

from reconcile.cli import app
from tests.conftest import BUNDLED, ROOT

WIDTHS = (80, 120)
_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def on_terminal(width: int, *args: str) -> list[str]:
    """The lines a command shows on a terminal ``width`` columns wide, without colours."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    env = {**os.environ, "COLUMNS": str(width), "LINES": "50", "TERM": "xterm-256color"}
    env.pop("GITHUB_ACTIONS", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reconcile", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
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
    process.wait(timeout=60)
    os.close(leader)
    text = _ESCAPE.sub("", seen.decode()).replace("\r\n", "\n").replace("\r", "")
    return [line.rstrip() for line in text.split("\n")]


def _fits(lines: list[str], width: int) -> None:
    wide = [line for line in lines if cell_len(line) > width]
    assert not wide, wide


# --- claims -------------------------------------------------------------------------------


def _figures() -> dict[str, tuple[str, str, str]]:
    from reconcile.model.validate import load
    from reconcile.views.claims import table_row

    dataset = load([BUNDLED])
    rows = {r.id: table_row(r, dataset) for r in dataset.claims.values()}
    return {claim: (row[3], row[4], row[5]) for claim, row in rows.items()}


def _header(lines: list[str]) -> list[str]:
    line = next(line for line in lines if line.startswith("┃"))
    return [cell.strip() for cell in line.strip("┃").split("┃")]


@pytest.mark.parametrize("width", WIDTHS)
def test_claims_keep_every_figure_whole(width: int) -> None:
    lines = on_terminal(width, "claims", str(BUNDLED))
    _fits(lines, width)
    rows = [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in lines
        if line.startswith("│")
    ]
    header = _header(lines)
    assert header[:2] == ["id", "measure"]
    at = {name: header.index(name) for name in ("low", "best", "high")}
    starts = {row[0]: row for row in rows if row[0]}
    for claim, (low, best, high) in _figures().items():
        row = starts[claim]  # the id is whole too: it is what other commands are given
        assert (row[at["low"]], row[at["best"]], row[at["high"]]) == (low, best, high)


def test_a_narrow_terminal_gives_up_the_lesser_columns_first() -> None:
    narrow = on_terminal(80, "claims", str(BUNDLED))
    wide = on_terminal(120, "claims", str(BUNDLED))
    assert _header(narrow) == ["id", "measure", "low", "best", "high"]
    assert _header(wide) == ["id", "measure", "unit", "low", "best", "high", "hedge"]
    note = " ".join(" ".join(narrow[-4:]).split())
    assert "Not shown at 80 columns: type, origin, source, period, hedge, unit" in note
    assert "--format csv" in note


def test_a_wide_terminal_shows_every_column() -> None:
    lines = on_terminal(200, "claims", str(BUNDLED))
    header = _header(lines)
    assert header == [
        "id",
        "measure",
        "unit",
        "low",
        "best",
        "high",
        "hedge",
        "type",
        "period",
        "source",
        "origin",
    ]
    assert not any("Not shown" in line for line in lines)


# --- compare ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_compare_lines_wrap_under_themselves(width: int) -> None:
    lines = on_terminal(width, "compare", str(BUNDLED))
    _fits(lines, width)
    # the conflicts first, then one block a measure, after the counts
    blocks = "\n".join(lines).strip("\n").split("\n\n")[1:]
    assert len(blocks) == 16
    assert blocks[0].startswith("Conflicts, those that need a person first")
    for block in blocks:
        heading, *rest = block.split("\n")
        while not heading.endswith("─"):  # a long heading wraps, its rule after its end
            heading = rest.pop(0)
        assert rest, block
        assert all(line.startswith("  ") for line in rest), block
    # a line too long for the terminal goes on under its own start
    long_ones = [
        (first, second)
        for first, second in itertools.pairwise(lines)
        if first.startswith("  CONFLICT") and not second.lstrip().startswith(("gap", "likely"))
    ]
    for _, second in long_ones:
        assert second.startswith("  ") and not second.startswith("   ")


# --- --help -------------------------------------------------------------------------------

_COMMANDS = (
    "",
    "validate",
    "compare",
    "explain",
    "check",
    "diff",
    "claims",
    "report",
    "export",
    "extract",
)


def _commands() -> dict[str, object]:
    import typer

    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", _COMMANDS)
def test_help_reads_cleanly(width: int, command: str) -> None:
    lines = on_terminal(width, *([command] if command else []), "--help")
    _fits(lines, width)
    text = "\n".join(lines)
    assert lines[0].startswith("Usage: ")
    assert not re.search(r"<(?:bool|int|str|Path|list\[|\w+\|)", text)  # no Python types
    assert "╭" not in text and "│" not in text
    # each choice is whole on its line, never cut where a column ends
    for choice in ("timeframe", "claim-type", "arithmetic", "consistent", "compatible", "markdown"):
        if choice in " ".join(text.split()):
            assert re.search(rf"(?<![\w-]){choice}(?![\w-])", text), choice
    # the lines of a paragraph are full: a line ends only where the next word would not fit
    sections = ("Arguments:", "Options:", "Commands:")
    in_section = False
    for line, following in itertools.pairwise(lines):
        in_section = in_section or line in sections
        if not line.strip() or not following.strip() or following in sections:
            continue
        indent = len(following) - len(following.lstrip())
        if in_section and indent <= 2:
            continue  # the next option or command, not more of this one's help
        word = following.split()[0]
        assert cell_len(line) + 1 + cell_len(word) > min(width, 100), (line, following)


def test_help_joins_a_docstring_paragraph_into_one() -> None:
    lines = on_terminal(80, "diff", "--help")
    joined = " ".join(" ".join(lines).split())
    assert (
        "What moved between two versions: claims added, removed and changed, conflicts that "
        "appeared or went away, reviews added, removed, changed or made stale."
    ) in joined
    compare = " ".join(" ".join(on_terminal(80, "compare", "--help")).split())
    assert (
        "--reason REASON Only comparisons for which this reason fires. Choices: definition, "
        "unit, timeframe, sourcing, method, precision, claim-type, arithmetic. May be given "
        "more than once."
    ) in compare
    assert (
        "-f, --format FORMAT How to show the comparisons. Choices: table, json, markdown. "
        "Default: table."
    ) in compare


def test_every_command_is_tested_here() -> None:
    assert set(_commands()) == {name for name in _COMMANDS if name} | {"schema"}
