"""Output formats for findings, registered by name; each writes to an injected stream.

A finding is anything with a place (file, line, column), a severity, a code, a title and a
message: input problems from ``validate``, and the conflicts that ``check`` reports. Every
format prints findings in their sort order, so outputs are deterministic and diffable.

- ``text``: for a person at a terminal (rich), grouped by file.
- ``parsable``: one line a finding, ``FILE:LINE:COL: SEVERITY CODE message``; a line break
  in a message (or a file name) is written as an escape, ``\\n``.
- ``json``: a versioned document (see docs/output.md).
- ``github``: GitHub Actions workflow commands, which annotate the lines in a pull request;
  the command also adds every finding to the step's summary (:func:`write_step_summary`).
- ``sarif``: SARIF 2.1.0 for GitHub code scanning (:mod:`reconcile.views.sarif`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Protocol, TextIO

from reconcile.views.jsonout import JSON_VERSION, write_json


class Finding(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def title(self) -> str: ...


@dataclass(frozen=True)
class FindingsReport:
    """What a command found: the files it read (name, sha256) and its sorted findings."""

    command: str
    files: Sequence[tuple[str, str]]
    findings: Sequence[Finding]
    summary: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


Reporter = Callable[[FindingsReport, TextIO], None]


def _text(report: FindingsReport, stream: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for file, group in groupby(report.findings, key=lambda f: f.file):
        console.print(f"[bold underline]{escape(file)}[/]")
        for f in group:
            colour = "red" if f.severity == "error" else "yellow"
            console.print(
                f"  {f.line}:{f.col}  [{colour}]{f.severity}[/]  [dim]{f.code}[/]  "
                f"{escape(f.message)}"
            )
        console.print()
    if report.summary:
        mark = "[green]✓[/]" if report.success else "[red]✗[/]"
        console.print(f"{mark} {escape(report.summary)}")


# Every character that ends a line for some reader (Python's str.splitlines ends a line at
# each of them), written as its escape, so that a finding is always one line.
_LINE_ENDS = str.maketrans(
    {
        "\n": "\\n",
        "\r": "\\r",
        "\v": "\\v",
        "\f": "\\f",
        **{ch: f"\\x{ord(ch):02x}" for ch in "\x1c\x1d\x1e\x85"},
        **{ch: f"\\u{ord(ch):04x}" for ch in "\u2028\u2029"},
    }
)


def one_line(text: str) -> str:
    """The text on one line: its line breaks written as escapes (\\n, \\r, \\u2028, ...)."""
    return text.translate(_LINE_ENDS)


def _parsable(report: FindingsReport, stream: TextIO) -> None:
    for f in report.findings:
        line = f"{f.file}:{f.line}:{f.col}: {f.severity} {f.code} {f.message}"
        stream.write(one_line(line) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def _github(report: FindingsReport, stream: TextIO) -> None:
    for file, group in groupby(report.findings, key=lambda f: f.file):
        stream.write(f"::group::{_escape_data(file)}\n")
        for f in group:
            command = _GITHUB_COMMANDS.get(f.severity, "warning")
            title = _escape_property(f"{f.code} {f.title}")
            stream.write(
                f"::{command} file={_escape_property(f.file)},line={f.line},col={f.col},"
                f"title={title}::{_escape_data(f'{f.line}:{f.col} [{f.code}] {f.message}')}\n"
            )
        stream.write("::endgroup::\n")
    if report.summary:
        stream.write(f"{report.summary}\n")


def _json(report: FindingsReport, stream: TextIO) -> None:
    document: dict[str, Any] = {
        "version": JSON_VERSION,
        "command": report.command,
        "success": report.success,
        "files": [{"path": name, "sha256": sha} for name, sha in report.files],
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "col": f.col,
                "severity": f.severity,
                "code": f.code,
                "title": f.title,
                "message": f.message,
            }
            for f in report.findings
        ],
        **report.extra,
    }
    write_json(document, stream)


def _sarif(report: FindingsReport, stream: TextIO) -> None:
    from reconcile.views import sarif

    sarif.render(report, stream)


# GitHub keeps at most 1 MiB of a step's summary; the table stops short of it
STEP_SUMMARY_LIMIT = 1_000_000


def step_summary(report: FindingsReport, limit: int = STEP_SUMMARY_LIMIT) -> str:
    """Every finding as a Markdown table, for ``$GITHUB_STEP_SUMMARY``: GitHub shows only the
    first ten error annotations of a step, and the summary shows them all (as many as fit
    in ``limit`` characters, with a line that says how many more there are)."""
    from reconcile.views.claims import markdown_cell

    head = [f"## reconcile {report.command}", ""]
    if report.summary:
        head += [markdown_cell(report.summary), ""]
    if not report.findings:
        return "\n".join([*head, "No findings.", ""]) + "\n"
    lines = [
        *head,
        "| file | line | severity | code | finding |",
        "| --- | --- | --- | --- | --- |",
    ]
    size = sum(len(line) + 1 for line in lines)
    shown = 0
    for f in report.findings:
        cells = (f.file, f"{f.line}:{f.col}", f.severity, f.code, f.message)
        row = "| " + " | ".join(markdown_cell(c) for c in cells) + " |"
        if size + len(row) + 200 > limit:  # room kept for the line that says what is left out
            break
        lines.append(row)
        size += len(row) + 1
        shown += 1
    left = len(report.findings) - shown
    if left:
        lines += [
            "",
            f"{left:,} more {'finding' if left == 1 else 'findings'} not shown here "
            "(a step summary holds at most 1 MiB): see the log of this step.",
        ]
    return "\n".join(lines) + "\n\n"


def write_step_summary(report: FindingsReport, errors: TextIO) -> None:
    """Under GitHub Actions, add the findings to the step's summary, when the runner names
    its file in ``GITHUB_STEP_SUMMARY``; a summary that cannot be written is said on
    ``errors`` and changes nothing else."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(step_summary(report))
    except OSError as err:
        errors.write(f"reconcile: cannot write the step summary {target}: {err.strerror or err}\n")


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "parsable": _parsable,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
}


def resolve(name: str, stream: TextIO | None = None) -> str:
    """Turn ``auto`` into a format: github in GitHub Actions, text on a terminal, else parsable."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    stream = stream or sys.stdout
    return "text" if stream.isatty() else "parsable"
