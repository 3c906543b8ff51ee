"""``sourcing``: partisan, interested, anonymous or unattributed origins."""

from __future__ import annotations

from typing import Any

import pytest

from reconcile.engine.compare import Comparison
from tests.unit.reasons.helpers import (
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
    origin,
    reason,
)

POLICE = origin("City police", "official")
TRANSPORT = origin("City transport authority", "official")


def crowds(origins: dict[str, str], *claims: str) -> str:
    """A figure file of crowd counts at the march."""
    return figure_file(
        *claims, measures={"crowd": measure("People at the march", "persons")}, origins=origins
    )


def crowd(id: str, value: str, source: str, **fields: str) -> str:
    return claim(id, "crowd", value, source, **fields)


TRANSPORT_CROWD = crowd("transport-crowd", "12,400", "herald", origin="transport")


@pytest.mark.parametrize(
    ("text", "claims", "expected", "texts", "score"),
    [
        pytest.param(
            crowds(
                {
                    "police": origin("City police", "official", party="city-government"),
                    "union": origin("Transport workers' union", "official", party="union"),
                },
                crowd("police-crowd", "12,400", "herald", origin="police"),
                crowd("union-crowd", "31,000", "courier", origin="union"),
            ),
            ["union-crowd", "police-crowd"],
            {"severity": "major", "likely": "sourcing"},
            [
                "police-crowd comes from City police (official, party city-government)",
                "union-crowd comes from Transport workers' union (official, party union)",
                "both are parties to the story (city-government, union), and the file does not "
                "say which way either leans (no interest stated)",
            ],
            0.5,
            id="different_parties_without_interest_are_honest_weaker_evidence",
        ),
        pytest.param(
            crowds(
                {
                    "police": origin("City police", "official", party="city-government"),
                    "transport": TRANSPORT,
                },
                crowd("police-crowd", "12,400", "herald", origin="police"),
                crowd("transport-crowd", "31,000", "courier", origin="transport"),
            ),
            ["police-crowd", "transport-crowd"],
            {"likely": "unexplained"},
            [
                "police-crowd (city-government) speaks for a party to the story, "
                "the other side for none, and the file does not say which way it leans"
            ],
            0.25,
            id="a_party_on_one_side_only_fires_weakly",
        ),
        pytest.param(
            crowds(
                {"transport": TRANSPORT, "organisers": origin("March organisers", "advocacy")},
                TRANSPORT_CROWD,
                crowd("organisers-crowd", "more than 50,000", "courier", origin="organisers"),
            ),
            ["transport-crowd", "organisers-crowd"],
            {"likely": "unexplained"},
            [
                "organisers-crowd comes from March organisers (advocacy)",
                "organisers-crowd comes from an advocacy origin with a stake in it, though the "
                "file does not say which way",
            ],
            0.2,
            id="an_advocacy_origin_with_no_stated_interest_is_weak",
        ),
        pytest.param(
            crowds(
                {"transport": TRANSPORT, "insider": origin("Unnamed police officer", "anonymous")},
                TRANSPORT_CROWD,
                crowd("insider-crowd", "31,000", "courier", origin="insider"),
            ),
            ["transport-crowd", "insider-crowd"],
            {"likely": "unexplained"},
            [
                "insider-crowd comes from Unnamed police officer (anonymous)",
                "insider-crowd cannot be checked (anonymous origin)",
            ],
            0.2,
            id="an_anonymous_origin_stays_weak",
        ),
        pytest.param(
            crowds(
                {
                    "transport": TRANSPORT,
                    "channel": origin("Unnamed channel admin", "anonymous", reliability="F"),
                },
                TRANSPORT_CROWD,
                crowd("channel-crowd", "80,000", "courier", origin="channel"),
            ),
            ["transport-crowd", "channel-crowd"],
            {"likely": "unexplained"},
            [
                "channel-crowd comes from Unnamed channel admin (anonymous, reliability F)",
                "the reliability of channel-crowd cannot be judged (F)",
            ],
            0.2,
            id="reliability_f_cannot_be_judged_and_adds_nothing",
        ),
        pytest.param(
            crowds(
                {
                    "transport": TRANSPORT,
                    "channel": origin("Post on a messaging channel", "unknown", reliability="E"),
                },
                TRANSPORT_CROWD,
                crowd("channel-crowd", "80,000", "courier", origin="channel"),
            ),
            ["transport-crowd", "channel-crowd"],
            {"likely": "unexplained"},
            ["low reliability: channel-crowd (unreliable)"],
            0.15,
            id="reliability_e_is_low",
        ),
        pytest.param(
            crowds(
                {"transport": TRANSPORT},
                TRANSPORT_CROWD,
                crowd("paper-crowd", "31,000", "courier"),
            ),
            ["transport-crowd", "paper-crowd"],
            {"likely": "unexplained"},
            [
                "paper-crowd comes from Evening Courier (news)",
                "paper-crowd given by the outlet without an origin",
            ],
            0.1,
            id="a_figure_without_an_origin_is_unattributed",
        ),
    ],
)
def test_a_conflict_of_origins_fires(
    text: str, claims: list[str], expected: dict[str, Any], texts: list[str], score: float
) -> None:
    comparison = check(text, claims, "conflict", fires=["sourcing"], **expected)
    fired = cites(comparison, "sourcing", *texts)
    assert fired.score == score
    assert "low reliability" not in fired.explanation or "unreliable" in fired.explanation


