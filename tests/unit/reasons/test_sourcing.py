"""``sourcing``: partisan, interested, anonymous or unattributed origins."""

from __future__ import annotations

from tests.unit.reasons.helpers import (
    assert_comparison,
    cites,
    compare_yaml,
    documented,
    example,
)

TWO_PARTIES = """
    version: 1
    origins:
      police: {name: "City police", kind: official, party: city-government}
      union: {name: "Transport workers' union", kind: official, party: union}
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "12,400", origin: police, source: herald}
      - {id: union-crowd, measure: crowd, value: "31,000", origin: union, source: courier}
"""

TWO_NEUTRAL_OFFICIALS = """
    version: 1
    origins:
      police: {name: "City police", kind: official}
      transport: {name: "City transport authority", kind: official}
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "12,400", origin: police, source: herald}
      - {id: transport-crowd, measure: crowd, value: "31,000", origin: transport,
         source: courier}
"""


def test_different_parties_fire_and_name_both_origins() -> None:
    comparison = assert_comparison(
        compare_yaml(TWO_PARTIES),
        claims=["union-crowd", "police-crowd"],
        status="conflict",
        severity="major",
        fires=["sourcing"],
        likely="sourcing",
    )
    fired = cites(
        comparison,
        "sourcing",
        "police-crowd comes from City police (official, party city-government)",
        "union-crowd comes from Transport workers' union (official, party union)",
        "different parties, each with an interest in its figure",
    )
    assert fired.score == 0.5


def test_two_neutral_attributed_officials_do_not_fire() -> None:
    assert_comparison(
        compare_yaml(TWO_NEUTRAL_OFFICIALS),
        claims=["police-crowd", "transport-crowd"],
        status="conflict",
        severity="major",
        not_fires=["sourcing"],
    )


def test_a_party_on_one_side_only_fires_weakly() -> None:
    text = """
        version: 1
        origins:
          police: {name: "City police", kind: official, party: city-government}
          transport: {name: "City transport authority", kind: official}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: police-crowd, measure: crowd, value: "12,400", origin: police, source: herald}
          - {id: transport-crowd, measure: crowd, value: "31,000", origin: transport,
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["police-crowd", "transport-crowd"],
        status="conflict",
        fires=["sourcing"],
    )
    fired = cites(
        comparison,
        "sourcing",
        "police-crowd (city-government) speaks for a party to the story, the other side for none",
    )
    assert fired.score == 0.25


def test_an_advocacy_origin_has_a_stake() -> None:
    text = """
        version: 1
        origins:
          transport: {name: "City transport authority", kind: official}
          organisers: {name: "March organisers", kind: advocacy}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: transport-crowd, measure: crowd, value: "12,400", origin: transport,
             source: herald}
          - {id: organisers-crowd, measure: crowd, value: "more than 50,000",
             origin: organisers, source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["transport-crowd", "organisers-crowd"],
        status="conflict",
        fires=["sourcing"],
        likely="sourcing",
    )
    fired = cites(
        comparison,
        "sourcing",
        "organisers-crowd comes from March organisers (advocacy)",
        "organisers-crowd comes from an advocacy origin with a stake in it",
    )
    assert fired.score == 0.25


def test_an_anonymous_origin_cannot_be_checked() -> None:
    text = """
        version: 1
        origins:
          transport: {name: "City transport authority", kind: official}
          insider: {name: "Unnamed police officer", kind: anonymous}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: transport-crowd, measure: crowd, value: "12,400", origin: transport,
             source: herald}
          - {id: insider-crowd, measure: crowd, value: "31,000", origin: insider,
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["transport-crowd", "insider-crowd"],
        status="conflict",
        fires=["sourcing"],
        likely="sourcing",
    )
    fired = cites(
        comparison,
        "sourcing",
        "insider-crowd comes from Unnamed police officer (anonymous)",
        "insider-crowd cannot be checked (anonymous origin)",
    )
    assert fired.score == 0.2


def test_reliability_f_cannot_be_judged() -> None:
    text = """
        version: 1
        origins:
          transport: {name: "City transport authority", kind: official}
          channel: {name: "Post on a messaging channel", kind: unknown, reliability: F}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: transport-crowd, measure: crowd, value: "12,400", origin: transport,
             source: herald}
          - {id: channel-crowd, measure: crowd, value: "80,000", origin: channel,
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["transport-crowd", "channel-crowd"],
        status="conflict",
        fires=["sourcing"],
        likely="sourcing",
    )
    fired = cites(
        comparison,
        "sourcing",
        "channel-crowd comes from Post on a messaging channel (unknown, reliability F)",
        "low reliability: channel-crowd (reliability cannot be judged)",
    )
    assert fired.score == 0.15


