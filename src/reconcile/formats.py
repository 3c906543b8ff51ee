"""Output formats for findings, registered by name; each writes to an injected stream.

A finding is anything with a place (file, line, column), a severity, a code, a title and a
message: input problems from ``validate``, and the conflicts that ``check`` reports. Every
format prints findings in their sort order, so outputs are deterministic and diffable.

- ``text``: for a person at a terminal (rich), grouped by file.
- ``parsable``: one line a finding, ``FILE:LINE:COL: SEVERITY CODE message``; a line break
  in a message (or a file name) is written as an escape, ``\\n``.
- ``json``: a versioned document (see docs/output.md).
- ``github``: GitHub Actions workflow commands, which annotate the lines in a pull request.
- ``sarif``: SARIF 2.1.0, one rule per error and reason code, for GitHub code scanning.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Protocol, TextIO

from reconcile.jsonout import write_json

JSON_VERSION = 1


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
    from reconcile import sarif

    sarif.render(report, stream)


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
