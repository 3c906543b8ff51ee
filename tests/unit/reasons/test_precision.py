"""``precision``: rounding or hedging accounts for the gap."""

from __future__ import annotations

from tests.unit.reasons.helpers import (
    assert_comparison,
    cites,
    compare_yaml,
    documented,
    example,
)

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


def test_a_hedge_that_makes_the_figures_meet_is_preferred_to_rounding() -> None:
    # 671 is within both the hedge of "about 700" (665 to 735) and its rounding (650 to
    # 750): the hedge is what the writer said, so it is the explanation given
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
        "the figures agree only once the hedge of police-arrests ('about 700') is applied",
        "it stands for 665 to 735",
    )
    assert "nearest" not in fired.explanation
    assert fired.score == 0.3


def test_agreeing_figures_whose_stated_values_differ_within_rounding() -> None:
    # Without a hedge, two single figures agree only when they are equal; a {low, best,
    # high} mapping agrees with a figure it does not equal, and its best, 700, was given to
    # the nearest 100, which takes in 671.
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: {low: 650, best: 700, high: 750},
             source: herald}
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
        "police-arrests ('{low: 650, best: 700, high: 750}') is given to the nearest 100",
        "anything from 650 to 750, which takes in 671",
    )
    assert fired.score == 0.5


def test_a_derived_figure_within_rounding_of_what_its_inputs_give() -> None:
    # "about 120" + "85" gives 199 to 211 (205 as stated); "200", given to the nearest 100,
    # takes in 205. The computed side is not hedged itself, so rounding is the explanation.
    text = """
        version: 1
        measures:
          arrests-friday: {label: "Arrests on Friday", unit: persons}
          arrests-saturday: {label: "Arrests on Saturday", unit: persons}
          arrests-weekend: {label: "Arrests over the weekend", unit: persons}
        claims:
          - {id: friday, measure: arrests-friday, value: "about 120", source: herald}
          - {id: saturday, measure: arrests-saturday, value: "85", source: herald}
          - {id: weekend, measure: arrests-weekend, value: "200", source: courier,
             derived: {op: sum, of: [friday, saturday]}}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["weekend", "friday", "saturday"],
        status="consistent",
        fires=["precision"],
    )
    fired = cites(
        comparison,
        "precision",
        "weekend ('200') is given to the nearest 100",
        "anything from 150 to 250, which takes in 205",
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


def test_the_documented_example() -> None:
    comparison = assert_comparison(
        compare_yaml(example("precision")),
        claims=["police-count", "council-count"],
        status="conflict",
        severity="minor",
        likely="precision",
    )
    assert comparison.gap is not None and comparison.gap.absolute == 1000
    documented(
        comparison,
        "precision",
        "police-count ('30,000') is given to the nearest 10,000, so it may stand for anything "
        "from 25,000 to 35,000: the gap of 1,000 lies within that rounding.",
    )
    hedged = example("precision").replace('"30,000"', '"about 30,000"')
    comparison = assert_comparison(
        compare_yaml(hedged),
        claims=["police-count", "council-count"],
        status="consistent",
    )
    documented(
        comparison,
        "precision",
        "the figures agree only once the hedge of police-count ('about 30,000') is applied: it "
        "stands for 28,500 to 31,500.",
    )


# Known defect: precision gives the first hedged figure as what makes the two meet, without
# checking that its hedge does. The hedge explanation must be given only for a hedge that the
# agreement needs.


def test_a_hedge_the_agreement_does_not_need_is_not_given_as_the_reason() -> None:
    # court-arrests' stated range, 600 to 800, takes in 700 as written: the two agree
    # without the hedge of "about 700"
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: "about 700", source: herald}
          - {id: court-arrests, measure: arrests, value: {low: 600, best: 690, high: 800},
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "court-arrests"],
        status="consistent",
    )
    for fired in comparison.reasons:
        assert "agree only once the hedge" not in fired.explanation, fired


def test_the_hedge_named_is_the_one_that_makes_the_figures_meet() -> None:
    # "nearly 100" is 95 to 100 and does not reach 102; "about 102" is 96.9 to 107.1 and
    # takes in 100: only the courier's hedge makes the two meet. The herald's claim has the
    # lower id, so its needless hedge comes first.
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: "nearly 100", source: herald}
          - {id: registry-arrests, measure: arrests, value: "about 102", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "registry-arrests"],
        status="consistent",
        fires=["precision"],
    )
    cites(comparison, "precision", "the hedge of registry-arrests ('about 102')")


def test_an_up_to_figure_is_rounded_around_its_stated_end() -> None:
    text = """
        version: 1
        measures:
          returns: {label: "People who came back", unit: persons}
        claims:
          - {id: cap, measure: returns, value: "up to 30,000", type: limit, source: herald}
          - {id: count, measure: returns, value: "35,000", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text), claims=["cap", "count"], status="conflict", fires=["precision"]
    )
    cites(comparison, "precision", "anything from 25,000 to 35,000")
