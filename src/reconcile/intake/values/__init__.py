"""How the ``value`` of a claim is read.

A figure file keeps every figure as it was printed; :func:`parse_value` reads that text (or a
YAML number, or a ``{low, best, high}`` mapping) into a :class:`Quantity`: the lowest and the
highest value it allows, the figure as stated, its hedge and framing words, its precision and
any unit or rate written with it. The forms that are read, with what each reads as, are
described once, for users, in docs/format.md ("How ``value`` is read" and "Precision").

Number words are read with the ``text2num`` package, which handles plain English cardinals;
:mod:`.figures` adds what it lacks: ``a``/``an`` for one, ``dozen``, halves, ``trillion``,
``lakh``, ``crore`` and ordinals.
"""

from __future__ import annotations

from reconcile.intake.values.parse import parse_value
from reconcile.intake.values.quantity import (
    ACCEPTED_FORMS,
    MAX_MAGNITUDE,
    MAX_TEXT_LENGTH,
    Quantity,
    ValueTextError,
)
from reconcile.intake.values.vocabulary import canonical_unit

__all__ = [
    "ACCEPTED_FORMS",
    "MAX_MAGNITUDE",
    "MAX_TEXT_LENGTH",
    "Quantity",
    "ValueTextError",
    "canonical_unit",
    "parse_value",
]
