"""The JSON Schema tells an editor the truth: a JSON Schema validator accepts every valid case
file and rejects every invalid one that JSON Schema can express; the invalid cases it cannot
express are listed below with the reason, and the test fails when one of them becomes
expressible (move it out of the list) or a new invalid case is neither rejected nor listed.

The data is what reconcile's own YAML reader (YAML 1.1) makes of each file, as an editor set
to YAML 1.1 reads it (docs/format.md says how to set yaml-language-server so); where YAML 1.2
reads a file otherwise, the cases below say so.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reconcile.intake.loader import PyYamlParser, read_text
from reconcile.intake.problems import InputError
from reconcile.model.validate import build
from tests.conftest import BUNDLED, CASES, ROOT

SCHEMA: dict[str, Any] = json.loads((ROOT / "schema" / "figures.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Invalid cases that no JSON Schema can reject, and why.
NOT_EXPRESSIBLE: dict[str, str] = {
    # problems of the YAML text: a validator sees data, after a YAML reader has read it
    "alias-bomb": "YAML: aliases that expand the document past any size (E114)",
    "duplicate-key": "YAML: a key given twice, which a YAML reader resolves before any schema",
    "list-as-key": "YAML: a list as a key, which no JSON object can hold",
    "not-utf8": "bytes that are not UTF-8: there is no text to read",
    "python-tag": "YAML: a tag, refused by the reader before any data exists",
    "surrogate-escape": "YAML: an escape that is half a character; a JSON string holds it",
    "tab-indentation": "YAML: a tab for indentation is a syntax error",
    "yaml-syntax": "YAML: a syntax error",
    # checks across items, files or the file system
    "dangling-reference": "a reference to an id defined elsewhere (possibly in another file)",
    "derived-from-itself": "a claim's 'derived.of' naming its own id",
    "duplicate-id": "the same claim id in two items of a list (the items differ otherwise)",
    "sum-of-cycle": "measures that are parts of themselves through other measures",
    "quote-not-in-source": "a quote checked against the text of its source file",
    "source-text-missing": "a source text file that does not exist",
    "rating-of-a-claim-not-reviewed": "a rating's claim must be one of its review's claims",
    # what a value says, read by the value reader
    "low-above-high": "a mapping whose low is above its high: a comparison of two fields",
    "period-ends-before-start": "a period that ends before it starts: a comparison of dates",
    "negative-count": "a minus sign in a value's text, refused unless its measure is signed",
    "negative-on-unsigned-measure": "a figure below zero, against its measure's 'signed' field",
    "rate-in-value-not-a-rate": "'a week' in a value's text against the claim's 'type'",
    "unreadable-value": "the value grammar (number words, hedges, ranges) is not a pattern",
    "unit-mismatch": "a unit written in the value against its measure's unit",
    "rate-period-disagrees": "a value's 'a day' against the claim's 'per'",
    "value-not-in-quote": "a value held to the figure its quote gives",
    "nan-value": "NaN: every comparison with it is false, so no bound rejects it",
    "nan-in-mapping": "NaN: every comparison with it is false, so no bound rejects it",
    "rating-outside-its-scale": "a rating's value between its own best and worst",
}


def yaml_data(text: str) -> Any:
    """What reconcile's YAML reader makes of the text, as JSON (dates as ISO text)."""
    data = PyYamlParser().parse(text, "case.yaml").data

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value))

    return json.loads(json.dumps(data, default=plain))


def _tool_accepts(text: str) -> bool:
    try:
        build([read_text("case.yaml", text.encode("utf-8"))])
    except InputError:
        return False
    return True


UNREADABLE = object()


def _readable(path: Path) -> Any:
    """The case as data: as reconcile's reader makes it, else as a plain YAML reader does
    (past the reader's own limits, such as nesting); UNREADABLE when no data can be made."""
    import yaml

    if path.stem in ("alias-bomb", "not-utf8"):
        return UNREADABLE  # no data, or none of a size a test should build
    text = path.read_text(encoding="utf-8")
    try:
        return yaml_data(text)
    except Exception:
        pass
    try:
        return json.loads(json.dumps(yaml.safe_load(text), default=str))
    except Exception:
        return UNREADABLE


VALID = [
    BUNDLED,
    *sorted(CASES.glob("[!i]*/*/figures.yaml")),
    *sorted(CASES.glob("report/*.yaml")),
    *sorted(CASES.glob("schema/*.yaml")),
]
INVALID = sorted((CASES / "invalid").glob("*.yaml"))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", VALID, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_valid_file_is_accepted(path: Path) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(yaml_data(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_every_invalid_case_the_schema_can_express_is_rejected(path: Path) -> None:
    data = _readable(path)
    if path.stem in NOT_EXPRESSIBLE:
        # still true: the schema lets it through, or no data can be made of it
        assert data is UNREADABLE or VALIDATOR.is_valid(data), (
            f"the schema now rejects {path.name}: take it out of NOT_EXPRESSIBLE"
        )
        return
    assert data is not UNREADABLE, f"{path.name} cannot be read as data: list it in NOT_EXPRESSIBLE"
    assert not VALIDATOR.is_valid(data), f"the schema accepts {path.name}, which reconcile refuses"


