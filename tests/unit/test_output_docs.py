"""The JSON examples of docs/output.md are the real output of the current code.

Each ```json block of the page is read as JSON once its ``...`` lines (items left out) are
turned into markers, and every value it shows is held against the real output of its command,
run in-process on the bundled file (the E203 example runs the file of docs/errors.md):

- an object shown must have the same keys as the real one, each with a matching value;
- a list shown without ``...`` must match the real list item for item; one with ``...``
  must match it piece by piece: the items shown between two ``...`` lines follow each other
  in the real list, in the same order, and a list that does not start (or end) with ``...``
  starts (or ends) as the real one does;
- a string that ends in ``...`` is cut short: the real string starts with what is shown.

The ``diff`` section gives the layout of the document rather than an example; its key
names are held against a real diff of the bundled file and an edited copy of it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from tests.conftest import BUNDLED, ROOT

DOCS = ROOT / "docs" / "output.md"
ERRORS = ROOT / "docs" / "errors.md"

ELIDED = "<item left out>"
CUT = "..."

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^##+ (.+)$", re.MULTILINE)
_DOTS_LINE = re.compile(r"^[ \t]*\.\.\.,?[ \t]*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 2), result.stderr
    return result.stdout


def blocks(text: str) -> Iterator[tuple[str, str, str]]:
    """Each fenced block as (the heading it is under, its language, its text)."""
    headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(text)]
    for fence in _FENCE.finditer(text):
        heading = ""
        for start, title in headings:
            if start < fence.start():
                heading = title
        yield heading, fence.group(1), fence.group(2)


def parse_example(block: str) -> Any:
    """The block as JSON, each ``...`` item replaced by :data:`ELIDED`."""
    marked = _DOTS_LINE.sub(lambda _: json.dumps(ELIDED) + ",", block)
    return json.loads(_TRAILING_COMMA.sub(r"\1", marked))


def _key(item: Any) -> str | None:
    if isinstance(item, dict):
        for name in ("id", "claims", "code", "identifier"):
            if name in item:
                return f"{name}={item[name]}"
    return None


def mismatches(shown: Any, real: Any, where: str = "$") -> list[str]:
    """Where the values shown differ from the real ones; empty when they all match."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where}: shown an object, real {real!r}"]
        if list(shown) != list(real):
            return [f"{where}: keys shown {list(shown)}, real {list(real)}"]
        return [p for k in shown for p in mismatches(shown[k], real[k], f"{where}.{k}")]
    if isinstance(shown, list):
        if not isinstance(real, list):
            return [f"{where}: shown a list, real {real!r}"]
        return _list_mismatches(shown, real, where)
    if isinstance(shown, str) and shown.endswith(CUT) and isinstance(real, str):
        if real.startswith(shown[: -len(CUT)]):
            return []
        return [f"{where}: shown {shown!r}, real {real!r}"]
    if type(shown) is not type(real) and not (
        isinstance(shown, (int, float))
        and isinstance(real, (int, float))
        and not isinstance(shown, bool)
        and not isinstance(real, bool)
    ):
        return [f"{where}: shown {shown!r}, real {real!r}"]
    if shown != real:
        return [f"{where}: shown {shown!r}, real {real!r}"]
    return []


def _matches(shown: Any, real: Any) -> bool:
    return not mismatches(shown, real)


def _segments(shown: list[Any]) -> list[list[Any]]:
    pieces: list[list[Any]] = [[]]
    for item in shown:
        if item == ELIDED:
            pieces.append([])
        else:
            pieces[-1].append(item)
    return pieces


def _list_mismatches(shown: list[Any], real: list[Any], where: str) -> list[str]:
    if ELIDED not in shown:
        if len(shown) != len(real):
            return [f"{where}: {len(shown)} items shown, {len(real)} real"]
        return [p for i, s in enumerate(shown) for p in mismatches(s, real[i], f"{where}[{i}]")]
    pieces = _segments(shown)
    first, last = 0, len(pieces) - 1
    position = 0
    for n, piece in enumerate(pieces):
        size = len(piece)
        if n == last and piece:
            candidates = [len(real) - size] if len(real) - size >= position else []
        elif n == first:
            candidates = [0]
        else:
            candidates = list(range(position, len(real) - size + 1))
        candidates = [at for at in candidates if at >= 0 and at + size <= len(real)]
        found = next(
            (
                at
                for at in candidates
                if all(_matches(s, real[at + i]) for i, s in enumerate(piece))
            ),
            None,
        )
        if found is None:
            return [
                f"{where}: items shown not found in the real list, in order",
                *_explain(piece, real, where),
            ]
        position = found + size
    return []


