"""The parties of a report and their colours.

Every party named by a source or an origin takes a colour of the palette, in sorted order; a
figure's colour is the party of its voice (:func:`party_of`), and a figure with no party stated
takes grey.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.engine.reasons.sourcing import voice
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim

# Okabe and Ito's palette, which stays distinct for the common kinds of colour blindness;
# its yellow is left out (too faint on white). Parties take colours in sorted order.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
NO_PARTY = "none stated"
NO_PARTY_COLOUR = "#8C8C8C"


@dataclass(frozen=True, slots=True)
class Party:
    name: str  # the party id, or NO_PARTY
    colour: str


def party_colours(dataset: Dataset) -> dict[str, Party]:
    """Every party named in the file with its colour; the palette repeats past its end."""
    names = sorted(
        {p for p in (o.party for o in dataset.origins.values()) if p}
        | {p for p in (s.party for s in dataset.sources.values()) if p}
    )
    parties = {name: Party(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)}
    parties[NO_PARTY] = Party(NO_PARTY, NO_PARTY_COLOUR)
    return parties


def party_of(claim: Claim, dataset: Dataset, parties: dict[str, Party]) -> Party:
    """The party of the voice that says a claim (its origin's, else its source's), or NO_PARTY."""
    return parties[voice(claim, dataset).party or NO_PARTY]
