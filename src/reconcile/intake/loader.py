"""Reading figure files: from paths to parsed YAML documents, safely and with exact positions.

The parser sits behind one small interface (:class:`Parser`). The default one is PyYAML's
libyaml C loader (pure Python where libyaml is missing) with the garbage collector paused
during the load. It constructs only plain data (no object tags), detects duplicate keys,
records the line of every ``id:`` key as it goes, and refuses documents whose aliases expand
beyond a bound. Positions for errors are found only on the error path, by composing the text
again with marks (:class:`Locator`), so the fast path stays fast.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reconcile.intake import codes
from reconcile.intake.problems import InputError, Problem
from reconcile.intake.yamlparse import (
    SURROGATE_ESCAPE,
    FastLoader,
    Parsed,
    Parser,
    PyYamlParser,
    SafeLoader,
    YamlError,
    line_col,
    looks_deep,
)

MAX_FILE_BYTES = 100 * 1024 * 1024
FIGURE_SUFFIXES = (".yaml", ".yml")
# A YAML file in a folder is read as a figure file when its top level has one of the keys
# that only figure files have; a file with any of them but no version is then an error (a
# misspelt "version:" must not make a file of claims drop out of the check unseen).
_FIGURE_KEY = re.compile(r"^(?:version|sources|origins|measures|claims|reviews)\s*:", re.MULTILINE)


@dataclass
class FigureText:
    """One figure file as read from disk (or from git): its name, text and hash."""

    name: str
    text: str
    sha256: str
    parsed: Parsed | None = None
    _locator: Locator | None = field(default=None, repr=False)

    def locate(self, loc: Sequence[int | str], key: bool = False) -> tuple[int, int]:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator.find(loc, key=key)

    def item_positions(self, section: str) -> list[tuple[int, int]]:
        """Where each item of a top-level block list starts, by one scan of the text (empty
        when the list is not written as a plain block list)."""
        match = re.search(rf"^{section}[ \t]*:[ \t]*(?:#.*)?$", self.text, re.MULTILINE)
        if match is None:
            return []
        positions: list[tuple[int, int]] = []
        line = self.text.count("\n", 0, match.start()) + 1
        dash: str | None = None
        for text_line in self.text[match.end() + 1 :].split("\n"):
            line += 1
            stripped = text_line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = text_line[: len(text_line) - len(text_line.lstrip())]
            if not indent and not text_line.startswith("-"):
                break  # the next top-level key
            if dash is None and stripped.startswith("- "):
                dash = indent
            if dash is not None and indent == dash and stripped.startswith("- "):
                body = stripped[1:].lstrip()
                positions.append((line, len(text_line) - len(body) + 1))
        return positions

    def id_position(self, claim_id: str, loc: Sequence[int | str]) -> tuple[int, int]:
        """Line and column of a claim's ``id:`` key, cheaply when the id is unique in the file."""
        places = self.parsed.id_lines.get(claim_id, []) if self.parsed else []
        if len(places) == 1:
            return places[0]
        return self.locate([*loc, "id"], key=True)


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    col,
                    codes.NOT_UTF8.code,
                    f"byte 0x{raw[err.start]:02x} is not valid UTF-8; save the file as UTF-8",
                )
            ]
        ) from None


def _too_large(name: str, size: str) -> InputError:
    return InputError(
        [
            Problem(
                name,
                1,
                1,
                codes.FILE_TOO_LARGE.code,
                f"file is {size}; the limit is {MAX_FILE_BYTES:,} bytes "
                "(split it into several files in one folder)",
            )
        ]
    )


