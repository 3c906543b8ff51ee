"""``definition``: the claims count different things."""

from __future__ import annotations

from tests.unit.reasons.helpers import (
    check,
    cites,
    claim,
    compare_yaml,
    documented,
    example,
    figure_file,
    find,
    measure,
)


def test_different_measures_fire_and_quote_both_labels() -> None:
    text = figure_file(
        claim("police-arrests", "arrests", "120", "herald"),
        claim("police-minors", "arrests-minors", "35", "courier"),
        measures={
            "arrests": measure("People arrested at the march", "persons"),
            "arrests-minors": measure("Minors arrested at the march", "persons", part_of="arrests"),
        },
    )
    comparison = check(
        text,
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
    text = figure_file(
        claim("police-arrests", "arrests", "120", "herald"),
        claim("police-minors", "arrests", "35", "courier"),
        measures={"arrests": measure("People arrested at the march", "persons")},
    )
    check(
        text,
        claims=["police-arrests", "police-minors"],
        status="conflict",
        not_fires=["definition"],
    )


THEFT_CONFUSED_WITH_FRAUD = {
    "sentence-theft": measure("Prison term for theft", "years", confusable_with="[sentence-fraud]"),
    "sentence-fraud": measure("Prison term for fraud", "years"),
}


def sentences(paper: str, measures: dict[str, str] = THEFT_CONFUSED_WITH_FRAUD) -> str:
    """Prison terms: the code's 2-8 years for theft and up to 5 for fraud, and the paper's
    ``paper`` for theft."""
    return figure_file(
        claim("code-theft", "sentence-theft", "2-8 years", "herald", type="legal-range"),
        claim("paper-theft", "sentence-theft", paper, "courier", type="legal-range"),
        claim("code-fraud", "sentence-fraud", "up to 5 years", "herald", type="legal-range"),
        measures=measures,
    )


THEFT = ["paper-theft", "code-theft"]


def test_a_bound_shared_with_a_confusable_measure_is_strong_and_likely() -> None:
    comparison = check(
        sentences("2 to 5 years"),
        claims=THEFT,
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
    check(sentences("2 to 6 years"), claims=THEFT, status="conflict", not_fires=["definition"])


def test_confusable_with_written_on_the_other_measure_counts_too() -> None:
    # The same mix-up as above, but confusable_with is declared on sentence-fraud. Mixing up
    # two measures is one relation (the engine already compares and allows claims across it
    # either way round), so the borrowed bound should be found from either side.
    fraud_confused_with_theft = {
        "sentence-theft": measure("Prison term for theft", "years"),
        "sentence-fraud": measure(
            "Prison term for fraud", "years", confusable_with="[sentence-theft]"
        ),
    }
    comparison = check(
        sentences("2 to 5 years", fraud_confused_with_theft),
        claims=THEFT,
        status="conflict",
        fires=["definition"],
        likely="definition",
    )
    cites(comparison, "definition", "paper-theft ('2 to 5 years')", "code-fraud")


def arrests_and_detentions(*claims: str) -> str:
    """Arrests, a measure confusable with detentions, and detentions."""
    return figure_file(
        *claims,
        measures={
            "arrests": measure("People arrested", "persons", confusable_with="[detentions]"),
            "detentions": measure("People detained and released", "persons"),
        },
    )


POLICE_ARRESTS = claim("police-arrests", "arrests", "40", "herald")
PAPER_ARRESTS = claim("paper-arrests", "arrests", "65", "courier")
POLICE_DETENTIONS = claim("police-detentions", "detentions", "65", "herald")
ARRESTS = ["police-arrests", "paper-arrests"]


def test_a_figure_equal_to_a_confusable_measures_claim_is_likely() -> None:
    comparison = check(
        arrests_and_detentions(POLICE_ARRESTS, PAPER_ARRESTS, POLICE_DETENTIONS),
        claims=ARRESTS,
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
    text = arrests_and_detentions(
        POLICE_ARRESTS,
        PAPER_ARRESTS,
        claim("lawyers-arrests", "arrests", "65", "courier"),
        POLICE_DETENTIONS,
    )
    check(text, claims=ARRESTS, status="conflict", not_fires=["definition"])


def held(paper: str) -> str:
    """People held by police, stated by the paper as ``paper``: 40 arrested and 25 detained."""
    return figure_file(
        POLICE_ARRESTS,
        claim("police-detentions", "detentions", "25", "herald"),
        claim("paper-held", "held", paper, "courier"),
        measures={
            "arrests": measure("People arrested", "persons"),
            "detentions": measure("People detained and released", "persons"),
            "held": measure("People held by police", "persons", sum_of="[arrests, detentions]"),
        },
    )


HELD = ["police-arrests", "police-detentions", "paper-held"]


def test_a_broad_figure_against_the_sum_of_its_parts() -> None:
    comparison = check(
        held("90"),
        claims=HELD,
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
    comparison = find(compare_yaml(held("65")), HELD)
    assert comparison.status == "consistent"
    cites(comparison, "definition", "sum_of [arrests, detentions]")


def test_the_documented_example() -> None:
    comparison = check(
        example("definition"),
        claims=THEFT,
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
