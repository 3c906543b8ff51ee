"""``definition``: the claims count different things."""

from __future__ import annotations

import pytest

from reconcile.engine.compare import Comparison
from tests.unit.reasons.helpers import (
    briefed,
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
        "no other claim on sentence-theft that could be compared with it has it",
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


def test_different_confusable_measures_count_different_things_and_are_likely() -> None:
    # no figure is shared, but the two measures are often confused: they count different
    # things, which accounts for a gap of either sign
    comparison = check(
        arrests_and_detentions(
            POLICE_ARRESTS, claim("paper-detained", "detentions", "90", "courier")
        ),
        claims=["police-arrests", "paper-detained"],
        status="conflict",
        fires=["definition"],
        likely="definition",
    )
    fired = cites(comparison, "definition", "measures often confused, which count different things")
    assert fired.score == 0.6


def test_a_figure_shared_only_with_another_place_is_a_coincidence() -> None:
    # before, 65 detentions in another town made the paper's 65 arrests look mislabelled;
    # figures for another place are never compared, so they are no evidence either
    text = arrests_and_detentions(
        claim("police-arrests", "arrests", "40", "herald", place="Ardley"),
        claim("paper-arrests", "arrests", "65", "courier", place="Ardley"),
        claim("police-detentions", "detentions", "65", "herald", place="Brisk"),
    )
    check(text, claims=ARRESTS, status="conflict", not_fires=["definition"])
    # the same detentions figure stated for Ardley is evidence again
    same_place = text.replace("place: Brisk", "place: Ardley")
    check(same_place, claims=ARRESTS, status="conflict", fires=["definition"], likely="definition")


def test_a_figure_shared_only_with_another_week_is_a_coincidence() -> None:
    week = "{start: 2025-03-03, end: 2025-03-09}"
    text = arrests_and_detentions(
        claim("police-arrests", "arrests", "40", "herald", period=week),
        claim("paper-arrests", "arrests", "65", "courier", period=week),
        claim(
            "police-detentions",
            "detentions",
            "65",
            "herald",
            period="{start: 2025-03-17, end: 2025-03-23}",
        ),
    )
    check(text, claims=ARRESTS, status="conflict", not_fires=["definition"])


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


def test_a_broad_figure_below_the_sum_of_its_parts_says_which_way() -> None:
    comparison = check(held("50"), claims=HELD, status="conflict", likely="definition")
    cites(
        comparison,
        "definition",
        "the broad figure is below the sum of its parts: its parts may count some people or "
        "events twice, or it may not count all they do",
    )


def test_a_part_larger_than_its_whole_is_not_explained_by_the_measures() -> None:
    # by the file's own definitions minors are some of the people arrested: a larger figure
    # for minors runs against what the measures count, so definition cannot be the likely
    # reason, and nothing else in the file accounts for the gap
    text = figure_file(
        claim("police-arrests", "arrests", "120", "herald"),
        claim("police-minors", "arrests-minors", "135", "courier"),
        measures={
            "arrests": measure("People arrested at the march", "persons"),
            "arrests-minors": measure("Minors arrested at the march", "persons", part_of="arrests"),
        },
    )
    comparison = check(
        text,
        claims=["police-minors", "police-arrests"],
        status="conflict",
        fires=["definition"],
        likely="unexplained",
    )
    fired = cites(
        comparison,
        "definition",
        "police-minors, on the part, is above police-arrests, on its whole",
        "what the measures count does not explain a part larger than its whole",
    )
    assert fired.score == 0.3


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
        "claim on sentence-theft that could be compared with it has it: it may be the figure "
        "for sentence-fraud.",
    )


def test_the_documented_relay() -> None:
    # the survey report is the origin's own account of 104,000 violent deaths; the radio's
    # relay gives the same figure under another measure: the relay is named as the one that
    # relabelled it, and the survey's own account is not blamed for it
    result = compare_yaml(example("definition", 1))
    relay = find(result, ["radio-excess", "lab-excess"])
    assert relay.status == "conflict"
    assert relay.likely_reason is not None and relay.likely_reason.code == "definition"
    documented(
        relay,
        "definition",
        "radio-excess ('104,000') is the figure that National household survey team gives for "
        "violent-deaths (survey-violent); Daily Herald relayed it as excess-deaths ('Deaths "
        "above the pre-war rate'): it may be the figure for violent-deaths.",
    )
    own = find(result, ["survey-violent", "lab-excess"])
    assert own.status == "conflict"
    assert "104,000" not in cites(own, "definition", "measures often confused").explanation


