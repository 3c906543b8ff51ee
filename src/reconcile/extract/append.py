"""Adding stubs to an existing figure file without changing any line already in it.

The file must be valid first: ``reconcile validate`` may report nothing but the E202
"measure not set" of stubs that are still waiting for a person; anything else is refused and
nothing is changed. ruamel.yaml's round-trip parser finds the ``claims`` list, the column of
its dashes and keys, and whether its items are separated by blank lines; the new stubs,
rendered by ruamel.yaml's round-trip dumper in the same layout, are inserted as whole lines
after the last line of the last claim (comments and blank lines that follow it stay where
they are). Every existing line is kept byte for byte, line endings included. A file without
a ``claims`` list gets one at its end. The one line that may change is an empty list written
``claims: []`` or ``claims: null``, which becomes ``claims:`` (its comment kept); a
non-empty list written in flow style (``claims: [{...}]``) is refused.

A proposal is skipped only when a claim in the file has both the same value text and the same
quote, where a quote trimmed to part of the proposal's sentence counts as the same (quotes
are compared as the quote check compares them): several figures often share one sentence,
and their value texts tell them apart.
The result is parsed and validated again before it is written, through a temporary file and
a rename; if the file changed meanwhile, nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from reconcile.extract.output import OutputError, render_items, write_atomic
from reconcile.extract.propose import Proposal
from reconcile.intake import codes, loader, yamlparse
from reconcile.intake.problems import InputError, Problem
from reconcile.model.quotes import fold
from reconcile.model.validate import build

_SHOWN_PROBLEMS: Final = 10
_EMPTY_CLAIMS: Final = re.compile(
    r"^(?P<key>claims[ \t]*:)[ \t]*(?:\[[ \t]*\]|null|Null|NULL|~)(?P<rest>[ \t]*(?:#.*)?)$"
)


class AppendError(Exception):
    """The figure file cannot take the stubs; it was not changed."""


def _pending(problem: Problem) -> bool:
    """A stub that is still waiting for its measure."""
    return problem.code == codes.REQUIRED_MISSING.code and problem.message.startswith(
        "measure not set"
    )


@dataclass
class Target:
    """A figure file read for appending."""

    path: Path
    raw: bytes
    text: str
    data: CommentedMap
    pending: int
    claim_ids: set[str] = field(default_factory=set)
    existing: set[tuple[str, str]] = field(default_factory=set)

    @property
    def sources(self) -> dict[str, Any]:
        sources = self.data.get("sources")
        return dict(sources) if isinstance(sources, dict) else {}

    def is_duplicate(self, proposal: Proposal) -> bool:
        """A claim with the same value text whose quote is this sentence or a part of it."""
        sentence = fold(proposal.quote)
        return any(
            value == proposal.value and quote and (quote in sentence or sentence in quote)
            for quote, value in self.existing
        )


def _problems_text(path: Path, problems: Sequence[Problem]) -> str:
    shown = [
        f"  {p.file}:{p.line}:{p.col}: {p.code} {p.message}" for p in problems[:_SHOWN_PROBLEMS]
    ]
    if len(problems) > _SHOWN_PROBLEMS:
        shown.append(f"  ... and {len(problems) - _SHOWN_PROBLEMS} more")
    return (
        f"{path} is not a valid figure file; fix it first (reconcile validate {path}), "
        "nothing was changed:\n" + "\n".join(shown)
    )


def _check(path: Path, raw: bytes) -> tuple[str, int]:
    """The text of a valid figure file and how many stubs in it wait for a measure."""
    try:
        figure = loader.read_text(str(path), raw)
        build([figure])
    except InputError as err:
        blocking = [p for p in err.problems if not _pending(p)]
        if blocking:
            raise AppendError(_problems_text(path, blocking)) from None
        return figure.text, len(err.problems)
    return figure.text, 0


def read_target(path: Path) -> Target:
    """Read and check the figure file that stubs are to be appended to."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AppendError(f"{path}: no such figure file (use -o to write a new one)") from None
    except IsADirectoryError:
        raise AppendError(f"{path} is a folder; give one figure file") from None
    except OSError as err:
        raise AppendError(f"{path}: cannot read: {err.strerror}") from None
    text, pending = _check(path, raw)
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as err:  # pragma: no cover - the loader above accepted it
        raise AppendError(f"{path}: cannot read its YAML: {err}") from None
    if not isinstance(data, CommentedMap):  # pragma: no cover - the loader checks this too
        raise AppendError(f"{path} does not hold a mapping of sections")
    target = Target(path, raw, text, data, pending)
    claims = data.get("claims")
    if isinstance(claims, list):
        for item in claims:
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("id"), str):
                target.claim_ids.add(item["id"])
            quote, value = item.get("quote"), item.get("value")
            if isinstance(quote, str) and value is not None:
                target.existing.add((fold(quote), str(value)))
    return target


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their endings, split at line feeds only (as YAML does)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def splice(target: Target, proposals: Sequence[Proposal]) -> str:
    """The file's text with the stubs inserted; every existing line kept as it was."""
    text = target.text
    if not proposals:
        return text
    newline = _newline(text)
    lines = _lines(text)
    data = target.data
    if "claims" not in data:
        lead = "" if not text or text.endswith(("\n", "\r")) else newline
        return text + lead + "claims:" + newline + render_items(proposals, newline=newline)
    claims = data["claims"]
    key_line = int(data.lc.key("claims")[0])
    if claims is None or (isinstance(claims, CommentedSeq) and not claims):
        line = lines[key_line]
        body = line.rstrip("\r\n")
        ending = line[len(body) :] or newline
        if isinstance(claims, CommentedSeq) or _EMPTY_CLAIMS.match(body):
            match = _EMPTY_CLAIMS.match(body)
            if match is None:
                raise AppendError(
                    f"{target.path}:{key_line + 1}: claims is an empty list that does not stand "
                    "on its own line; write it as 'claims:' to append to it"
                )
            body = str(match["key"]) + str(match["rest"])
        items = render_items(proposals, newline=newline)
        return "".join(lines[:key_line]) + body + ending + items + "".join(lines[key_line + 1 :])
    if not isinstance(claims, CommentedSeq):  # pragma: no cover - validation refuses it
        raise AppendError(f"{target.path}: claims is not a list")
    if claims.fa.flow_style():
        raise AppendError(
            f"{target.path}:{key_line + 1}: the claims list is written in flow style "
            "([...]); extract appends only to a block list ('- id: ...' items)"
        )
    first_line, key_column = (int(n) for n in claims.lc.item(0))
    head = lines[first_line][:key_column].rstrip()
    dash = len(head) - 1 if head.endswith("-") else max(0, key_column - 2)
    key_offset = key_column - dash
    last_line = int(claims.lc.item(len(claims) - 1)[0])
    end = last_line + 1
    index = last_line + 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if len(line) - len(line.lstrip(" ")) <= dash:
            break
        index += 1
        end = index
    spaced = len(claims) > 1 and last_line > 0 and not lines[last_line - 1].strip()
    items = render_items(
        proposals, dash=dash, key_offset=key_offset, blank_lines=spaced, newline=newline
    )
    before = "".join(lines[:end])
    if before and not before.endswith(("\n", "\r")):
        before += newline
    return before + (newline if spaced else "") + items + "".join(lines[end:])


