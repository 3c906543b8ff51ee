"""Reasons: why two figures differ, one module per reason code.

Each public module of this package is a reason, found by listing the package and ranked in
the order of :data:`~reconcile.model.entries.ReasonCode`, the codes a review may name. Each
module opens with its ``CODE`` and ``TITLE``, an ``Options`` model with the weights it
uses, and one pure function ``evaluate(subject, options)`` that returns :class:`Evidence`
(a score from 0 to 1, one sentence that cites the fields it rests on, and a brief: the fact
it adds in at most 30 words, which ``compare`` shows under a conflict's headline) or
``None`` when the reason does not fire. Reasons never print; the engine attaches the code
and ranks them. The module docstring is the reason's user documentation, with a worked
example: ``docs/reasons.md`` is generated from it
(``python -m reconcile.engine.reasons > docs/reasons.md``).

What a reason reads from one claim alone (its span, who it comes from, its unit, ...) is
worked out once per claim and dataset (:mod:`reconcile.engine.reasons._facts`).
:func:`evaluate_all` looks those facts up once per comparison and hands them to every reason
as ``evaluate(subject, facts=...)``; called on its own, a reason looks them up itself.
"""

from __future__ import annotations

import importlib
import operator
import pkgutil
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast, get_args

from reconcile.engine.reasons._evidence import BRIEF_WORDS, LIKELY, Evidence
from reconcile.engine.reasons._facts import Sides, ids, sides
from reconcile.engine.subjects import fmt
from reconcile.model.entries import ReasonCode

if TYPE_CHECKING:
    from reconcile.engine.subjects import Subject


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
    brief: str = ""  # the fact it adds, in one short sentence (the explanation when empty)

    @property
    def short(self) -> str:
        """The reason in one sentence of at most :data:`BRIEF_WORDS` words when it has one."""
        return self.brief or self.explanation


def in_order(modules: Iterable[ModuleType], codes: Sequence[str]) -> tuple[ModuleType, ...]:
    """The reason modules in the order of ``codes`` (the codes the figure file's reviews may
    name, :data:`reconcile.model.entries.ReasonCode`): one module for each code, no other."""
    found: dict[str, ModuleType] = {}
    for module in modules:
        code = cast(str, module.CODE)
        if code in found:
            raise ImportError(f"reasons {found[code].__name__} and {module.__name__} share {code}")
        found[code] = module
    unknown = sorted(set(found) - set(codes))
    missing = [code for code in codes if code not in found]
    if unknown:
        raise ImportError(f"reason code {', '.join(unknown)} is not a ReasonCode of the format")
    if missing:
        raise ImportError(f"no reason module has the code {', '.join(missing)}")
    return tuple(found[code] for code in codes)


def _discover() -> tuple[ModuleType, ...]:
    """Every public module of this package is a reason."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name[0] != "_")
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return in_order(modules, get_args(ReasonCode))


_MODULES = _discover()
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
            fired.append(
                Reason(code, round(evidence.score, 3), evidence.explanation, evidence.brief)
            )
    fired.sort(key=_SCORE, reverse=True)  # a stable sort: ties stay in registry order
    return tuple(fired)


UNEXPLAINED = "unexplained"
"""The code a conflict carries, in place of a likely reason, when no reason accounts for its
gap: no reason fires, or the strongest scores below :data:`LIKELY`."""
UNEXPLAINED_TITLE = "no reason accounts for the gap"


def title(code: str) -> str:
    """The title of a reason code, or of ``unexplained``."""
    return UNEXPLAINED_TITLE if code == UNEXPLAINED else REASONS[code].TITLE


def likely(subject: Subject, reasons: tuple[Reason, ...]) -> Reason | None:
    """The likely reason of a conflict: its strongest reason when that accounts for the gap
    (scores at least :data:`LIKELY`), else an ``unexplained`` entry whose explanation says
    so and which fields to check. None for a comparison that is not a conflict."""
    if subject.status != "conflict":
        return None
    if reasons and reasons[0].score >= LIKELY:
        return reasons[0]
    return Reason(
        UNEXPLAINED, 0.0, unexplained(subject, reasons), unexplained_brief(subject, reasons)
    )


def unexplained(subject: Subject, reasons: tuple[Reason, ...]) -> str:
    """Why no reason is likely, and which fields of the file to check."""
    side_a, side_b = sides(subject)
    everyone = list({k.id: k for k in (*side_a[:1], *side_b)}.values())
    gap = subject.gap
    size = ""
    if gap is not None:
        size = f" of {fmt(gap.absolute)} {subject.dataset.unit_of(everyone[0].claim)}"
    if reasons:
        top = reasons[0]
        head = (
            f"no reason accounts for the gap{size} in size and direction (the strongest, "
            f"{top.code} at {top.score:.2f}, does not)"
        )
    else:
        head = f"no reason fires for the gap{size}"
    checks = ["each figure against its quote (value, quote)", "what each counts (measure)"]
    timeless = [k for k in everyone if not k.span.known]
    if timeless:
        verb = "covers" if len(timeless) == 1 else "cover"
        checks.append(f"the time {ids(timeless)} {verb} (period or as_of, not given)")
    unattributed = [k for k in everyone if not k.voice.attributed]
    if unattributed:
        checks.append(f"who {ids(unattributed)} comes from (origin, not given)")
    leaning = [k for k in everyone if k.voice.party and not k.voice.lean]
    if leaning:
        checks.append(f"which way the parties of {ids(leaning)} lean (interest of their origins)")
    silent = [k for k in everyone if not k.method]
    if silent:
        verb = "was" if len(silent) == 1 else "were"
        checks.append(f"how {ids(silent)} {verb} counted (method, not given)")
    return f"{head}; check {'; '.join(checks)}."


def unexplained_brief(subject: Subject, reasons: tuple[Reason, ...] = ()) -> str:
    """:func:`unexplained` in one sentence of at most :data:`BRIEF_WORDS` words: the gap, and
    which kinds of field to check (the missing ones among periods, origins and methods)."""
    side_a, side_b = sides(subject)
    everyone = list({k.id: k for k in (*side_a[:1], *side_b)}.values())
    gap = subject.gap
    size = ""
    if gap is not None:
        size = f" of {fmt(gap.absolute)} {subject.dataset.unit_of(everyone[0].claim)}"
    missing = [
        field
        for field, lacking in (
            ("periods", any(not k.span.known for k in everyone)),
            ("origins", any(not k.voice.attributed for k in everyone)),
            ("methods", any(not k.method for k in everyone)),
        )
        if lacking
    ]
    checks = ["the quotes", "what each counts"]
    if missing:
        last = missing[-1] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        checks.append(f"the missing {last}")
    if any(k.voice.party and not k.voice.lean for k in everyone):
        checks.append("which way the parties lean")
    listed = f"{', '.join(checks[:-1])}, and {checks[-1]}"
    return f"No reason found accounts for a gap{size}; check {listed}."


__all__ = [
    "BRIEF_WORDS",
    "LIKELY",
    "REASONS",
    "UNEXPLAINED",
    "Evidence",
    "Reason",
    "evaluate_all",
    "likely",
    "title",
    "unexplained",
    "unexplained_brief",
]
