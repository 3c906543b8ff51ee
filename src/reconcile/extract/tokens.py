"""Words, numbers and signs of a stretch of text, each with its offsets in the text.

Offsets always point into the document text, so every span the finders report can be cut
out of it verbatim. A hyphenated word is split into its parts ("36-year-old" is ``36``,
``-``, ``year``, ``-``, ``old``) unless every part is a number word ("twenty-five"), so that
a unit or a number word inside a compound is seen on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

TokenKind = Literal["num", "word", "sym", "punct", "url"]

# Digits: commas in threes (235,000) or the Indian way (4,81,486), no-break or thin spaces in
# threes (235 000), then an optional decimal part. A plain space never groups digits: "in
# 2024 100 people" is two numbers. Not glued to a letter, a digit or a decimal point before.
_NUM: Final = (
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?"
)
_TOKEN: Final = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+)"
    rf"|(?P<num>{_NUM})"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*)"
    r"|(?P<sym>[%€$£¥₹₴₽~+\-–—‐‑−])"
    r"|(?P<punct>[^\s\w])"
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    def touches(self, other: Token) -> bool:
        """True when ``other`` follows this token with no space between them."""
        return self.end == other.start


def _number_word(part: str) -> bool:
    from reconcile.extract.vocabulary import NUMBER_WORDS

    return part.lower() in NUMBER_WORDS


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, stop):
        kind = match.lastgroup
        assert kind is not None
        piece = match.group()
        if kind == "word" and "-" in piece:
            parts = piece.split("-")
            if not all(_number_word(part) for part in parts):
                offset = match.start()
                for index, part in enumerate(parts):
                    if index:
                        tokens.append(Token("sym", "-", offset, offset + 1))
                        offset += 1
                    tokens.append(Token("word", part, offset, offset + len(part)))
                    offset += len(part)
                continue
        tokens.append(Token(kind, piece, match.start(), match.end()))  # type: ignore[arg-type]
    return tokens


__all__ = ["Token", "TokenKind", "tokenize"]
