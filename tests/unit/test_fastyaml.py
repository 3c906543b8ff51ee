"""The fast rapidyaml path reads every document exactly as PyYAML does, or hands it over."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.intake.fastyaml import RapidYamlParser, id_positions
from reconcile.intake.yamlparse import PyYamlParser, YamlError
from tests.conftest import BUNDLED, CASES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False  # refused before any parser runs
    return True


YAML_FILES = sorted(p for p in [BUNDLED, *CASES.rglob("*.yaml")] if _utf8(p))


def typed(value: Any) -> Any:
    """A value with its types spelled out, so that 1, 1.0 and True do not compare equal."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def both(text: str) -> tuple[Any, Any, bool]:
    """(what PyYAML reads, what the fast path reads, whether the fast path handed over)."""
    fast = RapidYamlParser()
    try:
        reference: Any = typed(PyYamlParser().parse(text, "x.yaml").data)
    except YamlError as err:
        reference = ("error", err.code, err.line, err.col)
    try:
        result: Any = typed(fast.parse(text, "x.yaml").data)
    except YamlError as err:
        result = ("error", err.code, err.line, err.col)
    return reference, result, fast.fell_back


@pytest.mark.parametrize("path", YAML_FILES, ids=[str(p.relative_to(ROOT)) for p in YAML_FILES])
def test_every_test_file_reads_the_same(path: Path) -> None:
    reference, result, _ = both(path.read_text(encoding="utf-8"))
    assert result == reference


@pytest.mark.parametrize("claims", [50, 400])
def test_generated_files_read_the_same_on_the_fast_path(claims: int) -> None:
    reference, result, fell_back = both(generate(claims))
    assert result == reference
    assert not fell_back


def test_the_bundled_file_takes_the_fast_path() -> None:
    reference, result, fell_back = both(BUNDLED.read_text(encoding="utf-8"))
    assert result == reference
    assert not fell_back


