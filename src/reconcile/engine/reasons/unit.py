"""``unit``: the claims count in different units.

Fires when the two sides count in different units: a claim's own ``unit`` against its
measure's (persons against cases, say), or rates over different periods (``per: month``
against ``per: year``). A difference of unit of count never changes the status of a
comparison; it is reported so that a reader knows the two counts need not match one to one.
It does not say by how much they may differ, so on its own it does not account for the gap
of a conflict (its score stays below the likely reason's threshold).
Rates over different periods are converted and compared per year (a month is a twelfth of a
year, a week 7 and a day 1 of its 365.25 days), and the explanation gives both figures per
year. A rate against a total over a stated period is converted over that period and compared
as a total, so this reason does not fire on it; a rate against a figure with no period cannot
be compared one to one.

Example::

    measures:
      arrests: {label: "Arrests at the protest", unit: cases}
    claims:
      - {id: police-arrests, measure: arrests, value: "120", ...}
      - {id: lawyers-arrests, measure: arrests, value: "95", unit: persons, ...}

"lawyers-arrests counts persons (the claim's own unit) while police-arrests counts cases
(the unit of measure arrests): the counts need not match one to one." The two conflict, and
with nothing else in the file to account for a gap of 25, the conflict is ``unexplained``.

Rates over different periods::

    measures:
      visitors: {label: "Visitors to the festival grounds", unit: persons}
    claims:
      - {id: office-visitors, measure: visitors, value: "30,000 a month", type: rate, ...}
      - {id: council-visitors, measure: visitors, value: "360,000 a year", type: rate, ...}

The two agree once both are per year: "council-visitors ('360,000 a year') counts per year
and office-visitors ('30,000 a month') counts per month; both are compared per year (360,000
against 360,000)."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.reasons._brief import names
from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Facts, Sides, sides
from reconcile.engine.subjects import Subject, interval_text

CODE = "unit"
TITLE = "different units of count"


class Options(BaseModel):
    different_unit: float = 0.35
    different_rate_period: float = 0.5


OPTIONS = Options()


def _whose(known: Facts) -> str:
    claim = known.claim
    if claim.unit:
        return f"{known.id} counts {known.unit} (the claim's own unit)"
    return f"{known.id} counts {known.unit} (the unit of measure {claim.measure})"


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    if subject.kind == "derived":
        return None
    side_a, side_b = facts or sides(subject)
    everyone = side_a + side_b
    pers = {k.per for k in everyone}
    converted = bool(subject.a.over or subject.b.over)  # a rate made a total over a period
    if len(pers) > 1 and not converted:
        listed = " and ".join(
            f"{k.id} ({k.text}) " + (f"counts per {k.per}" if k.per else "is a total, not a rate")
            for k in everyone
        )
        a, b = subject.a, subject.b
        both = None not in pers and subject.kind == "pair"
        compared = (
            f"; both are compared per year ({interval_text(a.low, a.high, a.best)} against "
            f"{interval_text(b.low, b.high, b.best)})"
            if both
            else ": a rate and a total cannot be compared one to one"
        )
        if both:
            per_a, per_b = side_a[0].per, side_b[0].per
            brief = (
                f"One counts per {per_a} and the other per {per_b}, so both are compared per year."
            )
        else:
            brief = "One is a rate and the other a total, so they cannot be compared one to one."
        return Evidence(options.different_rate_period, f"{listed}{compared}.", brief)
    units_a, units_b = {k.unit for k in side_a}, {k.unit for k in side_b}
    if units_a == units_b and len(units_a) == 1:
        return None
    if subject.b.single:
        other = _whose(side_b[0])
    else:
        parts = "; ".join(f"{k.id} counts {k.unit}" for k in side_b)
        other = f"the parts are counted as follows: {parts}"
    name_a, name_b = names(subject)
    counted_b = " and ".join(sorted(units_b))
    verb = "count" if name_b == "its parts" else "counts"
    return Evidence(
        options.different_unit,
        f"{_whose(side_a[0])} while {other}: the counts need not match one to one.",
        f"{name_a[:1].upper()}{name_a[1:]} counts {side_a[0].unit} and {name_b} {verb} "
        f"{counted_b}, so the counts need not match one to one.",
    )