class _Counting:
    """The default parser, noting how many claims the parsed document holds."""

    def __init__(self) -> None:
        self.parser = loader.default_parser()
        self.claims: int | None = None

    def parse(self, text: str, name: str) -> yamlparse.Parsed:
        parsed = self.parser.parse(text, name)
        claims = parsed.data.get("claims") if isinstance(parsed.data, dict) else None
        self.claims = len(claims) if isinstance(claims, list) else 0
        return parsed


def verify(target: Target, text: str, added: int) -> None:
    """The spliced text parses, holds the new claims, and fails only on pending measures.

    It is parsed once, by the validation, which counts its claims as it goes."""
    counting = _Counting()
    try:
        build([loader.read_text(str(target.path), text.encode("utf-8"))], parser=counting)
        problems: list[Problem] = []
    except InputError as err:
        problems = err.problems
    if counting.claims is None:  # pragma: no cover - a bug in splice, caught before writing
        first = problems[0] if problems else None
        where = f"{target.path}:{first.line}:{first.col}" if first else str(target.path)
        reason = first.message if first else "it no longer parses"
        raise AppendError(f"the stubs would break {where}: {reason}; nothing was changed")
    old = target.data.get("claims") or []
    if counting.claims != len(old) + added:  # pragma: no cover
        raise AppendError(f"the stubs could not be placed in {target.path}; nothing was changed")
    blocking = [p for p in problems if not _pending(p)]
    if blocking or len(problems) != target.pending + added:
        raise AppendError(_problems_text(target.path, blocking or problems))


def write(target: Target, text: str) -> None:
    """Replace the figure file with ``text``, unless it changed since it was read."""

    def unchanged() -> bool:
        try:
            return target.path.read_bytes() == target.raw
        except OSError:
            return False

    mark = b"\xef\xbb\xbf" if target.raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        write_atomic(target.path, mark + text.encode("utf-8"), unchanged=unchanged)
    except OutputError as err:
        raise AppendError(str(err)) from None


__all__ = ["AppendError", "Target", "read_target", "splice", "verify", "write"]
