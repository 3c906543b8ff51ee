"""``claim-type``: a limit, target or estimate against a count."""

from __future__ import annotations

from tests.unit.reasons.helpers import assert_comparison, cites, compare_yaml, documented, example

LIMIT_AND_COUNT = """
    version: 1
    measures:
      places: {label: "Places on the job scheme", unit: persons}
    claims:
      - {id: scheme-cap, measure: places, value: "up to 5,000", type: limit, source: herald}
      - {id: scheme-filled, measure: places, value: "4,200", type: count, source: courier}
"""

TWO_COUNTS = """
    version: 1
    measures:
      places: {label: "Places on the job scheme", unit: persons}
    claims:
      - {id: scheme-cap, measure: places, value: "5,600", type: count, source: herald}
      - {id: scheme-filled, measure: places, value: "4,200", type: count, source: courier}
"""


def test_a_limit_against_a_count_fires() -> None:
    comparison = assert_comparison(
        compare_yaml(LIMIT_AND_COUNT),
        claims=["scheme-filled", "scheme-cap"],
        status="consistent",
        fires=["claim-type"],
    )
    fired = cites(
        comparison,
        "claim-type",
        "scheme-cap is a limit ('up to 5,000')",
        "scheme-filled is a count ('4,200')",
        "a limit is a cap, not a tally; a count reports what was tallied",
    )
    assert fired.score == 0.55


def test_a_count_above_a_limit_conflicts_and_the_type_is_likely() -> None:
    text = """
        version: 1
        measures:
          places: {label: "Places on the job scheme", unit: persons}
        claims:
          - {id: scheme-cap, measure: places, value: "up to 5,000", type: limit, source: herald}
          - {id: scheme-filled, measure: places, value: "5,600", type: count, source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["scheme-cap", "scheme-filled"],
        status="conflict",
        severity="major",
        fires=["claim-type"],
        likely="claim-type",
    )
    cites(comparison, "claim-type", "scheme-filled is a count ('5,600')")


def test_two_counts_do_not_fire() -> None:
    assert_comparison(
        compare_yaml(TWO_COUNTS),
        claims=["scheme-cap", "scheme-filled"],
        status="conflict",
        not_fires=["claim-type"],
    )


def test_a_target_against_a_count_is_likely() -> None:
    text = """
        version: 1
        measures:
          places: {label: "Places on the job scheme", unit: persons}
        claims:
          - {id: scheme-goal, measure: places, value: "6,000", type: target, source: herald}
          - {id: scheme-filled, measure: places, value: "4,200", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["scheme-goal", "scheme-filled"],
        status="conflict",
        severity="major",
        fires=["claim-type"],
        likely="claim-type",
    )
    fired = cites(
        comparison,
        "claim-type",
        "scheme-goal is a target ('6,000')",
        "scheme-filled is a count ('4,200')",
        "a count reports what was tallied; a target says what is wanted, not what happened",
    )
    assert fired.score == 0.7


def test_an_estimate_against_a_count() -> None:
    text = """
        version: 1
        measures:
          places: {label: "Places on the job scheme", unit: persons}
        claims:
          - {id: scheme-guess, measure: places, value: "3,100", type: estimate, source: herald}
          - {id: scheme-filled, measure: places, value: "4,200", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["scheme-guess", "scheme-filled"],
        status="conflict",
        fires=["claim-type"],
        likely="claim-type",
    )
    fired = cites(
        comparison,
        "claim-type",
        "scheme-guess is an estimate ('3,100')",
        "an estimate is a judgement, not a tally",
    )
    assert fired.score == 0.4


def test_two_estimates_do_not_fire() -> None:
    text = """
        version: 1
        measures:
          places: {label: "Places on the job scheme", unit: persons}
        claims:
          - {id: scheme-guess, measure: places, value: "3,100", type: estimate, source: herald}
          - {id: scheme-filled, measure: places, value: "4,200", type: estimate,
             source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["scheme-guess", "scheme-filled"],
        status="conflict",
        not_fires=["claim-type"],
    )


def test_the_documented_example() -> None:
    comparison = assert_comparison(
        compare_yaml(example("claim-type")),
        claims=["scheme-cap", "scheme-filled"],
        status="consistent",
    )
    documented(
        comparison,
        "claim-type",
        "scheme-cap is a limit ('up to 5,000') and scheme-filled is a count ('4,200'): a limit "
        "is a cap, not a tally; a count reports what was tallied.",
    )
