"""Reading a value that YAML gave as a number, or as a ``{low, best, high}`` mapping."""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

from reconcile.intake.values.figures import (
    TOO_LARGE,
    Figure,
    check_size,
    read_figure,
    refuse_dot_or_thousands,
)
from reconcile.intake.values.quantity import MAX_MAGNITUDE, MAX_TEXT_LENGTH, Quantity, Unreadable
from reconcile.intake.values.tokens import check_vocabulary, normalise, tokenize


def _number_text(number: int | float) -> str:
    try:
        return float.__repr__(number) if isinstance(number, float) else int.__repr__(number)
    except ValueError:  # an integer too long to print
        return "<a very large integer>"


def read_number(number: int | float) -> Figure:
    if isinstance(number, float):
        if math.isnan(number):
            raise Unreadable("NaN is not a number")
        if math.isinf(number):
            raise Unreadable("infinity is not a figure")
        value = check_size(Decimal(repr(number)))
    else:
        if abs(number) > MAX_MAGNITUDE:  # before Decimal(), which is slow for huge numbers
            raise Unreadable(TOO_LARGE)
        value = check_size(Decimal(number))
    return Figure(value, None, None, False)  # exact as given: no rounding to allow for


def item_text(item: object) -> str:
    if isinstance(item, str):
        return item
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return _number_text(item)
    return f"<{type(item).__name__}>"


def mapping_text(raw: Mapping[object, object]) -> str:
    parts = [f"{item_text(key)}: {item_text(item)}" for key, item in raw.items()]
    return "{" + ", ".join(parts) + "}"


def _read_item(key: str, item: object) -> Figure:
    try:
        if isinstance(item, bool):
            raise Unreadable("true/false is not a number")
        if isinstance(item, int | float):
            return read_number(item)
        if isinstance(item, str):
            if len(item) > MAX_TEXT_LENGTH:
                raise Unreadable(f"too long (the limit is {MAX_TEXT_LENGTH} characters)")
            tokens = tokenize(normalise(item))
            check_vocabulary(tokens)
            figure = read_figure(tokens)  # its own errors first ("4.375%" is no figure)
            refuse_dot_or_thousands(tokens)
            return figure
        raise Unreadable(f"a {type(item).__name__} is not a number")
    except Unreadable as error:
        raise Unreadable(f"{key!r}: {error.reason}") from None


def parse_mapping(raw: Mapping[object, object], text: str) -> Quantity:
    figures: dict[str, Figure] = {}
    for key, item in raw.items():
        if key not in {"low", "best", "high"}:
            raise Unreadable(f"unknown key {item_text(key)!r}: use low, best and high")
        if item is not None:
            figures[str(key)] = _read_item(str(key), item)
    if not figures:
        raise Unreadable("a mapping needs at least one of low, best and high")
    low, best, high = (figures.get(key) for key in ("low", "best", "high"))
    if low is not None and high is not None and low.value > high.value:
        raise Unreadable("'low' above 'high'")
    if best is not None and (
        (low is not None and best.value < low.value)
        or (high is not None and best.value > high.value)
    ):
        raise Unreadable("'best' outside 'low'..'high'")
    if best is not None and low is None and high is None:
        kind = "exact"
        low = high = best
    elif low is not None and high is not None:
        kind = "range"
    else:
        kind = "at-least" if low is not None else "at-most"
    stated = [figure.value for figure in (best, high) if figure is not None]
    floor: Decimal | float = Decimal(0) if min(stated, default=0) >= 0 else -math.inf
    # the figure stated, else the stated end of an open bound; a range's bounds carry none
    given = best if best is not None else (low if high is None else high if low is None else None)
    return Quantity(
        text=text,
        low=float(low.value if low is not None else floor),
        best=None if best is None else float(best.value),
        high=float(high.value) if high is not None else math.inf,
        kind=kind,
        hedge=None,
        framing=(),
        precision=None if given is None or given.precision is None else float(given.precision),
        unit=None,
        per=None,
        lower_open=low is None,
        upper_open=high is None,
    )
