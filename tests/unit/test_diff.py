"""What ``reconcile diff`` reports between two versions of a figure file, and how it shows it.

Both versions are built from ``textwrap.dedent`` strings: :data:`OLD` and :data:`NEW` share
their sources and measures (:data:`HEAD`), and differ in their claims so that each kind of
change happens once: a value moved up (and a conflict appeared), a value widened and its
source changed, a claim added and one removed (and its conflict went), a conflict resolved
(and its review made stale), and a status changed with a period.
"""

from __future__ import annotations

import io
import json
import math
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reconcile.engine.diff import (
    CLAIM_FIELDS,
    ClaimChange,
    ComparisonChange,
    DiffResult,
    FieldChange,
    diff,
    value_move,
    word_diff,
)
from reconcile.intake.loader import read_text
from reconcile.intake.values import parse_value
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim
from reconcile.model.validate import build
from reconcile.views.diff import RENDERERS, summary_line

HEAD = textwrap.dedent(
    """\
    version: 1
    sources:
      herald: {title: "Morning report", outlet: "Daily Herald", published: 2025-06-01, kind: news}
      courier: {title: "Evening report", outlet: "Evening Courier", published: 2025-06-01,
                kind: news}
    measures:
      visitors: {label: "Visitors to the fair", unit: persons}
      stalls: {label: "Stalls at the fair", unit: stalls}
      tickets: {label: "Tickets sold", unit: tickets}
      arrivals: {label: "Arrivals by train", unit: persons, cumulative: true}
      parking: {label: "Parked cars", unit: cars}
    """
)

OLD_CLAIMS = textwrap.dedent(
    """\
    claims:
      - {id: visitors-herald, measure: visitors, value: "500", source: herald}
      - {id: visitors-courier, measure: visitors, value: "500", source: courier}
      - {id: stalls-herald, measure: stalls, value: "40", source: herald}
      - {id: tickets-herald, measure: tickets, value: "1,000", source: herald}
      - {id: tickets-courier, measure: tickets, value: "1,500", source: courier}
      - id: arrivals-herald
        measure: arrivals
        value: "100"
        period: {start: 2025-01, end: 2025-06}
        source: herald
      - id: arrivals-courier
        measure: arrivals
        value: "100"
        period: {start: 2025-01, end: 2025-06}
        source: courier
      - {id: parking-herald, measure: parking, value: "200", source: herald}
      - {id: parking-courier, measure: parking, value: "300", source: courier}
    """
)

NEW_CLAIMS = textwrap.dedent(
    """\
    claims:
      - {id: visitors-herald, measure: visitors, value: "600", source: herald}
      - {id: visitors-courier, measure: visitors, value: "500", source: courier}
      - {id: stalls-herald, measure: stalls, value: "about 40", source: courier}
      - {id: stalls-courier, measure: stalls, value: "41", source: courier}
      - {id: tickets-herald, measure: tickets, value: "1,000", source: herald}
      - {id: tickets-courier, measure: tickets, value: "1,000", source: courier}
      - id: arrivals-herald
        measure: arrivals
        value: "100"
        period: {start: 2025-01, end: 2025-06}
        source: herald
      - id: arrivals-courier
        measure: arrivals
        value: "150"
        period: {start: 2025-01, end: 2025-12}
        source: courier
      - {id: parking-herald, measure: parking, value: "200", source: herald}
    """
)

REVIEWS = textwrap.dedent(
    """\
    reviews:
      - claims: [tickets-courier, tickets-herald]
        verdict: explained
        reason: precision
    """
)

OLD = HEAD + OLD_CLAIMS + REVIEWS
NEW = HEAD + NEW_CLAIMS + REVIEWS


def dataset(text: str, name: str = "figures.yaml") -> Dataset:
    return build([read_text(name, text.encode())])


def reversed_claims(claims: str) -> str:
    """The same claims in the opposite order (each claim starts with '  - ')."""
    items = claims.removeprefix("claims:\n").split("  - ")[1:]
    return "claims:\n" + "".join("  - " + item for item in reversed(items))


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return diff(dataset(OLD), dataset(NEW), old_label="HEAD~1", new_label="working tree")


