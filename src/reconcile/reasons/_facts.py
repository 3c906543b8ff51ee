"""What the reasons read from one claim alone, worked out once per claim and dataset.

A claim takes part in many comparisons, and every reason looks at it in each of them. What
depends on the claim alone (the days it covers, who its figure comes from, the unit it counts
in, ...) is computed the first time a comparison holds the claim and kept in the dataset;
:func:`sides` looks the facts up for both sides of a comparison at once, so that
:func:`reconcile.reasons.evaluate_all` can hand them to every reason.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

from reconcile.models import Claim
from reconcile.subjects import Span, Subject, quoted
from reconcile.validate import Dataset


@dataclass(frozen=True)
class Voice:
    """Who a figure comes from: its origin, else the source that prints it."""

    key: str
    name: str
    kind: str
    party: str | None
    reliability: str | None
    attributed: bool

    @functools.cached_property
    def words(self) -> str:
        """The voice as explanations name it: "City police (official, party city)"."""
        details = [self.kind]
        if self.party:
            details.append(f"party {self.party}")
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


def _origin(origin_id: str, dataset: Dataset) -> Voice:
    origin = dataset.origins[origin_id]
    return Voice(
        f"origin:{origin_id}", origin.name, origin.kind, origin.party, origin.reliability, True
    )


def _source(source_id: str, dataset: Dataset) -> Voice:
    source = dataset.sources[source_id]
    name = source.outlet or source.title
    return Voice(f"source:{source_id}", name, source.kind, source.party, None, False)


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

    @classmethod
    def of(cls, claim: Claim, dataset: Dataset) -> Facts:
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
        )


Side = tuple[Facts, ...]
Sides = tuple[Side, Side]

_KEPT = ("facts", "")  # where the dataset keeps the facts of its claims, by claim id


def sides(subject: Subject) -> Sides:
    """The facts of the claims on each side of a comparison, in the sides' order."""
    dataset = subject.dataset
    kept: dict[str, Facts] = dataset.memo(_KEPT, dict)
    found: list[Side] = []
    for records in (subject.a.records, subject.b.records):
        side = []
        for record in records:
            claim = record.claim
            facts = kept.get(claim.id)
            if facts is None:
                facts = kept[claim.id] = Facts.of(claim, dataset)
            side.append(facts)
        found.append(tuple(side))
    return found[0], found[1]