def test_reliability_b_does_not_fire() -> None:
    text = """
        version: 1
        origins:
          transport: {name: "City transport authority", kind: official}
          channel: {name: "Post on a messaging channel", kind: unknown, reliability: B}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: transport-crowd, measure: crowd, value: "12,400", origin: transport,
             source: herald}
          - {id: channel-crowd, measure: crowd, value: "80,000", origin: channel,
             source: courier}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["transport-crowd", "channel-crowd"],
        status="conflict",
        not_fires=["sourcing"],
    )


def test_a_figure_without_an_origin_is_unattributed() -> None:
    text = """
        version: 1
        origins:
          transport: {name: "City transport authority", kind: official}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: transport-crowd, measure: crowd, value: "12,400", origin: transport,
             source: herald}
          - {id: paper-crowd, measure: crowd, value: "31,000", source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["transport-crowd", "paper-crowd"],
        status="conflict",
        fires=["sourcing"],
    )
    fired = cites(
        comparison,
        "sourcing",
        "paper-crowd comes from Evening Courier (news)",
        "paper-crowd given by the outlet without an origin",
    )
    assert fired.score == 0.1


ONE_VOICE = """
    version: 1
    origins:
      police: {name: "City police", kind: official}
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: herald-crowd, measure: crowd, value: "12,000", origin: police, source: herald}
      - {id: courier-crowd, measure: crowd, value: "about 12,000", origin: police,
         source: courier, via: ["Metro Wire"]}
"""


def test_one_origin_relayed_by_two_outlets_is_one_voice() -> None:
    comparison = assert_comparison(
        compare_yaml(ONE_VOICE),
        claims=["herald-crowd", "courier-crowd"],
        status="consistent",
        fires=["sourcing"],
    )
    fired = cites(
        comparison,
        "sourcing",
        "courier-crowd, herald-crowd all come from City police (official)",
        "published by Daily Herald, Evening Courier, Metro Wire",
        "one voice, so their agreement is no independent confirmation",
    )
    assert fired.score == 0.1


def test_one_origin_on_both_sides_of_a_conflict_is_one_account() -> None:
    text = """
        version: 1
        origins:
          police: {name: "City police", kind: official}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: herald-crowd, measure: crowd, value: "12,000", origin: police, source: herald}
          - {id: courier-crowd, measure: crowd, value: "15,000", origin: police,
             source: courier}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["herald-crowd", "courier-crowd"],
        status="conflict",
        fires=["sourcing"],
    )
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
    text = """
        version: 1
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: morning-crowd, measure: crowd, value: "12,000", source: herald}
          - {id: evening-crowd, measure: crowd, value: "about 12,000", source: herald}
    """
    comparison = assert_comparison(
        compare_yaml(text),
        claims=["morning-crowd", "evening-crowd"],
        status="consistent",
        fires=["sourcing"],
    )
    fired = cites(
        comparison,
        "sourcing",
        "evening-crowd, morning-crowd given by the outlet without an origin",
    )
    assert "one voice" not in fired.explanation
    assert fired.score == 0.1


def test_two_origins_printed_by_two_outlets_are_two_voices() -> None:
    text = """
        version: 1
        origins:
          police: {name: "City police", kind: official}
          transport: {name: "City transport authority", kind: official}
        measures:
          crowd: {label: "People at the march", unit: persons}
        claims:
          - {id: herald-crowd, measure: crowd, value: "12,000", origin: police, source: herald}
          - {id: courier-crowd, measure: crowd, value: "about 12,000", origin: transport,
             source: courier, via: ["Metro Wire"]}
    """
    assert_comparison(
        compare_yaml(text),
        claims=["herald-crowd", "courier-crowd"],
        status="consistent",
        not_fires=["sourcing"],
    )


def test_the_documented_example() -> None:
    comparison = assert_comparison(
        compare_yaml(example("sourcing")),
        claims=["police-crowd", "organisers-crowd"],
        status="conflict",
        likely="sourcing",
    )
    documented(
        comparison,
        "sourcing",
        "organisers-crowd comes from March organisers (advocacy, party organisers); "
        "police-crowd comes from City police (official, party city-government): different "
        "parties, each with an interest in its figure; organisers-crowd comes from an advocacy "
        "origin with a stake in it.",
    )
