"""What reading a value gives (:class:`Quantity`), the limits of what is read, and the error
raised for text that cannot be read."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

__all__ = [
    "ACCEPTED_FORMS",
    "MAX_MAGNITUDE",
    "MAX_TEXT_LENGTH",
    "Quantity",
    "Unreadable",
    "ValueTextError",
    "exact_quantity",
    "make_quantity",
]

MAX_TEXT_LENGTH: Final = 200
"""Longest value text that is read at all, in characters."""

MAX_MAGNITUDE: Final = 10**21
"""Largest figure, in size, that is read."""

ACCEPTED_FORMS: Final[tuple[str, ...]] = (
    "235,000",
    "235 000",
    "4,81,486",
    "1.50",
    "-3.5%",
    "235k",
    "235 thousand",
    "0.235 million",
    "1.2 bn",
    "32 lakh",
    "1.2 crore",
    "two million",
    "one hundred and five",
    "a dozen",
    "half a million",
    "a million and a half",
    "twice",
    "three times",
    "fifth",
    "21st",
    "nearly 54,000",
    "about 500",
    "at least 1.2 million",
    "more than 600",
    "up to 10 years",
    "fewer than 600",
    "between 300,000 and 500,000",
    "300,000-500,000",
    "300,000 to 500,000",
    "5–12 years",
    "tens of thousands",
    "10 per cent",
    "500 square kilometres",
    "30,000 a month",
    "30,000 per year",
    "only 29,000",
    "as many as 500",
    "{low: 300000, best: 400000, high: 500000}",
)

_SHOWN_TEXT: Final = 80  # characters of an unreadable text quoted in its error message


class ValueTextError(ValueError):
    """Text that is not a readable figure.

    ``str(err)`` is the full user message: it quotes the text, says what is wrong, and
    lists the accepted forms, one a line.
    """

    text: str
    reason: str

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(_message(text, reason))

    def __reduce__(self) -> tuple[type[ValueTextError], tuple[str, str]]:
        return ValueTextError, (self.text, self.reason)


def _message(text: str, reason: str) -> str:
    shown = text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "…"
    quoted = f'"{shown}"' if shown.isprintable() else repr(shown)
    forms = "\n".join(f"  {form}" for form in ACCEPTED_FORMS)
    return f"cannot read the value {quoted}: {reason}\naccepted forms:\n{forms}"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as read from its text: an interval, the figure stated, and what qualified it."""

    text: str
    """The value as written (a YAML number: its repr, such as ``235000`` or ``0.1``)."""
    low: float
    """The lowest value the text allows (0 for "up to 10")."""
    best: float | None
    """The figure as stated; None when the text states none (ranges, "at least", ...)."""
    high: float
    """The highest value the text allows; ``math.inf`` when unbounded."""
    kind: str
    """One of "exact", "approximate", "nearly", "at-least", "at-most", "range", "magnitude"."""
    hedge: str | None
    """The hedge words as found, lowercased and space-folded ("nearly", "between", ...)."""
    framing: tuple[str, ...]
    """Framing words found, lowercased ("a mere", "only", "as many as", ...)."""
    precision: float | None
    """The unit the figure was given to (30,000 -> 10000; 1.50 -> 0.01), or None."""
    unit: str | None
    """The canonical unit written in the text ("percent", "years", "km2", ...), or None."""
    per: str | None
    """The rate period written in the text: "day", "week", "month" or "year", or None."""
    lower_open: bool
    """True when the low end is not stated ("up to 10")."""
    upper_open: bool
    """True when the high end is not stated ("at least 10", "more than 10")."""
    low_strict: bool = False
    """True when ``low`` itself is excluded: "more than 10" allows any figure above 10, not
    10 ("at least 10" allows 10)."""
    high_strict: bool = False
    """True when ``high`` itself is excluded: "fewer than 10" allows any figure below 10,
    not 10 ("up to 10" allows 10)."""

    @property
    def rounding(self) -> float:
        """Half the precision: the figure's rounding allowance; 0.0 without a precision."""
        return 0.0 if self.precision is None else self.precision / 2

    def unbounded_below(self) -> Quantity:
        """The figure as read on a signed measure: a low end left unstated ("up to 10",
        "fewer than 10", a mapping without ``low``) has no limit, not 0."""
        if not self.lower_open or self.low == -math.inf:
            return self
        return replace(self, low=-math.inf)


class Unreadable(Exception):
    """Raised inside the reader; parse_value turns it into a ValueTextError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def make_quantity(
    text: str,
    low: Decimal | float,
    best: Decimal | None,
    high: Decimal | float,
    kind: str,
    precision: Decimal | None,
    hedge: str | None,
    framing: tuple[str, ...],
    unit: str | None,
    per: str | None,
    *,
    lower_open: bool = False,
    upper_open: bool = False,
    low_strict: bool = False,
    high_strict: bool = False,
) -> Quantity:
    """A :class:`Quantity` from the reader's decimals, as floats."""
    return Quantity(
        text=text,
        low=float(low),
        best=None if best is None else float(best),
        high=float(high),
        kind=kind,
        hedge=hedge,
        framing=framing,
        precision=None if precision is None else float(precision),
        unit=unit,
        per=per,
        lower_open=lower_open,
        upper_open=upper_open,
        low_strict=low_strict,
        high_strict=high_strict,
    )


def exact_quantity(text: str, value: Decimal, precision: Decimal | None) -> Quantity:
    """A figure stated exactly, with no hedge, unit or rate."""
    best = float(value)
    return Quantity(
        text=text,
        low=best,
        best=best,
        high=best,
        kind="exact",
        hedge=None,
        framing=(),
        precision=None if precision is None else float(precision),
        unit=None,
        per=None,
        lower_open=False,
        upper_open=False,
    )
