"""A fast path for reading figure files: rapidyaml, exact or not at all.

rapidyaml parses a large file many times faster than PyYAML's C loader; its tree is emitted
as JSON and read back with the standard library. YAML 1.1, which PyYAML follows, gives some
plain scalars a type that this route would not (``yes`` is true, ``~`` is null, ``0x1F`` is
31, ``2025-10-14`` is a date), and it refuses documents that rapidyaml may accept. So this
parser reads a document only when it can read it exactly as PyYAML does:

- documents with tabs, anchors, aliases, tags, merge keys, several documents, or a plain
  scalar that YAML 1.1 would type differently from JSON (booleans other than ``true`` and
  ``false``, nulls other than ``null``, numbers with signs, underscores, exponents, other
  bases or leading zeros, times, non-string keys) go to PyYAML;
- plain dates are turned into date objects, as PyYAML does; a document in which a string
  looks like a date but was not written as a plain date goes to PyYAML;
- a mapping with a duplicate key, a parse error, or anything rapidyaml cannot emit goes to
  PyYAML, which reports the problem with its exact position.

The differential test runs both parsers on every test file and on generated ones and
asserts identical documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reconcile.intake.yamlparse import SURROGATE_ESCAPE, Parsed, PyYamlParser, looks_deep

# Structures this fast path leaves to PyYAML. Each check looks for a literal first, which is
# fast on a large file, and only then for the context around it.
_ANCHOR_ALIAS_TAG = re.compile(r"(?:^|(?<=[\s\[{,]))[&*!][^\s,\]}]")
_DOCUMENT_MARKER = re.compile(r"(?:^|\n)(?:---|\.\.\.)(?:[ \t\r\n]|$)")
_COMMENT = re.compile(r"[ \t]#")


def _unsupported(text: str) -> bool:
    """Tabs, anchors, aliases, tags, merge keys, several documents, comments in flow style."""
    if "\t" in text or _MARK in text or "<<" in text:
        return True
    if ("\\u" in text or "\\U" in text) and SURROGATE_ESCAPE.search(text):
        return True  # half characters: JSON would join a pair that YAML keeps apart
    if ("&" in text or "*" in text or "!" in text) and _ANCHOR_ALIAS_TAG.search(text):
        return True
    if ("---" in text or "..." in text) and _DOCUMENT_MARKER.search(text):
        return True
    for match in _COMMENT.finditer(text) if "#" in text else ():
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if "[" in line or "{" in line:
            return True  # a comment in a flow collection: PyYAML is stricter there
    return False


# Strings that YAML 1.1 types when written plain, and that rapidyaml's JSON gives as strings
# whether they were written plain or quoted: when one turns up, which it was is unknown.
# (Plain numbers that JSON can hold come out as numbers, and quoted ones as strings, so
# those are told apart; "1e3", which YAML 1.1 reads as text, is caught as a JSON float.)
_TYPED_IF_PLAIN = re.compile(
    r"yes|Yes|YES|no|No|NO|True|TRUE|False|FALSE|on|On|ON|off|Off|OFF|~|Null|NULL|="
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[-+]?0b[0-1_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[-+]?[0-9][0-9_]*\.[0-9_]*_[0-9_]*"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9].*"
)
# Candidate strings and keys in the emitted JSON (always in double quotes there): a key that
# may not be a string in YAML, or a string value that YAML may have typed.
_CANDIDATE = (
    r"[-+.0-9][-+.0-9_:xXa-fA-FoO]*|[-+]?\.[A-Za-z]{3}|[~=yYnNoOTFtf][A-Za-z]{0,4}"
    r'|[0-9]{4}-[^"\\\n]{4,40}'
)
_KEY_MAY_BE_TYPED = re.compile(r"[-+.0-9].*|true|false|null|(?:" + _TYPED_IF_PLAIN.pattern + ")")
# Both checks in one scan of the JSON: a candidate (not after a backslash, so not an escaped
# quote inside a longer string) that is typed, as a key when a colon follows and as a value
# otherwise. A candidate holds no quote, backslash or line break, so there ".*" is the same as
# a run of other characters, which cannot run past the candidate's closing quote.
_IN_CANDIDATE = r'[^"\\\n]*'
_TYPED_IN_JSON = re.compile(
    r'"(?=[-+.0-9~=yYnNoOTFtf])(?<!\\")(?=(?:' + _CANDIDATE + r')")(?:'
    r"(?:" + _TYPED_IF_PLAIN.pattern.replace(".*", _IN_CANDIDATE) + r')"(?![ \t]*:)'
    r"|(?:" + _KEY_MAY_BE_TYPED.pattern.replace(".*", _IN_CANDIDATE) + r')"(?=[ \t]*:))'
)


def _typed_json_string(emitted: str) -> bool:
    """A string or key in the JSON that YAML 1.1 might have typed, had it been plain."""
    return _TYPED_IN_JSON.search(emitted) is not None


# A date, to be marked before parsing when it stands as a plain scalar: after ": ", after a
# flow bracket or comma, or as the first item of a top-level list at the start of the text,
# and before the end of the line, a flow bracket or comma, or a comment.
_DATE = r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
_DATE_AFTER = r"(?=[ \t]*(?:\r?$|[,\]}]|[ \t]#))"
# One scan finds a date after ":", "[", "{" or ",", and spaces; after a colon a space is
# needed, which is checked for each date found (rare against the text's size).
_DATE_IN_LINE = re.compile(r"([:\[{,][ \t]*)(" + _DATE + ")" + _DATE_AFTER, re.MULTILINE)
_FIRST_ITEM_DATE = re.compile(r"([ \t]*-[ \t]+)(" + _DATE + ")" + _DATE_AFTER, re.MULTILINE)


def _mark_plain_dates(text: str) -> tuple[str, int]:
    """Put each plain date in quotes behind a private mark, so that JSON keeps it apart."""
    pieces: list[str] = []
    done = marks = 0
    first = _FIRST_ITEM_DATE.match(text)
    matches = _DATE_IN_LINE.finditer(text)
    for match in [first, *matches] if first else matches:
        if match[1] == ":":
            continue  # "a:2025-01-01" is one plain string, not a key and a date
        start, end = match.span(2)
        pieces += [text[done:start], '"', _MARK, match[2], '"']
        done, marks = end, marks + 1
    pieces.append(text[done:])
    return "".join(pieces), marks


_QUOTED_DATE = re.compile(r"(?:\"|')([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?:\"|')")
# The same, found in the JSON that rapidyaml emits (strings there are always in "...").
_JSON_DATE = re.compile(r'"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"')
_JSON_MARKED_DATE = re.compile(r'"\ue000([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"')
_MARK = "\ue000"
_ID_VALUE = r"""(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'#,\]}{\[][^#,\]}\n]*?))"""
# An ``id:`` key is found by its literal, then told apart by what precedes it on its line
# (indentation and a list dash for a block mapping; "{" or "," for a flow mapping) and what
# follows (a value, then the end of the line or a comment; or "," or "}" in a flow).
_ID_KEY = re.compile(r"id[ \t]*:")
_BLOCK_BEFORE = re.compile(r"[ \t]*(?:-[ \t]+)?")
_FLOW_BEFORE = re.compile(r"[{,][ \t]*\Z")
_BLOCK_VALUE = re.compile(r"[ \t]*" + _ID_VALUE + r"[ \t]*(?=\r?\n|$|[ \t]#)")
_FLOW_VALUE = re.compile(r"[ \t]*" + _ID_VALUE + r"[ \t]*(?=[,}])")


class _Fallback(Exception):
    """The fast path cannot read this document exactly; PyYAML will."""


def _to_date(text: str) -> Any:
    year, month, day = (int(part) for part in text.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return text  # an impossible date stays text, as the PyYAML loader leaves it


def id_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Line and column of every ``id:`` key, found with one scan of the text.

    A flow key is not taken from text that the previous flow key's value ran over."""
    found: dict[str, list[tuple[int, int]]] = {}
    line, counted, flow_end = 1, 0, 0
    flows = "{" in text  # a flow key needs a flow mapping somewhere in the text
    for key in _ID_KEY.finditer(text):
        start = key.start()
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if _BLOCK_BEFORE.fullmatch(before):
            value = _BLOCK_VALUE.match(text, key.end())
        elif (
            flows
            and (flow := _FLOW_BEFORE.search(before))
            and line_start + flow.start() >= flow_end
        ):
            value = _FLOW_VALUE.match(text, key.end())
            if value is not None:
                flow_end = value.end()
        else:
            continue
        if value is None:
            continue
        line += text.count("\n", counted, start)
        counted = start
        name = value[value.lastindex or 0]  # the one alternative of the value that matched
        found.setdefault(name.strip(), []).append((line, start - line_start + 1))
    return found


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the C library's own messages on file descriptor 2 while it parses."""
    try:
        saved = os.dup(2)
    except OSError:  # no standard error to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class RapidYamlParser:
    """rapidyaml through JSON when that is exact; PyYAML (:class:`PyYamlParser`) otherwise."""

    def __init__(self) -> None:
        self.fallback = PyYamlParser()
        self.fell_back = False

    def parse(self, text: str, name: str) -> Parsed:
        self.fell_back = False
        try:
            return self._fast(text)
        except _Fallback:
            self.fell_back = True
            return self.fallback.parse(text, name)

    def _fast(self, text: str) -> Parsed:
        import ryml

        if _unsupported(text) or looks_deep(text):
            raise _Fallback
        marked, marks = _mark_plain_dates(text)
        try:
            with _quiet_stderr():  # rapidyaml prints its own parse errors there
                tree = ryml.parse_in_arena(marked.encode("utf-8"))
                emitted = ryml.emit_json_malloc(tree, tree.root_id())
        except Exception:  # any parse or emit problem: PyYAML gives the exact error
            raise _Fallback from None
        del tree, marked  # the tree and the marked copy are large: gone before the JSON is read
        if not isinstance(emitted, str) or _typed_json_string(emitted):
            raise _Fallback  # a string or key that YAML may have typed had it been plain
        if _JSON_DATE.findall(emitted) != _QUOTED_DATE.findall(text):
            raise _Fallback  # a date-like string that may have been a plain date we missed
        if marks:
            emitted, dates = _JSON_MARKED_DATE.subn(lambda m: f'{{"{_MARK}": "{m[1]}"}}', emitted)
            if dates != marks or emitted.count(_MARK) != marks:
                raise _Fallback  # a mark inside other text: the marking went wrong there
        try:
            data = json.loads(
                emitted, object_pairs_hook=_mapping, parse_float=_float, parse_constant=_refuse
            )
        except _Fallback:
            raise
        except ValueError:
            raise _Fallback from None
        if not isinstance(data, dict | list):
            raise _Fallback
        return Parsed(data, find_ids=functools.partial(id_positions, text))


def _mapping(pairs: list[tuple[str, Any]]) -> Any:
    if len(pairs) == 1 and pairs[0][0] == _MARK:
        return _to_date(pairs[0][1])  # a plain date, marked before parsing
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Fallback  # a duplicate key: PyYAML reports where
    return result


def _float(text: str) -> float:
    if "e" in text or "E" in text:
        raise _Fallback  # YAML 1.1 reads 1e3 as text
    return float(text)


def _refuse(text: str) -> Any:
    raise _Fallback  # NaN or Infinity in JSON: not from YAML
