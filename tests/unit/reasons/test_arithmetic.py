"""``arithmetic``: a derived figure does not follow from the figures it is derived from."""

from __future__ import annotations

import pytest

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


def share(
    stated: str, part: str = "49.8 million", whole: str = "between 300 and 400 million"
) -> str:
    """Schools' share of a city budget (300 to 400 million unless ``whole``), stated as
    ``stated``."""
    return figure_file(
        claim("budget-schools", "schools-spend", part, "herald"),
        claim("budget-total", "total-spend", whole, "herald"),
        claim(
            "schools-share",
            "schools-share",
            stated,
            "courier",
            type="share",
            derived="{op: ratio, of: [budget-schools, budget-total]}",
        ),
        measures={
            "schools-spend": measure("Spending on schools", "currency:EUR"),
            "total-spend": measure("Total city spending", "currency:EUR"),
            "schools-share": measure("Share of spending on schools", "percent"),
        },
    )


SHARE = ["schools-share", "budget-schools", "budget-total"]


def test_a_share_that_follows_once_rounded_is_consistent() -> None:
    # 49.8 / 300..400 million is 12.45% to 16.6%; "17%" stands for 16.5 to 17.5 once its
    # rounding is allowed for, and a derived figure is held to its inputs with it
    comparison = check(share("17%"), claims=SHARE, status="consistent", not_fires=["arithmetic"])
    assert comparison.kind == "derived"


def test_a_rounded_share_of_exact_figures_follows() -> None:
    # 150 of 180 is 83.33%: "83%" (82.5 to 83.5) follows; "82%" (81.5 to 82.5) does not
    check(share("83%", "150", "180"), SHARE, status="consistent", not_fires=["arithmetic"])
    check(share("82%", "150", "180"), SHARE, status="conflict", likely="arithmetic")


def test_a_share_out_of_reach_even_when_rounded_cannot_follow() -> None:
    comparison = check(
        share("18%"),
        claims=SHARE,
        status="conflict",
        severity="major",
        fires=["arithmetic"],
        likely="arithmetic",
    )
    fired = cites(comparison, "arithmetic", "schools-share states '18%'", "does not follow")
    assert fired.score == 0.95


def weekend(stated: str) -> str:
    """The weekend's arrests, stated as ``stated``: the sum of Friday's 120 and Saturday's 85."""
    return figure_file(
        claim("friday", "arrests-friday", "120", "herald"),
        claim("saturday", "arrests-saturday", "85", "herald"),
        claim(
            "weekend",
            "arrests-weekend",
            stated,
            "courier",
            derived="{op: sum, of: [friday, saturday]}",
        ),
        measures={
            "arrests-friday": measure("Arrests on Friday", "persons"),
            "arrests-saturday": measure("Arrests on Saturday", "persons"),
            "arrests-weekend": measure("Arrests over the weekend", "persons"),
        },
    )


def test_a_sum_that_cannot_follow() -> None:
    comparison = check(
        weekend("250"),
        claims=["weekend", "friday", "saturday"],
        status="conflict",
        severity="major",
        fires=["arithmetic"],
        likely="arithmetic",
    )
    fired = cites(
        comparison,
        "arithmetic",
        "weekend states '250' (245 to 255 once its rounding is allowed for)",
        "friday ('120') plus saturday ('85') gives 205",
        "it does not follow from its inputs",
    )
    assert fired.score == 0.95


def rise(last_year: str, this_year: str, stated: str) -> str:
    """The rise in the city budget, stated as ``stated``: this year's less last year's."""
    return figure_file(
        claim("budget-last-year", "budget-2024", last_year, "herald"),
        claim("budget-this-year", "budget-2025", this_year, "herald"),
        claim(
            "budget-increase",
            "budget-rise",
            stated,
            "courier",
            derived="{op: difference, of: [budget-this-year, budget-last-year]}",
        ),
        measures={
            "budget-2024": measure("City budget for 2024", "currency:EUR"),
            "budget-2025": measure("City budget for 2025", "currency:EUR"),
            "budget-rise": measure("Rise in the city budget", "currency:EUR"),
        },
    )


RISE = ["budget-increase", "budget-this-year", "budget-last-year"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        pytest.param(share("15%"), SHARE, id="a_share_within_what_the_inputs_give"),
        pytest.param(
            weekend("205"), ["weekend", "friday", "saturday"], id="a_sum_that_follows_exactly"
        ),
        pytest.param(
            rise("410 million", "452 million", "42 million"), RISE, id="a_difference_that_follows"
        ),
    ],
)
def test_a_derived_figure_that_follows_does_not_fire(text: str, claims: list[str]) -> None:
    check(text, claims, status="consistent", not_fires=["arithmetic"])


def test_a_difference_that_cannot_follow() -> None:
    comparison = check(
        rise("410 million", "452 million", "60 million"),
        claims=RISE,
        status="conflict",
        severity="major",
        fires=["arithmetic"],
        likely="arithmetic",
    )
    cites(
        comparison,
        "arithmetic",
        "budget-increase states '60 million'",
        "budget-increase states '60 million' (55 million to 65 million once its rounding",
        "budget-this-year ('452 million') minus budget-last-year ('410 million') gives 42 million",
        "it does not follow from its inputs",
    )


def test_a_difference_that_follows_once_rounded_is_consistent() -> None:
    # (440..452.6) - 400 is 40 to 52.6 million; "53 million" stands for 52.5 to 53.5 million
    check(
        rise("400 million", "between 440 and 452.6 million", "53 million"),
        claims=RISE,
        status="consistent",
        not_fires=["arithmetic"],
    )


def test_the_documented_example() -> None:
    # 44.4 / 300..400 million is 11.1% to 14.8%: "16%" (15.5 to 16.5) lies above it all
    comparison = check(
        example("arithmetic"),
        claims=SHARE,
        status="conflict",
        severity="major",
        likely="arithmetic",
    )
    documented(
        comparison,
        "arithmetic",
        "schools-share states '16%' (15.5 to 16.5 once its rounding is allowed for); … gives "
        "11.1 to 14.8: it does not follow from its inputs.",
    )


def test_a_ratio_whose_divisor_may_be_zero_is_not_compared() -> None:
    from tests.unit.reasons.helpers import compare_yaml

    text = figure_file(
        claim("minors", "minors", "17", "herald"),
        claim("none", "arrests", "0", "herald"),
        claim("share", "share", "8%", "courier", derived="{op: ratio, of: [minors, none]}"),
        measures={
            "minors": measure("Minors arrested", "persons"),
            "arrests": measure("People arrested", "persons"),
            "share": measure("Share of arrests that were minors", "percent"),
        },
    )
    result = compare_yaml(text)
    assert not [c for c in result.comparisons if c.kind == "derived"]
    divisor = text.replace('value: "0"', 'value: "215"')
    (derived,) = [c for c in compare_yaml(divisor).comparisons if c.kind == "derived"]
    assert derived.claims == ("share", "minors", "none")


def test_the_brief_gives_what_the_inputs_allow() -> None:
    comparison = find(compare_yaml(example("arithmetic")), SHARE)
    briefed(
        comparison,
        "arithmetic",
        "Its inputs give 11.1 to 14.8, so the derived figure does not follow from them, even "
        "with its rounding allowed for.",
    )
