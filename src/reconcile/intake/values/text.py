"""Reading a value's text: framing and hedges before the figure, a unit and a rate after it,
and between them a figure, a range or a magnitude."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from reconcile.intake.values.figures import (
    Figure,
    read_figure,
    read_single,
    refuse_dot_or_thousands,
)
from reconcile.intake.values.quantity import MAX_TEXT_LENGTH, Quantity, Unreadable, make_quantity
from reconcile.intake.values.tokens import (
    DASHES,
    PREFIX_INDEX,
    RATE_INDEX,
    UNIT_INDEX,
    Token,
    check_vocabulary,
    match_prefix,
    match_suffix,
    normalise,
    tokenize,
)
from reconcile.intake.values.vocabulary import MAGNITUDES, Role

_SEPARATORS: Final[dict[Role | None, frozenset[str]]] = {
    "between": frozenset({"and", *DASHES}),
    "from": frozenset({"to", *DASHES}),
    None: frozenset({"to", *DASHES}),
}


# --- ranges and magnitudes --------------------------------------------------------------


def _read_bound(tokens: Sequence[Token]) -> tuple[Figure, str | None]:
    words = [token.text for token in tokens]
    end, unit = match_suffix(words, 0, len(words), UNIT_INDEX)
    return read_figure(tokens[:end]), unit


def _read_range(
    tokens: Sequence[Token], separators: frozenset[str]
) -> tuple[Decimal, Decimal, str | None]:
    """Split at the first separator where both sides are figures; return low, high, unit."""
    first_error: Unreadable | None = None
    for index in range(1, len(tokens) - 1):
        if tokens[index].text not in separators:
            continue
        try:
            left, left_unit = _read_bound(tokens[:index])
            right, right_unit = _read_bound(tokens[index + 1 :])
        except Unreadable as error:
            first_error = first_error or error
            continue
        if left_unit and right_unit and left_unit != right_unit:
            raise Unreadable(f"the two ends are in different units ({left_unit}, {right_unit})")
        low, high = left.value, right.value
        if not left.scaled and right.end_scale is not None and low * right.end_scale <= high:
            low = low * right.end_scale  # "between 3.4 and 4.9 million"
        if low > high:
            raise Unreadable(f"the range runs backwards: {low:,f} is above {high:,f}")
        return low, high, left_unit or right_unit
    if first_error is not None:
        raise first_error
    raise Unreadable("a range needs two figures, as in 'between 300,000 and 500,000'")


def _is_range(tokens: Sequence[Token]) -> bool:
    return any(token.text in _SEPARATORS[None] for token in tokens[1:])


# --- text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tolerances:
    approximate: Decimal
    nearly: Decimal

    @classmethod
    def of(cls, approximate: float, nearly: float) -> Tolerances:
        for name, tolerance in (("approximate", approximate), ("nearly", nearly)):
            if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
                raise TypeError(f"the {name} tolerance must be a number")
            if not 0 <= tolerance < 1:
                raise ValueError(f"the {name} tolerance must be at least 0 and below 1")
        return cls(Decimal(repr(approximate)), Decimal(repr(nearly)))


def parse_text(text: str, tolerances: Tolerances) -> Quantity:
    if len(text) > MAX_TEXT_LENGTH:
        raise Unreadable(f"too long ({len(text)} characters; the limit is {MAX_TEXT_LENGTH})")
    tokens = tokenize(normalise(text))
    if not tokens:
        raise Unreadable("empty: no number found")
    check_vocabulary(tokens)
    words = [token.text for token in tokens]

    start = 0
    framing: list[str] = []
    hedge: str | None = None
    role: Role | None = None
    while (found := match_prefix(words, start, PREFIX_INDEX)) is not None:
        phrase, phrase_role = found
        if phrase_role == "framing":
            framing.append(" ".join(phrase))
        elif hedge is None:
            hedge, role = " ".join(phrase), phrase_role
        else:
            raise Unreadable(f"two hedges, {hedge!r} and {' '.join(phrase)!r}")
        start += len(phrase)
    end, per = match_suffix(words, start, len(words), RATE_INDEX)
    end, unit = match_suffix(words, start, end, UNIT_INDEX)
    core = tokens[start:end]
    if not core:
        raise Unreadable("no number found")
    if unit != "percent":  # a share is never written with a dot between thousands
        refuse_dot_or_thousands(core)

    def quantity(
        low: Decimal | float, best: Decimal | None, high: Decimal | float, kind: str
    ) -> Quantity:
        return make_quantity(text, low, best, high, kind, None, hedge, tuple(framing), unit, per)

    core_words = tuple(words[start:end])
    if role in {"between", "from"} or (role is None and _is_range(core)):
        low, high, bound_unit = _read_range(core, _SEPARATORS[role])
        if unit and bound_unit and unit != bound_unit:
            raise Unreadable(f"the two ends are in different units ({bound_unit}, {unit})")
        unit = unit or bound_unit
        return quantity(low, None, high, "range")
    if _is_range(core):  # with a hedge: a bare range was read above
        raise Unreadable(f"{hedge!r} cannot qualify a range")
    if core_words in MAGNITUDES:
        if role is not None:
            raise Unreadable(f"{hedge!r} cannot qualify a magnitude")
        low_int, high_int = MAGNITUDES[core_words]
        return quantity(Decimal(low_int), None, Decimal(high_int), "magnitude")

    value, precision = read_single(core)
    return stated(text, value, precision, role, hedge, tuple(framing), unit, per, tolerances)


def stated(
    text: str,
    value: Decimal,
    precision: Decimal | None,
    role: Role | None,
    hedge: str | None,
    framing: tuple[str, ...],
    unit: str | None,
    per: str | None,
    tolerances: Tolerances,
) -> Quantity:
    """One figure, widened or bounded by its hedge (``role``; None for an exact figure)."""
    rest = (hedge, framing, unit, per)
    if role is None:
        return make_quantity(text, value, value, value, "exact", precision, *rest)
    if role == "nearly":
        other = value * (1 - tolerances.nearly)
        return make_quantity(
            text, min(value, other), value, max(value, other), "nearly", precision, *rest
        )
    if role == "approximate":
        below = value * (1 - tolerances.approximate)
        above = value * (1 + tolerances.approximate)
        return make_quantity(
            text, min(below, above), value, max(below, above), "approximate", precision, *rest
        )
    if role in ("at-least", "more-than"):
        return make_quantity(
            text,
            value,
            None,
            math.inf,
            "at-least",
            precision,
            *rest,
            upper_open=True,
            low_strict=role == "more-than",
        )
    low_end: Decimal | float = Decimal(0) if value >= 0 else -math.inf
    return make_quantity(
        text,
        low_end,
        None,
        value,
        "at-most",
        precision,
        *rest,
        lower_open=True,
        high_strict=role == "fewer-than",
    )
