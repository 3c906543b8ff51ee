"""Checking quotes against the text of their source.

A quote is found when it stands in the source text after folding the differences that
copying text introduces: runs of white space, curly and straight quotes, and the several
dashes. A quote that is not found is reported with the closest passage of the text and how
similar it is, measured with rapidfuzz's partial ratio.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from reconcile.words import LABEL_WORDS

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


# A figure in digits, as a quote writes it: grouped by commas or spaces, or with a decimal
# point, and perhaps a scale word after it ("235,000", "1.5 million", "235k").
_DIGITS = re.compile(
    r"(?<![\w.,:])(\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+|\d+(?:\.\d+)?)"
    r"(?:[ \u00a0]?(k|thousand|m|mn|million|bn|billion))?(?![\w:])",
    re.IGNORECASE,
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# What makes a quote's figures unsafe to hold a value to: numbers in words (the value may be
# one of them: "nine killed and 12 injured"), a decimal comma ("12,5%"), a time ("10:30").
_UNSURE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|dozens?|a thousand|a million|a billion)\b"
    r"|\d,\d{1,2}(?!\d)|\d:\d",
    re.IGNORECASE,
)


# A number that labels rather than counts: "item 14", "Article 12", "No. 5".
_LABEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, LABEL_WORDS))) + r")s?\.?\s*$", re.IGNORECASE
)


def figures_in(text: str) -> list[tuple[float, str, int]]:
    """Each figure written in digits: its number (scaled: "235k" is 235,000), as written,
    and where it starts."""
    found = []
    for match in _DIGITS.finditer(text):
        digits, scale = match.group(1), match.group(2)
        number = float(re.sub(r"[,\u00a0\u2009\u202f ]", "", digits))
        if scale:
            number = round(number * _SCALE[scale.lower()], 6)
        found.append((number, match.group(0), match.start()))
    return found


def misquoted(low: float, best: float | None, high: float, quote: str) -> str | None:
    """The figure of a quote that looks like the value mis-copied, or None.

    A quote with a figure inside the value's interval agrees with it. Otherwise only a quote
    that gives one figure in digits that counts (not a year, not a label such as "item 14")
    is held to the value, and only when it has no number in words, decimal comma or time
    that the value might stand for instead; that figure looks mis-copied when it lies
    within a factor of two of the value's figure, or is ten times it or a tenth of it (a
    zero too many or too few, a slipped decimal point)."""
    figures = figures_in(quote)
    if not figures or any(low <= number <= high for number, _, _ in figures):
        return None
    if _UNSURE.search(quote):
        return None
    counting = {
        (number, written)
        for number, written, start in figures
        if not _YEAR.fullmatch(written) and not _LABEL_BEFORE.search(quote, 0, start)
    }
    if len(counting) != 1:
        return None
    ((number, written),) = counting
    centre = best if best is not None else (low if math.isinf(high) else (low + high) / 2)
    if centre <= 0:
        return None
    ratio = number / centre
    slipped = math.isclose(ratio, 10.0) or math.isclose(ratio, 0.1)  # a zero too many or few
    return written if 0.5 <= ratio <= 2 or slipped else None