def claim(result: DiffResult, claim_id: str) -> ClaimChange:
    found = [c for c in result.claims_changed if c.id == claim_id]
    assert found, f"{claim_id} not changed; changed: {[c.id for c in result.claims_changed]}"
    return found[0]


def comparison(result: DiffResult, *claims: str) -> ComparisonChange:
    found = [c for c in result.comparisons_changed if c.key == frozenset(claims)]
    assert len(found) == 1, [c.claims for c in result.comparisons_changed]
    return found[0]


def rendered(result: DiffResult, name: str) -> str:
    stream = io.StringIO()
    RENDERERS[name](result, stream)
    return stream.getvalue()


# --- claims -------------------------------------------------------------------------------


def test_claims_added_and_removed(result: DiffResult) -> None:
    assert result.claims_added == ("stalls-courier",)
    assert result.claims_removed == ("parking-courier",)


def test_claims_changed_are_sorted_by_id(result: DiffResult) -> None:
    assert [c.id for c in result.claims_changed] == [
        "arrivals-courier",
        "stalls-herald",
        "tickets-courier",
        "visitors-herald",
    ]


def test_value_moved_up(result: DiffResult) -> None:
    change = claim(result, "visitors-herald")
    assert change.fields == (FieldChange("value", "500", "600"),)
    move = change.value
    assert move is not None
    assert (move.old.low, move.old.best, move.old.high) == (500, 500, 500)
    assert (move.new.low, move.new.best, move.new.high) == (600, 600, 600)
    assert (move.direction, move.basis, move.move) == ("up", "best", 100)
    assert move.relative == pytest.approx(0.2)


def test_value_widened_and_source_changed(result: DiffResult) -> None:
    change = claim(result, "stalls-herald")
    assert change.fields == (
        FieldChange("value", "40", "about 40"),
        FieldChange("source", "herald", "courier"),
    )
    move = change.value
    assert move is not None
    assert (move.new.low, move.new.best, move.new.high) == (38, 40, 42)
    assert (move.direction, move.basis, move.move, move.relative) == ("wider", "best", 0, 0)


def test_period_changed(result: DiffResult) -> None:
    change = claim(result, "arrivals-courier")
    assert [f.field for f in change.fields] == ["value", "period"]
    assert change.fields[1] == FieldChange("period", "2025-01 – 2025-06", "2025-01 – 2025-12")


def test_unchanged_claims_are_not_listed(result: DiffResult) -> None:
    listed = {c.id for c in result.claims_changed}
    assert not listed & {"visitors-courier", "tickets-herald", "arrivals-herald", "parking-herald"}


def test_every_claim_field_but_the_id_is_compared() -> None:
    assert set(CLAIM_FIELDS) == set(Claim.model_fields) - {"id"}


def test_fields_shown_as_text() -> None:
    old = HEAD + textwrap.dedent(
        """\
        claims:
          - {id: a, measure: visitors, value: "10", source: herald}
          - {id: b, measure: visitors, value: "20", source: herald}
          - {id: share, measure: visitors, value: "0.5", source: herald, as_of: 2025-03}
        """
    )
    new = HEAD + textwrap.dedent(
        """\
        claims:
          - {id: a, measure: visitors, value: "10", source: herald}
          - {id: b, measure: visitors, value: "20", source: herald}
          - id: share
            measure: visitors
            value: "0.5"
            source: herald
            as_of: ~2025-04
            via: [Wire One, Wire Two]
            derived: {op: ratio, of: [a, b]}
            note: "checked"
        """
    )
    change = claim(diff(dataset(old), dataset(new)), "share")
    assert change.value is None
    assert change.fields == (
        FieldChange("as_of", "2025-03", "~2025-04"),
        FieldChange("via", None, "Wire One, Wire Two"),
        FieldChange("derived", None, "ratio of a, b"),
        FieldChange("note", None, "checked"),
    )


