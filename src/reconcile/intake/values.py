"""How the ``value`` of a claim is read.

A figure file keeps every figure as it was printed. This module reads that text and turns it
into a :class:`Quantity`: the lowest and the highest value the text allows (``low`` and
``high``), the figure as stated (``best``, when one was stated), the hedge and framing words it
found, the precision the figure was given to, and any unit or rate written with it.

Case does not matter, nor does spacing (plain, no-break and thin spaces are all spaces), and
a trailing full stop is ignored. The forms below can be combined: ``only about 1.2 million
people a year`` is framing, a hedge, a figure with a scale word, a unit and a rate.

Figures in digits
    ``235,000``, ``235 000``, ``235000``, ``1.50``, ``-3.5``. Thousands are separated by
    commas or spaces in groups of three, or in the Indian way (``4,81,486``, ``12,34,567``).
    A single dot is a decimal point (``1.50``), but one followed by exactly three digits
    (``1.500``) is refused as ambiguous unless a scale word follows (``1.500 million``) or
    the figure is a percentage (``4.375%``). Two or more dots, each followed by exactly three
    digits, separate thousands: ``1.234.567``. A comma is never a decimal point: ``1,5`` is
    an error, not one and a half.
    A leading minus sign, the hyphen ``-`` or the minus ``−`` (U+2212), is read before
    digits: ``-946``, ``−946``, ``about -40``, ``-3.5%``; so is a plus sign (``+2``). A
    figure below zero is accepted only on a measure marked ``signed: true``, which is checked
    once the files are merged (:mod:`reconcile.model.validate`: a measure may be defined in
    another file than its claims), not here.

Scale words
    ``235k``, ``235 thousand``, ``0.235 million``, ``1.2m``, ``1.2 mn``, ``3 bn``,
    ``3 billion``, ``2 trillion``, ``2 tn``, ``32 lakh``, ``1.2 crore``, ``5 hundred``,
    ``2 dozen``. A lone ``m`` after a figure means million; write ``metres`` for metres.

Number words
    ``two million``, ``thirty thousand``, ``one hundred and five``, ``twenty-five``,
    ``a dozen``, ``half a million``, ``a million and a half``, ``two and a half million``,
    ``thirty-two lakh``. A scale word needs a count before it: ``a million``, not
    ``million``, which is more likely a slip for ``millions``.

Multiples and ordinals
    ``twice`` (2), ``thrice`` and ``three times`` (3), ``1.5 times``; ``fifth``, ``5th``,
    ``21st``, ``twenty-first``, as in "in its fifth year".

Hedges
    One hedge may come before the figure. With the default tolerances (0.05 each):

    - ``nearly 54,000`` is 51,300 to 54,000, best 54,000: it reaches down by the ``nearly``
      tolerance. Also ``almost``, ``just under``, ``close to``.
    - ``about 500`` is 475 to 525, best 500: widened both ways by the ``approximate``
      tolerance. Also ``approximately``, ``approx.``, ``around``, ``roughly``, ``some``,
      ``an estimated``, ``estimated``, ``circa``, ``c.``, ``ca.``, ``~``.
    - ``at least 1.2 million`` is 1,200,000 and up, with no best; 1,200,000 itself is
      included. Also ``upwards of``, ``upward of``, ``no fewer than``, ``no less than``,
      ``at minimum``, ``a minimum of``.
    - ``more than 1.2 million`` is above 1,200,000, with no best; 1,200,000 itself is
      excluded (``low_strict``). Also ``over``, ``above``, ``in excess of``, ``just over``.
    - ``up to 10`` is 0 to 10, with no best; 10 itself is included. Also ``at most``,
      ``no more than``, ``a maximum of``.
    - ``fewer than 10`` is 0 to below 10, with no best; 10 itself is excluded
      (``high_strict``). Also ``less than``, ``under``, ``below``.

    A strict bound is kept as a flag beside the number: ``low`` and ``high`` stay the
    figures as written (600 for "more than 600"), and ``low_strict`` or ``high_strict``
    says that the bound itself is not allowed, so that "more than 600" and "fewer than
    600" can be told apart from "at least 600" and "up to 600", which share 600.
    ``up to`` and its kin leave the low end unstated (``lower_open``); the low end is 0, or
    no limit when the figure is negative. On a signed measure it has no limit whatever the
    figure: :meth:`Quantity.unbounded_below` reads it so once the claim's measure is known.
    ``at least`` and its kin leave the high end unstated (``upper_open``). For a negative
    figure ``nearly`` and ``about`` reach towards zero and away from it in the same
    proportions.

Ranges
    ``between 300,000 and 500,000``, ``300,000-500,000`` (hyphen, en dash ``–`` or em
    dash ``—``), ``300,000 to 500,000``, ``from 5 to 12``, ``5–12 years``, ``10%-15%``.
    A scale word written once at the end applies to both figures: ``between 3.4 and 4.9
    million`` is 3,400,000 to 4,900,000, unless that would put the first figure above the
    second (``between 500 and 2 million`` is 500 to 2,000,000). Two scale words are each
    their own (``3.4 million to 5 billion``). A range has no ``best``; its first figure
    must not be above its second. No hedge may qualify a range. Either figure may carry a
    minus sign: a hyphen right after a figure separates, one before a figure is its sign, so
    ``-50-20`` is -50 to 20, and ``-50--20``, ``-50 to -20`` and ``−50–−20`` are -50 to -20.

Magnitudes
    From the scale up to just below ten times it, with no ``best``:

    ==========================  =============  =============
    written                     low            high
    ==========================  =============  =============
    ``dozens``                  24             99
    ``hundreds``                100            999
    ``thousands``               1,000          9,999
    ``tens of thousands``       10,000         99,999
    ``hundreds of thousands``   100,000        999,999
    ``millions``                1,000,000      9,999,999
    ``tens of millions``        10,000,000     99,999,999
    ``hundreds of millions``    100,000,000    999,999,999
    ``billions``                1,000,000,000  9,999,999,999
    ==========================  =============  =============

    ("dozens" starts at two dozen and stops where "hundreds" begins.) No hedge may qualify
    a magnitude.

Units
    A unit may follow the figure, and it is reported in its canonical spelling (see
    :func:`canonical_unit`): ``10%``, ``10 %``, ``10 percent``, ``10 per cent``, ``10 pct``
    (percent); ``years``, ``yrs``, ``months``, ``weeks``, ``days``, ``hours``;
    ``square kilometres``, ``square kilometers``, ``sq km``, ``km2``, ``km²`` (km2);
    ``km``, ``kilometres`` (km); ``metres``, ``meters`` (m); ``people``, ``persons`` (persons).
    Any other word after the figure is an error, so that a typing slip is caught rather than
    ignored: write the figure alone (``235,000``, not ``235,000 people``) and put the
    unit in the claim or its measure.

Rates
    ``30,000 a month``, ``30,000 per month``, ``30,000 monthly``, ``each month``,
    ``every month``; likewise ``day``/``daily``, ``week``/``weekly`` and
    ``year``/``yearly``/``annually``/``per annum``. The rate sets ``per``. A claim whose
    value is a rate must be of ``type: rate`` (:class:`reconcile.model.entries.Claim` checks it).

Framing
    ``a mere``, ``mere``, ``only``, ``just``, ``as many as``, ``as few as``, ``record``,
    ``a record``, ``a staggering``, ``staggering``, ``a whopping``, ``whopping``: kept as
    framing, never changing the value. Framing may come before or after a hedge (``only
    about 500``). ``just under`` and ``just over`` are hedges, not framing.

Plain YAML numbers
    ``value: 235000`` or ``value: 0.1`` is read as that number, exact as given: a figure
    from a data table, whose trailing zeros are not rounding, so it has no precision (see
    below). ``value: "235000"``, a string, is read as written text instead, to the nearest
    1,000. YAML drops trailing zeros (``4.50`` arrives as 4.5), so write the figure as a
    string when the way it is written matters. ``true`` and ``false`` are not numbers.

Mappings
    ``{low: 300000, best: 400000, high: 500000}``; each key is optional but one is needed,
    and each value is a number or a figure written as text (``"300,000"``, ``"1.2 million"``;
    no hedges, units or ranges). ``best`` alone is an exact figure. Otherwise a missing
    ``low`` leaves the low end open (0, or no limit below a negative figure or on a signed
    measure) and a missing ``high`` the high end; ``best`` must lie between ``low`` and
    ``high``, and ``low`` must not be above ``high``. Write ``"300,000"`` in quotes inside
    a ``{...}`` mapping: YAML splits an unquoted 300,000 there at its comma.

Precision
    A figure of 100 or more was given to the place of its last non-zero digit: ``30,000``
    to 10,000, ``29,000`` to 1,000, ``235,646`` to 1, ``235k`` to 1,000, ``1.2 million`` to
    100,000. A figure under 100 was given to its last written digit: ``10%`` to 1, ``1.50``
    to 0.01. Digits written after a decimal point always count, trailing zeros included, at
    any size: ``1.50 million`` was given to 10,000. Number words are read as the same figure
    in digits would be (``thirty thousand`` to 10,000, ``one hundred and five`` to 1, ``a
    dozen`` to 1, ``a million and a half`` to 100,000). Ordinals, ``twice`` and ``thrice``
    are exact (precision 1); ``N times`` takes the precision of N. Hedged figures keep the
    precision of their figure, and the stated end of an open bound has one too (``up to
    30,000`` to 10,000, ``more than 600`` to 100, ``{high: "30,000"}`` to 10,000). A YAML
    number is exact: its precision is None, and so is that of a mapping's figure given as
    a number (``value: 2550`` has no rounding allowance; ``value: "2550"`` was given to 10).
    Ranges, magnitudes and mappings with ``low`` and ``high`` but no ``best`` carry no
    precision: the bounds of a written range are not rounded figures. Precision never
    widens the interval.

Limits and errors
    Text longer than 200 characters is refused before it is read, and so is a figure
    larger than 10^21 in size (no news figure comes near, and every bound stays a finite
    float). Anything that cannot be read raises :class:`ValueTextError`, whose message
    quotes the text, says what is wrong (for an unknown word, the closest known one) and
    lists the accepted forms.

Number words are read with the ``text2num`` package, which handles plain English cardinals
(``two million five hundred thousand``, ``one hundred and five``); this module adds what it
lacks: ``a``/``an`` for one, ``dozen``, halves, ``trillion``, ``lakh``, ``crore`` and
ordinals.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from typing import Final, Literal, NamedTuple, TypeVar

from text_to_num import text2num

_T = TypeVar("_T")

__all__ = [
    "ACCEPTED_FORMS",
    "MAX_MAGNITUDE",
    "MAX_TEXT_LENGTH",
    "Quantity",
    "ValueTextError",
    "canonical_unit",
    "parse_value",
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


# --- units ------------------------------------------------------------------------------

_UNIT_SPELLINGS: Final[dict[str, str]] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "month": "months",
    "months": "months",
    "week": "weeks",
    "weeks": "weeks",
    "day": "days",
    "days": "days",
    "hour": "hours",
    "hours": "hours",
    "hr": "hours",
    "hrs": "hours",
    "square kilometre": "km2",
    "square kilometres": "km2",
    "square kilometer": "km2",
    "square kilometers": "km2",
    "square km": "km2",
    "sq km": "km2",
    "sq. km": "km2",
    "km2": "km2",
    "km²": "km2",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "km": "km",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "person": "persons",
    "persons": "persons",
    "people": "persons",
    # currencies by name or code, after the figure ("500 euros", "2 million USD")
    "euro": "currency:eur",
    "euros": "currency:eur",
    "eur": "currency:eur",
    "us dollars": "currency:usd",
    "usd": "currency:usd",
    "pounds sterling": "currency:gbp",
    "gbp": "currency:gbp",
    "hryvnia": "currency:uah",
    "hryvnias": "currency:uah",
    "uah": "currency:uah",
    "rouble": "currency:rub",
    "roubles": "currency:rub",
    "ruble": "currency:rub",
    "rubles": "currency:rub",
    "rub": "currency:rub",
}


def canonical_unit(word: str) -> str:
    """Map a unit's spelling to one canonical word.

    ``year``/``years``/``yrs`` give ``years``; ``square kilometres``, ``sq km``, ``km2`` and
    ``km²`` give ``km2``; ``%``, ``percent``, ``per cent`` and ``pct`` give ``percent``;
    ``person``, ``persons`` and ``people`` give ``persons``; ``metres`` gives ``m`` and
    ``kilometres`` gives ``km``. Any other word comes back lowercased and space-folded.
    Used to compare a claim's unit with a unit written in its value.
    """
    folded = " ".join(word.lower().split())
    return _UNIT_SPELLINGS.get(folded, folded)


# --- tokens -----------------------------------------------------------------------------


class _Token(NamedTuple):
    kind: Literal["num", "word", "sym"]
    text: str


class _Unreadable(Exception):
    """Raised inside the reader; parse_value turns it into a ValueTextError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# No-break, thin and the other typographic spaces.
