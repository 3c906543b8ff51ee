"""Reading figure files: from paths to parsed YAML documents, safely and with exact positions.

The parser sits behind one small interface (:class:`Parser`). The default one is PyYAML's
libyaml C loader (pure Python where libyaml is missing) with the garbage collector paused
during the load. It constructs only plain data (no object tags), detects duplicate keys,
records the line of every ``id:`` key as it goes, and refuses documents whose aliases expand
beyond a bound. Positions for errors are found only on the error path, by composing the text
again with marks (:class:`Locator`), so the fast path stays fast.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

import yaml

from reconcile.intake.problems import InputError, Problem

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_NESTING = 64
MAX_EXPANSION = 10  # an aliased document may expand to at most this many nodes per line
MAX_EXPANDED_NODES = 100_000

FIGURE_SUFFIXES = (".yaml", ".yml")
SURROGATE_ESCAPE = re.compile(
    r"\\(?:u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})"
)
# A YAML file in a folder is read as a figure file when its top level has one of the keys
# that only figure files have; a file with any of them but no version is then an error (a
# misspelt "version:" must not make a file of claims drop out of the check unseen).
_FIGURE_KEY = re.compile(r"^(?:version|sources|origins|measures|claims|reviews)\s*:", re.MULTILINE)
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]+")
# Deep block nesting needs deep indentation or a run of "- - - ..." on one line; both are
# found by scans that start from a literal, which are fast on large files.
_DEEP_INDENT = re.compile(r"\n[ \t]{200}")
_DASH_RUN = re.compile(r"-[ \t]+(?:-[ \t]+){39}")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - only without libyaml
    _BaseLoader = yaml.SafeLoader


class Parsed:
    """A parsed document and the line and column of each ``id:`` key in it.

    A parser that does not record the positions as it goes passes ``find_ids`` instead,
    which finds them when they are first asked for (often never: a valid file needs none)."""

    __slots__ = ("_find_ids", "_id_lines", "data")

    def __init__(
        self,
        data: Any,
        id_lines: dict[str, list[tuple[int, int]]] | None = None,
        find_ids: Callable[[], dict[str, list[tuple[int, int]]]] | None = None,
    ) -> None:
        self.data = data
        self._id_lines = id_lines
        self._find_ids = find_ids

    @property
    def id_lines(self) -> dict[str, list[tuple[int, int]]]:
        if self._id_lines is None:
            self._id_lines = self._find_ids() if self._find_ids is not None else {}
            self._find_ids = None
        return self._id_lines


class Parser(Protocol):
    def parse(self, text: str, name: str) -> Parsed: ...


class _YamlError(Exception):
    def __init__(self, line: int, col: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message = line, col, code, message


def _make_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    class _Loader(base):  # type: ignore[valid-type,misc]
        id_lines: dict[str, list[tuple[int, int]]]
        _depth = 0

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
            # Only the pure-Python composer calls this; a document that may be deep is always
            # read by it (see looks_deep), so the first node too deep is found where it starts
            self._depth += 1
            try:
                if self._depth > MAX_NESTING + 1:  # the root is level 0
                    mark = self.peek_event().start_mark
                    raise _YamlError(
                        mark.line + 1,
                        mark.column + 1,
                        "E117",
                        f"nesting deeper than {MAX_NESTING} levels",
                    )
                return super().compose_node(parent, index)  # type: ignore[no-any-return]
            finally:
                self._depth -= 1

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            keys = [k.value if isinstance(k, yaml.ScalarNode) else None for k, _ in node.value]
            if len(set(keys)) != len(keys):
                seen: set[object] = set()
                for key_node, _ in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    if key is not None and key != "<<" and key in seen:
                        mark = key_node.start_mark
                        raise _YamlError(
                            mark.line + 1,
                            mark.column + 1,
                            "E112",
                            f"duplicate key {key!r} in this mapping (a later value would "
                            "silently replace the earlier one)",
                        )
                    seen.add(key)
            if "id" in keys:
                key_node, value_node = node.value[keys.index("id")]
                if isinstance(value_node, yaml.ScalarNode):
                    mark = key_node.start_mark
                    self.id_lines.setdefault(value_node.value, []).append(
                        (mark.line + 1, mark.column + 1)
                    )
            return super().construct_mapping(node, deep)

        def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
            # An impossible date such as 2025-02-30 stays text, for the date type to reject
            # with its own message instead of failing the whole load.
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return node.value

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
    return _Loader


_FastLoader = _make_loader(_BaseLoader)
_SafeLoader = _make_loader(yaml.SafeLoader)


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def looks_deep(text: str) -> bool:
    """Cheap over-estimate of nesting: brackets anywhere, deep indentation, runs of dashes."""
    if text[:200].isspace() or _DEEP_INDENT.search(text) or _DASH_RUN.search(text):
        return True
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return False
    # The brackets alone, in order: every other byte deleted, which is quick in C (a bracket
    # is one ASCII byte, and no byte of another character in UTF-8 is ASCII).
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    depth = max(accumulate(1 if c in b"[{" else -1 for c in brackets), default=0)
    return depth > MAX_NESTING


def _expanded_size(root: Any, limit: int) -> int:
    """Nodes in the document once aliases are expanded (counting stops past ``limit``)."""
    memo: dict[int, tuple[int, int]] = {}

    def walk(obj: Any, level: int) -> tuple[int, int]:
        if level > MAX_NESTING:
            raise _YamlError(1, 1, "E117", f"nesting deeper than {MAX_NESTING} levels")
        if isinstance(obj, dict):
            children: Any = list(obj.keys()) + list(obj.values())
        elif isinstance(obj, list):
            children = obj
        else:
            return 1, 0
        key = id(obj)
        if key in memo:
            return memo[key]
        size, depth = 1, 0
        for child in children:
            s, d = walk(child, level + 1)
            size += s
            depth = max(depth, d + 1)
            if size > limit:
                break
        memo[key] = (size, depth)
        return size, depth

    return walk(root, 0)[0]


class PyYamlParser:
    """PyYAML with libyaml: safe tags only, duplicate keys refused, bounded aliases."""

    def parse(self, text: str, name: str) -> Parsed:
        deep = looks_deep(text)
        loader_cls = _SafeLoader if deep else _FastLoader
        loader: Any = None
        try:
            loader = loader_cls(text)  # the pure-Python reader checks the characters here
            loader.id_lines = {}
            with _gc_paused():
                data = loader.get_single_data()
        except _YamlError:
            raise
        except yaml.reader.ReaderError as err:
            raise _from_reader(err, text) from None
        except RecursionError:
            raise _YamlError(1, 1, "E117", f"nesting deeper than {MAX_NESTING} levels") from None
        except yaml.constructor.ConstructorError as err:
            raise _from_marked(err, text, tag="tag" in (err.problem or "")) from None
        except yaml.MarkedYAMLError as err:
            raise _from_marked(err, text) from None
        except (yaml.YAMLError, ValueError, TypeError) as err:
            raise _YamlError(1, 1, "E110", f"YAML could not be read: {err}") from None
        finally:
            if loader is not None:
                loader.dispose()
        if deep or _ANCHOR.search(text):
            limit = max(MAX_EXPANDED_NODES, (text.count("\n") + 1) * MAX_EXPANSION)
            size = _expanded_size(data, limit)
            if size > limit:
                line, col = _first_alias(text)
                raise _YamlError(
                    line,
                    col,
                    "E114",
                    f"aliases expand the document to more than {limit:,} nodes (the limit is "
                    f"{MAX_EXPANSION} nodes per line of text, and at least "
                    f"{MAX_EXPANDED_NODES:,}); "
                    "write the repeated data out or use fewer aliases",
                )
        return Parsed(data, loader.id_lines)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character of the text."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _first_alias(text: str) -> tuple[int, int]:
    match = re.search(r"(?<![\w&*])\*[^\s\[\]{},]+", text)
    return (1, 1) if match is None else _line_col(text, match.start())


def _from_reader(err: yaml.reader.ReaderError, text: str) -> _YamlError:
    """A character YAML does not allow (a NUL, a control character), placed where it stands:
    the reader's own position counts bytes or characters, depending on the loader."""
    character = chr(err.character) if isinstance(err.character, int) else ""
    at = text.find(character) if character else -1
    line, col = _line_col(text, at) if at >= 0 else (1, 1)
    return _YamlError(
        line,
        col,
        "E110",
        f"YAML could not be read: unacceptable character {character!r} ({err.reason})",
    )