@pytest.mark.parametrize(
    ("old", "new", "direction", "basis", "move"),
    [
        ("500", "600", "up", "best", 100),
        ("about 500", "about 400", "down", "best", -100),
        ("500", "about 500", "wider", "best", 0),
        ("about 500", "500", "narrower", "best", 0),
        ("500", "nearly 500", "wider", "best", 0),
        ("between 300 and 500", "between 350 and 600", "up", "midpoint", 75),
        ("between 300 and 500", "between 200 and 600", "wider", "midpoint", 0),
        ("at least 100", "at least 200", "up", "low", 100),
        ("up to 10", "up to 5", "down", "high", -5),
        ("at least 100", "between 100 and 200", "narrower", None, None),
        ("500", "at least 500", "wider", None, None),
        ("500", "up to 500", "wider", None, None),
        ("at least 600", "up to 500", "down", None, None),
        ({"low": 10, "high": 20}, {"low": 10, "best": 15, "high": 20}, "shifted", "midpoint", 0),
        ("235,000", "235k", None, "best", 0),
    ],
)
def test_value_move(old: Any, new: Any, direction: str, basis: str, move: float | None) -> None:
    moved = value_move(parse_value(old), parse_value(new))
    assert (moved.direction, moved.basis, moved.move) == (direction, basis, move)


def test_relative_move_of_a_zero_figure_is_not_given() -> None:
    moved = value_move(parse_value("0"), parse_value("5"))
    assert (moved.direction, moved.move, moved.relative) == ("up", 5, None)


def test_unbounded_move_words() -> None:
    moved = value_move(parse_value("at least 100"), parse_value("between 100 and 200"))
    assert moved.words() == "narrower"
    assert math.isinf(moved.old.high)


# --- comparisons and reviews --------------------------------------------------------------


def test_conflict_appeared(result: DiffResult) -> None:
    change = comparison(result, "visitors-herald", "visitors-courier")
    assert change.change == "appeared"
    assert change.claims == ("visitors-courier", "visitors-herald")
    assert change.old is not None and change.old.status == "consistent"
    assert change.new is not None
    assert (change.new.status, change.new.severity, change.new.gap_absolute) == (
        "conflict",
        "major",
        100,
    )
    assert result.new_conflicts == 1


def test_conflict_resolved(result: DiffResult) -> None:
    change = comparison(result, "tickets-herald", "tickets-courier")
    assert change.change == "resolved"
    assert change.old is not None and change.old.status == "conflict"
    assert change.new is not None and change.new.status == "consistent"


def test_conflict_gone_with_its_claim(result: DiffResult) -> None:
    change = comparison(result, "parking-herald", "parking-courier")
    assert (change.change, change.new) == ("resolved", None)
    assert change.old is not None and change.old.severity == "major"


def test_status_changed(result: DiffResult) -> None:
    change = comparison(result, "arrivals-herald", "arrivals-courier")
    assert change.change == "changed"
    assert change.old is not None and change.old.status == "consistent"
    assert change.new is not None and change.new.status == "compatible"


def test_comparisons_listed_once_by_claim_ids(result: DiffResult) -> None:
    assert [(c.claims, c.change) for c in result.comparisons_changed] == [
        (("arrivals-courier", "arrivals-herald"), "changed"),
        (("parking-courier", "parking-herald"), "resolved"),
        (("tickets-courier", "tickets-herald"), "resolved"),
        (("visitors-courier", "visitors-herald"), "appeared"),
    ]


def test_review_made_stale(result: DiffResult) -> None:
    (stale,) = result.reviews_made_stale
    assert (stale.claims, stale.state, stale.status) == (
        ("tickets-courier", "tickets-herald"),
        "stale",
        "consistent",
    )
    assert (stale.verdict, stale.reason, stale.file) == ("explained", "precision", "figures.yaml")
    assert NEW.splitlines()[stale.line - 1].strip().startswith("- claims:")


def test_review_stale_in_both_versions_is_not_made_stale() -> None:
    new = dataset(NEW)
    assert diff(new, new).reviews_made_stale == ()


def test_no_change() -> None:
    old = dataset(OLD)
    same = diff(old, dataset(OLD))
    assert not same.changed
    assert rendered(same, "markdown") == (
        "## No figure changed: old → new\n"
        "\n"
        "0 conflicts appeared, 0 resolved, 0 changed status; 0 claims changed, 0 added, "
        "0 removed; 0 reviews added, 0 removed, 0 changed, 0 made stale.\n"
    )


