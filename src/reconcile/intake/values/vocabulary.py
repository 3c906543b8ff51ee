"""The words a value's text may hold, as tables: hedges and framing, units, rates, scale words,
magnitudes, number words, ordinals and multiples.

The value reader reads with these tables, and the figure finder (:mod:`reconcile.extract`)
proposes with them, so that it proposes exactly what the reader can read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Literal

__all__ = [
    "CARDINALS",
    "EXTRA_SCALES",
    "LARGE_SCALES",
    "MAGNITUDES",
    "MULTIPLES",
    "ORDINALS",
    "ORDINAL_SUFFIXES",
    "PREFIX_ROLES",
    "RATE_PHRASES",
    "SCALES",
    "UNIT_SPELLINGS",
    "WORD_SCALES",
    "Role",
    "canonical_unit",
]

# --- units ------------------------------------------------------------------------------

# Units written after a figure, each spelling with its canonical unit.
UNIT_SPELLINGS: Final[dict[str, str]] = {
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
    return UNIT_SPELLINGS.get(folded, folded)


# --- hedges, framing and rates ---------------------------------------------------------

Role = Literal[
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

# The phrases before a figure, by what they do to it: framing leaves it as it is, a hedge
# widens or bounds it, "between" and "from" open a range.
PREFIX_ROLES: Final[dict[Role, tuple[str, ...]]] = {
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

# Rate phrases after a figure ("30,000 a month") and the period each gives.
RATE_PHRASES: Final[dict[str, str]] = {
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

# Magnitudes and the figures each spans, from the scale up to just below ten times it.
MAGNITUDES: Final[dict[tuple[str, ...], tuple[int, int]]] = {
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
LARGE_SCALES: Final[dict[str, Decimal]] = {
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
SCALES: Final[dict[str, Decimal]] = {
    "dozen": Decimal(12),
    "hundred": Decimal(100),
    **LARGE_SCALES,
}
# Scale words that may follow number words (abbreviations such as "k" only follow digits).
WORD_SCALES: Final = frozenset(
    {"dozen", "hundred", "thousand", "lakh", "lakhs", "million", "crore", "crores"}
    | {"billion", "trillion"}
)
# Scale words text2num does not know; read here by multiplying.
EXTRA_SCALES: Final = frozenset({"dozen", "lakh", "lakhs", "crore", "crores", "trillion"})

_DIGIT_WORDS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight")
_TEEN_WORDS: Final = ("nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")
_LATE_TEEN_WORDS: Final = ("sixteen", "seventeen", "eighteen", "nineteen")
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_POWER_WORDS: Final = ("hundred", "thousand", "million", "billion")
# The words text2num reads as an English cardinal ("one hundred and five").
CARDINALS: Final = frozenset(
    {*_DIGIT_WORDS, *_TEEN_WORDS, *_LATE_TEEN_WORDS, *_TENS_WORDS, *_POWER_WORDS, "and"}
)
# Ordinal words and their cardinals ("twenty-first" is read as "twenty one").
ORDINALS: Final[dict[str, str]] = {
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
# Suffixes of an ordinal in digits ("21st"), and the multiples written as one word.
ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
MULTIPLES: Final[dict[str, int]] = {"twice": 2, "thrice": 3}