def test_the_list_names_only_real_cases() -> None:
    assert set(NOT_EXPRESSIBLE) <= {p.stem for p in INVALID}
    expressed = len(INVALID) - len(NOT_EXPRESSIBLE)
    assert expressed == 15  # the invalid cases the schema rejects


def _defaults(node: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if "default" in node:
            found.append((path, node))
        for key, value in node.items():
            found += _defaults(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _defaults(value, f"{path}[{i}]")
    return found


def test_every_default_is_valid_where_it_stands() -> None:
    """An editor's completion inserts the default: it must be what the file may hold."""
    defaults = _defaults(SCHEMA)
    assert len(defaults) > 20
    for path, node in defaults:
        sub = {key: value for key, value in node.items() if key != "default"}
        validator = jsonschema.Draft202012Validator({**sub, "$defs": SCHEMA["$defs"]})
        assert validator.is_valid(node["default"]), (path, node["default"])
    published = SCHEMA["$defs"]["Source"]["properties"]["published"]["default"]
    assert published == "unknown"


BASE = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - {id: a, measure: crowd, value: "12,000", source: paper}
      - {id: b, measure: crowd, value: "50,000", source: paper}
    """
)

# (what is added to BASE, or replaces a line of it; does YAML 1.2 read it the same way)
SNIPPETS: list[tuple[str, str]] = [
    ("reviews:\n", "same"),
    ("origins:\nsettings:\npublisher:\n", "same"),
    ('sources:\n  "bad id": {whatever: 1}\n', "same"),
    ("sources:\n  paper: {title: T, published: 2024-13}\n", "same"),
    ("sources:\n  paper: {title: T, published: 2024-02-29}\n", "same"),
    ("sources:\n  paper: {title: T, published: 2023-02-29}\n", "same"),
    ("sources:\n  paper: {title: T, published: 2024-04-31}\n", "same"),
    ("sources:\n  paper: {title: T, published: '~2025-8'}\n", "same"),
    ("sources:\n  paper: {title: T, published: 999}\n", "same"),
    ("sources:\n  paper: {title: T, published: soon}\n", "same"),
    ('sources:\n  paper: {title: T, text: "a\\0b.txt"}\n', "same"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: yes}\n", "1.2 reads text"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: Off}\n", "1.2 reads text"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: 'Y'}\n", "same"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: 1}\n", "same"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: 2}\n", "same"),
    ("measures:\n  crowd: {label: L, unit: u, cumulative: maybe}\n", "same"),
    ("sources:\n  paper: {title: T, language: no}\n", "1.2 reads text"),
    ("reviews:\n  - {claims: [a, a], verdict: disputed, reason: sourcing}\n", "same"),
    ("reviews:\n  - {claims: [a], verdict: disputed, reason: sourcing}\n", "same"),
    ("claims:\n  - {id: a, measure: crowd, value: .inf, source: paper}\n", "same"),
    ("claims:\n  - {id: a, measure: crowd, value: 1.0e+22, source: paper}\n", "same"),
    ("claims:\n  - {id: a, measure: crowd, value: 1.0e+21, source: paper}\n", "same"),
    (f"claims:\n  - {{id: a, measure: crowd, value: '{'1' * 201}', source: paper}}\n", "same"),
    ("settings: {minor_gap: 1}\n", "same"),
    ("settings: {list_limit: 1}\n", "same"),
    ("publisher: {name: Desk, url: https://desk.example.org}\n", "same"),
    ("publisher: {url: https://desk.example.org}\n", "same"),
    (
        "reviews:\n  - claims: [a, b]\n    verdict: disputed\n    reason: sourcing\n"
        "    rating: {claim: a, label: Wrong, summary: '" + "x" * 76 + "'}\n",
        "same",
    ),
]


def _file(snippet: str) -> str:
    """BASE with the snippet: in place of the first item of its section, when BASE has it."""
    lines = BASE.splitlines(keepends=True)
    header = snippet.split("\n", 1)[0] + "\n"
    if header in lines:
        at = lines.index(header)
        return "".join(lines[:at]) + snippet + "".join(lines[at + 2 :])
    return BASE + snippet


@pytest.mark.parametrize(("snippet", "yaml12"), SNIPPETS, ids=[s[:40] for s, _ in SNIPPETS])
def test_the_schema_and_the_tool_agree(snippet: str, yaml12: str) -> None:
    text = _file(snippet)
    tool = _tool_accepts(text)
    assert VALIDATOR.is_valid(yaml_data(text)) == tool, text
    if yaml12 == "1.2 reads text":
        # YAML 1.2 reads yes, Off and no as text, as YAML 1.1 reads them quoted: the schema
        # and the tool both take the text, for a true-or-false field as for a text field.
        # Unquoted, YAML 1.1 reads them as true or false, which a text field refuses
        # (language: no): only an editor set to YAML 1.1 then flags what the tool flags.
        as_text = text.replace(": yes}", ": 'yes'}").replace(": Off}", ": 'Off'}")
        as_text = as_text.replace(": no}", ": 'no'}")
        assert as_text != text
        assert _tool_accepts(as_text)
        assert VALIDATOR.is_valid(yaml_data(as_text))
