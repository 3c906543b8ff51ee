"""``claim-type``: a limit, target or estimate against a count.

Fires when the two claims are of different ``type``: a cap ("up to 30,000 may return")
against the count of those who did, a target ("70,000 are needed") against an actual figure,
or an estimate against a count. Such figures can differ, or agree, without either being
wrong. The explanation names both types and says what each kind of figure is; by default a
target scores highest, then a limit, then an estimate, and any other pair of types (a rate
against a count, say) least. A target or a limit accounts for the gap of a conflict (what
was wanted or allowed is not what happened); an estimate may be off either way and by any
amount, so an estimate against a count, on its own, scores too little to be the likely
reason.

Example::

    measures:
      places: {label: "Places on the job scheme", unit: persons}
    claims:
      - {id: scheme-cap, measure: places, value: "up to 5,000", type: limit, ...}
      - {id: scheme-filled, measure: places, value: "4,200", type: count, ...}

The two agree (4,200 is within the cap), and the reason still says why they need not:
"scheme-cap is a limit ('up to 5,000') and scheme-filled is a count ('4,200'): a limit is a
cap, not a tally; a count reports what was tallied."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Sides, sides
from reconcile.engine.subjects import Subject

CODE = "claim-type"
TITLE = "a limit, target or estimate against a count"

_WHAT = {
    "count": "a count reports what was tallied",
    "limit": "a limit is a cap, not a tally",
    "target": "a target says what is wanted, not what happened",
    "estimate": "an estimate is a judgement, not a tally",
    "rate": "a rate counts per period",
    "legal-range": "a legal range states what the law allows",
    "share": "a share is a part of a whole",
}


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


_NAMED = {kind: f"{_article(kind)} {kind}" for kind in _WHAT}  # "an estimate"

# what a brief calls each kind of figure, and what that kind of figure is
_BRIEF_NAME = {"legal-range": "legal range", "share": "proportion"}
_BRIEF_WHAT = {
    "count": "reports what was tallied",
    "limit": "is a cap, not a tally",
    "target": "says what is wanted, not what happened",
    "estimate": "is a judgement, not a tally",
    "rate": "counts per period",
    "legal-range": "states what the law allows",
    "share": "is a part of a whole",
}


def _brief(type_a: str, type_b: str) -> str:
    """The two kinds in plain words, the one that is not a count first: "The estimate is a
    judgement, not a tally, and the count reports what was tallied, so ..."."""
    first, second = (type_b, type_a) if type_a == "count" else (type_a, type_b)
    one, other = (_BRIEF_NAME.get(t, t) for t in (first, second))
    return (
        f"The {one} {_BRIEF_WHAT[first]}, and the {other} {_BRIEF_WHAT[second]}, so they may "
        "differ without either being wrong."
    )


class Options(BaseModel):
    limit: float = 0.55
    target: float = 0.7
    estimate: float = 0.4
    other: float = 0.3


OPTIONS = Options()


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    if subject.kind != "pair":
        return None
    side_a, side_b = facts or sides(subject)
    a, b = side_a[0], side_b[0]
    type_a, type_b = a.claim.type, b.claim.type
    if type_a == type_b:
        return None
    kinds = {type_a, type_b}
    scores = [getattr(options, k) for k in ("target", "limit", "estimate") if k in kinds]
    score = max(scores, default=options.other)
    return Evidence(
        score,
        f"{a.id} is {_NAMED[type_a]} ({a.text}) and {b.id} is {_NAMED[type_b]} ({b.text}): "
        f"{_WHAT[type_a]}; {_WHAT[type_b]}.",
        _brief(type_a, type_b),
    )