def _loose(stated: str, other: str) -> str:
    return figure_file(
        claim("loose", "left", stated, "herald", type="estimate"),
        claim("count", "left", other, "courier"),
        measures={"left": measure("People who left", "persons")},
    )


def test_a_magnitude_that_falls_short_of_a_count_is_a_manner_of_speaking() -> None:
    comparison = check(
        _loose("tens of thousands", "300,000"),
        claims=["count", "loose"],
        status="conflict",
        likely="definition",
    )
    cites(
        comparison,
        "definition",
        "loose ('tens of thousands') is a magnitude, a manner of speaking rather than a count",
        "it falls short of count's 300,000 on the same measure",
    )


def test_a_magnitude_above_a_count_is_not_put_down_to_its_wording() -> None:
    comparison = check(_loose("millions", "300,000"), claims=["count", "loose"], status="conflict")
    assert "definition" not in [r.code for r in comparison.reasons]


MINORS = {
    "arrests": measure("People arrested at the march", "persons"),
    "arrests-minors": measure("Minors arrested at the march", "persons", part_of="arrests"),
}


def _minors(value: str) -> Comparison:
    text = figure_file(
        claim("police-arrests", "arrests", "120", "herald"),
        claim("police-minors", "arrests-minors", value, "courier"),
        measures=MINORS,
    )
    return find(compare_yaml(text), ["police-minors", "police-arrests"])


def test_the_brief_of_different_measures_quotes_their_labels() -> None:
    briefed(
        _minors("35"),
        "definition",
        "The two count different things: 'People arrested at the march' and 'Minors arrested at "
        "the march'.",
    )
    briefed(
        _minors("135"),
        "definition",
        "The higher figure counts only a part of what the lower counts, so what the measures "
        "count cannot explain the gap.",
    )


@pytest.mark.parametrize(
    ("paper", "brief"),
    [
        ("90", "The broad figure is above the sum of its parts: it may count what they leave out."),
        (
            "50",
            "The broad figure is below the sum of its parts, which may count some people or "
            "events twice, or it may leave out some they count.",
        ),
        (
            "65",
            "The broad figure may count people or events its parts leave out, or the reverse, "
            "so the two need not match.",
        ),
    ],
)
def test_the_brief_of_a_broad_figure_says_which_way_it_may_differ(paper: str, brief: str) -> None:
    briefed(find(compare_yaml(held(paper)), HELD), "definition", brief)


def test_the_brief_of_a_shared_bound_names_the_confusable_measure() -> None:
    briefed(
        find(compare_yaml(example("definition")), THEFT),
        "definition",
        "'2 to 5 years' shares its upper bound 5 with a figure for 'Prison term for fraud', a "
        "measure often confused with its own: it may be that figure.",
    )
    # a label that would take the brief past 30 words gives way to the measure's id
    long = example("definition").replace(
        '"Prison term for fraud"', '"Prison term for fraud and for every kind of deception in law"'
    )
    briefed(
        find(compare_yaml(long), THEFT),
        "definition",
        "'2 to 5 years' shares its upper bound 5 with a figure for sentence-fraud, a measure "
        "often confused with its own: it may be that figure.",
    )


def test_the_brief_of_a_relabelled_figure_names_no_outlet_or_claim() -> None:
    result = compare_yaml(example("definition", 1))
    briefed(
        find(result, ["radio-excess", "lab-excess"]),
        "definition",
        "'104,000' is the figure its origin gives for 'Violent deaths'; a relay labelled it "
        "'Deaths above the pre-war rate'.",
    )
    briefed(
        find(result, ["survey-violent", "lab-excess"]),
        "definition",
        "The two count 'Deaths above the pre-war rate' and 'Violent deaths', measures often "
        "confused, which count different things.",
    )
    # the survey's account printed by a news outlet too: both are relays of one origin
    relayed = example("definition", 1).replace("source: survey-report}", "source: courier}")
    briefed(
        find(compare_yaml(relayed), ["radio-excess", "survey-violent"]),
        "definition",
        "One origin's figure is given for 'Deaths above the pre-war rate' and for 'Violent "
        "deaths': one of its relays relabelled it.",
    )


def test_the_brief_of_a_magnitude_gives_the_count_it_need_not_reach() -> None:
    briefed(
        find(compare_yaml(_loose("tens of thousands", "300,000")), ["count", "loose"]),
        "definition",
        "'tens of thousands' is a manner of speaking, not a count, so it need not reach 300,000.",
    )
