"""``definition``: the claims count different things."""

from __future__ import annotations

from tests.unit.reasons.helpers import (
    assert_comparison,
    cites,
    compare_yaml,
    documented,
    example,
    find,
)

PART_AND_WHOLE = """
    version: 1
    measures:
      arrests: {label: "People arrested at the march", unit: persons}
      arrests-minors: {label: "Minors arrested at the march", unit: persons, part_of: arrests}
    claims:
      - {id: police-arrests, measure: arrests, value: "120", source: herald}
      - {id: police-minors, measure: arrests-minors, value: "35", source: courier}
"""

ONE_MEASURE = """
    version: 1
    measures:
      arrests: {label: "People arrested at the march", unit: persons}
    claims:
      - {id: police-arrests, measure: arrests, value: "120", source: herald}
      - {id: police-minors, measure: arrests, value: "35", source: courier}
"""


def test_different_measures_fire_and_quote_both_labels() -> None:
    comparison = assert_comparison(
        compare_yaml(PART_AND_WHOLE),
        claims=["police-minors", "police-arrests"],
        status="compatible",
        fires=["definition"],
    )
    fired = cites(
        comparison,
        "definition",
        "police-arrests counts arrests ('People arrested at the march')",
        "police-minors counts arrests-minors ('Minors arrested at the march')",
    )
    assert fired.score == 0.45


def test_the_same_measure_does_not_fire() -> None:
    assert_comparison(
        compare_yaml(ONE_MEASURE),
        claims=["police-arrests", "police-minors"],
        status="conflict",
        not_fires=["definition"],
    )


SENTENCES = """
    version: 1
    measures:
      sentence-theft:
        label: "Prison term for theft"
        unit: years
        confusable_with: [sentence-fraud]
      sentence-fraud: {label: "Prison term for fraud", unit: years}
    claims:
      - {id: code-theft, measure: sentence-theft, value: "2-8 years", type: legal-range,
         source: herald}
      - {id: paper-theft, measure: sentence-theft, value: "2 to 5 years", type: legal-range,
         source: courier}
      - {id: code-fraud, measure: sentence-fraud, value: "up to 5 years", type: legal-range,
         source: herald}
"""


def test_a_bound_shared_with_a_confusable_measure_is_strong_and_likely() -> None:
    comparison = assert_comparison(
        compare_yaml(SENTENCES),
        claims=["paper-theft", "code-theft"],
        status="conflict",
        severity="major",
        fires=["definition"],
        likely="definition",
    )
    fired = cites(
        comparison,
        "definition",
        "paper-theft ('2 to 5 years') shares its upper bound 5",
        "code-fraud ('up to 5 years') on sentence-fraud, a measure often confused with"
        " sentence-theft",
        "no other claim on sentence-theft has it",
        "it may be the figure for sentence-fraud",
    )
    assert fired.score == 0.9


def test_a_bound_no_confusable_claim_states_does_not_fire() -> None:
    # 6 years is stated by no fraud claim: the difference is not a borrowed figure
    text = """
        version: 1
        measures:
          sentence-theft:
            label: "Prison term for theft"
            unit: years
            confusable_with: [sentence-fraud]
          sentence-fraud: {label: "Prison term for fraud", unit: years}
        claims:
          - {id: code-theft, measure: sentence-theft, value: "2-8 years", type: legal-range,
             source: herald}
          - {id: paper-theft, measure: sentence-theft, value: "2 to 6 years", type: legal-range,
             source: courier}
          - {id: code-fraud, measure: sentence-fraud, value: "up to 5 years", type: legal-range,
             source: herald}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["paper-theft", "code-theft"],
        status="conflict",
        not_fires=["definition"],
    )


ARRESTS_AND_DETENTIONS = """
    version: 1
    measures:
      arrests: {label: "People arrested", unit: persons, confusable_with: [detentions]}
      detentions: {label: "People detained and released", unit: persons}
    claims:
      - {id: police-arrests, measure: arrests, value: "40", source: herald}
      - {id: paper-arrests, measure: arrests, value: "65", source: courier}
      - {id: police-detentions, measure: detentions, value: "65", source: herald}