def _from_marked(err: yaml.MarkedYAMLError, text: str, tag: bool = False) -> _YamlError:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = err.problem or "invalid YAML"
    if tag:
        tag_match = re.search(r"tag '([^']*)'", problem)
        shown = tag_match.group(1) if tag_match else problem
        return _YamlError(
            line,
            col,
            "E113",
            f"YAML tag {shown} is not allowed: a figure file holds only plain data "
            "(mappings, lists, strings, numbers, dates)",
        )
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: max(col, 1)] or "'\\t'" in problem:
        return _YamlError(
            line,
            col,
            "E111",
            "a tab is used for indentation here; YAML indents with spaces only",
        )
    context = f" {err.context}" if err.context else ""
    return _YamlError(line, col, "E110", f"YAML syntax error: {problem}{context}".strip())


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
                    "E102",
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
                "E103",
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
        raise InputError([Problem(figure.name, 1, 1, "E115", "the file is empty")])
    surrogate = SURROGATE_ESCAPE.search(figure.text)
    if surrogate is not None:
        line, col = _line_col(figure.text, surrogate.start())
        raise InputError(
            [
                Problem(
                    figure.name,
                    line,
                    col,
                    "E110",
                    f"the escape {surrogate[0]!r} is half of a character (a surrogate), which "
                    "no UTF-8 output can hold; write the character itself, or \\U and eight "
                    "hex digits",
                )
            ]
        )
    try:
        figure.parsed = (parser or default_parser()).parse(figure.text, figure.name)
    except _YamlError as err:
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
            problems.append(Problem(str(path), 1, 1, "E101", "no such file or folder"))
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
        "E104",
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
        composer = _SafeLoader if looks_deep(text) else _FastLoader
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=composer)
        except (yaml.YAMLError, RecursionError, _YamlError):
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
