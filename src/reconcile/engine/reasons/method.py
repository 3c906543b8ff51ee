"""``method``: the same thing counted or estimated in different ways.

Independent figures for one quantity disagree most often because they were arrived at
differently: a household survey against a tally of reported deaths, a count from aerial
photographs against a count at the gates, two baselines for "expected deaths". This reason
reads how each figure was made:

- claims that state different ``method``\\ s (compared ignoring case and spacing): the
  methods may give different figures, in either direction and by any amount, so this
  accounts for a gap;
- when no claim states one, origins of kinds that count differently: an estimate (a claim
  of ``type: estimate``) from an ``expert`` origin, or from a ``research`` source speaking in
  its own voice, against a count (``type: count``) from a ``statistics`` origin, which
  tallies what it registers. This accounts for a gap too, though it rests on less: the kinds
  say how such bodies usually work, not how these figures were made (an ``official`` origin
  is not taken for a tally: ministries state figures of every kind);
- a claim that states its method against one that does not: weak evidence, which does not
  account for a gap on its own (the missing ``method`` is worth looking up).

Claims that state the same method are not told apart by it, whatever their origins.

Example::

    measures:
      marchers: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: marchers, value: "21,000", method: "count at the gates",
         ...}
      - {id: lab-count, measure: marchers, value: "about 48,000",
         method: "density from aerial photographs", ...}

The two conflict, and ``method`` is the likely reason: "lab-count was arrived at by 'density
from aerial photographs' and police-count by 'count at the gates': the same thing counted in
different ways, which need not agree."
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from reconcile.engine.reasons._brief import names
from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Facts, Sides, ids, sides
from reconcile.engine.subjects import Subject, quoted

CODE = "method"
TITLE = "the same thing counted or estimated in different ways"


class Options(BaseModel):
    different_methods: float = 0.6
    estimate_against_tally: float = 0.5
    one_stated: float = 0.3


OPTIONS = Options()

# origins that tally what they register, and origins (or research sources in their own
# voice) that estimate, by survey or model
_TALLYING = frozenset({"statistics"})
_ESTIMATING_ORIGINS = frozenset({"expert"})
_ESTIMATING_SOURCES = frozenset({"research"})


def _estimates(known: Facts) -> bool:
    v = known.voice
    kinds = _ESTIMATING_ORIGINS if v.attributed else _ESTIMATING_SOURCES
    return known.claim.type == "estimate" and v.kind in kinds


def _tallies(known: Facts) -> bool:
    return known.claim.type == "count" and known.voice.attributed and known.voice.kind in _TALLYING


def _stated(side: tuple[Facts, ...]) -> list[Facts]:
    return [k for k in side if k.method]


def _by_kind(side_a: tuple[Facts, ...], side_b: tuple[Facts, ...]) -> str | None:
    """The words for an estimate against a tally, whichever side holds which."""
    for estimate_side, tally_side in ((side_a, side_b), (side_b, side_a)):
        if all(_estimates(k) for k in estimate_side) and all(_tallies(k) for k in tally_side):
            estimates = ", ".join(f"{k.id} ({k.voice.kind})" for k in estimate_side)
            tallies = ", ".join(f"{k.id} ({k.voice.kind})" for k in tally_side)
            return (
                f"{estimates} is an estimate from a kind of origin that estimates, by survey "
                f"or model, and {tallies} a count from one that tallies what it registers: "
                "they may count in different ways (no claim states its method)"
            )
    return None


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    side_a, side_b = facts or sides(subject)
    side_a = side_a[:1]
    stated_a, stated_b = _stated(side_a), _stated(side_b)
    if stated_a and stated_b:
        methods_a = {k.method for k in stated_a}
        methods_b = {k.method for k in stated_b}
        if methods_a & methods_b:
            return None
        first, second = sorted((stated_a, stated_b), key=lambda s: s[0].id)
        return Evidence(
            options.different_methods,
            f"{ids(first)} was arrived at by {_methods(first)} and {ids(second)} by "
            f"{_methods(second)}: the same thing counted in different ways, which need not agree.",
            f"They were made in different ways, {_methods(first)} and {_methods(second)}, which "
            "need not agree.",
        )
    if not stated_a and not stated_b:
        found = _by_kind(side_a, side_b)
        if found is None:
            return None
        return Evidence(
            options.estimate_against_tally,
            found + ".",
            "The estimate comes from a kind of body that estimates, by survey or model, the "
            "count from one that tallies what it registers: their methods may differ.",
        )
    stated = stated_a or stated_b
    missing = side_b if stated_a else side_a
    name = names(subject)[0 if stated_a else 1]
    return Evidence(
        options.one_stated,
        f"{ids(stated)} was arrived at by {_methods(stated)}, while {ids(missing)} states no "
        "method: they may have been counted in different ways.",
        f"Only {name} {'state' if name == 'its parts' else 'states'} a method "
        f"({_methods(stated)}); the other does not, so they may have been counted differently.",
    )


def _methods(side: Sequence[Facts]) -> str:
    return ", ".join(quoted(k.claim.method or "") for k in side)


__all__ = ["CODE", "OPTIONS", "TITLE", "Options", "evaluate"]
