"""``method``: the same thing counted or estimated in different ways."""

from __future__ import annotations

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
    origin,
)

MARCHERS = ["police-count", "lab-count"]


def marchers(police: str, lab: str, **fields: str) -> str:
    """The police's and a lab's counts of the march, with methods ``police`` and ``lab``
    (a method of "" is left out)."""
    police_fields = {"method": f'"{police}"'} if police else {}
    lab_fields = {"method": f'"{lab}"'} if lab else {}
    return figure_file(
        claim("police-count", "marchers", "21,000", "herald", **police_fields, **fields),
        claim("lab-count", "marchers", "about 48,000", "courier", **lab_fields, **fields),
        measures={"marchers": measure("People at the march", "persons")},
    )


def test_the_documented_example() -> None:
    comparison = check(
        example("method"), claims=MARCHERS, status="conflict", severity="major", likely="method"
    )
    fired = documented(
        comparison,
        "method",
        "lab-count was arrived at by 'density from aerial photographs' and police-count by "
        "'count at the gates': the same thing counted in different ways, which need not agree.",
    )
    assert fired.score == 0.6


def test_two_household_surveys_with_different_designs() -> None:
    # Two surveys of one war's violent deaths, four times apart. Before, nothing in the file
    # told them apart but their origins (no party): no reason fired.
    text = figure_file(
        claim(
            "ministry-survey",
            "violent-deaths",
            "104,000",
            "herald",
            type="estimate",
            origin="ministry",
            method='"household survey of 9,200 homes, deaths reported by the household"',
        ),
        claim(
            "university-survey",
            "violent-deaths",
            "392,979",
            "courier",
            type="estimate",
            origin="university",
            method='"cluster survey of 1,800 homes, deaths confirmed by certificate"',
        ),
        measures={"violent-deaths": measure("Violent deaths since the invasion", "deaths")},
        origins={
            "ministry": origin("Ministry of Health survey team", "official"),
            "university": origin("University public-health team", "expert"),
        },
    )
    comparison = check(
        text,
        claims=["ministry-survey", "university-survey"],
        status="conflict",
        likely="method",
    )
    cites(
        comparison,
        "method",
        "ministry-survey was arrived at by 'household survey of 9,200 homes",
        "and university-survey by 'cluster survey of 1,800 homes",
    )


def test_the_same_method_written_differently_does_not_fire() -> None:
    check(
        marchers("Count at the gates", "count  at the GATES"),
        MARCHERS,
        "conflict",
        not_fires=["method"],
        likely="unexplained",
    )


def test_a_method_stated_on_one_side_only_is_weak() -> None:
    comparison = check(
        marchers("count at the gates", ""), MARCHERS, "conflict", likely="unexplained"
    )
    fired = cites(
        comparison,
        "method",
        "police-count was arrived at by 'count at the gates', while lab-count states no method",
    )
    assert fired.score == 0.3
    why = comparison.likely_reason
    assert why is not None and "how lab-count was counted (method, not given)" in why.explanation


def deaths(expert_type: str, office_kind: str) -> str:
    """An expert's figure of type ``expert_type`` against a count from an origin of kind
    ``office_kind``, neither stating a method."""
    return figure_file(
        claim("model-deaths", "deaths", "14,600", "herald", type=expert_type, origin="modellers"),
        claim("registry-deaths", "deaths", "9,800", "courier", type="count", origin="office"),
        measures={"deaths": measure("Deaths above the expected number", "deaths")},
        origins={
            "modellers": origin("University modelling group", "expert"),
            "office": origin("Registry office", office_kind),
        },
    )


def test_an_expert_estimate_against_a_statistics_office_count() -> None:
    comparison = check(
        deaths("estimate", "statistics"),
        ["model-deaths", "registry-deaths"],
        "conflict",
        likely="method",
    )
    fired = cites(
        comparison,
        "method",
        "model-deaths (expert) is an estimate from a kind of origin that estimates",
        "registry-deaths (statistics) a count from one that tallies what it registers",
        "no claim states its method",
    )
    assert fired.score == 0.5


def test_kinds_that_do_not_say_how_a_figure_was_made_do_not_fire() -> None:
    # a ministry states figures of every kind; and an expert's count is a count
    pairs = ["model-deaths", "registry-deaths"]
    check(deaths("estimate", "official"), pairs, "conflict", not_fires=["method"])
    check(deaths("count", "statistics"), pairs, "conflict", not_fires=["method"])


def test_the_brief_names_both_methods_and_no_claim() -> None:
    comparison = find(compare_yaml(example("method")), MARCHERS)
    briefed(
        comparison,
        "method",
        "They were made in different ways, 'density from aerial photographs' and 'count at the "
        "gates', which need not agree.",
    )


def test_the_brief_of_one_stated_method_names_the_side_that_states_it() -> None:
    text = example("method").replace('method: "count at the gates",', "")
    comparison = find(compare_yaml(text), MARCHERS)
    briefed(
        comparison,
        "method",
        "Only the higher figure states a method ('density from aerial photographs'); the other "
        "does not, so they may have been counted differently.",
    )