def test_independent_of_the_order_of_claims(result: DiffResult) -> None:
    shuffled = diff(
        dataset(HEAD + reversed_claims(OLD_CLAIMS) + REVIEWS),
        dataset(HEAD + reversed_claims(NEW_CLAIMS) + REVIEWS),
        old_label="HEAD~1",
        new_label="working tree",
    )
    assert shuffled.claims_changed == result.claims_changed
    assert shuffled.comparisons_changed == result.comparisons_changed
    for name in ("markdown", "text"):
        assert rendered(shuffled, name) == rendered(result, name)


# --- renderers ----------------------------------------------------------------------------

MARKDOWN = """\
## Figures changed: HEAD\\~1 → working tree

1 conflict appeared, 2 resolved, 1 changed status; 4 claims changed, 1 added, 1 removed; \
0 reviews added, 0 removed, 0 changed, 1 made stale.

### Conflicts that appeared

| claims | severity | gap | likely reason | before |
|---|---|---|---|---|
| visitors-courier, visitors-herald | major | 100 (16.7%) | unexplained | consistent |

### Conflicts resolved

| claims | was | now |
|---|---|---|
| parking-courier, parking-herald | major conflict | not compared: parking-courier removed |
| tickets-courier, tickets-herald | minor conflict | consistent |

### Status changed

| claims | old | new |
|---|---|---|
| arrivals-courier, arrivals-herald | consistent | compatible |

### Claims changed

| claim | field | old | new | move |
|---|---|---|---|---|
| arrivals-courier | value | 100 | 150 | up; best +50 (+50.0%) |
| arrivals-courier | period | 2025-01 – 2025-06 | 2025-01 – 2025-12 |  |
| stalls-herald | value | 40 | about 40 (38 to 42) | wider; best unchanged |
| stalls-herald | source | herald | courier |  |
| tickets-courier | value | 1,500 | 1,000 | down; best -500 (-33.3%) |
| visitors-herald | value | 500 | 600 | up; best +100 (+20.0%) |

### Claims added

| claim | measure | value | source |
|---|---|---|---|
| stalls-courier | stalls | 41 | courier |

### Claims removed

| claim | measure | value | source |
|---|---|---|---|
| parking-courier | parking | 300 | courier |

### Reviews made stale

| claims | verdict | reason | now |
|---|---|---|---|
| tickets-courier, tickets-herald | explained | precision | consistent, no longer a conflict |
"""

TEXT = """\
Figures changed: HEAD~1 → working tree
1 conflict appeared, 2 resolved, 1 changed status; 4 claims changed, 1 added, 1 removed
0 reviews added, 0 removed, 0 changed, 1 made stale

Conflicts that appeared
  visitors-courier, visitors-herald: major conflict, gap 100 (16.7%), likely unexplained \
(before: consistent)

Conflicts resolved
  parking-courier, parking-herald: was major conflict, now not compared: parking-courier removed
  tickets-courier, tickets-herald: was minor conflict, now consistent

Status changed
  arrivals-courier, arrivals-herald: consistent → compatible

Claims changed
  arrivals-courier  value: 100 → 150  [up; best +50 (+50.0%)]
  arrivals-courier  period: 2025-01 – 2025-06 → 2025-01 – 2025-12
  stalls-herald  value: 40 → about 40 (38 to 42)  [wider; best unchanged]
  stalls-herald  source: herald → courier
  tickets-courier  value: 1,500 → 1,000  [down; best -500 (-33.3%)]
  visitors-herald  value: 500 → 600  [up; best +100 (+20.0%)]

Claims added
  stalls-courier  stalls: 41 (courier)

Claims removed
  parking-courier  parking: 300 (courier)

Reviews made stale
  tickets-courier, tickets-herald (explained, precision): now consistent, no longer a conflict
"""


def test_markdown(result: DiffResult) -> None:
    assert rendered(result, "markdown") == MARKDOWN


def test_text(result: DiffResult) -> None:
    assert rendered(result, "text") == TEXT


