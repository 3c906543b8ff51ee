"""Reasons: why two figures differ, one module per reason code.

Each module opens with its ``CODE`` and ``TITLE``, an ``Options`` model with the weights it
uses, and one pure function ``evaluate(subject, options)`` that returns :class:`Evidence`
(a score from 0 to 1 and one sentence that cites the fields it rests on) or ``None`` when the
reason does not fire. Reasons never print; the engine attaches the code and ranks them. The
module docstring is the reason's user documentation, with a worked example: ``docs/reasons.md``
is generated from it (``python -m reconcile.reasons > docs/reasons.md``).

What a reason reads from one claim alone (its span, who it comes from, its unit, ...) is
worked out once per claim and dataset (:mod:`reconcile.reasons._facts`).
:func:`evaluate_all` looks those facts up once per comparison and hands them to every reason
as ``evaluate(subject, facts=...)``; called on its own, a reason looks them up itself.
"""

from __future__ import annotations

import operator
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast

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
from reconcile.reasons._facts import Sides, sides

if TYPE_CHECKING:
    from reconcile.subjects import Subject


class Evaluate(Protocol):
    def __call__(self, subject: Subject, *, facts: Sides | None = None) -> Evidence | None: ...


class ReasonModule(Protocol):
    CODE: str
    TITLE: str
    evaluate: Evaluate


class Reason(NamedTuple):
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
_EVALUATE = tuple((code, module.evaluate) for code, module in REASONS.items())
_SCORE = operator.attrgetter("score")


def evaluate_all(subject: Subject) -> tuple[Reason, ...]:
    """Every reason that fires, strongest first (ties in registry order)."""
    facts = sides(subject)  # what every reason reads from the claims, looked up once
    fired = []
    for code, evaluate in _EVALUATE:
        evidence = evaluate(subject, facts=facts)
        if evidence is not None:
            fired.append(Reason(code, round(evidence.score, 3), evidence.explanation))
    fired.sort(key=_SCORE, reverse=True)  # a stable sort: ties stay in registry order
    return tuple(fired)


__all__ = ["REASONS", "Evidence", "Reason", "evaluate_all"]
