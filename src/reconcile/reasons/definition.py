"""``definition``: the claims count different things.

Fires when the two sides are on different measures (their labels are quoted), when a broad
figure is compared with the sum of its parts (the broad measure may count what its parts do
not, or the reverse), and most strongly when a claim's value matches a claim on a measure it
is ``confusable_with`` but none on its own measure: equal figures, or, for ranges, a stated
bound that the claims on its own measure do not have. That is the mark of a figure quoted
for the wrong thing. ``confusable_with`` joins two measures whichever of them declares it.

Example::

    measures:
      sentence-theft: {label: "Prison term for theft", unit: years,
                       confusable_with: [sentence-fraud]}
      sentence-fraud: {label: "Prison term for fraud", unit: years}
    claims:
      - {id: code-theft, measure: sentence-theft, value: "2-8 years", type: legal-range, ...}
      - {id: paper-theft, measure: sentence-theft, value: "2 to 5 years", type: legal-range, ...}
      - {id: code-fraud, measure: sentence-fraud, value: "up to 5 years", type: legal-range, ...}

``paper-theft`` conflicts with ``code-theft`` (the stated upper bounds 5 and 8 differ), and
``definition`` is the likely reason: "paper-theft ('2 to 5 years') shares its upper bound 5
with code-fraud ('up to 5 years') on sentence-fraud, a measure often confused with
sentence-theft, and no other claim on sentence-theft has it: it may be the figure for
sentence-fraud."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.models import Claim
from reconcile.reasons._evidence import Evidence
from reconcile.reasons._facts import Facts, Sides, sides
from reconcile.subjects import Subject, fmt, quoted
from reconcile.validate import Dataset

CODE = "definition"
TITLE = "the claims count different things"


class Options(BaseModel):
    different_measures: float = 0.45
    broad_against_parts: float = 0.6
    confusable_match: float = 0.9


OPTIONS = Options()


def _shared(claim: Claim, other: Claim) -> list[str]:
    """What two figures share: an equal figure, or stated range bounds."""
    a, b = claim.value, other.value
    if a.best is not None and b.best is not None and a.best == b.best:
        return [f"figure {fmt(a.best)}"]
    shared = []
    if a.kind in ("range", "at-most", "at-least") or b.kind in ("range", "at-most", "at-least"):
        if not a.lower_open and not b.lower_open and a.low == b.low:
            shared.append(f"lower bound {fmt(a.low)}")
        if not a.upper_open and not b.upper_open and a.high == b.high:
            shared.append(f"upper bound {fmt(a.high)}")
    return shared


def _confusable_match(dataset: Dataset, facts: Facts) -> str | None:
    claim = facts.claim
    return dataset.memo(
        ("confusable", claim.id), lambda: _find_confusable(dataset, claim, facts.confusable)
    )


def _find_confusable(dataset: Dataset, claim: Claim, confusable: tuple[str, ...]) -> str | None:
    own = [r.claim for r in dataset.by_measure[claim.measure] if r.claim.id != claim.id]
    if not own:
        return None
    for other_measure in confusable:
        for record in dataset.by_measure.get(other_measure, []):
            other = record.claim
            for what in _shared(claim, other):
                if any(what in _shared(claim, mine) for mine in own):
                    continue
                return (
                    f"{claim.id} ({quoted(claim.value.text)}) shares its {what} with {other.id} "
                    f"({quoted(other.value.text)}) on {other_measure}, a measure often confused "
                    f"with {claim.measure}, and no other claim on {claim.measure} has it: it "
                    f"may be the figure for {other_measure}"
                )
    return None


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    dataset = subject.dataset
    side_a, side_b = facts or sides(subject)
    for side in (side_a, side_b):
        for known in side:
            # only a claim on a measure confusable with another can match a claim on it
            found = _confusable_match(dataset, known) if known.confusable else None
            if found:
                return Evidence(options.confusable_match, found + ".")
    a = side_a[0].claim
    if subject.kind == "sum":
        parts = dataset.measures[a.measure].sum_of
        return Evidence(
            options.broad_against_parts,
            f"{a.id} is on {a.measure} ({quoted(dataset.measures[a.measure].label)}), which is "
            f"sum_of [{', '.join(parts)}]: the broad figure is compared with the sum of its "
            "parts, and it may count people or events the parts leave out, or the reverse.",
        )
    if subject.kind == "pair":
        b = side_b[0].claim
        if b.measure != a.measure:
            return Evidence(
                options.different_measures,
                f"{a.id} counts {a.measure} ({quoted(dataset.measures[a.measure].label)}) while "
                f"{b.id} counts {b.measure} ({quoted(dataset.measures[b.measure].label)}).",
            )
    return None
