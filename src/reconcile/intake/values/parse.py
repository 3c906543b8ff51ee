"""Reading a claim's ``value`` as YAML gave it: the entry point, :func:`parse_value`."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import Final

from reconcile.intake.values.figures import check_size, place
from reconcile.intake.values.mappings import item_text, mapping_text, parse_mapping, read_number
from reconcile.intake.values.quantity import (
    MAX_TEXT_LENGTH,
    Quantity,
    Unreadable,
    ValueTextError,
    exact_quantity,
)
from reconcile.intake.values.quick import PLAIN_DIGITS, quick_text
from reconcile.intake.values.text import Tolerances, parse_text

_PRECISION: Final = 4 * MAX_TEXT_LENGTH  # digits: exact for every figure that fits in the text


@functools.lru_cache(maxsize=65_536)
def _text_quantity(text: str, tolerances: Tolerances) -> Quantity:
    """Read a text; memoised, since figure files repeat their values ("5", "10%", ...)."""
    with localcontext() as context:
        context.prec = _PRECISION
        if len(text) <= MAX_TEXT_LENGTH:
            if PLAIN_DIGITS.fullmatch(text):  # the commonest form
                value = check_size(Decimal(text.replace(",", "")))
                return exact_quantity(text, value, place(value))
            quick = quick_text(text, tolerances)
            if quick is not None:
                return quick
        return parse_text(text, tolerances)


@functools.lru_cache(maxsize=64, typed=True)
def _float_tolerances(approximate: float, nearly: float) -> Tolerances:
    return Tolerances.of(approximate, nearly)


def parse_value(
    raw: str | int | float | Mapping[str, object],
    *,
    approximate: float = 0.05,
    nearly: float = 0.05,
) -> Quantity:
    """Read a claim's ``value`` as YAML gave it: text, a number, or a {low, best, high} mapping.

    ``approximate`` and ``nearly`` are the tolerances of "about" and "nearly" (fractions of
    the figure, at least 0 and below 1). Raises :class:`ValueTextError` for anything that is
    not a readable figure, whatever its type.
    """
    if type(approximate) is float and type(nearly) is float:
        tolerances = _float_tolerances(approximate, nearly)  # checked once for each pair
    else:
        tolerances = Tolerances.of(approximate, nearly)
    if isinstance(raw, str):  # the commonest case, and most often one read before
        try:
            return _text_quantity(raw, tolerances)
        except Unreadable as error:
            raise ValueTextError(raw, error.reason) from None
    obj: object = raw
    text = mapping_text(obj) if isinstance(obj, Mapping) else item_text(obj)
    with localcontext() as context:
        context.prec = _PRECISION
        try:
            if isinstance(obj, bool):
                raise Unreadable("true/false is not a number")
            if isinstance(obj, int | float):
                figure = read_number(obj)
                return exact_quantity(text, figure.value, figure.precision)
            if isinstance(obj, Mapping):
                return parse_mapping(obj, text)
            if obj is None:
                raise Unreadable("empty: no value given")
            raise Unreadable(f"a {type(obj).__name__} is not a figure")
        except Unreadable as error:
            raise ValueTextError(text, error.reason) from None
