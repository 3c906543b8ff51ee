"""``unit``: the claims count in different units."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.reasons.helpers import (
    CHARGED_MEASURES,
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

ARRESTS = {"arrests": measure("Arrests at the protest", "cases")}


def festival(*claims: str, settings: str | None = None) -> str:
    """A figure file of visitors to the festival grounds."""
    return figure_file(
        *claims,
        measures={"visitors": measure("Visitors to the festival grounds", "persons")},
        settings=settings,
    )


OFFICE = claim("office-visitors", "visitors", "30,000 a month", "herald", type="rate")


def council(value: str, **fields: str) -> str:
    return claim("council-visitors", "visitors", value, "courier", **fields)


VISITORS = ["office-visitors", "council-visitors"]


def test_persons_against_cases_fires_and_names_both_units() -> None:
    text = figure_file(
        claim("police-arrests", "arrests", "120", "herald"),
        claim("lawyers-arrests", "arrests", "95", "courier", unit="persons"),
        measures=ARRESTS,
    )
    # the units say the counts need not match one to one, not by how much they may differ:
    # too little to account for a gap on its own
    comparison = check(
        text,
        claims=["lawyers-arrests", "police-arrests"],
        status="conflict",
        severity="major",
        fires=["unit"],
        likely="unexplained",
    )
    fired = cites(
        comparison,
        "unit",
        "police-arrests counts cases (the unit of measure arrests)",
        "lawyers-arrests counts persons (the claim's own unit)",
    )
    assert fired.score == 0.35


@pytest.mark.parametrize(
    ("police", "lawyers", "expected"),
    [
        pytest.param(
            "120",
            {"value": "95", "unit": "cases"},
            {"status": "conflict", "severity": "major", "not_fires": ["unit"]},
            id="a_claim_unit_equal_to_its_measures_does_not_fire",
        ),
        pytest.param(
            "about 100",
            {"value": "98", "unit": "persons"},
            {"status": "consistent", "fires": ["unit"]},
            id="a_unit_difference_does_not_change_the_status",
        ),
    ],
)
def test_arrests_in_the_measures_unit_or_another(
    police: str, lawyers: dict[str, str], expected: dict[str, Any]
) -> None:
    text = figure_file(
        claim("police-arrests", "arrests", police, "herald"),
        claim("lawyers-arrests", "arrests", lawyers["value"], "courier", unit=lawyers["unit"]),
        measures=ARRESTS,
    )
    check(text, claims=["police-arrests", "lawyers-arrests"], **expected)


def test_rates_per_month_and_per_year_are_compared_per_year() -> None:
    # 30,000 a month is 360,000 a year: the two agree, and the reason says so in both
    comparison = check(
        festival(OFFICE, council("360,000 a year", type="rate")),
        claims=VISITORS,
        status="consistent",
        fires=["unit"],
    )
    fired = cites(
        comparison,
        "unit",
        "office-visitors ('30,000 a month') counts per month",
        "council-visitors ('360,000 a year') counts per year",
        "both are compared per year (360,000 against 360,000)",
    )
    assert fired.score == 0.5


def test_rates_that_differ_per_year_conflict_and_the_unit_is_likely() -> None:
    comparison = check(
        festival(OFFICE, council("250,000 a year", type="rate")),
        claims=VISITORS,
        status="conflict",
        severity="major",
        fires=["unit"],
        likely="unit",
    )
    assert comparison.gap is not None and comparison.gap.absolute == 110_000
    cites(comparison, "unit", "both are compared per year (250,000 against 360,000)")


def test_a_rate_against_a_figure_without_a_period() -> None:
    comparison = check(
        festival(OFFICE, council("360,000")),
        claims=VISITORS,
        status="conflict",
        fires=["unit"],
    )
    fired = cites(
        comparison,
        "unit",
        "council-visitors ('360,000') is a total, not a rate",
        "a rate and a total cannot be compared one to one",
    )
    assert "per year" not in fired.explanation


def test_rates_over_the_same_period_do_not_fire() -> None:
    check(
        festival(OFFICE, council("36,000", type="rate", per="month")),
        claims=VISITORS,
        status="conflict",
        not_fires=["unit"],
    )


def test_a_part_counted_in_another_unit_is_named_against_the_sum() -> None:
    text = figure_file(
        claim("police-arrests", "arrests", "40", "herald", unit="cases"),
        claim("police-summonses", "summonses", "25", "herald"),
        claim("court-charged", "charged", "90", "courier"),
        measures=CHARGED_MEASURES,
    )
    comparison = check(
        text,
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


def test_the_documented_examples() -> None:
    comparison = check(
        example("unit"),
        claims=["police-arrests", "lawyers-arrests"],
        status="conflict",
        likely="unexplained",
    )
    documented(
        comparison,
        "unit",
        "lawyers-arrests counts persons (the claim's own unit) while police-arrests counts "
        "cases (the unit of measure arrests): the counts need not match one to one.",
    )
    comparison = check(example("unit", block=1), claims=VISITORS, status="consistent")
    documented(
        comparison,
        "unit",
        "council-visitors ('360,000 a year') counts per year and office-visitors ('30,000 a "
        "month') counts per month; both are compared per year (360,000 against 360,000).",
    )


# Rates over different periods are compared per year, pair by pair. A measure with more
# claims than settings.list_limit lists only the pairs that may not be consistent, which must
# include two rates that are equal as written ("30,000 a month", "30,000 a year").
def rates(list_limit: int) -> str:
    return festival(
        OFFICE,
        council("30,000 a year", type="rate"),
        claim("survey-visitors", "visitors", "500,000 a year", "courier", type="rate"),
        settings=f"{{list_limit: {list_limit}}}",
    )


def test_rates_equal_as_written_conflict_per_year() -> None:
    # the same pair in a measure that lists every comparison
    comparison = check(
        rates(list_limit=50), claims=VISITORS, status="conflict", severity="major", likely="unit"
    )
    cites(comparison, "unit", "both are compared per year (30,000 against 360,000)")


def test_a_summarised_measure_lists_a_conflict_of_rates_equal_as_written() -> None:
    # 30,000 a month (360,000 a year) against 30,000 a year: a major conflict, which a
    # measure with more claims than list_limit must still list
    check(rates(list_limit=2), claims=VISITORS, status="conflict", severity="major")


def test_precision_says_a_rate_compared_per_year_is_per_year() -> None:
    # "30,000 a month" was given to the nearest 10,000 a month; per year, 360,000 against
    # 350,000 is a gap of 10,000 within its rounding of 60,000 a year. "given to the nearest
    # 120,000" next to '30,000 a month' misstates what was written.
    comparison = check(
        festival(OFFICE, council("350,000 a year", type="rate")),
        claims=VISITORS,
        status="conflict",
        severity="minor",
        fires=["precision"],
    )
    fired = cites(comparison, "precision", "office-visitors ('30,000 a month')")
    assert "year" in fired.explanation, fired.explanation


def test_the_briefs_name_the_units_and_the_rate_periods() -> None:
    comparison = find(compare_yaml(example("unit")), ["police-arrests", "lawyers-arrests"])
    briefed(
        comparison,
        "unit",
        "The lower figure counts persons and the higher figure counts cases, so the counts need "
        "not match one to one.",
    )
    likely = comparison.likely_reason
    assert likely is not None and likely.code == "unexplained"
    assert (
        likely.short
        == likely.brief
        == (
            "No reason found accounts for a gap of 25 persons; check the quotes, what each counts, "
            "and the missing periods, origins and methods."
        )
    )
    comparison = find(compare_yaml(example("unit", block=1)), VISITORS)
    briefed(
        comparison,
        "unit",
        "One counts per year and the other per month, so both are compared per year.",
    )