def _explain(piece: list[Any], real: list[Any], where: str) -> list[str]:
    """For the shown items that name an id (or claims), how they differ from the real one."""
    found: list[str] = []
    for item in piece:
        key = _key(item)
        same = [r for r in real if key is not None and _key(r) == key]
        if not same:
            found.append(f"{where}: no real item like {str(item)[:120]}")
        for r in same:
            found.extend(mismatches(item, r, f"{where}[{key}]"))
    return found


# The command behind each ```json example, by the heading it is under, in page order.


def _bundled(*args: str) -> Callable[[Path], str]:
    return lambda _tmp: invoke(*args)


def _e203(tmp: Path) -> str:
    section = ERRORS.read_text(encoding="utf-8").split("## E203", 1)[1].split("\n## ", 1)[0]
    yaml = re.search(r"^```yaml\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert yaml is not None, "no example under E203 in docs/errors.md"
    (tmp / "figures.yaml").write_text(yaml.group(1), encoding="utf-8")
    return invoke("validate", "--format", "json", "figures.yaml")


EXAMPLES: dict[str, list[Callable[[Path], str]]] = {
    "`reconcile validate --format json`": [
        _bundled("validate", "--format", "json"),
        _e203,
    ],
    "`reconcile claims --format json`": [_bundled("claims", "--format", "json")],
    "`reconcile compare --format json`": [_bundled("compare", "--format", "json")],
    "`reconcile export --format claimreview`": [
        _bundled("export", "--format", "claimreview", "tests/cases/report/fact-check.yaml")
    ],
}


def json_examples() -> list[tuple[str, int, str]]:
    text = DOCS.read_text(encoding="utf-8")
    found: list[tuple[str, int, str]] = []
    counts: dict[str, int] = {}
    for heading, language, body in blocks(text):
        if language == "json":
            n = counts.get(heading, 0)
            counts[heading] = n + 1
            found.append((heading, n, body))
    return found


def test_every_json_example_has_a_command() -> None:
    shown = {(h, n) for h, n, _ in json_examples()}
    known = {(h, n) for h, runs in EXAMPLES.items() for n in range(len(runs))}
    assert shown == known


@pytest.mark.parametrize(
    ("heading", "index", "block"),
    json_examples(),
    ids=[f"{h.strip('`')}#{n}" for h, n, _ in json_examples()],
)
def test_json_example_is_real_output(
    heading: str, index: int, block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = EXAMPLES[heading][index]
    monkeypatch.chdir(tmp_path if runner is _e203 else ROOT)
    real = json.loads(runner(tmp_path))
    assert mismatches(parse_example(block), real) == []


def test_the_comparison_of_the_checker() -> None:
    """The checker itself tells an example that drifted from one that did not."""
    real = {"a": [{"id": "x", "n": 1}, {"id": "y", "n": 2}, {"id": "z", "n": 3}], "s": "long text"}
    assert (
        mismatches(parse_example('{"a": [\n...\n{"id": "y", "n": 2},\n...\n], "s": "lo..."}'), real)
        == []
    )
    assert (
        mismatches(parse_example('{"a": [\n{"id": "x", "n": 1},\n...\n], "s": "long text"}'), real)
        == []
    )
    assert (
        mismatches(parse_example('{"a": [\n...\n{"id": "z", "n": 3}\n], "s": "long text"}'), real)
        == []
    )
    assert mismatches(
        parse_example('{"a": [\n...\n{"id": "y", "n": 3},\n...\n], "s": "long text"}'), real
    )
    assert mismatches(
        parse_example('{"a": [\n{"id": "y", "n": 2},\n...\n], "s": "long text"}'), real
    )
    assert mismatches(
        parse_example('{"a": [\n...\n{"id": "y", "n": 2}\n], "s": "long text"}'), real
    )
    assert mismatches(
        parse_example(
            '{"a": [\n...\n{"id": "z", "n": 3},\n{"id": "y", "n": 2}\n], "s": "long text"}'
        ),
        real,
    )
    assert mismatches(parse_example('{"a": [\n...\n], "s": "short..."}'), real)
    assert mismatches(parse_example('{"a": [\n...\n], "s": "long text", "t": 1}'), real)


# The diff section: its layout against a real diff.


def _diff_section() -> str:
    text = DOCS.read_text(encoding="utf-8")
    return text.split("## `reconcile diff --format json`", 1)[1].split("\n## ", 1)[0]


def _keys(value: Any) -> set[str]:
    """Every key in a JSON value, at any depth."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.fixture
def real_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """``diff --format json`` of the bundled file against a copy with claims changed (a quote
    too), a claim renamed (one added, one removed), conflicts resolved (their reviews made
    stale), a review moved to other claims (one added, one removed) and one changed."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for side in ("old", "new"):
        shutil.copytree(BUNDLED.parent, tmp_path / side)
    text = BUNDLED.read_text(encoding="utf-8")
    for before, after in (
        ("id: aj-abandoning-posts", "id: aj-posts-abandoned"),
        ('value: "176,000"', 'value: "about 176,000"'),
        ('value: "tens of thousands"', 'value: "hundreds of thousands"'),
        ('quote: "He told Al Jazeera that he escaped', 'quote: "he escaped'),
        ("claims: [aj-awol-total, tass-exodus]", "claims: [aj-desertion-total, tass-exodus]"),
        ("verdict: disputed", "verdict: source-error"),
    ):
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    (tmp_path / "new" / BUNDLED.name).write_text(text, encoding="utf-8")
    old, new = (str(tmp_path / side / BUNDLED.name) for side in ("old", "new"))
    document: dict[str, Any] = json.loads(invoke("diff", "--format", "json", old, new))
    for name in (
        "claims_added",
        "claims_removed",
        "claims_changed",
        "comparisons_changed",
        "reviews_added",
        "reviews_removed",
        "reviews_changed",
    ):
        assert document[name], f"the edited copy should give {name}"
    assert document["reviews_made_stale"]
    return document


def test_diff_layout_has_the_real_keys(real_diff: dict[str, Any]) -> None:
    section = _diff_section()
    layout = next(body for _, language, body in blocks(section) if language == "")
    assert re.findall(r'"(\w+)":', layout) == list(real_diff)


def _bullet(section: str, name: str) -> str:
    found = re.search(rf"^- `{name}`.*?(?=^- |\Z)", section, re.MULTILINE | re.DOTALL)
    assert found is not None, f"no bullet for {name}"
    return found.group(0)


@pytest.mark.parametrize(
    ("name", "items"),
    [
        ("SIDE", lambda d: [d["old"], d["new"]]),
        ("claims_changed", lambda d: d["claims_changed"]),
        ("comparisons_changed", lambda d: d["comparisons_changed"]),
        ("reviews_made_stale", lambda d: d["reviews_made_stale"]),
        ("reviews_added", lambda d: d["reviews_added"] + d["reviews_removed"]),
        ("reviews_changed", lambda d: d["reviews_changed"]),
    ],
)
def test_diff_items_have_the_keys_described(
    name: str, items: Callable[[dict[str, Any]], list[Any]], real_diff: dict[str, Any]
) -> None:
    named = set(re.findall(r'"(\w+)"', _bullet(_diff_section(), name)))
    real = items(real_diff)
    assert {k for item in real for k in item} <= named
    assert named <= _keys(real)


def test_diff_summary_counts_are_the_ones_described(real_diff: dict[str, Any]) -> None:
    bullet = _bullet(_diff_section(), "summary")
    assert re.findall(r"`(\w+)`", bullet)[1:] == list(real_diff["summary"])


def test_diff_claims_are_shown_as_claims_shows_them(real_diff: dict[str, Any]) -> None:
    claim_keys = list(json.loads(invoke("claims", "--format", "json", str(BUNDLED)))["claims"][0])
    for name in ("claims_added", "claims_removed"):
        assert all(list(claim) == claim_keys for claim in real_diff[name])
