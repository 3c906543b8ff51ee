"""``arithmetic``: a derived figure does not follow from the figures it is derived from.

A claim with ``derived: {op: ratio | sum | difference, of: [...]}`` states a figure that
should follow from other claims. The engine computes, with interval arithmetic, every value
the inputs allow (a share derived as a ratio is compared as ratio × 100); this reason then
widens the stated figure by its rounding allowance (a stated ``10%`` stands for 9.5 to 10.5)
and says whether the figure follows, follows only in part of an input's range, or cannot
follow at all. It fires only when the stated figure conflicts with what the inputs give.

Example::

    measures:
      schools-spend: {label: "Spending on schools", unit: "currency:EUR"}
      total-spend: {label: "Total city spending", unit: "currency:EUR"}
      schools-share: {label: "Share of spending on schools", unit: percent}
    claims:
      - {id: budget-schools, measure: schools-spend, value: "44.4 million", ...}
      - {id: budget-total, measure: total-spend, value: "between 300 and 400 million", ...}
      - {id: schools-share, measure: schools-share, value: "15%", type: share,
         derived: {op: ratio, of: [budget-schools, budget-total]}, ...}

44.4 million out of 300 to 400 million is 11.1% to 14.8%, so 15% does not follow as
stated. Once its rounding is allowed for (14.5% to 15.5%) it does, but only when the total
is at most 306.2 million; the conflict is ``minor``, and ``arithmetic`` is the likely
reason: "schools-share states '15%' (14.5 to 15.5 once its rounding is allowed for); …
gives 11.1 to 14.8: it follows only when its rounding is allowed for; possible only where
budget-total is in the bottom 6% of its 300 million to 400 million range (up to 306.2
million)."
"""

from __future__ import annotations

import math

from pydantic import BaseModel

from reconcile.reasons._evidence import Evidence
from reconcile.reasons._facts import Sides
from reconcile.subjects import Figure, Subject, feasible, fmt, interval_text, quoted

CODE = "arithmetic"
TITLE = "a derived figure does not follow from its inputs"


class Options(BaseModel):
    cannot_follow: float = 0.95
    follows_only_with_rounding: float = 0.9


OPTIONS = Options()


def _where(lo: float, hi: float, f_lo: float, f_hi: float) -> str:
    share = (f_hi - f_lo) / (hi - lo) * 100
    pct = f"{share:.0f}%" if share >= 1 else f"{share:.1g}%"
    if f_lo <= lo and f_hi < hi:
        return f"the bottom {pct} of its {fmt(lo)} to {fmt(hi)} range (up to {fmt(f_hi)})"
    if f_hi >= hi and f_lo > lo:
        return f"the top {pct} of its {fmt(lo)} to {fmt(hi)} range (from {fmt(f_lo)})"
    return f"{fmt(f_lo)} to {fmt(f_hi)}, {pct} of its {fmt(lo)} to {fmt(hi)} range"


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
    if high < computed.low or low > computed.high:
        return Evidence(options.cannot_follow, f"{head}: it does not follow from its inputs.")
    limits = []
    for record, (f_lo, f_hi) in zip(
        computed.records, feasible(claim.derived.op, computed, low, high), strict=True
    ):
        value = record.claim.value
        bounded = math.isfinite(value.low) and math.isfinite(value.high)
        if bounded and value.high > value.low and (f_lo > value.low or f_hi < value.high):
            limits.append(f"{record.claim.id} is in {_where(value.low, value.high, f_lo, f_hi)}")
    where = "; possible only where " + " and ".join(limits) if limits else ""
    return Evidence(
        options.follows_only_with_rounding,
        f"{head}: it follows only when its rounding is allowed for{where}.",
    )


__all__ = ["CODE", "TITLE", "Figure", "evaluate"]
