"""The quick path: the commonest forms of a figure file, read without tokenizing."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from reconcile.intake.values.figures import DOT_OR_THOUSANDS, check_size, place
from reconcile.intake.values.quantity import Quantity, Unreadable, make_quantity
from reconcile.intake.values.text import Tolerances, stated
from reconcile.intake.values.vocabulary import SCALES, Role

PLAIN_DIGITS: Final = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0")

# The common forms of a figure file, in the spelling that folding leaves as it is (lowercase,
# single spaces): a figure in digits, grouped by commas or spaces or with a decimal point,
# with "k", "thousand" or "million" after it, and one of four hedges before it; or a range
# "between X and Y" of two such figures without scale words. These are read without
# tokenizing, by the same arithmetic as the full reader, which reads everything else.
_QUICK_FIGURE: Final = (
    r"[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+|(?:[1-9][0-9]*|0)(?:\.[0-9]+)?"
)
_QUICK_FORM: Final = re.compile(
    rf"(?:(?P<hedge>about|nearly|at least|up to) )?(?P<figure>{_QUICK_FIGURE})"
    rf"(?P<scale>k| thousand| million)?"
    rf"|between (?P<low>{_QUICK_FIGURE}) and (?P<high>{_QUICK_FIGURE})"
)
_QUICK_HEDGES: Final[dict[str, Role]] = {
    "about": "approximate",
    "nearly": "nearly",
    "at least": "at-least",
    "up to": "at-most",
}


def _quick_figure(digits: str, scale_word: str | None) -> tuple[Decimal, Decimal] | None:
    """Value and precision of a figure of ``_QUICK_FIGURE``, as :func:`read_figure` reads it
    (None when it is too large, for the full reader to refuse)."""
    whole, dot, fraction = digits.partition(".")
    mantissa = Decimal(digits) if dot else Decimal(whole.replace(",", "").replace(" ", ""))
    scale = SCALES[scale_word] if scale_word else Decimal(1)
    try:
        value = check_size(mantissa * scale)
    except Unreadable:
        return None
    precision = Decimal(1).scaleb(-len(fraction)) * scale if dot else place(value)
    return value, precision


def quick_text(text: str, tolerances: Tolerances) -> Quantity | None:
    """A text of one of the common forms read directly, or None for the full reader."""
    match = _QUICK_FORM.fullmatch(text)
    if match is None or (DOT_OR_THOUSANDS.search(text) and not match["scale"]):
        return None  # not a common form, or ambiguous: the full reader reads it, or says why
    if match["low"] is not None:
        low = _quick_figure(match["low"], None)
        high = _quick_figure(match["high"], None)
        if low is None or high is None or low[0] > high[0]:
            return None
        return make_quantity(text, low[0], None, high[0], "range", None, "between", (), None, None)
    scale = match["scale"]
    figure = _quick_figure(match["figure"], scale.lstrip() if scale else None)
    if figure is None:
        return None
    hedge = match["hedge"]
    role = _QUICK_HEDGES[hedge] if hedge else None
    return stated(text, *figure, role, hedge, (), None, None, tolerances)