def test_markdown_cells_cannot_break_the_table() -> None:
    old = HEAD + textwrap.dedent(
        """\
        claims:
          - {id: a, measure: visitors, value: "10", source: herald, note: "plain"}
        """
    )
    new = HEAD + textwrap.dedent(
        """\
        claims:
          - id: a
            measure: visitors
            value: "10"
            source: herald
            note: "a | b `c` <b>d</b>\\nnext line"
        """
    )
    text = rendered(diff(dataset(old), dataset(new)), "markdown")
    row = text.splitlines()[-1]
    new_note = "a \\| b \\`c\\` \\<b>d\\</b> next line"
    # the note's own marks are escaped, inside the diff's marks that are not
    assert row == f"| a | note | plain | {new_note} | ~~plain~~ **{new_note}** |"


def test_json(result: DiffResult) -> None:
    document = json.loads(rendered(result, "json"))
    assert document["version"] == 1
    assert (document["old"]["label"], document["new"]["label"]) == ("HEAD~1", "working tree")
    assert [f["path"] for f in document["new"]["files"]] == ["figures.yaml"]
    assert document["summary"] == {
        "conflicts_appeared": 1,
        "conflicts_resolved": 2,
        "status_changed": 1,
        "claims_changed": 4,
        "claims_added": 1,
        "claims_removed": 1,
        "reviews_added": 0,
        "reviews_removed": 0,
        "reviews_changed": 0,
        "reviews_made_stale": 1,
    }
    assert [c["id"] for c in document["claims_added"]] == ["stalls-courier"]
    assert [c["id"] for c in document["claims_removed"]] == ["parking-courier"]
    visitors = next(c for c in document["claims_changed"] if c["id"] == "visitors-herald")
    assert visitors == {
        "id": "visitors-herald",
        "fields": [{"field": "value", "old": "500", "new": "600", "words": None}],
        "value": {
            "old": {"text": "500", "low": 500, "best": 500, "high": 500},
            "new": {"text": "600", "low": 600, "best": 600, "high": 600},
            "direction": "up",
            "basis": "best",
            "move": 100,
            "relative": 0.2,
        },
    }
    appeared = document["comparisons_changed"][-1]
    assert appeared == {
        "claims": ["visitors-courier", "visitors-herald"],
        "kind": "pair",
        "change": "appeared",
        "old": {
            "status": "consistent",
            "severity": None,
            "gap": None,
            "likely_reason": None,
            "reviewed": False,
        },
        "new": {
            "status": "conflict",
            "severity": "major",
            "gap": {"absolute": 100, "relative": 0.166667},
            "likely_reason": "unexplained",
            "reviewed": False,
        },
    }
    gone = document["comparisons_changed"][1]
    assert (gone["change"], gone["new"]) == ("resolved", None)
    (stale,) = document["reviews_made_stale"]
    assert {k: v for k, v in stale.items() if k != "line"} == {
        "claims": ["tickets-courier", "tickets-herald"],
        "verdict": "explained",
        "reason": "precision",
        "state": "stale",
        "status": "consistent",
        "file": "figures.yaml",
    }


def test_renderers_are_deterministic(result: DiffResult) -> None:
    again = diff(dataset(OLD), dataset(NEW), old_label="HEAD~1", new_label="working tree")
    for name in RENDERERS:
        assert rendered(again, name) == rendered(result, name)


def test_the_summary_writes_large_counts_with_thousands_separators() -> None:
    # 1,200 more claims that each sell 1,000 tickets: each conflicts with the courier's 1,500
    extra = "".join(
        f"  - {{id: extra-{i:04d}, measure: tickets, value: '1,000', source: herald}}\n"
        for i in range(1_200)
    )
    grown = diff(dataset(OLD), dataset(HEAD + OLD_CLAIMS + extra + REVIEWS))
    line = summary_line(grown)
    assert line.startswith("1,200 conflicts appeared, 0 resolved")
    assert "0 claims changed, 1,200 added, 0 removed" in line


