"""``sourcing``: partisan, interested, anonymous or unattributed origins.

Looks at who each figure comes from: its ``origin``, or, when a claim names none, the
source that prints it (then the figure is unattributed). It weighs:

- different ``party`` values of the origins (of the publishers where a claim has no
  origin): each side may have an interest in its figure; more weakly, a party on one side
  only;
- an ``advocacy`` origin, which has a stake in its figure;
- an ``anonymous`` origin, which cannot be checked;
- an Admiralty ``reliability`` of D, E or F;
- a figure a news outlet (a ``news``, ``wire``, ``state-media``, ``blog`` or ``unknown``
  source) gives without saying where it comes from. A source of another kind (``official``,
  ``ngo``, ``research``) that names no origin speaks in its own voice: that is not counted
  against it.

Figures from one origin relayed by several outlets (``via``) are one voice, not several.
When every figure on both sides is attributed to the same ``origin``, the reason says so,
naming the outlets that carried them, and what it means for the comparison: figures that
agree are no independent confirmation of each other, and for a conflict the difference lies
within one origin's own account. Figures that only share an outlet, with no origin named,
are not counted as one voice.

Example::

    origins:
      police: {name: "City police", kind: official, party: city-government}
      organisers: {name: "March organisers", kind: advocacy, party: organisers}
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "about 12,000", origin: police, ...}
      - {id: organisers-crowd, measure: crowd, value: "more than 50,000",
         origin: organisers, ...}

The two conflict, and ``sourcing`` is the likely reason: "organisers-crowd comes from March
organisers (advocacy, party organisers); police-crowd comes from City police (official, party
city-government): different parties, each with an interest in its figure; organisers-crowd
comes from an advocacy origin with a stake in it."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.reasons._evidence import Evidence
from reconcile.reasons._facts import Sides, sides, voice
from reconcile.subjects import Subject

CODE = "sourcing"
TITLE = "partisan, interested, anonymous or unattributed origin"

_UNRELIABLE = {"D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}


class Options(BaseModel):
    different_parties: float = 0.5
    one_sided: float = 0.25
    interested: float = 0.25
    anonymous: float = 0.2
    unreliable: float = 0.15
    unattributed: float = 0.1
    one_voice: float = 0.1


OPTIONS = Options()


# Sources that print what others say: one of them giving a figure with no origin named is
# unattributed; any other source kind stating a figure speaks in its own voice.
_OUTLETS = frozenset({"news", "wire", "state-media", "blog", "unknown"})

_MEANING = {
    "conflict": "the difference lies within one origin's own account",
    "compatible": "they are one account, not two independent ones",
    "consistent": "their agreement is no independent confirmation",
}


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    side_a, side_b = facts or sides(subject)
    first = side_a[0]
    va = first.voice
    everyone = (first, *side_b)
    # one pass over the claims gathers what each kind of evidence names
    partisan: list[str] = []
    interested: list[str] = []
    anonymous: list[str] = []
    unreliable: list[str] = []
    unattributed: list[str] = []
    one_voice = va.attributed
    for known in everyone:
        v = known.voice
        if v.party:
            partisan.append(f"{known.id} ({v.party})")
        if v.kind == "advocacy":
            interested.append(known.id)
        elif v.kind == "anonymous":
            anonymous.append(known.id)
        if v.reliability in _UNRELIABLE:
            unreliable.append(f"{known.id} ({_UNRELIABLE[v.reliability]})")
        if not v.attributed and v.kind in _OUTLETS:
            unattributed.append(known.id)
        one_voice = one_voice and v.key == va.key
    score = 0.0
    notes: list[str] = []
    if va.party:
        parties_b = {k.voice.party for k in side_b if k.voice.party}
        if parties_b and parties_b != {va.party}:
            score += options.different_parties
            notes.append("different parties, each with an interest in its figure")
    if partisan and not notes and len(partisan) < len(everyone):
        score += options.one_sided
        notes.append(
            f"{', '.join(partisan)} speaks for a party to the story, the other side for none"
        )
    if interested:
        score += options.interested
        notes.append(f"{', '.join(interested)} comes from an advocacy origin with a stake in it")
    if anonymous:
        score += options.anonymous
        notes.append(f"{', '.join(anonymous)} cannot be checked (anonymous origin)")
    if unreliable:
        score += options.unreliable
        notes.append("low reliability: " + ", ".join(unreliable))
    if unattributed:
        score += options.unattributed
        notes.append(f"{', '.join(unattributed)} given by the outlet without an origin")
    if one_voice:
        dataset = subject.dataset
        claims = [k.claim for k in everyone]
        relays = sorted(
            {o for c in claims for o in c.via}
            | {dataset.sources[c.source].outlet or c.source for c in claims}
        )
        ids = ", ".join(c.id for c in claims)
        return Evidence(
            options.one_voice + score,
            f"{ids} all come from {va.words}, published by {', '.join(relays)}: one voice, "
            f"so {_MEANING[subject.status]}" + (f"; {'; '.join(notes)}" if notes else "") + ".",
        )
    if score == 0:
        return None
    who = "; ".join([f"{k.id} comes from {k.voice.words}" for k in everyone])
    return Evidence(min(score, 1.0), f"{who}: {'; '.join(notes)}.")


__all__ = ["CODE", "OPTIONS", "TITLE", "Options", "evaluate", "voice"]
