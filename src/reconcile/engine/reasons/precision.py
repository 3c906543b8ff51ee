"""``precision``: rounding or hedging accounts for the gap.

A figure written ``30,000`` was given to the nearest 10,000, so it may be a rounded
``29,000``; half that unit is its rounding allowance (see the format's *Precision*). This
reason fires for a conflict whose gap lies within the rounding of the coarser figure ("3,000"
may stand for 2,500 to 3,500, which takes in 2,880), or within one unit of the coarser
figure's last stated digit when the figures are close: "37.7 million" and "37.8 million"
differ by one step of the hundred thousands, as when one account rounds a figure (37.76
million) and another cuts it short. That is taken as precision only while the gap is a small
part of the figures (a relative gap under ``settings.minor_gap``, 2% by default): "500"
against "600" is one step of the hundreds too, but a sixth of the figure, and more likely two
figures.

A hedge already says how loose a figure is, so a hedged figure is taken as the tool reads
it, with no rounding on top: with the default tolerances "nearly 300" is 285 to 300 and
"about 250" is 237.5 to 262.5, not anything from 250 to 350. The same goes for ranges and
magnitudes ("tens of thousands"), which carry no precision, and for legal ranges, whose
bounds are exact ("up to 1,000" in a law is 1,000). A count given to the unit ("118" deaths)
is a tally, with nothing to round.

It also fires for figures that agree although their stated values differ: when a hedge
("nearly", "about") widens one of them so that the two meet, it says so; otherwise, when the
stated values differ by no more than the coarser figure's rounding allowance, it says that
the rounding takes in the other figure. (Without a hedge, two single figures agree only
when they are equal, so that case comes from a ``{low, best, high}`` mapping, a sum of parts
or a derived figure.)

Example::

    measures:
      audience: {label: "Viewers of the final", unit: persons}
    claims:
      - {id: herald-viewers, measure: audience, value: "37.7 million", ...}
      - {id: courier-viewers, measure: audience, value: "37.8 million", ...}

The two figures conflict (the gap is 100,000), and ``precision`` is the likely reason:
"courier-viewers ('37.8 million') is given to the nearest 100,000, and herald-viewers ('37.7
million') differs from it by no more than that one step of its last digit, as when one
account rounds a figure and another cuts it short: the gap of 100,000 is 0.3% of the larger
figure."
Had one of them said ``about 38 million`` (36.1 to 39.9 million with the default tolerance),
the two would agree: "the figures agree only once the hedge of … is applied".
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.reasons._brief import text
from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Sides
from reconcile.engine.subjects import Figure, Gap, Subject, figure_text, fmt, quoted
from reconcile.model.entries import Claim

CODE = "precision"
TITLE = "rounding or hedging accounts for the gap"

# the kinds of value whose looseness is in the interval already: a hedge or a magnitude (a
# written range carries no precision at all; a {low, best, high} mapping's best does)
_HEDGED = frozenset({"approximate", "nearly", "magnitude"})


class Options(BaseModel):
    gap_within_rounding: float = 0.85
    rounded_equal: float = 0.5
    hedge_bridges: float = 0.3


OPTIONS = Options()


def _rounds(claim: Claim) -> bool:
    """The claim's stated figure may have been rounded: it is written as a figure or an open
    bound (not hedged, a range or a magnitude), it is not a legal range, and it is not a
    count given to the unit, which is a tally with nothing to round ("118" deaths)."""
    value = claim.value
    if value.kind in _HEDGED or value.precision is None or claim.type == "legal-range":
        return False
    return not (claim.type == "count" and value.precision is not None and value.precision <= 1)


def allowance(figure: Figure) -> float:
    """How far the figure's stated value may be from what it rounds: half the unit it was
    given to, for figures as written; nothing for a hedged figure, a range or a magnitude,
    whose looseness is already in the interval, nor for a count given to the unit. A sum of
    parts allows what its parts do. An allowance far below the figure (a table's "16.3" read
    as 16.299999999999955) is taken as none."""
    if figure.note and len(figure.records) > 1:
        if figure.rounding == 0:
            return 0.0  # what a derived claim's inputs give: computed, not rounded
        allowed = sum(r.claim.value.rounding for r in figure.records if _rounds(r.claim))
    elif _rounds(figure.claim):
        allowed = figure.rounding
    else:
        return 0.0
    return allowed if allowed > 1e-9 * max(abs(figure.low), abs(figure.high), 1.0) else 0.0


def _number(value: float) -> str:
    """A figure for a span's ends, with the decimals a half unit needs: 117.5, not 118."""
    if abs(value) >= 1e6 or float(value).is_integer():
        return fmt(value)
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _centre(figure: Figure) -> float:
    if figure.best is not None:
        return figure.best
    if figure.single and figure.claim.value.lower_open:
        return figure.high  # "up to 30,000": the figure given is the upper end
    return figure.low