_SPACE_LIKE: Final = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_NORMALISE: Final = str.maketrans(
    {**dict.fromkeys(_SPACE_LIKE, " "), "\u2212": "-", "\u2010": "-", "\u2011": "-", "²": "2"}
)
_WORD_HYPHEN: Final = re.compile(r"(?<=[a-z])-(?=[a-z])")
# Digits with optional separators; a word (optionally ending in a full stop, as in "approx.");
# or one symbol. Every repetition consumes a separator, so matching is linear.
_TOKEN: Final = re.compile(
    r" *(?:(?P<num>[0-9]+(?:[,. ][0-9]+)*)|(?P<word>km2(?![0-9])|[a-z]+\.?)|(?P<sym>[%~+\-–—]))"
)
_DASHES: Final = frozenset({"-", "–", "—"})


def _fold(text: str) -> str:
    """Lowercase, one kind of space and of minus, words joined by a hyphen split apart."""
    folded = " ".join(text.translate(_NORMALISE).lower().split())
    return _WORD_HYPHEN.sub(" ", folded)


def _normalise(text: str) -> str:
    """Fold a value's text and drop a trailing full stop."""
    folded = _fold(text)
    return folded[:-1].rstrip() if folded.endswith(".") else folded


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            rest = text[pos:].lstrip()
            if not rest:
                break
            raise _Unreadable(f"unexpected character {rest[0]!r}")
        kind: Literal["num", "word", "sym"]
        if match["num"] is not None:
            kind, token = "num", match["num"]
        elif match["word"] is not None:
            kind, token = "word", match["word"]
        else:
            kind, token = "sym", match["sym"]
        tokens.append(_Token(kind, token))
        pos = match.end()
    return tokens


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in _tokenize(_fold(phrase)))


