"""``sourcing``: partisan, interested, anonymous or unattributed origins.

Looks at who each figure comes from: its ``origin``, or, when a claim names none, the
source that prints it (then the figure is unattributed). It weighs:

- different ``party`` values of the origins (of the publishers where a claim has no
  origin): each side may have an interest in its figure; more weakly, a party on one side
  only;
- an ``advocacy`` origin, which has a stake in its figure;
- an ``anonymous`` origin, which cannot be checked;
- an Admiralty ``reliability`` of D, E or F;
- a figure the outlet gives without saying where it comes from.

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

from dataclasses import dataclass

from pydantic import BaseModel

from reconcile.models import Claim
from reconcile.reasons._evidence import Evidence
from reconcile.subjects import Subject
from reconcile.validate import Dataset

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


@dataclass(frozen=True)
class Voice:
    key: str
    name: str
    kind: str
    party: str | None
    reliability: str | None
    attributed: bool

    def words(self) -> str:
        details = [self.kind]
        if self.party:
            details.append(f"party {self.party}")
        if self.reliability:
            details.append(f"reliability {self.reliability}")
        return f"{self.name} ({', '.join(details)})"


def voice(claim: Claim, dataset: Dataset) -> Voice:
    """Who a claim's figure comes from: its origin, else the source that prints it."""
    return dataset.memo(("voice", claim.id), lambda: _voice(claim, dataset))


def _voice(claim: Claim, dataset: Dataset) -> Voice:
    if claim.origin is not None:
        origin = dataset.origins[claim.origin]
        return Voice(
            f"origin:{claim.origin}",
            origin.name,
            origin.kind,
            origin.party,
            origin.reliability,
            True,
        )
    source = dataset.sources[claim.source]
    name = source.outlet or source.title
    return Voice(f"source:{claim.source}", name, source.kind, source.party, None, False)


def evaluate(subject: Subject, options: Options = OPTIONS) -> Evidence | None:
    dataset = subject.dataset
    a = subject.a.claim
    va = voice(a, dataset)
    others = [(r.claim, voice(r.claim, dataset)) for r in subject.b.records]
    score = 0.0
    notes: list[str] = []
    parties_b = {v.party for _, v in others if v.party}
    if va.party and parties_b and parties_b != {va.party}:
        score += options.different_parties
        notes.append("different parties, each with an interest in its figure")
    everyone = [(a, va), *others]
    partisan = [(c.id, v.party) for c, v in everyone if v.party]
    if partisan and not notes and len(partisan) < len(everyone):
        score += options.one_sided
        named = ", ".join(f"{cid} ({party})" for cid, party in partisan)
        notes.append(f"{named} speaks for a party to the story, the other side for none")
    interested = [c.id for c, v in everyone if v.kind == "advocacy"]
    if interested:
        score += options.interested
        notes.append(f"{', '.join(interested)} comes from an advocacy origin with a stake in it")
    anonymous = [c.id for c, v in everyone if v.kind == "anonymous"]
    if anonymous:
        score += options.anonymous
        notes.append(f"{', '.join(anonymous)} cannot be checked (anonymous origin)")
    unreliable = [
        f"{c.id} ({_UNRELIABLE[v.reliability]})"
        for c, v in everyone
        if v.reliability in _UNRELIABLE
    ]
    if unreliable:
        score += options.unreliable
        notes.append("low reliability: " + ", ".join(unreliable))
    unattributed = [c.id for c, v in everyone if not v.attributed and v.kind != "official"]
    if unattributed:
        score += options.unattributed
        notes.append(f"{', '.join(unattributed)} given by the outlet without an origin")
    same = {v.key for _, v in everyone}
    if len(same) == 1 and va.attributed:
        relays = sorted(
            {o for c, _ in everyone for o in c.via}
            | {dataset.sources[c.source].outlet or c.source for c, _ in everyone}
        )
        ids = ", ".join(c.id for c, _ in everyone)
        meaning = {
            "conflict": "the difference lies within one origin's own account",
            "compatible": "they are one account, not two independent ones",
            "consistent": "their agreement is no independent confirmation",
        }[subject.status]
        return Evidence(
            options.one_voice + score,
            f"{ids} all come from {va.words()}, published by {', '.join(relays)}: one voice, "
            f"so {meaning}" + (f"; {'; '.join(notes)}" if notes else "") + ".",
        )
    if score == 0:
        return None
    who = "; ".join(f"{c.id} comes from {v.words()}" for c, v in everyone)
    return Evidence(min(score, 1.0), f"{who}: {'; '.join(notes)}.")
