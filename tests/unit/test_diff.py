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
