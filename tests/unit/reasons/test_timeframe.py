"""``timeframe``: the claims cover different periods or stand at different dates."""

from __future__ import annotations

import pytest

from reconcile.engine.compare import compare
from reconcile.model.validate import load
from tests.conftest import CASES
from tests.unit.reasons.helpers import (
    CHARGED_MEASURES,
    briefed,
    bundled,
    check,
    cites,
    claim,
    compare_yaml,
    documented,
    example,
    figure_file,
    find,
    measure,
    reason,
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


def toll(id: str, value: str, source: str, as_of: str) -> str:
    return claim(id, "deaths", value, source, as_of=as_of)


def tolls(*claims: str) -> str:
    """A running death toll."""
    return figure_file(
        *claims, measures={"deaths": measure("Deaths in the flood", "deaths", cumulative="true")}
    )


def test_a_running_total_lower_a_day_later_is_not_explained_by_the_date() -> None:
    # Before, the day between the two was the likely reason ("1 day apart", 0.45). A running
    # total can only grow, so the later, lower toll runs against the dates.
    comparison = check(
        tolls(
            toll("wire-toll", "about 250", "herald", "2025-02-11"),
            toll("ministry-toll", "230", "courier", "2025-02-12"),
        ),
        claims=["wire-toll", "ministry-toll"],
        status="conflict",
        severity="major",
        fires=["timeframe"],
        likely="unexplained",
    )
    fired = cites(
        comparison,
        "timeframe",
        "ministry-toll stands as of 2025-02-12 and wire-toll as of 2025-02-11, 1 day apart",
        "a running total can only grow and ministry-toll, the later, is not the larger",
        "so the dates do not account for the gap",
    )
    assert fired.score == 0.1


def test_a_level_at_dates_that_may_differ_may_differ_either_way() -> None:
    # people held in custody is a level, not a running total: a count "as of 2024" may be of
    # any day of the year, and a level may be lower at another date
    comparison = check(
        custody(JUNE, held("year-count", "420", "courier", as_of="2024")),
        claims=["june-count", "year-count"],
        status="conflict",
        likely="timeframe",
    )
    assert cites(comparison, "timeframe", "184 days apart").score == 0.5


def test_a_larger_total_for_a_period_within_another_is_not_explained_by_the_periods() -> None:
    comparison = check(
        shoplifting(YEAR, total("spring-total", "1,400", "courier", "2024-03", "2024-05")),
        claims=["year-total", "spring-total"],
        status="conflict",
        likely="unexplained",
    )
    cites(comparison, "timeframe", "the total for a period within another's can be no larger")


def weeks(first: str, second: str) -> str:
    """Two counts of one week's cases, the herald's week from Monday, the courier's from
    Thursday: they share four of their seven days."""
    return figure_file(
        claim(
            "monday-week", "cases", first, "herald", period="{start: 2024-03-11, end: 2024-03-17}"
        ),
        claim(
            "thursday-week",
            "cases",
            second,
            "courier",
            period="{start: 2024-03-14, end: 2024-03-20}",
        ),
        measures={"cases": measure("Measles cases in one week", "cases")},
    )


def test_weeks_that_share_days_account_for_a_gap_the_other_days_could_hold() -> None:
    # 3 of 7 days differ: up to 6/7 of the larger figure may lie in them
    comparison = check(
        weeks("530", "610"), ["monday-week", "thursday-week"], "conflict", likely="timeframe"
    )
    fired = cites(comparison, "timeframe", "overlap for 4 days", "may hold the gap (13%")
    assert fired.score == 0.5


def test_weeks_that_share_most_days_do_not_account_for_a_wide_gap() -> None:
    text = weeks("120", "610").replace("2024-03-14, end: 2024-03-20", "2024-03-12, end: 2024-03-18")
    comparison = check(text, ["monday-week", "thursday-week"], "conflict", likely="unexplained")
    fired = cites(
        comparison,
        "timeframe",
        "overlap for 6 days",
        "the gap (80% of the larger figure) is more than the days one covers and the other "
        "does not (14% of a period) could hold",
    )
    assert fired.score == 0.3


def test_the_documented_revision() -> None:
    # before, two accounts of one week gave no timeframe reason at all
    comparison = check(
        example("timeframe", 1),
        claims=["first-count", "revised-count"],
        status="conflict",
        likely="timeframe",
    )
    documented(
        comparison,
        "timeframe",
        "a revision: first-count and revised-count give the same period, 2020-03-30 to "
        "2020-04-05, from National statistics office, as published 2021-01-15 (first-release) "
        "and 2024-06-30 (revised-release): the later publication may carry revised figures.",
    )
    assert reason(comparison, "timeframe").score == 0.7


def test_accounts_of_different_origins_published_apart_account_only_for_a_small_gap() -> None:
    head, tail = example("timeframe", 1).rsplit("origin: registry,", 1)
    text = head + tail  # the revised count names no origin: its voice is its source's
    assert text.count("origin: registry") == 1
    comparison = check(text, ["first-count", "revised-count"], "conflict", likely="timeframe")
    fired = cites(comparison, "timeframe", "from different origins", "may rest on revised data")
    assert fired.score == 0.5
    wide = text.replace('"7,634"', '"6,100"')
    check(wide, ["first-count", "revised-count"], "conflict", not_fires=["timeframe"])


def test_accounts_published_the_same_day_are_no_revision() -> None:
    text = example("timeframe", 1).replace("published: 2024-06-30", "published: 2021-01-15")
    check(text, ["first-count", "revised-count"], "conflict", not_fires=["timeframe"])


def test_one_outlet_s_own_figures_published_apart_are_a_revision() -> None:
    text = custody(
        held("spring-count", "500", "spring-report", as_of="2025-03-01"),
        held("later-count", "720", "summer-report", as_of="2025-03-01"),
        sources={
            "spring-report": '{title: "Spring report", outlet: "Gazette", published: 2025-03}',
            "summer-report": '{title: "Summer report", outlet: "Gazette", published: 2025-07}',
        },
    )
    comparison = check(text, ["spring-count", "later-count"], "conflict", likely="timeframe")
    fired = cites(
        comparison,
        "timeframe",
        "a revision: spring-count and later-count stand at the same date, 2025-03-01, in "
        "Gazette's own words, as published 2025-03 (spring-report) and 2025-07 (summer-report)",
    )
    assert fired.score == 0.6


def test_one_origin_s_weeks_counted_to_another_weekday_in_a_later_release() -> None:
    # the same origin's week, Monday to Sunday in the first release and Wednesday to Tuesday
    # in the second, three years later: a revision, whatever the gap
    text = figure_file(
        claim(
            "first-week",
            "deaths",
            "1,200",
            "first-release",
            origin="registry",
            period="{start: 2020-03-30, end: 2020-04-05}",
        ),
        claim(
            "later-week",
            "deaths",
            "3,000",
            "later-release",
            origin="registry",
            period="{start: 2020-04-01, end: 2020-04-07}",
        ),
        measures={"deaths": measure("Deaths in one week", "deaths")},
        origins={"registry": '{name: "Registry office", kind: statistics}'},
        sources={
            "first-release": '{title: "Weekly deaths", published: 2021-01-15, kind: official}',
            "later-release": '{title: "Weekly deaths", published: 2024-06-30, kind: official}',
        },
    )
    comparison = check(text, ["first-week", "later-week"], "conflict", likely="timeframe")
    fired = cites(
        comparison,
        "timeframe",
        "a revision: first-week (2020-03-30 to 2020-04-05) and later-week (2020-04-01 to "
        "2020-04-07) come from Registry office",
        "for periods that share 5 days",
    )
    assert fired.score == 0.55
    # published the same day, the two days they do not share cannot hold 60% of the figure
    same_day = text.replace("2024-06-30", "2021-01-15")
    check(same_day, ["first-week", "later-week"], "conflict", likely="unexplained")


def test_the_brief_gives_days_and_dates_not_claim_ids() -> None:
    comparison = find(compare_yaml(example("timeframe")), ["year-total", "spring-total"])
    briefed(
        comparison,
        "timeframe",
        "The first covers 92 days to 31 May 2024, within the second's period.",
    )


def test_the_brief_of_a_revision_gives_the_days_of_publication() -> None:
    comparison = find(compare_yaml(example("timeframe", 1)), ["first-count", "revised-count"])
    briefed(
        comparison,
        "timeframe",
        "A revision: one origin's account of the same time, published 15 Jan 2021 and 30 Jun "
        "2024; the later may carry revised figures.",
    )


@pytest.mark.parametrize(
    ("case", "claims", "brief"),
    [
        (
            None,
            ["aj-awol-total", "tass-exodus"],
            "The first covers 1,400 days to 31 Oct 2025; the second gives no period, so they may "
            "count different stretches of time.",
        ),
        (
            None,
            ["aj-amnesty-returns", "tass-amnesty-returns"],
            "The first runs from 1 Nov 2024 on and the second stands at 30 Aug 2025.",
        ),
        (
            None,
            ["tass-exodus", "aj-awol-total", "aj-desertion-total"],
            "The broad figure gives no period or date, and no part has a claim for the same time, "
            "so each part's latest claim is used.",
        ),
        (
            None,
            ["tass-returned-share", "tass-amnesty-returns", "tass-left-service"],
            "The derived figure gives no period or date, but it is derived from claims that cover "
            "other times.",
        ),
        (
            "as-of-totals",
            ["toll-10-feb", "toll-14-feb"],
            "The first stands at 10 Feb 2025 and the second at 14 Feb 2025, 4 days apart.",
        ),
        (
            "as-of-totals",
            ["toll-11-feb", "toll-12-feb"],
            "A running total can only grow, yet the later figure is the smaller, so the dates do "
            "not explain the gap.",
        ),
        (
            "revised-weekly-deaths",
            ["first-count", "ledger-count"],
            "Both cover the same time, from different origins, published 15 Jan 2021 and 1 Feb "
            "2021; the later may rest on revised data.",
        ),
        (
            "running-totals-partial-dates",
            ["agency-final", "herald-since-march-2003"],
            "The periods, 1,201 and 580 days long, overlap for 563 days.",
        ),
        (
            "running-totals-partial-dates",
            ["agency-final", "minister-since-march-2003"],
            "On running totals these overlapping periods allow no gap of this sign, so the dates "
            "do not explain the gap.",
        ),
        (
            "border-clashes",
            ["valdorian-dead-admitted", "valdorian-dead-unnamed-officer"],
            "The second covers 126 days to 15 Jun 2025, within the first's period, yet its total "
            "is the larger, so the dates do not explain the gap.",
        ),
    ],
)
def test_the_briefs_of_the_bundled_file_and_the_cases(
    case: str | None, claims: list[str], brief: str
) -> None:
    result = (
        bundled() if case is None else compare(load([CASES / "conflict" / case / "figures.yaml"]))
    )
    briefed(find(result, claims), "timeframe", brief)
