"""``claim-type``: a limit, target or estimate against a count."""

from __future__ import annotations

from typing import Any

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


def places(*claims: str) -> str:
    """A figure file of the places on the job scheme."""
    return figure_file(*claims, measures={"places": measure("Places on the job scheme", "persons")})


def place(id: str, value: str, source: str, **fields: str) -> str:
    return claim(id, "places", value, source, **fields)


CAP = place("scheme-cap", "up to 5,000", "herald", type="limit")
FILLED = place("scheme-filled", "4,200", "courier", type="count")
FILLED_UNTYPED = place("scheme-filled", "4,200", "courier")
GUESS = place("scheme-guess", "3,100", "herald", type="estimate")


def test_a_limit_against_a_count_fires() -> None:
    comparison = check(
        places(CAP, FILLED),
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
    comparison = check(
        places(CAP, place("scheme-filled", "5,600", "courier", type="count")),
        claims=["scheme-cap", "scheme-filled"],
        status="conflict",
        severity="major",
        fires=["claim-type"],
        likely="claim-type",
    )
    cites(comparison, "claim-type", "scheme-filled is a count ('5,600')")


@pytest.mark.parametrize(
    ("text", "claims", "expected", "texts", "score"),
    [
        pytest.param(
            places(place("scheme-goal", "6,000", "herald", type="target"), FILLED_UNTYPED),
            ["scheme-goal", "scheme-filled"],
            {"severity": "major"},
            [
                "scheme-goal is a target ('6,000')",
                "scheme-filled is a count ('4,200')",
                "a count reports what was tallied; a target says what is wanted, not what happened",
            ],
            0.7,
            id="a_target_against_a_count_is_likely",
        ),
    ],
)
def test_a_figure_that_is_not_a_tally_against_a_count_is_likely(
    text: str, claims: list[str], expected: dict[str, Any], texts: list[str], score: float
) -> None:
    comparison = check(
        text, claims, "conflict", fires=["claim-type"], likely="claim-type", **expected
    )
    assert cites(comparison, "claim-type", *texts).score == score


def test_an_estimate_against_a_count_fires_but_does_not_account_for_the_gap() -> None:
    # an estimate may be off either way and by any amount: the type difference is worth
    # showing, but on its own it is too weak to be the likely reason
    comparison = check(
        places(GUESS, FILLED_UNTYPED),
        claims=["scheme-guess", "scheme-filled"],
        status="conflict",
        fires=["claim-type"],
        likely="unexplained",
    )
    fired = cites(
        comparison,
        "claim-type",
        "scheme-guess is an estimate ('3,100')",
        "an estimate is a judgement, not a tally",
    )
    assert fired.score == 0.4


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        pytest.param(
            places(place("scheme-cap", "5,600", "herald", type="count"), FILLED),
            ["scheme-cap", "scheme-filled"],
            id="two_counts",
        ),
        pytest.param(
            places(GUESS, place("scheme-filled", "4,200", "courier", type="estimate")),
            ["scheme-guess", "scheme-filled"],
            id="two_estimates",
        ),
    ],
)
def test_figures_of_one_type_do_not_fire(text: str, claims: list[str]) -> None:
    check(text, claims, status="conflict", not_fires=["claim-type"])


def test_the_documented_example() -> None:
    comparison = check(
        example("claim-type"),
        claims=["scheme-cap", "scheme-filled"],
        status="consistent",
    )
    documented(
        comparison,
        "claim-type",
        "scheme-cap is a limit ('up to 5,000') and scheme-filled is a count ('4,200'): a limit "
        "is a cap, not a tally; a count reports what was tallied.",
    )


def test_the_brief_says_what_each_kind_of_figure_is_the_count_last() -> None:
    comparison = find(compare_yaml(example("claim-type")), ["scheme-cap", "scheme-filled"])
    briefed(
        comparison,
        "claim-type",
        "The limit is a cap, not a tally, and the count reports what was tallied, so they may "
        "differ without either being wrong.",
    )
    text = example("claim-type").replace("type: limit", "type: estimate")
    comparison = find(compare_yaml(text), ["scheme-cap", "scheme-filled"])
    briefed(
        comparison,
        "claim-type",
        "The estimate is a judgement, not a tally, and the count reports what was tallied, so "
        "they may differ without either being wrong.",
    )