# --- phrase tables ----------------------------------------------------------------------

_Role = Literal[
    "framing",
    "nearly",
    "approximate",
    "at-least",
    "more-than",
    "at-most",
    "fewer-than",
    "between",
    "from",
]

_PREFIX_ROLES: Final[dict[_Role, tuple[str, ...]]] = {
    "framing": (
        "a mere",
        "mere",
        "only",
        "just",
        "as many as",
        "as few as",
        "a record",
        "record",
        "a staggering",
        "staggering",
        "a whopping",
        "whopping",
    ),
    "nearly": ("nearly", "almost", "just under", "close to"),
    "approximate": (
        "about",
        "approximately",
        "approx.",
        "approx",
        "around",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "circa",
        "c.",
        "ca.",
        "~",
    ),
    # open above, the bound included
    "at-least": (
        "at least",
        "upwards of",
        "upward of",
        "no fewer than",
        "no less than",
        "at minimum",
        "a minimum of",
    ),
    # open above, the bound itself excluded
    "more-than": ("more than", "over", "above", "in excess of", "just over"),
    # open below, the bound included
    "at-most": ("up to", "at most", "no more than", "a maximum of"),
    # open below, the bound itself excluded
    "fewer-than": ("fewer than", "less than", "under", "below"),
    "between": ("between",),
    "from": ("from",),
}

# Longest first, so that "just under" wins over "just".
_PREFIXES: Final[tuple[tuple[tuple[str, ...], _Role], ...]] = tuple(
    sorted(
        ((_words(phrase), role) for role, phrases in _PREFIX_ROLES.items() for phrase in phrases),
        key=lambda entry: -len(entry[0]),
    )
)

_RATE_PHRASES: Final[dict[str, str]] = {
    **{
        f"{lead} {period}": period
        for period in ("day", "week", "month", "year")
        for lead in ("a", "per", "each", "every")
    },
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "per annum": "year",
}