def read_file(path: Path) -> FigureText:
    """A figure file read from disk, or from a pipe or device, never beyond the size limit:
    ``/dev/zero`` is refused (E103) rather than read until memory runs out."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = os.fstat(handle.fileno()).st_size  # 0 for a pipe or a device
            larger = f"more than {MAX_FILE_BYTES:,} bytes"  # a pipe or a device has no size
            raise _too_large(str(path), f"{size:,} bytes" if size > MAX_FILE_BYTES else larger)
    return read_text(str(path), raw)


def read_text(name: str, raw: bytes) -> FigureText:
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(name, f"{len(raw):,} bytes")
    text = decode(raw, name)
    return FigureText(name, text, hashlib.sha256(raw).hexdigest())


def default_parser() -> Parser:
    """rapidyaml where it is installed (exact, or it hands over to PyYAML), else PyYAML."""
    try:
        import ryml  # noqa: F401
    except ImportError:  # pragma: no cover - rapidyaml is a dependency; kept for odd platforms
        return PyYamlParser()
    from reconcile.intake.fastyaml import RapidYamlParser

    return RapidYamlParser()


def _empty(text: str) -> bool:
    """Nothing but blank lines and comments."""
    # Every line of a prefix but its last is a whole line of the text: a line with data in
    # the first few kilobytes settles it without splitting a large file into lines.
    head = text[:_HEAD].splitlines()[:-1]
    if any(line.strip() and not line.lstrip().startswith("#") for line in head):
        return False
    return not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    )


_HEAD = 64 * 1024


def parse(figure: FigureText, parser: Parser | None = None) -> Any:
    """Parse the text into plain data; YAML-level problems raise :class:`InputError`."""
    if _empty(figure.text):
        raise InputError([Problem(figure.name, 1, 1, codes.EMPTY_FILE.code, "the file is empty")])
    surrogate = SURROGATE_ESCAPE.search(figure.text)
    if surrogate is not None:
        line, col = line_col(figure.text, surrogate.start())
        raise InputError(
            [
                Problem(
                    figure.name,
                    line,
                    col,
                    codes.YAML_SYNTAX.code,
                    f"the escape {surrogate[0]!r} is half of a character (a surrogate), which "
                    "no UTF-8 output can hold; write the character itself, or \\U and eight "
                    "hex digits",
                )
            ]
        )
    try:
        figure.parsed = (parser or default_parser()).parse(figure.text, figure.name)
    except YamlError as err:
        raise InputError([Problem(figure.name, err.line, err.col, err.code, err.message)]) from None
    return figure.parsed.data


def discover(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their figure files; paths are checked, problems raised together."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in FIGURE_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and _is_figure_file(p)
            )
            if not inside:
                problems.append(empty_folder(str(path)))
            found.extend(inside)
        elif path.exists():
            found.append(path)  # a file, or a pipe or device: "<(cat a.yaml)", /dev/stdin
        elif str(path) == "-" and Path("/dev/stdin").exists():
            found.append(Path("/dev/stdin"))  # "-": the standard input
        else:
            problems.append(
                Problem(str(path), 1, 1, codes.PATH_NOT_FOUND.code, "no such file or folder")
            )
    if problems:
        raise InputError(problems)
    unique: dict[Path, Path] = {}
    for p in found:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a link loop: read it as given, and fail there
            key = p
        unique.setdefault(key, p)
    return list(unique.values())


def empty_folder(name: str) -> Problem:
    """E104 for a folder that holds no figure file."""
    return Problem(
        name,
        1,
        1,
        codes.NO_FIGURE_FILES.code,
        "no figure files in this folder (a figure file ends in .yaml or .yml and has a "
        "top-level 'version:', 'sources:', 'origins:', 'measures:', 'claims:' or 'reviews:' key)",
    )


def _is_figure_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return True  # unreadable: kept, so that reading it reports why
    return has_figure_key(head)


def source_folder(name: str) -> Path:
    """The folder that a figure file's source texts are named from: the file's own; for a
    file read through a pipe or the standard input, the folder of the file behind it, else
    the current folder."""
    path = Path(name)
    if not name.startswith(("/dev/", "/proc/")):
        return path.parent
    real = os.path.realpath(path)
    if not real.startswith(("/dev/", "/proc/")) and os.path.isfile(real):
        return Path(real).parent
    return Path()


def has_figure_key(raw: bytes) -> bool:
    """The first 64 KiB of a file hold a top-level key that only figure files have."""
    return _FIGURE_KEY.search(raw[: 64 * 1024].decode("utf-8", "replace")) is not None


class Locator:
    """Finds the line and column of a path into a document (error path only)."""

    def __init__(self, text: str) -> None:
        composer = SafeLoader if looks_deep(text) else FastLoader
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=composer)
        except (yaml.YAMLError, RecursionError, YamlError):
            self.root = None

    def find(self, loc: Sequence[int | str], key: bool = False) -> tuple[int, int]:
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                        if last and key:
                            return key_node.start_mark.line + 1, key_node.start_mark.column + 1
                        child = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            if child is None:
                continue  # a part the data does not have (a model-level step): stay here
            node = child
            mark = node.start_mark
        return mark.line + 1, mark.column + 1
