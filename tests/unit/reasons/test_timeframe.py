"""``timeframe``: the claims cover different periods or stand at different dates."""

from __future__ import annotations

from tests.unit.reasons.helpers import (
    assert_comparison,
    cites,
    compare_yaml,
    documented,
    example,
    find,
)

NESTED = """
    version: 1
    measures:
      arrests: {label: "Arrests for shoplifting", unit: persons, cumulative: true}
    claims:
      - {id: year-total, measure: arrests, value: "1,200",
         period: {start: 2024-01, end: 2024-12}, source: herald}
      - {id: spring-total, measure: arrests, value: "400",
         period: {start: 2024-03, end: 2024-05}, source: courier}
"""


def test_a_nested_period_on_a_cumulative_measure_is_compatible() -> None:
    comparison = assert_comparison(
        compare_yaml(NESTED),
        claims=["year-total", "spring-total"],
        status="compatible",
        fires=["timeframe"],
    )
    fired = cites(
        comparison,
        "timeframe",
        "spring-total covers 2024-03-01 to 2024-05-31 (92 days)",
        "lies within year-total's 2024-01-01 to 2024-12-31",
    )
    assert fired.score == 0.55


def test_a_nested_period_on_a_measure_that_is_not_cumulative_conflicts() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests for shoplifting", unit: persons}
        claims:
          - {id: year-total, measure: arrests, value: "1,200",
             period: {start: 2024-01, end: 2024-12}, source: herald}
          - {id: spring-total, measure: arrests, value: "400",
             period: {start: 2024-03, end: 2024-05}, source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["year-total", "spring-total"],
        status="conflict",
        severity="major",
        fires=["timeframe"],
        likely="timeframe",
    )


def test_disjoint_periods_give_the_days_between_them() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests for shoplifting", unit: persons, cumulative: true}
        claims:
          - {id: winter-total, measure: arrests, value: "412",
             period: {start: 2024-01-01, end: 2024-03-31}, source: herald}
          - {id: spring-total, measure: arrests, value: "380",
             period: {start: 2024-04-10, end: 2024-06-30}, source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["winter-total", "spring-total"],
        status="conflict",
        severity="major",
        fires=["timeframe"],
        likely="timeframe",
    )
    fired = cites(
        comparison,
        "timeframe",
        "winter-total covers 2024-01-01 to 2024-03-31 (91 days)",
        "spring-total covers 2024-04-10 to 2024-06-30 (82 days)",
        "the periods do not overlap, 9 days apart",
    )
    assert fired.score == 0.7


def test_identical_periods_do_not_fire() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests for shoplifting", unit: persons, cumulative: true}
        claims:
          - {id: winter-total, measure: arrests, value: "412",
             period: {start: 2024-01-01, end: 2024-03-31}, source: herald}
          - {id: winter-again, measure: arrests, value: "380",
             period: {start: 2024-01-01, end: 2024-03-31}, source: courier}
    """
    # a running total has one value over one period: the difference is a conflict
    assert_comparison(
        compare_yaml(text),
        claims=["winter-total", "winter-again"],
        status="conflict",
        not_fires=["timeframe"],
    )


def test_overlapping_periods_give_the_days_they_share() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests for shoplifting", unit: persons}
        claims:
          - {id: first-half, measure: arrests, value: "412",
             period: {start: 2024-01, end: 2024-06}, source: herald}
          - {id: mid-year, measure: arrests, value: "380",
             period: {start: 2024-06, end: 2024-08}, source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["first-half", "mid-year"],
        status="conflict",
        fires=["timeframe"],
    )
    cites(comparison, "timeframe", "first-half covers", "mid-year covers", "overlap for 30 days")


AS_OF = """
    version: 1
    measures:
      detained: {label: "People held in custody", unit: persons, cumulative: true}
    claims:
      - {id: june-count, measure: detained, value: "500", as_of: 2024-06-30, source: herald}
      - {id: sept-count, measure: detained, value: "720", as_of: 2024-09-15, source: courier}
"""


def test_as_of_dates_apart_are_compatible_on_a_running_total() -> None:
    comparison = assert_comparison(
        compare_yaml(AS_OF),
        claims=["june-count", "sept-count"],
        status="compatible",
        fires=["timeframe"],
    )
    fired = cites(
        comparison,
        "timeframe",
        "june-count stands as of 2024-06-30",
        "sept-count as of 2024-09-15",
        "77 days apart",
    )
    assert fired.score == 0.45
    assert "inferred" not in fired.explanation


def test_an_inferred_date_is_said_to_be_inferred() -> None:
    text = """
        version: 1
        measures:
          detained: {label: "People held in custody", unit: persons, cumulative: true}
        claims:
          - {id: june-count, measure: detained, value: "500", as_of: 2024-06-30, source: herald}
          - {id: sept-count, measure: detained, value: "720", as_of: ~2024-09-15,
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["june-count", "sept-count"],
        status="compatible",
        fires=["timeframe"],
    )
    cites(
        comparison,
        "timeframe",
        "77 days apart",
        "sept-count rests on a date inferred from the text, not stated",
    )


