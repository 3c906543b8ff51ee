"""``timeframe``: the claims cover different periods or stand at different dates."""

from __future__ import annotations

import pytest

from tests.unit.reasons.helpers import (
    CHARGED_MEASURES,
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


def shoplifting(*claims: str, cumulative: bool = True) -> str:
    """A figure file of arrests for shoplifting, a running total unless not ``cumulative``."""
    fields = {"cumulative": "true"} if cumulative else {}
    return figure_file(
        *claims, measures={"arrests": measure("Arrests for shoplifting", "persons", **fields)}
    )


def total(id: str, value: str, source: str, start: str, end: str) -> str:
    """A count of arrests for shoplifting over the period from ``start`` to ``end``."""
    return claim(id, "arrests", value, source, period=f"{{start: {start}, end: {end}}}")


def custody(*claims: str, cumulative: bool = False, sources: dict[str, str] | None = None) -> str:
    """A figure file of people held in custody, a running total if ``cumulative``."""
    fields = {"cumulative": "true"} if cumulative else {}
    return figure_file(
        *claims,
        measures={"detained": measure("People held in custody", "persons", **fields)},
        sources=sources,
    )


def held(id: str, value: str, source: str, **fields: str) -> str:
    return claim(id, "detained", value, source, **fields)


YEAR = total("year-total", "1,200", "herald", "2024-01", "2024-12")
SPRING = total("spring-total", "400", "courier", "2024-03", "2024-05")
WINTER = total("winter-total", "412", "herald", "2024-01-01", "2024-03-31")
JUNE = held("june-count", "500", "herald", as_of="2024-06-30")


def test_a_nested_period_on_a_cumulative_measure_is_compatible() -> None:
    comparison = check(
        shoplifting(YEAR, SPRING),
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
    check(
        shoplifting(YEAR, SPRING, cumulative=False),
        claims=["year-total", "spring-total"],
        status="conflict",
        severity="major",
        fires=["timeframe"],
        likely="timeframe",
    )


def test_disjoint_periods_are_not_compared() -> None:
    # the winter's total and the spring's cannot be the same quantity: no comparison at all
    result = compare_yaml(
        shoplifting(WINTER, total("spring-total", "380", "courier", "2024-04-10", "2024-06-30"))
    )
    assert result.comparisons == ()
    assert result.count("consistent") == result.count("conflict") == 0


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a running total has one value over one period: the difference is a conflict
        pytest.param(
            shoplifting(
                WINTER, total("winter-again", "380", "courier", "2024-01-01", "2024-03-31")
            ),
            ["winter-total", "winter-again"],
            id="identical_periods",
        ),
        pytest.param(
            custody(held("spring-count", "500", "herald"), held("summer-count", "720", "courier")),
            ["spring-count", "summer-count"],
            id="without_any_period_and_published_together",
        ),
    ],
)
def test_timeframe_does_not_fire(text: str, claims: list[str]) -> None:
    check(text, claims, status="conflict", not_fires=["timeframe"])


def test_overlapping_periods_give_the_days_they_share() -> None:
    text = shoplifting(
        total("first-half", "412", "herald", "2024-01", "2024-06"),
        total("mid-year", "380", "courier", "2024-06", "2024-08"),
        cumulative=False,
    )
    comparison = check(
        text, claims=["first-half", "mid-year"], status="conflict", fires=["timeframe"]
    )
    cites(comparison, "timeframe", "first-half covers", "mid-year covers", "overlap for 30 days")


def test_as_of_dates_apart_are_compatible_on_a_running_total() -> None:
    comparison = check(
        custody(JUNE, held("sept-count", "720", "courier", as_of="2024-09-15"), cumulative=True),
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
    comparison = check(
        custody(JUNE, held("sept-count", "720", "courier", as_of="~2024-09-15"), cumulative=True),
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
    comparison = check(
        custody(JUNE, held("undated-count", "720", "courier")),
        claims=["june-count", "undated-count"],
        status="conflict",
        fires=["timeframe"],
        likely="unexplained",
    )
    fired = cites(
        comparison,
        "timeframe",
        "june-count stands as of 2024-06-30",
        "undated-count gives no period or date",
    )
    # a missing date may be any date: weak evidence, which does not account for the gap
    assert fired.score == 0.3


def test_without_any_period_the_publication_dates_are_compared() -> None:
    text = custody(
        held("spring-count", "500", "spring-report"),
        held("summer-count", "720", "summer-report"),
        sources={
            "spring-report": '{title: "Spring report", outlet: "Gazette", published: 2025-03}',
            "summer-report": '{title: "Summer report", outlet: "Gazette", published: 2025-07}',
        },
    )
    comparison = check(
        text, claims=["spring-count", "summer-count"], status="conflict", fires=["timeframe"]
    )
    fired = cites(
        comparison,
        "timeframe",
        "spring-report was published 2025-03",
        "summer-report 2025-07",
    )
    assert fired.score == 0.2


def charged(arrests_as_of: str) -> str:
    """People charged on 2025-05-04, the sum of arrests as of ``arrests_as_of`` and of
    summonses on 2025-05-04."""
    return figure_file(
        claim("police-arrests", "arrests", "40", "herald", as_of=arrests_as_of),
        claim("police-summonses", "summonses", "25", "herald", as_of="2025-05-04"),
        claim("court-charged", "charged", "65", "courier", as_of="2025-05-04"),
        measures=CHARGED_MEASURES,
    )


CHARGED = ["court-charged", "police-arrests", "police-summonses"]


def test_parts_that_do_not_cover_the_broad_period_are_named() -> None:
    comparison = find(compare_yaml(charged("2025-05-02")), CHARGED)
    assert comparison.status == "consistent"
    fired = cites(
        comparison,
        "timeframe",
        "court-charged stands as of 2025-05-04",
        "police-arrests stands as of 2025-05-02",
    )
    assert "police-summonses" not in fired.explanation  # its date matches


def test_parts_that_cover_the_broad_period_do_not_fire() -> None:
    comparison = find(compare_yaml(charged("2025-05-04")), CHARGED)
    assert comparison.status == "consistent"
    assert "timeframe" not in [r.code for r in comparison.reasons]


def test_an_inferred_end_is_used_like_a_stated_one() -> None:
    # "~2024-03-31" is the same day as "2024-03-31": the two running totals cover one
    # period, so they must agree (the format: an inferred date "is used like any date").
    comparison = check(
        shoplifting(WINTER, total("winter-implied", "380", "courier", "2024-01-01", "~2024-03-31")),
        claims=["winter-total", "winter-implied"],
        status="conflict",
        not_fires=["timeframe"],
    )
    for fired in comparison.reasons:
        assert "lies within" not in fired.explanation, fired


def test_the_documented_example() -> None:
    comparison = check(
        example("timeframe"),
        claims=["year-total", "spring-total"],
        status="compatible",
    )
    documented(
        comparison,
        "timeframe",
        "spring-total covers 2024-03-01 to 2024-05-31 (92 days), which lies within "
        "year-total's 2024-01-01 to 2024-12-31.",
    )