ORGANISERS = origin("March organisers", "advocacy", party="organisers", interest="higher")
POLICE_LOWER = origin("City police", "official", party="city-government", interest="lower")


@pytest.mark.parametrize(
    ("organisers", "police", "expected", "texts", "score"),
    [
        pytest.param(
            "more than 50,000",
            "12,400",
            "sourcing",
            [
                "the higher figure (organisers-crowd) comes from a side whose stake would push "
                "it higher, and the lower (police-crowd) from a side whose stake would push it "
                "lower"
            ],
            0.75,
            id="each_stake_runs_the_way_of_its_figure",
        ),
        pytest.param(
            "9,000",
            "12,400",
            "unexplained",
            [
                "organisers-crowd's stake would push its figure higher (interest higher), yet "
                "it gives the lower figure; police-crowd's stake would push its figure lower "
                "(interest lower), yet it gives the higher figure: the stakes stated do not "
                "account for the gap"
            ],
            0.15,
            id="a_stake_against_the_figure_accounts_for_nothing",
        ),
    ],
)
def test_interest_accounts_for_a_gap_only_in_its_direction(
    organisers: str, police: str, expected: str, texts: list[str], score: float
) -> None:
    # before, "different parties, each with an interest in its figure" scored 0.5 whichever
    # side gave the higher figure
    text = crowds(
        {"police": POLICE_LOWER, "organisers": ORGANISERS},
        crowd("police-crowd", police, "herald", origin="police"),
        crowd("organisers-crowd", organisers, "courier", origin="organisers"),
    )
    comparison = check(
        text, ["police-crowd", "organisers-crowd"], "conflict", fires=["sourcing"], likely=expected
    )
    assert cites(comparison, "sourcing", *texts).score == score


def test_one_side_s_stake_running_the_way_of_its_figure_accounts_for_the_gap() -> None:
    text = crowds(
        {"transport": TRANSPORT, "organisers": ORGANISERS},
        TRANSPORT_CROWD,
        crowd("organisers-crowd", "more than 50,000", "courier", origin="organisers"),
    )
    comparison = check(text, ["transport-crowd", "organisers-crowd"], "conflict", likely="sourcing")
    fired = cites(
        comparison,
        "sourcing",
        "organisers-crowd is the higher figure, and comes from a side whose stake would push "
        "it higher (interest higher)",
    )
    assert fired.score == 0.65


