"""Checking quotes against the text of their source.

A quote is found when it stands in the source text after folding the differences that
copying text introduces: runs of white space, curly and straight quotes, and the several
dashes. A quote that is not found is reported with the closest passage of the text and how
similar it is, measured with rapidfuzz's partial ratio.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold white space, quote marks and dashes, so copied text compares equal."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@dataclass(frozen=True, slots=True)
class Miss:
    passage: str
    score: float


@dataclass(frozen=True, slots=True)
class SourceText:
    name: str
    folded: str

    @classmethod
    def of(cls, name: str, raw: bytes) -> SourceText:
        return cls(name, fold(raw.decode("utf-8")))

    def find(self, quote: str) -> Miss | None:
        """None when the quote is in the text, else the closest passage."""
        needle = fold(quote)
        if needle and needle in self.folded:
            return None
        alignment = fuzz.partial_ratio_alignment(needle, self.folded)
        if alignment is None:
            return Miss("", 0.0)
        passage = self.folded[alignment.dest_start : alignment.dest_end]
        return Miss(passage, alignment.score)


# A figure in digits, as a quote or a value writes it: grouped by commas or spaces, or with a
# decimal point, and perhaps a scale word after it ("235,000", "1.5 million", "235k").
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+|\d+(?:\.\d+)?)"
    r"(?:[ \u00a0]?(k|thousand|m|mn|million|bn|billion))?(?![\w])",
    re.IGNORECASE,
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def numbers_in(text: str) -> dict[float, str]:
    """Each figure written in digits in ``text``, as written, by its number; a figure with a
    scale word counts both as written ("235" of "235k") and scaled (235,000)."""
    found: dict[float, str] = {}
    for match in _DIGITS.finditer(text):
        digits, scale = match.group(1), match.group(2)
        number = float(re.sub(r"[,\u00a0\u2009\u202f ]", "", digits))
        found.setdefault(number, match.group(0))
        if scale:
            found.setdefault(round(number * _SCALE[scale.lower()], 6), match.group(0))
    return found


def missing_from_quote(value: str, quote: str) -> list[str] | None:
    """The figures of a quote that look like the value mis-copied: when none of the figures
    written in digits in ``value`` is in the quote, the quote's figures within a factor of
    two of one of them (a year, written "2024", counts only against a year). None when the
    value is there, or nothing in the quote is near it: a quote may give the figure in
    words and hold other numbers, such as a date or an article of law."""
    stated = _stated(value)
    if not stated or any(_written_in(written, quote) for written in stated.values()):
        return None  # the commonest case: the quote has the figure as the value writes it
    quoted = numbers_in(quote)
    if not quoted or stated.keys() & quoted.keys():
        return None
    near = [
        written
        for number, written in quoted.items()
        if not (_YEAR.fullmatch(written) and not any(_YEAR.fullmatch(w) for w in stated.values()))
        and any(s > 0 and 0.5 <= number / s <= 2 for s in stated)
    ]
    return list(dict.fromkeys(near)) or None  # each once, as written


@functools.lru_cache(maxsize=4096)
def _stated(value: str) -> dict[float, str]:
    return numbers_in(value)  # values repeat across claims: read each once


def _written_in(written: str, quote: str) -> bool:
    """``written`` stands in ``quote`` as a whole figure (not inside a longer one)."""
    start = quote.find(written)
    while start >= 0:
        end = start + len(written)
        before = quote[start - 1] if start else " "
        after = quote[end] if end < len(quote) else " "
        glued = before.isalnum() or before in ".,_" or after.isalnum() or after == "_"
        continued = after in ".," and quote[end + 1 : end + 2].isdigit()  # "54,000" of "54,0001"
        if not glued and not continued:
            return True
        start = quote.find(written, start + 1)
    return False


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
