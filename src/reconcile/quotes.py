"""Checking quotes against the text of their source.

A quote is found when it stands in the source text after folding the differences that
copying text introduces: runs of white space, curly and straight quotes, and the several
dashes. A quote that is not found is reported with the closest passage of the text and how
similar it is, measured with rapidfuzz's partial ratio.
"""

from __future__ import annotations

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
