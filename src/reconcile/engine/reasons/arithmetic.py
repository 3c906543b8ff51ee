"""``arithmetic``: a derived figure does not follow from the figures it is derived from.

A claim with ``derived: {op: ratio | sum | difference, of: [...]}`` states a figure that
should follow from other claims. The engine computes, with interval arithmetic, every value
the inputs allow (a share derived as a ratio is compared as ratio × 100), and holds the
stated figure to it with the figure's own rounding allowance: a stated ``83%`` stands for
82.5 to 83.5, so it follows from 150 out of 180 (83.3%). This reason fires when even the
rounded figure cannot follow.

Example::

    measures:
      schools-spend: {label: "Spending on schools", unit: "currency:EUR"}
      total-spend: {label: "Total city spending", unit: "currency:EUR"}
      schools-share: {label: "Share of spending on schools", unit: percent}
    claims:
      - {id: budget-schools, measure: schools-spend, value: "44.4 million", ...}
      - {id: budget-total, measure: total-spend, value: "between 300 and 400 million", ...}
      - {id: schools-share, measure: schools-share, value: "16%", type: share,
         derived: {op: ratio, of: [budget-schools, budget-total]}, ...}

44.4 million out of 300 to 400 million is 11.1% to 14.8%, and 16% (15.5% to 16.5% once its
rounding is allowed for) lies above all of it: a ``major`` conflict, and ``arithmetic`` is
the likely reason: "schools-share states '16%' (15.5 to 16.5 once its rounding is allowed
for); … gives 11.1 to 14.8: it does not follow from its inputs."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Sides
from reconcile.engine.subjects import Figure, Subject, interval_text, quoted

CODE = "arithmetic"
TITLE = "a derived figure does not follow from its inputs"


class Options(BaseModel):
    cannot_follow: float = 0.95


OPTIONS = Options()


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    if subject.kind != "derived" or subject.status != "conflict":
        return None
    stated, computed = subject.a, subject.b
    claim = stated.claim
    assert claim.derived is not None
    low, high = stated.low - stated.rounding, stated.high + stated.rounding
    widened = (
        f" ({interval_text(low, high)} once its rounding is allowed for)" if stated.rounding else ""
    )
    head = (
        f"{claim.id} states {quoted(claim.value.text)}{widened}; {computed.note} gives "
        f"{interval_text(computed.low, computed.high, computed.best)}"
    )
    allowed = ", even with its rounding allowed for" if stated.rounding else ""
    brief = (
        f"Its inputs give {interval_text(computed.low, computed.high, computed.best)}, so the "
        f"derived figure does not follow from them{allowed}."
    )
    return Evidence(options.cannot_follow, f"{head}: it does not follow from its inputs.", brief)


__all__ = ["CODE", "TITLE", "Figure", "evaluate"]
