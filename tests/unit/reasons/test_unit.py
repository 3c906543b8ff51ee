"""``unit``: the claims count in different units."""

from __future__ import annotations

from tests.unit.reasons.helpers import assert_comparison, cites, compare_yaml

PERSONS_AND_CASES = """
    version: 1
    measures:
      arrests: {label: "Arrests at the protest", unit: cases}
    claims:
      - {id: police-arrests, measure: arrests, value: "120", source: herald}
      - {id: lawyers-arrests, measure: arrests, value: "95", unit: persons, source: courier}
"""

CASES_BOTH = """
    version: 1
    measures:
      arrests: {label: "Arrests at the protest", unit: cases}
    claims:
      - {id: police-arrests, measure: arrests, value: "120", source: herald}
      - {id: lawyers-arrests, measure: arrests, value: "95", unit: cases, source: courier}
"""


def test_persons_against_cases_fires_and_names_both_units() -> None:
    comparison = assert_comparison(
        compare_yaml(PERSONS_AND_CASES),
        claims=["lawyers-arrests", "police-arrests"],
        status="conflict",
        severity="major",
        fires=["unit"],
        likely="unit",
    )
    fired = cites(
        comparison,
        "unit",
        "police-arrests counts cases (the unit of measure arrests)",
        "lawyers-arrests counts persons (the claim's own unit)",
    )
    assert fired.score == 0.35


def test_a_claim_unit_equal_to_its_measures_does_not_fire() -> None:
    assert_comparison(
        compare_yaml(CASES_BOTH),
        claims=["police-arrests", "lawyers-arrests"],
        status="conflict",
        severity="major",
        not_fires=["unit"],
    )


def test_a_unit_difference_does_not_change_the_status() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests at the protest", unit: cases}
        claims:
          - {id: police-arrests, measure: arrests, value: "about 100", source: herald}
          - {id: lawyers-arrests, measure: arrests, value: "98", unit: persons, source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "lawyers-arrests"],
        status="consistent",
        fires=["unit"],
    )


MONTH_AND_YEAR = """
    version: 1
    measures:
      visitors: {label: "Visitors to the festival grounds", unit: persons}
    claims:
      - {id: office-visitors, measure: visitors, value: "30,000 a month", type: rate,
         source: herald}
      - {id: council-visitors, measure: visitors, value: "360,000 a year", type: rate,
         source: courier}
"""


def test_rates_per_month_against_per_year_fire() -> None:
    comparison = assert_comparison(
        compare_yaml(MONTH_AND_YEAR),
        claims=["office-visitors", "council-visitors"],
        status="conflict",
        fires=["unit"],
        likely="unit",
    )
    fired = cites(
        comparison,
        "unit",
        "rates over different periods",
        "office-visitors per month",
        "council-visitors per year",
    )
    assert fired.score == 0.5


def test_rates_over_the_same_period_do_not_fire() -> None:
    text = """
        version: 1
        measures:
          visitors: {label: "Visitors to the festival grounds", unit: persons}
        claims:
          - {id: office-visitors, measure: visitors, value: "30,000 a month", type: rate,
             source: herald}
          - {id: council-visitors, measure: visitors, value: "36,000", type: rate, per: month,
             source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["office-visitors", "council-visitors"],
        status="conflict",
        not_fires=["unit"],
    )


def test_a_part_counted_in_another_unit_is_named_against_the_sum() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests", unit: persons}
          summonses: {label: "Summonses issued", unit: persons}
          charged: {label: "People charged", unit: persons, sum_of: [arrests, summonses]}
        claims:
          - {id: police-arrests, measure: arrests, value: "40", unit: cases, source: herald}
          - {id: police-summonses, measure: summonses, value: "25", source: herald}
          - {id: court-charged, measure: charged, value: "90", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["court-charged", "police-arrests", "police-summonses"],
        status="conflict",
        fires=["unit"],
    )
    cites(
        comparison,
        "unit",
        "court-charged counts persons",
        "police-arrests counts cases",
        "police-summonses counts persons",
    )