def test_a_conflict_gone_with_a_removed_claim_says_so() -> None:
    line = '  - {id: tickets-courier, measure: tickets, value: "1,500", source: courier}\n'
    assert OLD_CLAIMS.count(line) == 1
    removed = diff(dataset(OLD), dataset(HEAD + OLD_CLAIMS.replace(line, "")))
    (gone,) = [c for c in removed.resolved if "tickets-courier" in c.claims]
    assert gone.new is None
    for name in ("markdown", "text"):
        assert "not compared: tickets-courier removed" in rendered(removed, name)
    back = diff(dataset(HEAD + OLD_CLAIMS.replace(line, "")), dataset(OLD))
    assert "not compared: tickets-courier added" in rendered(back, "markdown")


# --- reviews ------------------------------------------------------------------------------

# seven reviews, not in the order of their claims
SEVEN_REVIEWS = textwrap.indent(
    textwrap.dedent(
        """\
        - claims: [visitors-herald, visitors-courier]
          verdict: explained
          reason: precision
          reviewed: 2025-07-01
        - claims: [parking-herald, parking-courier]
          verdict: disputed
          reason: sourcing
          note: "the courier counts the overflow field"
        - {claims: [arrivals-herald, arrivals-courier], verdict: explained, reason: timeframe}
        - {claims: [stalls-herald, tickets-herald], verdict: explained, reason: definition}
        - {claims: [arrivals-herald, visitors-herald], verdict: explained, reason: definition}
        - {claims: [parking-herald, visitors-courier], verdict: explained, reason: unit}
        - {claims: [stalls-herald, visitors-courier], verdict: source-error, reason: unit}
        """
    ),
    "  ",
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_only_new_reviews(tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "old.yaml", OLD)
    write(tmp_path, "new.yaml", OLD + SEVEN_REVIEWS)
    old, new = "old.yaml", "new.yaml"
    result = diff(dataset(OLD), dataset(OLD + SEVEN_REVIEWS))
    assert result.changed and not result.figures_changed
    assert (result.claims_changed, result.comparisons_changed) == ((), ())
    assert result.reviews_removed == result.reviews_changed == result.reviews_made_stale == ()
    assert [r.claims for r in result.reviews_added] == [
        ("arrivals-courier", "arrivals-herald"),
        ("arrivals-herald", "visitors-herald"),
        ("parking-courier", "parking-herald"),
        ("parking-herald", "visitors-courier"),
        ("stalls-herald", "tickets-herald"),
        ("stalls-herald", "visitors-courier"),
        ("visitors-courier", "visitors-herald"),
    ]
    summary = summary_line(result)
    assert summary.endswith("; 7 reviews added, 0 removed, 0 changed, 0 made stale")
    for args in ((), ("--fail-on", "new-conflicts")):
        shown = run("diff", *args, old, new)
        assert shown.exit_code == 0, shown.stderr
        assert "No figure changed" not in shown.stdout
        assert shown.stdout.startswith(f"Reviews changed: {old} → {new}\n")
        assert "7 reviews added, 0 removed, 0 changed, 0 made stale\n" in shown.stdout
    text = rendered(result, "text")
    assert (
        "Reviews added\n"
        "  arrivals-courier, arrivals-herald: explained, timeframe\n"
        "  arrivals-herald, visitors-herald: explained, definition\n"
        "  parking-courier, parking-herald: disputed, sourcing: the courier counts the overflow "
        "field\n"
    ) in text
    assert (
        "  visitors-courier, visitors-herald: explained, precision, reviewed 2025-07-01\n" in text
    )
    markdown = rendered(result, "markdown")
    assert markdown.startswith("## Reviews changed: old → new\n")
    assert (
        "### Reviews added\n\n"
        "| claims | verdict | reason | reviewed | note |\n"
        "|---|---|---|---|---|\n"
        "| arrivals-courier, arrivals-herald | explained | timeframe |  |  |\n"
    ) in markdown
    assert "| visitors-courier, visitors-herald | explained | precision | 2025-07-01 |  |\n" in (
        markdown
    )
    document = json.loads(rendered(result, "json"))
    assert document["summary"]["reviews_added"] == 7
    assert document["reviews_added"][2] == {
        "claims": ["parking-courier", "parking-herald"],
        "verdict": "disputed",
        "reason": "sourcing",
        "note": "the courier counts the overflow field",
        "reviewed": None,
        "file": "figures.yaml",
        "line": OLD.count("\n") + 5,
    }
    assert (document["reviews_removed"], document["reviews_changed"]) == ([], [])


def test_reviews_removed() -> None:
    result = diff(dataset(OLD + SEVEN_REVIEWS), dataset(OLD))
    assert [r.claims for r in result.reviews_removed][:2] == [
        ("arrivals-courier", "arrivals-herald"),
        ("arrivals-herald", "visitors-herald"),
    ]
    assert len(result.reviews_removed) == 7 and result.reviews_added == ()
    assert summary_line(result).endswith("; 0 reviews added, 7 removed, 0 changed, 0 made stale")
    assert "Reviews removed\n  arrivals-courier, arrivals-herald: explained, timeframe\n" in (
        rendered(result, "text")
    )
    assert "### Reviews removed\n" in rendered(result, "markdown")
    removed = json.loads(rendered(result, "json"))["reviews_removed"]
    assert removed[-1]["claims"] == ["visitors-courier", "visitors-herald"]
    assert removed[-1]["line"] == OLD.count("\n") + 1  # where it was in the old version


def test_review_verdict_and_date_changed() -> None:
    before = OLD + SEVEN_REVIEWS
    after = before.replace(
        "verdict: disputed\n    reason: sourcing", "verdict: source-error\n    reason: sourcing"
    ).replace("reviewed: 2025-07-01", "reviewed: 2025-07-02")
    assert after.count("source-error") == 2
    result = diff(dataset(before), dataset(after))
    assert (result.reviews_added, result.reviews_removed) == ((), ())
    assert [(c.claims, c.fields) for c in result.reviews_changed] == [
        (
            ("parking-courier", "parking-herald"),
            (FieldChange("verdict", "disputed", "source-error"),),
        ),
        (
            ("visitors-courier", "visitors-herald"),
            (FieldChange("reviewed", "2025-07-01", "2025-07-02"),),
        ),
    ]
    assert summary_line(result).endswith("; 0 reviews added, 0 removed, 2 changed, 0 made stale")
    assert rendered(result, "text").endswith(
        "Reviews changed\n"
        "  parking-courier, parking-herald  verdict: disputed → source-error\n"
        "  visitors-courier, visitors-herald  reviewed: 2025-07-01 → 2025-07-02\n"
    )
    assert rendered(result, "markdown").endswith(
        "### Reviews changed\n\n"
        "| claims | field | old | new |\n"
        "|---|---|---|---|\n"
        "| parking-courier, parking-herald | verdict | disputed | source-error |\n"
        "| visitors-courier, visitors-herald | reviewed | 2025-07-01 | 2025-07-02 |\n"
    )
    (first, _) = json.loads(rendered(result, "json"))["reviews_changed"]
    assert first == {
        "claims": ["parking-courier", "parking-herald"],
        "fields": [{"field": "verdict", "old": "disputed", "new": "source-error", "words": None}],
        "file": "figures.yaml",
        "line": OLD.count("\n") + 5,
    }


def test_reviews_listed_by_their_claims_whatever_their_order() -> None:
    lines = SEVEN_REVIEWS.splitlines(keepends=True)
    flows = "".join(line for line in lines if line.startswith("  - {"))
    shuffled = "".join(reversed(flows.splitlines(keepends=True)))
    one, other = (
        diff(dataset(OLD), dataset(OLD + flows)),
        diff(dataset(OLD), dataset(OLD + shuffled)),
    )
    assert [r.claims for r in one.reviews_added] == [r.claims for r in other.reviews_added]
    for name in ("text", "markdown"):
        assert rendered(one, name) == rendered(other, name)
    # a review that lists the same claims in another order is the same review
    swapped = OLD.replace("[tickets-courier, tickets-herald]", "[tickets-herald, tickets-courier]")
    assert not diff(dataset(OLD), dataset(swapped)).changed


def test_a_review_made_stale_is_still_reported_beside_the_new_ones(result: DiffResult) -> None:
    assert [r.claims for r in result.reviews_made_stale] == [("tickets-courier", "tickets-herald")]
    assert result.reviews_added == result.reviews_removed == result.reviews_changed == ()
    assert result.figures_changed and not result.reviews_edited


# --- words --------------------------------------------------------------------------------

QUOTE_OLD = "The organisers said 500 people came to the fair"
QUOTE_NEW = "The organisers said 500 people came to the show"


def quoted(quote: str) -> str:
    return HEAD + textwrap.dedent(
        f"""\
        claims:
          - {{id: a, measure: visitors, value: "500", source: herald, quote: "{quote}"}}
        """
    )


@pytest.mark.parametrize(
    ("old", "new", "spans"),
    [
        ("a b c", "a b c", [("equal", "a b c")]),
        ("a b c", "a x c", [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c")]),
        ("a b", "z a b", [("insert", "z"), ("equal", "a b")]),
        ("a b c d", "a b", [("equal", "a b"), ("delete", "c d")]),
        ("a  b\nc", "a b c", [("equal", "a b c")]),
        ("one two", "three", [("delete", "one two"), ("insert", "three")]),
    ],
)
def test_word_diff(old: str, new: str, spans: list[tuple[str, str]]) -> None:
    found = word_diff(old, new)
    assert [(s.op, s.text) for s in found] == spans
    assert " ".join(s.text for s in found if s.op != "insert") == " ".join(old.split())
    assert " ".join(s.text for s in found if s.op != "delete") == " ".join(new.split())


def test_a_quote_with_one_word_changed() -> None:
    result = diff(dataset(quoted(QUOTE_OLD)), dataset(quoted(QUOTE_NEW)))
    (change,) = result.claims_changed
    (field,) = change.fields
    assert (field.field, field.old, field.new) == ("quote", QUOTE_OLD, QUOTE_NEW)
    assert rendered(result, "text").endswith(
        "Claims changed\n  a  quote: The organisers said 500 people came to the [-fair-]{+show+}\n"
    )
    assert rendered(result, "markdown").endswith(
        "| claim | field | old | new | move |\n"
        "|---|---|---|---|---|\n"
        "| a | quote | fair | show | "
        "The organisers said 500 people came to the ~~fair~~ **show** |\n"
    )
    (shown,) = json.loads(rendered(result, "json"))["claims_changed"]
    assert shown["fields"] == [
        {
            "field": "quote",
            "old": QUOTE_OLD,
            "new": QUOTE_NEW,
            "words": [
                {"op": "equal", "text": "The organisers said 500 people came to the"},
                {"op": "delete", "text": "fair"},
                {"op": "insert", "text": "show"},
            ],
        }
    ]


def test_marked_words_are_escaped_but_not_their_marks() -> None:
    result = diff(dataset(quoted("said 500 *came*")), dataset(quoted("said 500 _went_ | on")))
    assert rendered(result, "markdown").splitlines()[-1] == (
        "| a | quote | \\*came\\* | \\_went\\_ \\| on | "
        "said 500 ~~\\*came\\*~~ **\\_went\\_ \\| on** |"
    )
    assert (
        rendered(result, "text").splitlines()[-1]
        == "  a  quote: said 500 [-*came*-]{+_went_ | on+}"
    )


def test_a_quote_set_or_unset_is_shown_whole() -> None:
    plain = HEAD + textwrap.dedent(
        """\
        claims:
          - {id: a, measure: visitors, value: "500", source: herald}
        """
    )
    result = diff(dataset(plain), dataset(quoted(QUOTE_NEW)))
    (field,) = result.claims_changed[0].fields
    assert field.words is None
    assert rendered(result, "text").endswith(f"  a  quote: (not set) → {QUOTE_NEW}\n")


def test_an_unchanged_quote_is_not_listed() -> None:
    before, after = (
        quoted(QUOTE_OLD),
        quoted(QUOTE_OLD).replace("source: herald", "source: courier"),
    )
    (change,) = diff(dataset(before), dataset(after)).claims_changed
    assert [f.field for f in change.fields] == ["source"]
    assert change.fields[0].words is None
