"""``claim-type``: a limit, target or estimate against a count.

Fires when the two claims are of different ``type``: a cap ("up to 30,000 may return")
against the count of those who did, a target ("70,000 are needed") against an actual figure,
or an estimate against a count. Such figures can differ, or agree, without either being
wrong.

Example::

    claims:
      - {id: scheme-cap, measure: places, value: "up to 5,000", type: limit, ...}
      - {id: scheme-filled, measure: places, value: "4,200", type: count, ...}

"scheme-cap is a limit ('up to 5,000') and scheme-filled is a count ('4,200'): a limit
bounds a count, it does not report one."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.reasons._evidence import Evidence
from reconcile.subjects import Subject

CODE = "claim-type"
TITLE = "a limit, target or estimate against a count"

_WHAT = {
    "limit": "a limit bounds a count, it does not report one",
    "target": "a target says what is wanted, not what happened",
    "estimate": "an estimate is a judgement, not a tally",
}


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


class Options(BaseModel):
    limit: float = 0.55
    target: float = 0.7
    estimate: float = 0.4
    other: float = 0.3


OPTIONS = Options()


def evaluate(subject: Subject, options: Options = OPTIONS) -> Evidence | None:
    if subject.kind != "pair":
        return None
    a, b = subject.a.claim, subject.b.claim
    if a.type == b.type:
        return None
    kinds = {a.type, b.type}
    for kind in ("target", "limit", "estimate"):
        if kind in kinds:
            score, why = getattr(options, kind), _WHAT[kind]
            break
    else:
        score, why = options.other, "the two types of figure are not directly comparable"
    return Evidence(
        score,
        f"{a.id} is {_article(a.type)} {a.type} ({a.value.text!r}) and {b.id} is "
        f"{_article(b.type)} {b.type} "
        f"({b.value.text!r}): {why}.",
    )