TRICKY = [
    "a: yes",
    "a: No",
    "a: ~",
    "a: Null",
    "a: 0x1F",
    "a: 1_000",
    "a: 012",
    "a: +5",
    "a: 1e3",
    "a: 1.5e3",
    "a: .5",
    "a: 1.",
    "a: .inf",
    "a: -.INF",
    "a: .nan",
    "a: 12:30",
    "a: =",
    "a: 2025-10-14",
    "a: '2025-10-14'",
    "a: 2025-02-30",
    "a: 2025-10-14T10:00:00Z",
    "a: 2025-10-14 10:00:00",
    "1: x",
    "true: x",
    "a: [2025-01-01, 2025-02-01]",
    "a: &x 1\nb: *x",
    "a: !!str 1",
    "<<: {a: 1}",
    "a: 1\na: 2",
    "a:\n\tb: 1",
    "--- \na: 1",
    "a: b: c",
    "a: [1, 2",
    "a: 'it''s'",
    'a: "\\u00e9\\t"',
    "a: |\n  x\n  y\n",
    "a: >-\n  x\n  y\n",
    "a: x\n  y",
    "- 1\n- -2\n- 3.25",
    "a: {b: [1, {c: null}]}",
    "a: ''",
    "a:",
    "a: 'yes'",
    "a: 2025",
    "a: 2025-10",
    "a: -0",
    "a: 0",
    "a: 007",
    "a: 0.1",
    "a: 10.50",
    "a: true",
    "a: false",
    "a: null",
    'a: "multi\n  line"',
    "a: # comment\n  1",
    "a: 1 # c",
    "a: x:y",
    "a: -x",
    "a: - x",
    "? a\n: 1",
    "a: [a, b, ]",
    "{a: 1, b: 2}",
    "[1, 2]",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents_read_the_same(text: str) -> None:
    reference, result, _ = both(text + "\n")
    assert result == reference


_PLAIN = st.sampled_from(
    [
        "1",
        "-2",
        "3.5",
        "0",
        "true",
        "false",
        "null",
        "yes",
        "No",
        "~",
        "x",
        "a b",
        "2025",
        "2025-10",
        "2025-10-14",
        "1e3",
        "0x10",
        "+1",
        "1_0",
        "12:30",
        ".5",
        "007",
        "=",
        "10%",
        "235,000",
        "about 500",
        "5-12 years",
        "é",
        "x # y",
    ]
)
_SCALAR = st.one_of(
    _PLAIN,
    _PLAIN.map(lambda s: f'"{s}"'),
    _PLAIN.map(lambda s: f"'{s}'"),
)
_KEY = st.sampled_from(["id", "value", "a", "b", "note", "1", "yes", "x y"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    if depth >= 2 or draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(_KEY, _SCALAR), min_size=1, max_size=4))
        if draw(st.booleans()):
            return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        return "\n".join(f"{k}: {v}" for k, v in pairs)
    items = draw(st.lists(documents(depth + 1), min_size=1, max_size=3))
    key = draw(_KEY)
    body = "\n".join("  - " + textwrap.indent(item, "    ").lstrip() for item in items)
    return f"{key}:\n{body}"


@settings(max_examples=300, deadline=None)
@given(documents())
def test_generated_documents_read_the_same(text: str) -> None:
    reference, result, _ = both(text + "\n")
    assert result == reference


def test_id_positions_find_block_and_flow_ids() -> None:
    text = textwrap.dedent(
        """\
        claims:
          - id: first
            value: 1
          - {id: "second", value: 2}
          -   id: 'third'
        """
    )
    assert id_positions(text) == {
        "first": [(2, 5)],
        "second": [(4, 6)],
        "third": [(5, 7)],
    }


def _ids_by_two_regexes(text: str) -> dict[str, list[tuple[int, int]]]:
    """The id scan as two whole-pattern regexes, one for each mapping style (the reference
    for the literal-led scan, which finds the same keys several times faster)."""
    import re

    value = r"""(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'#,\]}{\[][^#,\]}\n]*?))"""
    block = re.compile(
        r"\n([ \t]*(?:-[ \t]+)?)id[ \t]*:[ \t]*" + value + r"[ \t]*(?=\r?\n|$|[ \t]#)"
    )
    flow = re.compile(r"([{,][ \t]*)id[ \t]*:[ \t]*" + value + r"[ \t]*(?=[,}])")
    text = "\n" + text
    flows = flow.finditer(text) if "{" in text else ()
    matches = sorted([*block.finditer(text), *flows], key=lambda m: m.end(1))
    found: dict[str, list[tuple[int, int]]] = {}
    for match in matches:
        key = match.end(1)
        line = text.count("\n", 0, key)
        column = key - text.rfind("\n", 0, key)
        name = next(group for group in match.groups()[1:] if group is not None)
        found.setdefault(name.strip(), []).append((line, column))
    return found


_ID_PIECES = st.sampled_from(
    [
        "id",
        "id:",
        " id :",
        "- id: ",
        "{id: ",
        ", id: ",
        "'a'",
        '"b"',
        "c d",
        "x",
        " ",
        "\t",
        "\n",
        "\r\n",
        "  - ",
        "{",
        "}",
        ",",
        "#",
        " #",
        ":",
        "-",
        "paid: ",
        "[",
        "]",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ID_PIECES, max_size=30).map("".join))
def test_the_id_scan_finds_what_the_two_regexes_find(text: str) -> None:
    assert id_positions(text) == _ids_by_two_regexes(text)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("-id: a\n", {}),  # a dash glued to the key: a plain scalar, not a list item
        ("- - id: a\n", {}),
        ("paid: a\n", {}),
        ("- id: a # note\n", {"a": [(1, 3)]}),
        ("- id: a\r\n", {"a": [(1, 3)]}),
        ("{id: a, id: b}\n", {"a": [(1, 2)], "b": [(1, 9)]}),
        ('{n: "x, id: a}"}\n', {"a": [(1, 9)]}),  # a look-alike inside a string is found too
        ("{id: a b, c}", {"a b": [(1, 2)]}),
        ("x:\n  id: 'q'", {"q": [(2, 3)]}),
        ('- id: ""\n', {"": [(1, 3)]}),
        ("- x: 1\n  note: see a, id: b, c\n", {}),  # no flow mapping: no flow key
    ],
)
def test_the_id_scan_on_edge_cases(text: str, ids: dict[str, list[tuple[int, int]]]) -> None:
    assert id_positions(text) == ids == _ids_by_two_regexes(text)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_the_id_scan_agrees_with_the_regexes_on_every_test_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert id_positions(text) == _ids_by_two_regexes(text)