def test_an_anonymous_origin_counts_when_its_figure_runs_with_its_stake() -> None:
    insider = origin("Unnamed organiser", "anonymous", party="organisers", interest="higher")
    text = crowds(
        {"transport": TRANSPORT, "insider": insider},
        TRANSPORT_CROWD,
        crowd("insider-crowd", "80,000", "courier", origin="insider"),
    )
    comparison = check(text, ["transport-crowd", "insider-crowd"], "conflict", likely="sourcing")
    assert cites(comparison, "sourcing", "cannot be checked").score == 0.75
    lower = text.replace('"80,000"', '"9,000"')
    comparison = check(
        lower, ["transport-crowd", "insider-crowd"], "conflict", likely="unexplained"
    )
    assert cites(comparison, "sourcing", "cannot be checked").score < 0.5


def test_a_voice_with_no_interest_of_its_own_leans_as_its_party() -> None:
    # the outlet of the organisers' party gives a figure in its own voice: it shares the
    # party's stake, which its origin states
    text = figure_file(
        TRANSPORT_CROWD,
        crowd("bulletin-crowd", "9,000", "bulletin"),
        crowd("organisers-crowd", "more than 50,000", "courier", origin="organisers"),
        measures={"crowd": measure("People at the march", "persons")},
        origins={"transport": TRANSPORT, "organisers": ORGANISERS},
        sources={"bulletin": '{title: "Coalition bulletin", kind: blog, party: organisers}'},
    )
    comparison = check(text, ["transport-crowd", "bulletin-crowd"], "conflict")
    cites(
        comparison,
        "sourcing",
        "bulletin-crowd's stake would push its figure higher (its party organisers leans higher, "
        "by the interest of organisers), yet it gives the lower figure",
    )


def test_two_sides_of_one_party_share_its_stake() -> None:
    text = crowds(
        {
            "organisers": ORGANISERS,
            "steward": origin("Unnamed steward", "anonymous", party="organisers"),
        },
        crowd("organisers-crowd", "more than 50,000", "courier", origin="organisers"),
        crowd("steward-crowd", "20,000", "herald", origin="steward"),
    )
    comparison = check(
        text, ["organisers-crowd", "steward-crowd"], "conflict", likely="unexplained"
    )
    fired = cites(
        comparison,
        "sourcing",
        "both sides speak for party organisers: a stake they share does not explain why their "
        "figures differ",
    )
    assert fired.score < 0.5


@pytest.mark.parametrize(
    ("text", "claims", "status", "severity"),
    [
        pytest.param(
            crowds(
                {"police": POLICE, "transport": TRANSPORT},
                crowd("police-crowd", "12,400", "herald", origin="police"),
                crowd("transport-crowd", "31,000", "courier", origin="transport"),
            ),
            ["police-crowd", "transport-crowd"],
            "conflict",
            "major",
            id="two_neutral_attributed_officials_do_not_fire",
        ),
        pytest.param(
            crowds(
                {
                    "transport": TRANSPORT,
                    "channel": origin("Post on a messaging channel", "unknown", reliability="B"),
                },
                TRANSPORT_CROWD,
                crowd("channel-crowd", "80,000", "courier", origin="channel"),
            ),
            ["transport-crowd", "channel-crowd"],
            "conflict",
            None,
            id="reliability_b_does_not_fire",
        ),
        pytest.param(
            crowds(
                {"police": POLICE, "transport": TRANSPORT},
                crowd("herald-crowd", "12,000", "herald", origin="police"),
                crowd(
                    "courier-crowd",
                    "about 12,000",
                    "courier",
                    origin="transport",
                    via='["Metro Wire"]',
                ),
            ),
            ["herald-crowd", "courier-crowd"],
            "consistent",
            None,
            id="two_origins_printed_by_two_outlets_are_two_voices",
        ),
    ],
)
def test_sourcing_does_not_fire(
    text: str, claims: list[str], status: str, severity: str | None
) -> None:
    check(text, claims, status, severity=severity, not_fires=["sourcing"])


