from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from reconcile.engine.subjects import Subject

LIKELY = 0.5
"""The score from which a reason's evidence accounts for a conflict's gap, in size and in
direction: the strongest reason of a conflict is its likely one only when it scores at least
this much; below it the conflict is ``unexplained``."""

BRIEF_WORDS = 30
"""The most words of a reason's ``brief``."""

WEAK = 0.45
"""The most that evidence which does not account for the gap may add up to: weak evidence
piled up (an anonymous origin, a figure with no origin, ...) never becomes a likely reason."""


class Evidence(NamedTuple):
    """What a reason found: how much of the difference, in size and direction, its evidence
    accounts for (0 to 1; :data:`LIKELY` and more accounts for a conflict's gap), and why:
    ``explanation`` cites every field it rests on; ``brief`` says the one fact it adds in a
    sentence of at most :data:`BRIEF_WORDS` words, for the views a desk reads first."""

    score: float
    explanation: str
    brief: str = ""


Which = Literal["a", "b"]


def higher_side(subject: Subject) -> Which | None:
    """Which side of a conflict states the larger figure; None when that cannot be said (not a
    conflict, or intervals that overlap, as legal ranges in conflict may)."""
    if subject.status != "conflict":
        return None
    a, b = subject.a, subject.b
    if a.high <= b.low:
        return "b"
    if b.high <= a.low:
        return "a"
    return None