"""


def test_a_figure_equal_to_a_confusable_measures_claim_is_likely() -> None:
    comparison = assert_comparison(
        compare_yaml(ARRESTS_AND_DETENTIONS),
        claims=["police-arrests", "paper-arrests"],
        status="conflict",
        fires=["definition"],
        likely="definition",
    )
    cites(
        comparison,
        "definition",
        "paper-arrests ('65') shares its figure 65 with police-detentions ('65') on detentions",
    )


def test_a_figure_its_own_measure_also_states_does_not_fire() -> None:
    # a second arrests claim also says 65: the figure is not one only detentions have
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons, confusable_with: [detentions]}
          detentions: {label: "People detained and released", unit: persons}
        claims:
          - {id: police-arrests, measure: arrests, value: "40", source: herald}
          - {id: paper-arrests, measure: arrests, value: "65", source: courier}
          - {id: lawyers-arrests, measure: arrests, value: "65", source: courier}
          - {id: police-detentions, measure: detentions, value: "65", source: herald}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["police-arrests", "paper-arrests"],
        status="conflict",
        not_fires=["definition"],
    )


def test_confusable_with_written_on_the_other_measure_counts_too() -> None:
    # The same mix-up as above, but confusable_with is declared on sentence-fraud. Mixing up
    # two measures is one relation (the engine already compares and allows claims across it
    # either way round), so the borrowed bound should be found from either side.
    text = """
        version: 1
        measures:
          sentence-theft: {label: "Prison term for theft", unit: years}
          sentence-fraud:
            label: "Prison term for fraud"
            unit: years
            confusable_with: [sentence-theft]
        claims:
          - {id: code-theft, measure: sentence-theft, value: "2-8 years", type: legal-range,
             source: herald}
          - {id: paper-theft, measure: sentence-theft, value: "2 to 5 years", type: legal-range,
             source: courier}
          - {id: code-fraud, measure: sentence-fraud, value: "up to 5 years", type: legal-range,
             source: herald}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["paper-theft", "code-theft"],
        status="conflict",
        fires=["definition"],
        likely="definition",
    )
    cites(comparison, "definition", "paper-theft ('2 to 5 years')", "code-fraud")


HELD = """
    version: 1
    measures:
      arrests: {label: "People arrested", unit: persons}
      detentions: {label: "People detained and released", unit: persons}
      held: {label: "People held by police", unit: persons, sum_of: [arrests, detentions]}
    claims:
      - {id: police-arrests, measure: arrests, value: "40", source: herald}
      - {id: police-detentions, measure: detentions, value: "25", source: herald}
      - {id: paper-held, measure: held, value: "90", source: courier}
"""


def test_a_broad_figure_against_the_sum_of_its_parts() -> None:
    result = compare_yaml(HELD)
    comparison = assert_comparison(
        result,
        claims=["police-arrests", "police-detentions", "paper-held"],
        status="conflict",
        severity="major",
        fires=["definition"],
        likely="definition",
    )
    assert comparison.kind == "sum"
    fired = cites(
        comparison,
        "definition",
        "paper-held is on held ('People held by police')",
        "sum_of [arrests, detentions]",
    )
    assert fired.score == 0.6


def test_a_broad_figure_equal_to_the_sum_is_consistent_and_still_explained() -> None:
    text = """
        version: 1
        measures:
          arrests: {label: "People arrested", unit: persons}
          detentions: {label: "People detained and released", unit: persons}
          held: {label: "People held by police", unit: persons, sum_of: [arrests, detentions]}
        claims:
          - {id: police-arrests, measure: arrests, value: "40", source: herald}
          - {id: police-detentions, measure: detentions, value: "25", source: herald}
          - {id: paper-held, measure: held, value: "65", source: courier}
    """
    comparison = find(compare_yaml(text), ["police-arrests", "police-detentions", "paper-held"])
    assert comparison.status == "consistent"
    cites(comparison, "definition", "sum_of [arrests, detentions]")


def test_the_documented_example() -> None:
    comparison = assert_comparison(
        compare_yaml(example("definition")),
        claims=["paper-theft", "code-theft"],
        status="conflict",
        likely="definition",
    )
    documented(
        comparison,
        "definition",
        "paper-theft ('2 to 5 years') shares its upper bound 5 with code-fraud ('up to 5 "
        "years') on sentence-fraud, a measure often confused with sentence-theft, and no other "
        "claim on sentence-theft has it: it may be the figure for sentence-fraud.",
    )
