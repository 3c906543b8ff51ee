"""What the reasons read from one claim alone, worked out once per claim and dataset.

A claim takes part in many comparisons, and every reason looks at it in each of them. What
depends on the claim alone (the days it covers, who its figure comes from, the unit it counts
in, ...) is computed the first time a comparison holds the claim and kept in the dataset;
:func:`sides` looks the facts up for both sides of a comparison at once, so that
:func:`reconcile.engine.reasons.evaluate_all` can hand them to every reason.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reconcile.engine.pairing import When, place_key
from reconcile.engine.subjects import Span, Subject, quoted
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim


@dataclass(frozen=True)
class Voice:
    """Who a figure comes from: its origin, else the source that prints it."""

    key: str
    name: str
    kind: str
    party: str | None
    reliability: str | None
    attributed: bool
    interest: str | None = None  # its origin's stated interest: "higher" or "lower"
    lean: str | None = None  # its interest, else the one its party's origins state
    lean_from: tuple[str, ...] = ()  # the origins a lean taken from the party comes from

    @functools.cached_property
    def words(self) -> str:
        """The voice as explanations name it: "City police (official, party city)"."""
        details = [self.kind]
        if self.party:
            details.append(f"party {self.party}")
        if self.interest:
            details.append(f"interest {self.interest}")
        if self.reliability:
            details.append(f"reliability {self.reliability}")
        return f"{self.name} ({', '.join(details)})"


def voice(claim: Claim, dataset: Dataset) -> Voice:
    """Who a claim's figure comes from: its origin, else the source that prints it (one
    :class:`Voice` for each origin or source, shared by the claims that name it)."""
    if claim.origin is not None:
        origin_id = claim.origin
        return dataset.memo(("voice:origin", origin_id), lambda: _origin(origin_id, dataset))
    source_id = claim.source
    return dataset.memo(("voice:source", source_id), lambda: _source(source_id, dataset))


def party_leans(dataset: Dataset) -> dict[str, tuple[str, tuple[str, ...]]]:
    """For each party whose origins state an interest, and all the same one: that interest
    and the origins that state it. A party whose origins state both is left out."""

    def work() -> dict[str, tuple[str, tuple[str, ...]]]:
        stated: dict[str, dict[str, list[str]]] = {}
        for origin_id in sorted(dataset.origins):
            origin = dataset.origins[origin_id]
            if origin.party and origin.interest:
                stated.setdefault(origin.party, {}).setdefault(origin.interest, []).append(
                    origin_id
                )
        return {
            party: (interest, tuple(ids))
            for party, by_interest in stated.items()
            if len(by_interest) == 1
            for interest, ids in by_interest.items()
        }

    return dataset.memo(("party-leans", ""), work)


def _leaning(
    dataset: Dataset, party: str | None, interest: str | None
) -> tuple[str | None, tuple[str, ...]]:
    if interest is not None or party is None:
        return interest, ()
    found = party_leans(dataset).get(party)
    return (found[0], found[1]) if found else (None, ())


def _origin(origin_id: str, dataset: Dataset) -> Voice:
    origin = dataset.origins[origin_id]
    lean, lean_from = _leaning(dataset, origin.party, origin.interest)
    return Voice(
        f"origin:{origin_id}",
        origin.name,
        origin.kind,
        origin.party,
        origin.reliability,
        True,
        origin.interest,
        lean,
        lean_from,
    )


def _source(source_id: str, dataset: Dataset) -> Voice:
    source = dataset.sources[source_id]
    name = source.outlet or source.title
    lean, lean_from = _leaning(dataset, source.party, None)
    return Voice(
        f"source:{source_id}", name, source.kind, source.party, None, False, None, lean, lean_from
    )


class Facts(NamedTuple):
    """What the reasons read from one claim."""

    claim: Claim
    id: str
    text: str  # the value as written, quoted for an explanation: '30,000'
    span: Span
    voice: Voice
    unit: str  # the unit it counts in: its own, else its measure's
    per: str | None  # the period of a rate
    inferred: bool  # a date it rests on was inferred from the text
    confusable: tuple[str, ...]  # the measures often confused with its measure, sorted
    place: str | None  # its place as compared (case and punctuation set aside)
    when: When  # the days it may cover, as pairing compares them
    method: str | None  # how it was counted, case and spacing set aside

    @classmethod
    def of(cls, claim: Claim, dataset: Dataset) -> Facts:
        method = " ".join(claim.method.casefold().split()) if claim.method else None
        return cls(
            claim,
            claim.id,
            quoted(claim.value.text),
            Span.of(claim),
            voice(claim, dataset),
            dataset.unit_of(claim),
            claim.effective_per,
            claim.inferred_dates,
            tuple(sorted(dataset.confusable[claim.measure])),
            place_key(claim.place),
            When.of(claim, dataset.measures[claim.measure].cumulative),
            method or None,
        )


# sources that print what others say (the rest speak in their own voice)
OUTLETS = frozenset({"news", "wire", "state-media", "blog", "unknown"})


def depth(known: Facts, dataset: Dataset) -> int:
    """How far an account is from its origin: the outlets it passed through (``via``), and
    one more when an outlet prints it; 0 for an origin's own publication."""
    source = dataset.sources[known.claim.source]
    return len(known.claim.via) + (1 if source.kind in OUTLETS else 0)


def facts_of(claim: Claim, dataset: Dataset) -> Facts:
    """The facts of one claim, kept in the dataset once worked out."""
    kept: dict[str, Facts] = dataset.memo(_KEPT, dict)
    found = kept.get(claim.id)
    if found is None:
        found = kept[claim.id] = Facts.of(claim, dataset)
    return found


Side = tuple[Facts, ...]
Sides = tuple[Side, Side]

_KEPT = ("facts", "")  # where the dataset keeps the facts of its claims, by claim id


def sides(subject: Subject) -> Sides:
    """The facts of the claims on each side of a comparison, in the sides' order."""
    dataset = subject.dataset
    a = tuple(facts_of(r.claim, dataset) for r in subject.a.records)
    b = tuple(facts_of(r.claim, dataset) for r in subject.b.records)
    return a, b


def ids(claims: Sequence[Facts]) -> str:
    """The ids of some claims, as explanations list them: "a, b"."""
    return ", ".join(k.id for k in claims)