def test_the_id_scan_agrees_with_the_regexes_on_a_generated_file() -> None:
    text = generate(2_000)
    found = id_positions(text)
    assert len(found) >= 2_000
    assert found == _ids_by_two_regexes(text)


def test_dates_become_dates() -> None:
    data = RapidYamlParser().parse("a: 2025-10-14\nb: [2024-01-31]\n", "x.yaml").data
    assert data == {"a": dt.date(2025, 10, 14), "b": [dt.date(2024, 1, 31)]}


def test_id_positions_are_found_when_first_asked_for() -> None:
    text = "claims:\n  - id: a\n    value: 1\n  - {id: b, value: 2}\n"
    parsed = RapidYamlParser().parse(text, "x.yaml")
    assert parsed.id_lines == id_positions(text) == PyYamlParser().parse(text, "x.yaml").id_lines


def _dates_marked_one_by_one(text: str) -> tuple[str, int]:
    """The marking done date by date, each checked against its line (the plain reference)."""
    import re

    from reconcile.intake.fastyaml import _MARK

    before = re.compile(r"(?::[ \t]+|[\[{,][ \t]*|^[ \t]*-[ \t]+)$")
    after = re.compile(r"[ \t]*(?:\r?$|[,\]}]|[ \t]#)", re.MULTILINE)
    pieces: list[str] = []
    done = marks = 0
    for match in re.finditer(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        if not before.search(text, line_start, start) or not after.match(text, end):
            continue
        pieces += [text[done:start], '"', _MARK, match[0], '"']
        done, marks = end, marks + 1
    pieces.append(text[done:])
    return "".join(pieces), marks


_DATE_TEXT = st.lists(
    st.sampled_from(
        [
            *["2025-10-14", "2025-1-2", "12025-01-01", ":", ": ", "-", "- ", " ", "\t", "\n"],
            *["\r\n", "[", "]", "{", "}", ",", ", ", "#", " #", "a", "'", '"', "x: ", "  - "],
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXT)
def test_plain_dates_are_marked_as_date_by_date(text: str) -> None:
    from reconcile.intake.fastyaml import _mark_plain_dates

    assert _mark_plain_dates(text) == _dates_marked_one_by_one(text)


_JSON_PIECE = st.sampled_from(
    [
        *['"yes"', '"no"', '"type"', '"2025-10-14"', '"2025-10-14 10:00"', '"1_0"', '"0x1F"'],
        *['"12:30"', '"1"', '"1e3"', '"x"', '"~"', '"="', '"true"', '"null"', '".inf"', '"007"'],
        *['"a\\"yes"', '\\"', ": ", ":", ", ", "\n", "{", "}", "[", "]", " "],
    ]
)


def _typed_json_string_by_candidates(emitted: str) -> bool:
    """The check the single scan makes, candidate by candidate: the reference it is held to."""
    import re

    from reconcile.intake.fastyaml import _CANDIDATE, _KEY_MAY_BE_TYPED, _TYPED_IF_PLAIN

    for match in re.finditer(r'"(' + _CANDIDATE + r')"([ \t]*:)?', emitted):
        if emitted[match.start() - 1 : match.start()] == "\\":
            continue  # an escaped quote inside a longer string
        pattern = _KEY_MAY_BE_TYPED if match[2] else _TYPED_IF_PLAIN
        if pattern.fullmatch(match[1]):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(st.lists(_JSON_PIECE, max_size=10).map("".join))
def test_typed_strings_are_found_by_one_scan_as_candidate_by_candidate(emitted: str) -> None:
    from reconcile.intake.fastyaml import _typed_json_string

    assert _typed_json_string(emitted) == _typed_json_string_by_candidates(emitted)