def test_one_claim_without_a_period_or_date() -> None:
    text = """
        version: 1
        measures:
          detained: {label: "People held in custody", unit: persons}
        claims:
          - {id: june-count, measure: detained, value: "500", as_of: 2024-06-30, source: herald}
          - {id: undated-count, measure: detained, value: "720", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["june-count", "undated-count"],
        status="conflict",
        fires=["timeframe"],
        likely="timeframe",
    )
    fired = cites(
        comparison,
        "timeframe",
        "june-count stands as of 2024-06-30",
        "undated-count gives no period or date",
    )
    assert fired.score == 0.3


def test_without_any_period_the_publication_dates_are_compared() -> None:
    text = """
        version: 1
        sources:
          spring-report: {title: "Spring report", outlet: "Gazette", published: 2025-03}
          summer-report: {title: "Summer report", outlet: "Gazette", published: 2025-07}
        measures:
          detained: {label: "People held in custody", unit: persons}
        claims:
          - {id: spring-count, measure: detained, value: "500", source: spring-report}
          - {id: summer-count, measure: detained, value: "720", source: summer-report}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["spring-count", "summer-count"],
        status="conflict",
        fires=["timeframe"],
    )
    fired = cites(
        comparison,
        "timeframe",
        "spring-report was published 2025-03",
        "summer-report 2025-07",
    )
    assert fired.score == 0.2


def test_without_any_period_and_published_together_does_not_fire() -> None:
    text = """
        version: 1
        measures:
          detained: {label: "People held in custody", unit: persons}
        claims:
          - {id: spring-count, measure: detained, value: "500", source: herald}
          - {id: summer-count, measure: detained, value: "720", source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["spring-count", "summer-count"],
        status="conflict",
        not_fires=["timeframe"],
    )


def test_parts_that_do_not_cover_the_broad_period_are_named() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests", unit: persons}
          summonses: {label: "Summonses issued", unit: persons}
          charged: {label: "People charged", unit: persons, sum_of: [arrests, summonses]}
        claims:
          - {id: police-arrests, measure: arrests, value: "40", as_of: 2025-05-02,
             source: herald}
          - {id: police-summonses, measure: summonses, value: "25", as_of: 2025-05-04,
             source: herald}
          - {id: court-charged, measure: charged, value: "65", as_of: 2025-05-04,
             source: courier}
    """
    comparison = find(compare_yaml(text), ["court-charged", "police-arrests", "police-summonses"])
    assert comparison.status == "consistent"
    fired = cites(
        comparison,
        "timeframe",
        "court-charged stands as of 2025-05-04",
        "police-arrests stands as of 2025-05-02",
    )
    assert "police-summonses" not in fired.explanation  # its date matches


def test_parts_that_cover_the_broad_period_do_not_fire() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests", unit: persons}
          summonses: {label: "Summonses issued", unit: persons}
          charged: {label: "People charged", unit: persons, sum_of: [arrests, summonses]}
        claims:
          - {id: police-arrests, measure: arrests, value: "40", as_of: 2025-05-04,
             source: herald}
          - {id: police-summonses, measure: summonses, value: "25", as_of: 2025-05-04,
             source: herald}
          - {id: court-charged, measure: charged, value: "65", as_of: 2025-05-04,
             source: courier}
    """
    comparison = find(compare_yaml(text), ["court-charged", "police-arrests", "police-summonses"])
    assert comparison.status == "consistent"
    assert "timeframe" not in [r.code for r in comparison.reasons]


def test_an_inferred_end_is_used_like_a_stated_one() -> None:
    # "~2024-03-31" is the same day as "2024-03-31": the two running totals cover one
    # period, so they must agree (the format: an inferred date "is used like any date").
    text = """
        version: 1
        measures:
          arrests: {label: "Arrests for shoplifting", unit: persons, cumulative: true}
        claims:
          - {id: winter-total, measure: arrests, value: "412",
             period: {start: 2024-01-01, end: 2024-03-31}, source: herald}
          - {id: winter-implied, measure: arrests, value: "380",
             period: {start: 2024-01-01, end: ~2024-03-31}, source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["winter-total", "winter-implied"],
        status="conflict",
        not_fires=["timeframe"],
    )
    for fired in comparison.reasons:
        assert "lies within" not in fired.explanation, fired


def test_the_documented_example() -> None:
    comparison = assert_comparison(
        compare_yaml(example("timeframe")),
        claims=["year-total", "spring-total"],
        status="compatible",
    )
    documented(
        comparison,
        "timeframe",
        "spring-total covers 2024-03-01 to 2024-05-31 (92 days), which lies within "
        "year-total's 2024-01-01 to 2024-12-31.",
    )
