"""The PyYAML parser of figure files, and what every parser shares.

A parser turns the text of one file into plain data (:class:`Parsed`), with the line and
column of every ``id:`` key. This one is PyYAML's libyaml C loader (pure Python where libyaml
is missing) with the garbage collector paused during the load: it constructs only plain data
(no object tags), detects duplicate keys, records the line of every ``id:`` key as it goes,
and refuses documents nested too deep or whose aliases expand beyond a bound. The rapidyaml
parser (:mod:`reconcile.intake.fastyaml`) hands over to it for what it cannot read exactly.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from typing import Any, Protocol

import yaml

from reconcile.intake import codes

MAX_NESTING = 64
MAX_EXPANSION = 10  # an aliased document may expand to at most this many nodes per line
MAX_EXPANDED_NODES = 100_000

SURROGATE_ESCAPE = re.compile(
    r"\\(?:u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})"
)
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


class YamlError(Exception):
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
                    raise YamlError(
                        mark.line + 1,
                        mark.column + 1,
                        codes.NESTING_TOO_DEEP.code,
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
                        raise YamlError(
                            mark.line + 1,
                            mark.column + 1,
                            codes.DUPLICATE_KEY.code,
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


FastLoader = _make_loader(_BaseLoader)
SafeLoader = _make_loader(yaml.SafeLoader)


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
            raise YamlError(
                1, 1, codes.NESTING_TOO_DEEP.code, f"nesting deeper than {MAX_NESTING} levels"
            )
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
        loader_cls = SafeLoader if deep else FastLoader
        loader: Any = None
        try:
            loader = loader_cls(text)  # the pure-Python reader checks the characters here
            loader.id_lines = {}
            with _gc_paused():
                data = loader.get_single_data()
        except YamlError:
            raise
        except yaml.reader.ReaderError as err:
            raise _from_reader(err, text) from None
        except RecursionError:
            raise YamlError(
                1, 1, codes.NESTING_TOO_DEEP.code, f"nesting deeper than {MAX_NESTING} levels"
            ) from None
        except yaml.constructor.ConstructorError as err:
            raise _from_marked(err, text, tag="tag" in (err.problem or "")) from None
        except yaml.MarkedYAMLError as err:
            raise _from_marked(err, text) from None
        except (yaml.YAMLError, ValueError, TypeError) as err:
            raise YamlError(
                1, 1, codes.YAML_SYNTAX.code, f"YAML could not be read: {err}"
            ) from None
        finally:
            if loader is not None:
                loader.dispose()
        if deep or _ANCHOR.search(text):
            limit = max(MAX_EXPANDED_NODES, (text.count("\n") + 1) * MAX_EXPANSION)
            size = _expanded_size(data, limit)
            if size > limit:
                line, col = _first_alias(text)
                raise YamlError(
                    line,
                    col,
                    codes.EXPANDS_TOO_LARGE.code,
                    f"aliases expand the document to more than {limit:,} nodes (the limit is "
                    f"{MAX_EXPANSION} nodes per line of text, and at least "
                    f"{MAX_EXPANDED_NODES:,}); "
                    "write the repeated data out or use fewer aliases",
                )
        return Parsed(data, loader.id_lines)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character of the text."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _first_alias(text: str) -> tuple[int, int]:
    match = re.search(r"(?<![\w&*])\*[^\s\[\]{},]+", text)
    return (1, 1) if match is None else line_col(text, match.start())


def _from_reader(err: yaml.reader.ReaderError, text: str) -> YamlError:
    """A character YAML does not allow (a NUL, a control character), placed where it stands:
    the reader's own position counts bytes or characters, depending on the loader."""
    character = chr(err.character) if isinstance(err.character, int) else ""
    at = text.find(character) if character else -1
    line, col = line_col(text, at) if at >= 0 else (1, 1)
    return YamlError(
        line,
        col,
        codes.YAML_SYNTAX.code,
        f"YAML could not be read: unacceptable character {character!r} ({err.reason})",
    )


def _from_marked(err: yaml.MarkedYAMLError, text: str, tag: bool = False) -> YamlError:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = err.problem or "invalid YAML"
    if tag:
        tag_match = re.search(r"tag '([^']*)'", problem)
        shown = tag_match.group(1) if tag_match else problem
        return YamlError(
            line,
            col,
            codes.TAG_NOT_ALLOWED.code,
            f"YAML tag {shown} is not allowed: a figure file holds only plain data "
            "(mappings, lists, strings, numbers, dates)",
        )
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: max(col, 1)] or "'\\t'" in problem:
        return YamlError(
            line,
            col,
            codes.TAB_INDENTATION.code,
            "a tab is used for indentation here; YAML indents with spaces only",
        )
    context = f" {err.context}" if err.context else ""
    return YamlError(
        line, col, codes.YAML_SYNTAX.code, f"YAML syntax error: {problem}{context}".strip()
    )
