"""Reasons: why two figures differ, one module per reason code.

Each module opens with its ``CODE`` and ``TITLE``, an ``Options`` model with the weights it
uses, and one pure function ``evaluate(subject, options)`` that returns :class:`Evidence`
(a score from 0 to 1 and one sentence that cites the fields it rests on) or ``None`` when the
reason does not fire. Reasons never print; the engine attaches the code and ranks them. The
module docstring is the reason's user documentation, with a worked example: ``docs/reasons.md``
is generated from it (``python -m reconcile.reasons > docs/reasons.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, cast

from reconcile.reasons import (
    arithmetic,
    claim_type,
    definition,
    precision,
    sourcing,
    timeframe,
    unit,
)
from reconcile.reasons._evidence import Evidence

if TYPE_CHECKING:
    from reconcile.subjects import Subject


class ReasonModule(Protocol):
    CODE: str
    TITLE: str

    def evaluate(self, subject: Subject) -> Evidence | None: ...


@dataclass(frozen=True, slots=True, order=True)
class Reason:
    """A reason that fired for one comparison, as the engine reports it."""

    code: str
    score: float
    explanation: str


_MODULES: tuple[ModuleType, ...] = (
    definition,
    unit,
    timeframe,
    sourcing,
    precision,
    claim_type,
    arithmetic,
)
REASONS: dict[str, ReasonModule] = {cast(str, m.CODE): cast(ReasonModule, m) for m in _MODULES}
ORDER: dict[str, int] = {code: i for i, code in enumerate(REASONS)}


def evaluate_all(subject: Subject) -> tuple[Reason, ...]:
    """Every reason that fires, strongest first (ties in registry order)."""
    fired = []
    for code, module in REASONS.items():
        evidence = module.evaluate(subject)
        if evidence is not None:
            fired.append(Reason(code, round(evidence.score, 3), evidence.explanation))
    return tuple(sorted(fired, key=lambda r: (-r.score, ORDER[r.code])))


__all__ = ["ORDER", "REASONS", "Evidence", "Reason", "evaluate_all"]