def _suffix_table(phrases: Mapping[str, str]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Phrases as token texts, longest first, each with its meaning."""
    entries = ((_words(phrase), meaning) for phrase, meaning in phrases.items())
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


_RATES: Final = _suffix_table(_RATE_PHRASES)
_UNITS: Final = _suffix_table(_UNIT_SPELLINGS)


_SEPARATORS: Final[dict[_Role | None, frozenset[str]]] = {
    "between": frozenset({"and", *_DASHES}),
    "from": frozenset({"to", *_DASHES}),
    None: frozenset({"to", *_DASHES}),
}

_MAGNITUDES: Final[dict[tuple[str, ...], tuple[int, int]]] = {
    ("dozens",): (24, 99),
    ("hundreds",): (100, 999),
    ("thousands",): (1_000, 9_999),
    ("tens", "of", "thousands"): (10_000, 99_999),
    ("hundreds", "of", "thousands"): (100_000, 999_999),
    ("millions",): (1_000_000, 9_999_999),
    ("tens", "of", "millions"): (10_000_000, 99_999_999),
    ("hundreds", "of", "millions"): (100_000_000, 999_999_999),
    ("billions",): (1_000_000_000, 9_999_999_999),
}

# Scale words after a figure. The "large" ones (a thousand and up) are the ones that a range
# may write once at its end.
_LARGE_SCALES: Final[dict[str, Decimal]] = {
    "k": Decimal(10) ** 3,
    "thousand": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "million": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "bn": Decimal(10) ** 9,
    "billion": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12,
    "trillion": Decimal(10) ** 12,
}
_SCALES: Final[dict[str, Decimal]] = {
    "dozen": Decimal(12),
    "hundred": Decimal(100),
    **_LARGE_SCALES,
}
# Scale words that may follow number words (abbreviations such as "k" only follow digits).
_WORD_SCALES: Final = frozenset(
    {"dozen", "hundred", "thousand", "lakh", "lakhs", "million", "crore", "crores"}
    | {"billion", "trillion"}
)
# Scale words text2num does not know; read here by multiplying.
_EXTRA_SCALES: Final = frozenset({"dozen", "lakh", "lakhs", "crore", "crores", "trillion"})

_DIGIT_WORDS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight")
_TEEN_WORDS: Final = ("nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")
_LATE_TEEN_WORDS: Final = ("sixteen", "seventeen", "eighteen", "nineteen")
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_POWER_WORDS: Final = ("hundred", "thousand", "million", "billion")
# The words text2num reads as an English cardinal ("one hundred and five").
_CARDINALS: Final = frozenset(
    {*_DIGIT_WORDS, *_TEEN_WORDS, *_LATE_TEEN_WORDS, *_TENS_WORDS, *_POWER_WORDS, "and"}
)
# Ordinal words and their cardinals ("twenty-first" is read as "twenty one").
_ORDINALS: Final[dict[str, str]] = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
    **{f"{word}th": word for word in ("four", "six", "seven", "ten", "eleven")},
    **{f"{word}th": word for word in (*_TEEN_WORDS[4:], *_LATE_TEEN_WORDS, *_POWER_WORDS)},
    **{f"{word[:-1]}ieth": word for word in _TENS_WORDS},
}
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_MULTIPLES: Final[dict[str, int]] = {"twice": 2, "thrice": 3}
_HALF: Final = ["and", "a", "half"]

_VOCABULARY: Final[frozenset[str]] = frozenset(
    {word for phrase, _ in _PREFIXES for word in phrase}
    | {word for phrase, _ in _RATES for word in phrase}
    | {word for phrase, _ in _UNITS for word in phrase}
    | {word for phrase in _MAGNITUDES for word in phrase}
    | _SCALES.keys()
    | _CARDINALS
    | _ORDINALS.keys()
    | _ORDINAL_SUFFIXES
    | _MULTIPLES.keys()
    | {"to", "times", "half", "a", "an"}
)


def _near_in_length(word: str) -> list[str]:
    """Known words that could be 75% similar to ``word``: no shorter than 0.6 of its length."""
    return [known for known in _VOCABULARY if 0.6 * len(word) <= len(known) <= len(word) / 0.6]


def _check_vocabulary(tokens: Sequence[_Token]) -> None:
    for token in tokens:
        if token.kind == "word" and token.text not in _VOCABULARY:
            close = difflib.get_close_matches(token.text, _near_in_length(token.text), 1, 0.75)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _Unreadable(f"unknown word {token.text!r}{hint}")


def _first_words(
    table: Sequence[tuple[tuple[str, ...], _T]],
) -> dict[str, list[tuple[tuple[str, ...], _T]]]:
    """A phrase table indexed by its phrases' first word (longest phrase first, as listed)."""
    index: dict[str, list[tuple[tuple[str, ...], _T]]] = {}
    for phrase, value in table:
        index.setdefault(phrase[0], []).append((phrase, value))
    return index


def _last_words(
    table: Sequence[tuple[tuple[str, ...], _T]],
) -> dict[str, list[tuple[tuple[str, ...], _T]]]:
    """A phrase table indexed by its phrases' last word (longest phrase first, as listed)."""
    index: dict[str, list[tuple[tuple[str, ...], _T]]] = {}
    for phrase, value in table:
        index.setdefault(phrase[-1], []).append((phrase, value))
    return index


_PREFIX_INDEX: Final = _first_words(_PREFIXES)
_RATE_INDEX: Final = _last_words(_RATES)
_UNIT_INDEX: Final = _last_words(_UNITS)


def _match_prefix(
    words: Sequence[str], pos: int, index: dict[str, list[tuple[tuple[str, ...], _Role]]]
) -> tuple[tuple[str, ...], _Role] | None:
    if pos >= len(words):
        return None
    for phrase, role in index.get(words[pos], ()):
        if tuple(words[pos : pos + len(phrase)]) == phrase:
            return phrase, role
    return None


def _match_suffix(
    words: Sequence[str], start: int, end: int, index: dict[str, list[tuple[tuple[str, ...], str]]]
) -> tuple[int, str | None]:
    """Find a phrase of ``index`` ending at ``end``; return the new end and the phrase's value."""
    if end <= start:
        return end, None
    for phrase, value in index.get(words[end - 1], ()):
        begin = end - len(phrase)
        if begin >= start and tuple(words[begin:end]) == phrase:
            return begin, value
    return end, None


# --- numbers ----------------------------------------------------------------------------


def _place(value: Decimal) -> Decimal:
    """The precision of a figure known only by its value (number words, YAML numbers).

    1 for a whole number under 100, else the place of the last non-zero digit.
    """
    size = abs(value)
    if size == 0 or (size < 100 and size == size.to_integral_value()):
        return Decimal(1)
    exponent = size.normalize().as_tuple().exponent
    if not isinstance(exponent, int):  # pragma: no cover - only finite values get here
        raise _Unreadable("not a finite number")
    return Decimal(1).scaleb(exponent)


_TOO_LARGE: Final = "too large (the limit is 10^21)"


def _check_size(value: Decimal) -> Decimal:
    if abs(value) > MAX_MAGNITUDE:
        raise _Unreadable(_TOO_LARGE)
    return value + 0  # turns -0 into 0


def _grouped(digits: str, separator: str) -> str:
    """Remove thousands separators from an integer part, checking how it is grouped."""
    groups = digits.split(separator)
    if len(groups) == 1:
        return digits
    first, rest = groups[0], groups[1:]
    western = 1 <= len(first) <= 3 and all(len(group) == 3 for group in rest)
    indian = (
        separator == ","
        and 1 <= len(first) <= 2
        and len(rest[-1]) == 3
        and all(len(group) == 2 for group in rest[:-1])
    )
    if not (western or indian) or first.startswith("0"):
        raise _Unreadable(f"'{digits}' is not grouped in thousands (235,000, 235 000 or 4,81,486)")
    return "".join(groups)


def _read_digits(text: str) -> tuple[Decimal, int | None]:
    """Read digits with separators: the value and how many decimals were written."""
    separators = {char for char in text if not char.isdigit()}
    if separators <= {"."}:
        if text.count(".") == 1:
            whole, fraction = text.split(".")
            return Decimal(f"{whole}.{fraction}"), len(fraction)
        return Decimal(_grouped(text, ".")), None
    if separators == {",", " "} or separators == {",", " ", "."}:
        raise _Unreadable(f"'{text}' mixes commas and spaces between digits")
    separator = "," if "," in separators else " "
    whole, dot, fraction = text.partition(".")
    if dot and not fraction.isdigit():
        raise _Unreadable(f"'{text}' has separators after its decimal point")
    digits = _grouped(whole, separator)
    if dot:
        return Decimal(f"{digits}.{fraction}"), len(fraction)
    return Decimal(digits), None


# "20.000" is 20 to three decimals in English, and 20,000 where a dot groups thousands (as
# "1.234.567" does, which is read so). With no scale word after it, it is refused as
# ambiguous, except in a percentage ("4.375%").
_DOT_OR_THOUSANDS: Final = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")


def _refuse_dot_or_thousands(tokens: Sequence[_Token]) -> None:
    """Refuse a figure whose dot may group thousands, unless a scale word follows it."""
    for i, token in enumerate(tokens):
        after = tokens[i + 1].text if i + 1 < len(tokens) else None
        if _DOT_OR_THOUSANDS.fullmatch(token.text) and after not in _SCALES:
            raise _Unreadable(_dot_or_thousands(token.text))


def _dot_or_thousands(digits: str) -> str:
    whole, fraction = digits.split(".")
    return (
        f"'{digits}' is ambiguous: {whole},{fraction} (a dot between thousands) or {digits} "
        f"(a decimal point)? Write '{whole},{fraction}' for thousands; for the decimal, give "
        f"the value as a YAML number (value: {digits}) or add a fourth decimal ('{digits}0')"
    )


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure, read from digits or number words, with no hedge or unit."""

    value: Decimal
    precision: Decimal | None  # None for a YAML number, which is exact
    end_scale: Decimal | None  # a large scale word at its end ("4.9 million")
    scaled: bool  # any large scale word in it


def _read_figure(tokens: Sequence[_Token]) -> _Figure:
    if not tokens:
        raise _Unreadable("no number found")
    texts = [token.text for token in tokens]
    if tokens[0].kind == "sym" and texts[0] in {"-", "+"}:
        if len(tokens) < 2 or tokens[1].kind != "num":
            raise _Unreadable(f"a sign must come right before digits: {' '.join(texts)!r}")
        sign = Decimal(-1) if texts[0] == "-" else Decimal(1)
        tokens, texts = tokens[1:], texts[1:]
    else:
        sign = Decimal(1)
    if tokens[0].kind == "num":
        mantissa, decimals = _read_digits(texts[0])
        if len(texts) == 1:
            scale_word = None
        elif len(texts) == 2 and texts[1] in _SCALES:
            scale_word = texts[1]
        else:
            raise _Unreadable(f"cannot read {' '.join(texts)!r} as one figure")
        scale = _SCALES[scale_word] if scale_word else Decimal(1)
        value = _check_size(sign * mantissa * scale)
        # Written decimals count, trailing zeros included: "1.50 million" to 10,000.
        precision = _place(value) if decimals is None else Decimal(1).scaleb(-decimals) * scale
        large = _LARGE_SCALES.get(scale_word) if scale_word else None
        return _Figure(value, precision, large, large is not None)
    if any(token.kind != "word" for token in tokens):
        raise _Unreadable(f"cannot read {' '.join(texts)!r} as one figure")
    value = _check_size(sign * _word_value(texts))
    return _Figure(
        value,
        _place(value),
        _LARGE_SCALES.get(texts[-1]),
        any(text in _LARGE_SCALES for text in texts),
    )


def _word_value(words: Sequence[str]) -> Decimal:
    """Read number words: text2num for plain cardinals, plus what it lacks."""
    if not words:
        raise _Unreadable("no number found")
    half = Decimal("0.5")
    if words[0] == "half":  # "half a million", "half a dozen"
        rest = list(words[1:])
        if rest[:1] in (["a"], ["an"]):
            rest = rest[1:]
        if len(rest) == 1 and rest[0] in _WORD_SCALES:
            return half * _SCALES[rest[0]]
        raise _Unreadable(f"cannot read {' '.join(words)!r} as number words")
    if len(words) >= 5 and list(words[-4:-1]) == _HALF and words[-1] in _WORD_SCALES:
        # "two and a half million"
        return (_word_value(words[:-4]) + half) * _SCALES[words[-1]]
    if len(words) >= 4 and list(words[-3:]) == _HALF:
        head = words[:-3]
        if len(head) >= 2 and head[-1] in _WORD_SCALES and _is_simple(head[:-1]):
            # "a million and a half" is one and a half million
            count = Decimal(1) if list(head[:-1]) in (["a"], ["an"]) else _word_value(head[:-1])
            return (count + half) * _SCALES[head[-1]]
        return _word_value(head) + half  # "two and a half"
    if words[0] in {"a", "an"} and len(words) > 1:
        return _word_value(["one", *words[1:]])
    if words[0] in _SCALES:  # "million" alone is more likely a slip for "millions"
        raise _Unreadable(f"{words[0]!r} needs a count before it, such as 'a' or 'two'")
    if words[-1] in _EXTRA_SCALES:
        head = words[:-1]
        return _word_value(head) * _SCALES[words[-1]]  # head is not empty: see above
    unknown = [word for word in words if word not in _CARDINALS]
    if unknown or ("zero" in words and len(words) > 1):
        raise _Unreadable(f"cannot read {' '.join(words)!r} as number words")
    try:
        number = text2num(" ".join(words), "en")
    except ValueError:
        raise _Unreadable(f"cannot read {' '.join(words)!r} as number words") from None
    if not isinstance(number, int):  # pragma: no cover - text2num returns int for "en"
        raise _Unreadable(f"cannot read {' '.join(words)!r} as number words")
    return Decimal(number)


def _is_simple(words: Sequence[str]) -> bool:
    """A count of a scale: "a", "one", "two", "twenty-five" - no scale word of its own."""
    return bool(words) and not any(word in _SCALES for word in words)


def _read_single(tokens: Sequence[_Token]) -> tuple[Decimal, Decimal | None]:
    """A single figure, multiple or ordinal: its value and precision."""
    texts = [token.text for token in tokens]
    if len(texts) == 1 and texts[0] in _MULTIPLES:
        return Decimal(_MULTIPLES[texts[0]]), Decimal(1)
    if len(texts) > 1 and texts[-1] == "times":
        figure = _read_figure(tokens[:-1])
        return figure.value, figure.precision
    if len(texts) == 2 and tokens[0].kind == "num" and texts[1] in _ORDINAL_SUFFIXES:
        number, decimals = _read_digits(texts[0])
        if decimals is not None:
            raise _Unreadable(f"an ordinal is a whole number: {''.join(texts)!r}")
        suffix = _ordinal_suffix(int(number))
        if texts[1] != suffix:
            raise _Unreadable(f"{''.join(texts)!r} is not an ordinal; write {number}{suffix}")
        return _check_size(number), Decimal(1)
    if texts[-1] in _ORDINALS and all(token.kind == "word" for token in tokens):
        cardinal = [*texts[:-1], _ORDINALS[texts[-1]]]
        if cardinal[0] in _SCALES:  # "hundredth" is the one hundredth
            cardinal.insert(0, "one")
        return _check_size(_word_value(cardinal)), Decimal(1)
    figure = _read_figure(tokens)
    return figure.value, figure.precision


def _ordinal_suffix(number: int) -> str:
    if number % 100 in {11, 12, 13}:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


# --- ranges and magnitudes --------------------------------------------------------------


def _read_bound(tokens: Sequence[_Token]) -> tuple[_Figure, str | None]:
    words = [token.text for token in tokens]
    end, unit = _match_suffix(words, 0, len(words), _UNIT_INDEX)
    return _read_figure(tokens[:end]), unit


def _read_range(
    tokens: Sequence[_Token], separators: frozenset[str]
) -> tuple[Decimal, Decimal, str | None]:
    """Split at the first separator where both sides are figures; return low, high, unit."""
    first_error: _Unreadable | None = None
    for index in range(1, len(tokens) - 1):
        if tokens[index].text not in separators:
            continue
        try:
            left, left_unit = _read_bound(tokens[:index])
            right, right_unit = _read_bound(tokens[index + 1 :])
        except _Unreadable as error:
            first_error = first_error or error
            continue
        if left_unit and right_unit and left_unit != right_unit:
            raise _Unreadable(f"the two ends are in different units ({left_unit}, {right_unit})")
        low, high = left.value, right.value
        if not left.scaled and right.end_scale is not None and low * right.end_scale <= high:
            low = low * right.end_scale  # "between 3.4 and 4.9 million"
        if low > high:
            raise _Unreadable(f"the range runs backwards: {low:,f} is above {high:,f}")
        return low, high, left_unit or right_unit
    if first_error is not None:
        raise first_error
    raise _Unreadable("a range needs two figures, as in 'between 300,000 and 500,000'")


def _is_range(tokens: Sequence[_Token]) -> bool:
    return any(token.text in _SEPARATORS[None] for token in tokens[1:])


# --- text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tolerances:
    approximate: Decimal
    nearly: Decimal

    @classmethod
    def of(cls, approximate: float, nearly: float) -> _Tolerances:
        for name, tolerance in (("approximate", approximate), ("nearly", nearly)):
            if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
                raise TypeError(f"the {name} tolerance must be a number")
            if not 0 <= tolerance < 1:
                raise ValueError(f"the {name} tolerance must be at least 0 and below 1")
        return cls(Decimal(repr(approximate)), Decimal(repr(nearly)))


def _parse_text(text: str, tolerances: _Tolerances) -> Quantity:
    if len(text) > MAX_TEXT_LENGTH:
        raise _Unreadable(f"too long ({len(text)} characters; the limit is {MAX_TEXT_LENGTH})")
    tokens = _tokenize(_normalise(text))
    if not tokens:
        raise _Unreadable("empty: no number found")
    _check_vocabulary(tokens)
    words = [token.text for token in tokens]

    start = 0
    framing: list[str] = []
    hedge: str | None = None
    role: _Role | None = None
    while (found := _match_prefix(words, start, _PREFIX_INDEX)) is not None:
        phrase, phrase_role = found
        if phrase_role == "framing":
            framing.append(" ".join(phrase))
        elif hedge is None:
            hedge, role = " ".join(phrase), phrase_role
        else:
            raise _Unreadable(f"two hedges, {hedge!r} and {' '.join(phrase)!r}")
        start += len(phrase)
    end, per = _match_suffix(words, start, len(words), _RATE_INDEX)
    end, unit = _match_suffix(words, start, end, _UNIT_INDEX)
    core = tokens[start:end]
    if not core:
        raise _Unreadable("no number found")
    if unit != "percent":  # a share is never written with a dot between thousands
        _refuse_dot_or_thousands(core)

    def quantity(
        low: Decimal | float, best: Decimal | None, high: Decimal | float, kind: str
    ) -> Quantity:
        return _quantity(text, low, best, high, kind, None, hedge, tuple(framing), unit, per)

    core_words = tuple(words[start:end])
    if role in {"between", "from"} or (role is None and _is_range(core)):
        low, high, bound_unit = _read_range(core, _SEPARATORS[role])
        if unit and bound_unit and unit != bound_unit:
            raise _Unreadable(f"the two ends are in different units ({bound_unit}, {unit})")
        unit = unit or bound_unit
        return quantity(low, None, high, "range")
    if _is_range(core):  # with a hedge: a bare range was read above
        raise _Unreadable(f"{hedge!r} cannot qualify a range")
    if core_words in _MAGNITUDES:
        if role is not None:
            raise _Unreadable(f"{hedge!r} cannot qualify a magnitude")
        low_int, high_int = _MAGNITUDES[core_words]
        return quantity(Decimal(low_int), None, Decimal(high_int), "magnitude")

    value, precision = _read_single(core)
    return _stated(text, value, precision, role, hedge, tuple(framing), unit, per, tolerances)


def _quantity(
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


def _stated(
    text: str,
    value: Decimal,
    precision: Decimal | None,
    role: _Role | None,
    hedge: str | None,
    framing: tuple[str, ...],
    unit: str | None,
    per: str | None,
    tolerances: _Tolerances,
) -> Quantity:
    """One figure, widened or bounded by its hedge (``role``; None for an exact figure)."""
    rest = (hedge, framing, unit, per)
    if role is None:
        return _quantity(text, value, value, value, "exact", precision, *rest)
    if role == "nearly":
        other = value * (1 - tolerances.nearly)
        return _quantity(
            text, min(value, other), value, max(value, other), "nearly", precision, *rest
        )
    if role == "approximate":
        below = value * (1 - tolerances.approximate)
        above = value * (1 + tolerances.approximate)
        return _quantity(
            text, min(below, above), value, max(below, above), "approximate", precision, *rest
        )
    if role in ("at-least", "more-than"):
        return _quantity(
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
    return _quantity(
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


# --- YAML numbers and mappings ----------------------------------------------------------


def _number_text(number: int | float) -> str:
    try:
        return float.__repr__(number) if isinstance(number, float) else int.__repr__(number)
    except ValueError:  # an integer too long to print
        return "<a very large integer>"


def _read_number(number: int | float) -> _Figure:
    if isinstance(number, float):
        if math.isnan(number):
            raise _Unreadable("NaN is not a number")
        if math.isinf(number):
            raise _Unreadable("infinity is not a figure")
        value = _check_size(Decimal(repr(number)))
    else:
        if abs(number) > MAX_MAGNITUDE:  # before Decimal(), which is slow for huge numbers
            raise _Unreadable(_TOO_LARGE)
        value = _check_size(Decimal(number))
    return _Figure(value, None, None, False)  # exact as given: no rounding to allow for


def _item_text(item: object) -> str:
    if isinstance(item, str):
        return item
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return _number_text(item)
    return f"<{type(item).__name__}>"


def _mapping_text(raw: Mapping[object, object]) -> str:
    parts = [f"{_item_text(key)}: {_item_text(item)}" for key, item in raw.items()]
    return "{" + ", ".join(parts) + "}"


def _read_item(key: str, item: object) -> _Figure:
    try:
        if isinstance(item, bool):
            raise _Unreadable("true/false is not a number")
        if isinstance(item, int | float):
            return _read_number(item)
        if isinstance(item, str):
            if len(item) > MAX_TEXT_LENGTH:
                raise _Unreadable(f"too long (the limit is {MAX_TEXT_LENGTH} characters)")
            tokens = _tokenize(_normalise(item))
            _check_vocabulary(tokens)
            figure = _read_figure(tokens)  # its own errors first ("4.375%" is no figure)
            _refuse_dot_or_thousands(tokens)
            return figure
        raise _Unreadable(f"a {type(item).__name__} is not a number")
    except _Unreadable as error:
        raise _Unreadable(f"{key!r}: {error.reason}") from None


def _parse_mapping(raw: Mapping[object, object], text: str) -> Quantity:
    figures: dict[str, _Figure] = {}
    for key, item in raw.items():
        if key not in {"low", "best", "high"}:
            raise _Unreadable(f"unknown key {_item_text(key)!r}: use low, best and high")
        if item is not None:
            figures[str(key)] = _read_item(str(key), item)
    if not figures:
        raise _Unreadable("a mapping needs at least one of low, best and high")
    low, best, high = (figures.get(key) for key in ("low", "best", "high"))
    if low is not None and high is not None and low.value > high.value:
        raise _Unreadable("'low' above 'high'")
    if best is not None and (
        (low is not None and best.value < low.value)
        or (high is not None and best.value > high.value)
    ):
        raise _Unreadable("'best' outside 'low'..'high'")
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


# --- entry point ------------------------------------------------------------------------


_PRECISION: Final = 4 * MAX_TEXT_LENGTH  # digits: exact for every figure that fits in the text


_PLAIN_DIGITS: Final = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0")

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
_QUICK_HEDGES: Final[dict[str, _Role]] = {
    "about": "approximate",
    "nearly": "nearly",
    "at least": "at-least",
    "up to": "at-most",
}


def _quick_figure(digits: str, scale_word: str | None) -> tuple[Decimal, Decimal] | None:
    """Value and precision of a figure of ``_QUICK_FIGURE``, as :func:`_read_figure` reads it
    (None when it is too large, for the full reader to refuse)."""
    whole, dot, fraction = digits.partition(".")
    mantissa = Decimal(digits) if dot else Decimal(whole.replace(",", "").replace(" ", ""))
    scale = _SCALES[scale_word] if scale_word else Decimal(1)
    try:
        value = _check_size(mantissa * scale)
    except _Unreadable:
        return None
    precision = Decimal(1).scaleb(-len(fraction)) * scale if dot else _place(value)
    return value, precision


def _quick_text(text: str, tolerances: _Tolerances) -> Quantity | None:
    """A text of one of the common forms read directly, or None for the full reader."""
    match = _QUICK_FORM.fullmatch(text)
    if match is None or (_DOT_OR_THOUSANDS.search(text) and not match["scale"]):
        return None  # not a common form, or ambiguous: the full reader reads it, or says why
    if match["low"] is not None:
        low = _quick_figure(match["low"], None)
        high = _quick_figure(match["high"], None)
        if low is None or high is None or low[0] > high[0]:
            return None
        return _quantity(text, low[0], None, high[0], "range", None, "between", (), None, None)
    scale = match["scale"]
    figure = _quick_figure(match["figure"], scale.lstrip() if scale else None)
    if figure is None:
        return None
    hedge = match["hedge"]
    role = _QUICK_HEDGES[hedge] if hedge else None
    return _stated(text, *figure, role, hedge, (), None, None, tolerances)


@functools.lru_cache(maxsize=65_536)
def _text_quantity(text: str, tolerances: _Tolerances) -> Quantity:
    """Read a text; memoised, since figure files repeat their values ("5", "10%", ...)."""
    with localcontext() as context:
        context.prec = _PRECISION
        if len(text) <= MAX_TEXT_LENGTH:
            if _PLAIN_DIGITS.fullmatch(text):  # the commonest form
                value = _check_size(Decimal(text.replace(",", "")))
                return _exact(text, value, _place(value))
            quick = _quick_text(text, tolerances)
            if quick is not None:
                return quick
        return _parse_text(text, tolerances)


@functools.lru_cache(maxsize=64, typed=True)
def _float_tolerances(approximate: float, nearly: float) -> _Tolerances:
    return _Tolerances.of(approximate, nearly)


def _exact(text: str, value: Decimal, precision: Decimal | None) -> Quantity:
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
        tolerances = _Tolerances.of(approximate, nearly)
    if isinstance(raw, str):  # the commonest case, and most often one read before
        try:
            return _text_quantity(raw, tolerances)
        except _Unreadable as error:
            raise ValueTextError(raw, error.reason) from None
    obj: object = raw
    text = _mapping_text(obj) if isinstance(obj, Mapping) else _item_text(obj)
    with localcontext() as context:
        context.prec = _PRECISION
        try:
            if isinstance(obj, bool):
                raise _Unreadable("true/false is not a number")
            if isinstance(obj, int | float):
                figure = _read_number(obj)
                return _exact(text, figure.value, figure.precision)
            if isinstance(obj, Mapping):
                return _parse_mapping(obj, text)
            if obj is None:
                raise _Unreadable("empty: no value given")
            raise _Unreadable(f"a {type(obj).__name__} is not a figure")
        except _Unreadable as error:
            raise ValueTextError(text, error.reason) from None
