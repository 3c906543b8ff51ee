"""``precision``: rounding or hedging accounts for the gap.

A figure written ``30,000`` was given to the nearest 10,000, so it may be a rounded
``29,000``; half that unit is its rounding allowance (see the format's *Precision*). This
reason fires for a conflict whose gap lies within the rounding allowance of either figure.
It also fires for figures that agree although their stated values differ: when a hedge
("nearly", "about") widens one of them so that the two meet, it says so; otherwise, when the
stated values differ by no more than the coarser figure's rounding allowance, it says that
the rounding takes in the other figure. (Without a hedge, two single figures agree only
when they are equal, so that case comes from a ``{low, best, high}`` mapping, a sum of parts
or a derived figure.) A legal range states its bounds exactly ("up to 1,000" in a law is
1,000, not anything from 500 to 1,500), so it has no rounding allowance: the reason never
rests on one, and a gap between legal bounds is minor only under ``settings.minor_gap``.

Example::

    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-count, measure: crowd, value: "30,000", ...}
      - {id: council-count, measure: crowd, value: "29,000", ...}

The two figures conflict (the gap is 1,000), but the conflict is ``minor``, and
``precision`` is the likely reason: "police-count ('30,000') is given to the nearest 10,000,
so it may stand for anything from 25,000 to 35,000: the gap of 1,000 lies within that
rounding." Had the police said ``about 30,000`` (28,500 to 31,500), the two would agree:
"the figures agree only once the hedge of police-count ('about 30,000') is applied: it
stands for 28,500 to 31,500."
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.reasons._evidence import Evidence
from reconcile.reasons._facts import Sides
from reconcile.subjects import Figure, Subject, figure_text, fmt, quoted

CODE = "precision"
TITLE = "rounding or hedging accounts for the gap"


class Options(BaseModel):
    gap_within_rounding: float = 0.85
    rounded_equal: float = 0.5
    hedge_bridges: float = 0.3


OPTIONS = Options()


def _rounding_words(figure: Figure) -> str:
    unit = figure.rounding * 2
    if figure.best is not None:
        centre = figure.best
    elif figure.single and figure.claim.value.lower_open:
        centre = figure.high  # "up to 30,000": the figure given is the upper end
    else:
        centre = figure.low
    per = figure.suffix
    return (
        f"{figure_text(figure)} is given to the nearest {fmt(unit)}{per}, so it may stand for "
        f"anything from {fmt(centre - figure.rounding)} to {fmt(centre + figure.rounding)}{per}"
    )


def _needs_hedge(figure: Figure, other: Figure) -> bool:
    """The figure's hedge is what makes it meet the other: its stated value alone does not."""
    if not (figure.single and figure.claim.value.hedge and figure.best is not None):
        return False
    return not other.low <= figure.best <= other.high and figure.low < figure.high


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    a, b = subject.a, subject.b
    coarser, finer = (b, a) if b.rounding > a.rounding else (a, b)  # a when they tie
    gap = subject.gap
    if subject.status == "conflict" and gap is not None:
        if coarser.rounding > 0 and gap.absolute <= coarser.rounding:
            return Evidence(
                options.gap_within_rounding,
                f"{_rounding_words(coarser)}: the gap of {fmt(gap.absolute)}"
                f"{coarser.suffix} lies within that rounding.",
            )
        return None
    if subject.status != "consistent" or a.best is None or b.best is None or a.best == b.best:
        return None
    needed = [f for f, other in ((a, b), (b, a)) if _needs_hedge(f, other)]
    if needed:
        names = " and ".join(f"{f.claim.id} ({quoted(f.claim.value.text)})" for f in needed)
        spans = " and ".join(f"{fmt(f.low)} to {fmt(f.high)}{f.suffix}" for f in needed)
        if len(needed) == 1:
            words = f"the hedge of {names} is applied: it stands for {spans}"
        else:
            words = f"the hedges of {names} are applied: they stand for {spans}"
        return Evidence(options.hedge_bridges, f"the figures agree only once {words}.")
    if coarser.rounding > 0 and abs(a.best - b.best) <= coarser.rounding:
        return Evidence(
            options.rounded_equal,
            f"{_rounding_words(coarser)}, which takes in {fmt(finer.best)}{finer.suffix}.",
        )
    return None
