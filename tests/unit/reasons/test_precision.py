"""``precision``: rounding or hedging accounts for the gap."""

from __future__ import annotations

from tests.unit.reasons.helpers import assert_comparison, cites, compare_yaml

ROUNDED = """
    version: 1
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: crowd, value: "30,000", source: herald}
      - {id: council-count, measure: crowd, value: "29,000", source: courier}
"""

FAR_APART = """
    version: 1
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: crowd, value: "30,000", source: herald}
      - {id: council-count, measure: crowd, value: "45,000", source: courier}
"""


def test_a_gap_within_rounding_is_a_minor_conflict_explained_by_precision() -> None:
    comparison = assert_comparison(
        compare_yaml(ROUNDED),
        claims=["council-count", "police-count"],
        status="conflict",
        severity="minor",
        fires=["precision"],
        likely="precision",
    )
    fired = cites(
        comparison,
        "precision",
        "police-count ('30,000') is given to the nearest 10,000",
        "anything from 25,000 to 35,000",
        "the gap of 1,000 lies within that rounding",
    )
    assert fired.score == 0.85


def test_a_gap_beyond_rounding_does_not_fire() -> None:
    assert_comparison(
        compare_yaml(FAR_APART),
        claims=["police-count", "council-count"],
        status="conflict",
        severity="major",
        not_fires=["precision"],
    )


def test_the_finer_figures_rounding_can_account_for_the_gap() -> None:
    text = """
        version: 1
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: council-count, measure: crowd, value: "29,000", source: herald}
          - {id: gate-count, measure: crowd, value: "29,214", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["council-count", "gate-count"],
        status="conflict",
        severity="minor",
        likely="precision",
    )
    cites(comparison, "precision", "council-count ('29,000') is given to the nearest 1,000")


HEDGED = """
    version: 1
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: crowd, value: "nearly 54,000", source: herald}
      - {id: gate-count, measure: crowd, value: "52,300", source: courier}
"""

UNHEDGED = """
    version: 1
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: crowd, value: "54,000", source: herald}
      - {id: gate-count, measure: crowd, value: "52,300", source: courier}
"""


def test_figures_that_agree_only_through_a_hedge() -> None:
    comparison = assert_comparison(
        compare_yaml(HEDGED),
        claims=["police-count", "gate-count"],
        status="consistent",
        fires=["precision"],
    )
    fired = cites(
        comparison,
        "precision",
        "the hedge of police-count ('nearly 54,000')",
        "it stands for 51,300 to 54,000",
    )
    assert fired.score == 0.3


def test_without_the_hedge_the_figures_conflict_and_precision_does_not_fire() -> None:
    assert_comparison(
        compare_yaml(UNHEDGED),
        claims=["police-count", "gate-count"],
        status="conflict",
        severity="major",
        not_fires=["precision"],
    )


def test_agreeing_figures_whose_stated_values_differ_within_rounding() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: "about 700", source: herald}
          - {id: court-arrests, measure: arrests, value: "671", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "court-arrests"],
        status="consistent",
        fires=["precision"],
    )
    fired = cites(
        comparison,
        "precision",
        "police-arrests ('about 700') is given to the nearest 100",
        "which takes in 671",
    )
    assert fired.score == 0.5


def test_equal_figures_do_not_fire() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: "about 700", source: herald}
          - {id: court-arrests, measure: arrests, value: "700", source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "court-arrests"],
        status="consistent",
        not_fires=["precision"],
    )