def _span(figure: Figure, allowed: float) -> str:
    centre = _centre(figure)
    low = centre - allowed
    if centre >= 0 > low:
        low = 0.0  # a figure of 0 or more does not stand for less than nothing
    return f"{_number(low)} to {_number(centre + allowed)}{figure.suffix}"


def _rounding_words(figure: Figure, allowed: float) -> str:
    return (
        f"{figure_text(figure)} is given to the nearest {fmt(allowed * 2)}{figure.suffix}, so "
        f"it may stand for anything from {_span(figure, allowed)}"
    )


def _needs_hedge(figure: Figure, other: Figure) -> bool:
    """The figure's hedge is what makes it meet the other: its stated value alone does not."""
    if not (figure.single and figure.claim.value.hedge and figure.best is not None):
        return False
    return not other.low <= figure.best <= other.high and figure.low < figure.high


def _within(a: Figure, b: Figure, gap: Gap, minor_gap: float, score: float) -> Evidence | None:
    allow_a, allow_b = allowance(a), allowance(b)
    coarser = a if allow_a >= allow_b else b
    allowed = max(allow_a, allow_b)
    if allowed == 0:
        return None
    if gap.absolute <= allowed:  # the coarser figure's rounding takes the gap in
        return Evidence(
            score,
            f"{_rounding_words(coarser, allowed)}: the gap of {fmt(gap.absolute)}"
            f"{coarser.suffix} lies within that rounding.",
            f"{text(coarser)} is given to the nearest {fmt(allowed * 2)}{coarser.suffix}, so the "
            f"gap of {fmt(gap.absolute)}{coarser.suffix} lies within its rounding.",
        )
    if gap.absolute > 2 * allowed or gap.relative >= minor_gap:
        return None  # beyond one step of the last digit, or a step that is a large part
    finer = b if coarser is a else a
    unit = fmt(allowed * 2)
    return Evidence(
        score,
        f"{figure_text(coarser)} is given to the nearest {unit}{coarser.suffix}, and "
        f"{figure_text(finer)} differs from it by no more than that one step of its last "
        f"digit, as when one account rounds a figure and another cuts it short: the gap of "
        f"{fmt(gap.absolute)}{coarser.suffix} is {gap.relative:.1%} of the larger figure.",
        f"{text(coarser)} is given to the nearest {unit}{coarser.suffix}, and the other differs "
        "by one step of its last digit, as when one account rounds and another cuts short.",
    )


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    a, b = subject.a, subject.b
    gap = subject.gap
    if subject.status == "conflict" and gap is not None:
        if subject.kind == "derived":
            return None  # the derived claim is already held to its inputs with its rounding
        minor_gap = subject.dataset.settings.minor_gap
        return _within(a, b, gap, minor_gap, options.gap_within_rounding)
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
        hedged = " and ".join(
            f"{text(f)} ({fmt(f.low)} to {fmt(f.high)}{f.suffix})" for f in needed
        )
        return Evidence(
            options.hedge_bridges,
            f"the figures agree only once {words}.",
            f"The figures meet only through the hedge of {hedged}.",
        )
    coarser, finer = (b, a) if allowance(b) > allowance(a) else (a, b)  # a when they tie
    allowed = allowance(coarser)
    if allowed > 0 and abs(a.best - b.best) <= allowed:
        return Evidence(
            options.rounded_equal,
            f"{_rounding_words(coarser, allowed)}, which takes in {fmt(finer.best)}{finer.suffix}.",
            f"{text(coarser)} is given to the nearest {fmt(allowed * 2)}{coarser.suffix}, so its "
            f"rounding takes in {fmt(finer.best)}{finer.suffix}.",
        )
    return None