def test_one_origin_relayed_by_two_outlets_is_one_voice() -> None:
    text = crowds(
        {"police": POLICE},
        crowd("herald-crowd", "12,000", "herald", origin="police"),
        crowd("courier-crowd", "about 12,000", "courier", origin="police", via='["Metro Wire"]'),
    )
    comparison = check(text, ["herald-crowd", "courier-crowd"], "consistent", fires=["sourcing"])
    fired = cites(
        comparison,
        "sourcing",
        "courier-crowd, herald-crowd all come from City police (official)",
        "published by Daily Herald, Evening Courier, Metro Wire",
        "one voice, so their agreement is no independent confirmation",
    )
    assert fired.score == 0.1


def test_one_origin_on_both_sides_of_a_conflict_is_one_account() -> None:
    text = crowds(
        {"police": POLICE},
        crowd("herald-crowd", "12,000", "herald", origin="police"),
        crowd("courier-crowd", "15,000", "courier", origin="police"),
    )
    comparison = check(text, ["herald-crowd", "courier-crowd"], "conflict", fires=["sourcing"])
    fired = cites(
        comparison,
        "sourcing",
        "courier-crowd, herald-crowd all come from City police (official)",
        "published by Daily Herald, Evening Courier",
        "one voice, so the difference lies within one origin's own account",
    )
    assert "agreement" not in fired.explanation


def test_one_outlet_without_an_origin_is_not_one_voice() -> None:
    # the outlet names no origin for either figure: who they come from is not known, so
    # they are not said to be one voice, only unattributed
    text = crowds(
        {},
        crowd("morning-crowd", "12,000", "herald"),
        crowd("evening-crowd", "about 12,000", "herald"),
    )
    comparison = check(text, ["morning-crowd", "evening-crowd"], "consistent", fires=["sourcing"])
    fired = cites(
        comparison,
        "sourcing",
        "evening-crowd, morning-crowd given by the outlet without an origin",
    )
    assert "one voice" not in fired.explanation
    assert fired.score == 0.1


def test_the_documented_example() -> None:
    comparison = check(
        example("sourcing"),
        claims=["police-crowd", "organisers-crowd"],
        status="conflict",
        likely="sourcing",
    )
    documented(
        comparison,
        "sourcing",
        "organisers-crowd comes from March organisers (advocacy, party organisers, interest "
        "higher); police-crowd comes from City police (official, party city-government, "
        "interest lower): the higher figure (organisers-crowd) comes from a side whose stake "
        "would push it higher, and the lower (police-crowd) from a side whose stake would push "
        "it lower.",
    )


def test_a_body_stating_its_own_figure_is_not_unattributed() -> None:
    # the council's own statement names no origin: it speaks in its own voice; the paper's
    # figure with no origin named is unattributed
    text = figure_file(
        crowd("council-crowd", "12,400", "statement"),
        crowd("paper-crowd", "31,000", "courier"),
        measures={"crowd": measure("People at the march", "persons")},
        sources={"statement": '{title: "Council statement", kind: official}'},
    )
    comparison = check(text, ["council-crowd", "paper-crowd"], "conflict")
    why = reason(comparison, "sourcing").explanation
    assert "paper-crowd given by the outlet without an origin" in why
    assert "council-crowd given by" not in why
    ngo = text.replace("kind: official", "kind: ngo")
    why = reason(check(ngo, ["council-crowd", "paper-crowd"], "conflict"), "sourcing").explanation
    assert "council-crowd given by" not in why and "paper-crowd given by" in why


def test_the_brief_says_who_each_side_is_by_kind_and_where_its_stake_runs() -> None:
    comparison = find(compare_yaml(example("sourcing")), ["organisers-crowd", "police-crowd"])
    briefed(
        comparison,
        "sourcing",
        "The higher figure comes from an advocacy group, whose side's stake pushes it higher; "
        "the lower from an official body, whose side's pushes it lower.",
    )


def test_the_brief_of_figures_with_no_origin_says_so_once() -> None:
    text = example("sourcing").replace(" origin: police,", "").replace(" origin: organisers,", "")
    comparison = find(compare_yaml(text), ["organisers-crowd", "police-crowd"])
    briefed(
        comparison,
        "sourcing",
        "Neither figure says where it comes from: the outlets give them without an origin.",
    )


