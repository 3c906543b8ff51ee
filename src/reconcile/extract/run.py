"""``reconcile extract``: one call from the command line's options to an exit code.

Proposals go to standard output as YAML (a figure file part: ``version: 1`` and the
``claims``; with ``--standalone`` also the source, so the file validates on its own), to a
new file (``-o``), or into an existing figure file (``--append``). ``--format table`` shows
them as a table on standard output first; with ``-o`` or ``--append`` the file is written too.
Messages about the run go to standard error. Every error is one plain sentence on standard
error and exit code 2; nothing is half-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TextIO

from reconcile.extract.append import AppendError, read_target, splice, verify, write
from reconcile.extract.document import Document, DocumentError, display_path, read_document
from reconcile.extract.output import (
    Header,
    OutputError,
    render_document,
    render_table,
    write_atomic,
)
from reconcile.extract.propose import Proposal, propose, renumber
from reconcile.outcome import ExitCode

_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")


class UsageError(Exception):
    """Options that do not go together, or a source id that is not an id."""


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    document: Path
    source: str
    output: Path | None = None
    append: Path | None = None
    format: str = "yaml"
    standalone: bool = False
    save_text: Path | None = None


def _yaml(
    proposals: list[Proposal],
    stream: TextIO,
    options: ExtractOptions,
    doc: Document,
    header: Header | None,
) -> None:
    stream.write(render_document(proposals, options.document.as_posix(), header))


def _table(
    proposals: list[Proposal],
    stream: TextIO,
    options: ExtractOptions,
    doc: Document,
    header: Header | None,
) -> None:
    render_table(proposals, stream)


Renderer = Callable[[list[Proposal], TextIO, ExtractOptions, Document, Header | None], None]
FORMATS: Final[dict[str, Renderer]] = {"yaml": _yaml, "table": _table}
"""The output formats, by name; the command line's ``--format`` choices."""


def _check_options(options: ExtractOptions) -> None:
    if not _ID.match(options.source):
        raise UsageError(
            f"--source {options.source!r} is not an id: use letters, digits, '-', '_', '.' or "
            "':' (at most 80 characters)"
        )
    if options.output is not None and options.append is not None:
        raise UsageError("give -o (a new file) or --append (an existing one), not both")
    if options.standalone and options.append is not None:
        raise UsageError("--standalone writes a whole file; it does not go with --append")
    if options.format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    if options.output is not None and options.output.exists():
        raise UsageError(
            f"{options.output} exists; -o writes a new file only (use --append to add to a "
            "figure file)"
        )


def _save_text(doc: Document, path: Path) -> None:
    data = doc.text.encode("utf-8")
    if path.exists():
        if path.read_bytes() == data:
            return
        raise UsageError(f"{path} exists and holds another text; --save-text writes a new file")
    write_atomic(path, data)


def _header(options: ExtractOptions, doc: Document) -> Header:
    base = options.output.parent if options.output is not None else Path.cwd()
    if options.save_text is not None:
        text: str | None = display_path(options.save_text, base)
        note = None
    elif doc.kind == "html":
        text = None
        note = "no text: quotes come from the page's extracted text (save it with --save-text)"
    else:
        text = display_path(options.document, base)
        note = None
    if doc.title:
        title = doc.title
    else:
        words = " ".join(doc.text.split()[:12])
        title = f"[untitled] {words}"
        note = note or "no headline found: the title is the opening words"
    return Header(options.source, title, text, note)


def _warnings(
    options: ExtractOptions, doc: Document, sources: dict[str, object], target: Path
) -> list[str]:
    source = sources.get(options.source)
    if source is None:
        return [
            f"source {options.source!r} is not defined in {target}: define it there (or in a "
            "file read with it) before these claims can validate"
        ]
    text = source.get("text") if isinstance(source, dict) else None
    if not isinstance(text, str):
        return []
    text_path = (target.parent / text).resolve()
    if doc.kind == "html":
        if options.save_text is None or text_path != options.save_text.resolve():
            return [
                f"source {options.source!r} has text {text!r}, but the quotes come from the "
                "text extracted from the HTML: save it with --save-text and point text at it"
            ]
        return []
    if text_path != options.document.resolve():
        return [
            f"source {options.source!r} has text {text!r}, not {options.document}: the quote "
            "check will look for these quotes in that file"
        ]
    return []


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _run(options: ExtractOptions, stdout: TextIO, stderr: TextIO) -> ExitCode:
    _check_options(options)
    doc = read_document(options.document)
    if doc.note:
        stderr.write(f"note: {doc.note}\n")
    target = read_target(options.append) if options.append is not None else None
    taken = target.claim_ids if target is not None else set()
    proposals = propose(doc, options.source, taken)
    if options.save_text is not None:
        _save_text(doc, options.save_text)
    fresh = [p for p in proposals if target is None or not target.is_duplicate(p)]
    if len(fresh) < len(proposals):
        fresh = renumber(fresh, taken)
    header = _header(options, doc) if options.standalone else None
    writes_file = options.output is not None or target is not None
    if options.format != "yaml" or not writes_file:
        FORMATS[options.format](fresh, stdout, options, doc, header)
    found = f"{_count(len(proposals), 'figure')} found in {options.document}"
    if target is not None:
        assert options.append is not None
        for warning in _warnings(options, doc, target.sources, options.append):
            stderr.write(f"warning: {warning}\n")
        skipped = len(proposals) - len(fresh)
        if fresh:
            text = splice(target, fresh)
            verify(target, text, len(fresh))
            write(target, text)
        extra = f" ({skipped} already there)" if skipped else ""
        stderr.write(
            f"{found}; {_count(len(fresh), 'claim stub')} appended to {options.append}{extra}\n"
        )
    elif options.output is not None:
        data = render_document(fresh, options.document.as_posix(), header).encode("utf-8")
        write_atomic(options.output, data)
        stderr.write(f"{found}; written to {options.output}\n")
    else:
        stderr.write(f"{found}\n")
    return ExitCode.OK


def execute(options: ExtractOptions, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``reconcile extract``; return its exit code (0 done, 2 refused)."""
    try:
        return _run(options, stdout, stderr)
    except (UsageError, DocumentError, AppendError, OutputError) as err:
        stderr.write(f"Error: {err}\n")
        return ExitCode.INVALID
    except OSError as err:  # a path given for reading or writing that cannot be used
        stderr.write(f"Error: {err.filename or ''}: {err.strerror or err}\n")
        return ExitCode.INVALID


__all__ = ["FORMATS", "ExtractOptions", "execute"]