@pytest.mark.parametrize(
    ("claims", "brief"),
    [
        (
            ["tass-left-service", "aj-awol-total", "aj-desertion-total"],
            "The higher figure comes from an anonymous source on the side whose stake would push "
            "it higher; the lower from an official body.",
        ),
        (
            ["aj-awol-total", "tass-exodus"],
            "The lower figure comes from a side whose stake would push it higher, so the stakes "
            "stated do not account for the gap.",
        ),
        (
            ["tass-exodus", "tass-left-service"],
            "Both sides speak for one party (russia), so a stake in common does not explain "
            "the gap.",
        ),
        (
            ["aj-desertion-penalty", "tass-desertion-penalty"],
            "'5 to 10 years' speaks for a party to the story (russia), the other side for none.",
        ),
        (
            ["aj-awol-total", "tass-left-service"],
            "They come from different parties (russia, ukraine), each of which may have a stake "
            "in the figure.",
        ),
        (
            ["aj-awol-total", "aj-awol-year"],
            "Both figures come from one origin, Office of the Prosecutor General of Ukraine, so "
            "they are one account, not two independent ones.",
        ),
        (
            ["tass-returned-share", "tass-amnesty-returns", "tass-left-service"],
            "All the figures come from one origin, Unnamed source in Russian security services, "
            "so their agreement is no independent confirmation.",
        ),
        (
            ["aj-awol-penalty", "aj-desertion-penalty"],
            "Neither figure says where it comes from: the outlets give them without an origin.",
        ),
    ],
)
def test_the_briefs_of_the_bundled_file(claims: list[str], brief: str) -> None:
    briefed(find(bundled(), claims), "sourcing", brief)


def _two_crowds(one: str, two: str | None = None, higher: bool = False) -> Comparison:
    """'12,000' (or '50,000' when ``higher``) from origin ``one``, and '12,000' from ``two``,
    else from the outlet that prints it."""
    origins = {"one": one} | ({"two": two} if two else {})
    text = figure_file(
        claim("a-crowd", "crowd", "50,000" if higher else "12,000", "herald", origin="one"),
        claim("b-crowd", "crowd", "12,000", "courier", **({"origin": "two"} if two else {})),
        measures={"crowd": measure("People at the march", "persons")},
        origins=origins,
    )
    return find(compare_yaml(text), ["a-crowd", "b-crowd"])


@pytest.mark.parametrize(
    ("one", "brief"),
    [
        (
            origin("Unnamed officer", "anonymous"),
            "The first figure comes from an anonymous source, which cannot be checked.",
        ),
        (
            origin("Marchers' union", "advocacy"),
            "The first figure comes from an advocacy group with a stake in it, though the file "
            "does not say which way.",
        ),
        (
            origin("Night desk", "official", reliability="E"),
            "The first figure comes from an origin rated unreliable.",
        ),
        (
            origin("City police", "official"),
            "The second figure is given by the outlet without saying where it comes from.",
        ),
    ],
)
def test_the_brief_of_a_weak_mark_names_the_side_that_carries_it(one: str, brief: str) -> None:
    briefed(_two_crowds(one), "sourcing", brief)


def test_the_brief_names_each_side_by_the_kind_of_its_origin() -> None:
    organisers = origin("Organisers", "advocacy", party="organisers", interest="higher")
    briefed(
        _two_crowds(organisers, higher=True),
        "sourcing",
        "The higher figure comes from an advocacy group on the side whose stake would push it "
        "higher; the lower from a news outlet naming no origin.",
    )
    unknown = origin("Someone", "unknown", party="x", interest="higher")
    briefed(
        _two_crowds(unknown, origin("Statistics office", "statistics"), higher=True),
        "sourcing",
        "The higher figure comes from an origin of unknown kind on the side whose stake would "
        "push it higher; the lower from a statistics office.",
    )
