"""Numeric expressions in a sentence, each proposed as a figure that the value reader reads.

A figure starts from a core: digits (``235,000``, ``1.2m``, ``5th``, ``-946`` with a minus
sign written before it and not after another figure), number words found by
the ``text2num`` package (``thirty thousand``, ``twenty-five``, ``fifth``), a magnitude
(``tens of thousands``), a multiple (``twice``) or a count of dozens (``a dozen``). It then
takes in what the value reader understands around it: scale words (``412 million``),
``and a half``, a percent sign or word, ``times``, a second figure that makes a range (``5–12``,
``between 300,000 and 500,000``), a unit of time, length or area, a rate (``a day``,
``monthly``), and before it hedges and framing words (``nearly``, ``up to``, ``a mere``).
The widest span that :func:`reconcile.intake.values.parse_value` reads is kept, so every proposal is
a value the figure file accepts as written.

Left out: dates and times (see :mod:`reconcile.extract.dates`), numbers that are labels
(``no. 14``, ``Schedule 1``), numbers glued to letters (``Covid-19``, ``5G``), ordinals that do
not count time (``the first attack``; ``its fifth year`` is kept), and the idioms ``one of``,
``no one`` and ``one another``. Currency signs are not part of a value (``€412 million`` is
proposed as ``412 million`` with the unit guess ``currency:EUR``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from text_to_num import find_numbers

from reconcile.extract.tokens import Token
from reconcile.extract.vocabulary import (
    CURRENCY_SYMBOLS,
    MAGNITUDES,
    MULTIPLES,
    NOT_RATES,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    PREFIX_PHRASES,
    RATE_PHRASES,
    SCALE_WORDS,
    TIME_NOUNS,
    UNIT_PHRASES,
)
from reconcile.intake.values import Quantity, ValueTextError, parse_value
from reconcile.words import LABEL_WORDS

_CURRENCY_SIGNS: Final = re.compile("[" + "".join(CURRENCY_SYMBOLS) + "]")
_GLUED_SCALES: Final = frozenset({"k", "m", "mn", "bn", "tn"})  # only right after digits
_SPACED_SCALES: Final = SCALE_WORDS - {"k", "m"}
_GLUED_UNITS: Final = frozenset({"km", "km2", "m", "sq"})
_RANGE_WORDS: Final = frozenset({"to", "-", "–", "—"})
_ONE_IDIOM_AFTER: Final = frozenset(
    {"of", "another", "or", "by", "day", "side", "way", "thing", "time", "point", "hand"}
)
_ONE_IDIOM_BEFORE: Final = frozenset({"no", "any", "every", "each", "the", "this", "that", "which"})
_SCALE_CORES: Final = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric expression: where it stands, its text as written and how it reads."""

    start: int
    end: int
    value: str
    quantity: Quantity
    first: int  # token indexes in the sentence, first and one past the last
    last: int


class _Word:
    """A token as text2num's ``find_numbers`` sees it: only words may be parts of numbers."""

    __slots__ = ("token",)

    def __init__(self, token: Token) -> None:
        self.token = token

    def text(self) -> str:
        return self.token.text

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.token.kind != "word"


def _lower(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def _phrase_at(tokens: Sequence[Token], index: int, phrase: Sequence[str]) -> bool:
    end = index + len(phrase)
    if index < 0 or end > len(tokens):
        return False
    return all(
        tokens[i].kind in ("word", "sym") and tokens[i].lower == word
        for i, word in zip(range(index, end), phrase, strict=True)
    )


def _is_label(tokens: Sequence[Token], index: int) -> bool:
    """A number after a label word ("no. 14", "Schedule 1", "Schedule 1 or 2")."""
    before = index - 1
    if _lower(tokens, before) == ".":
        before -= 1
    if tokens[before].kind == "word" if before >= 0 else False:
        if tokens[before].lower in LABEL_WORDS and tokens[before].text[:1].isupper():
            return True
        if tokens[before].lower in {"no", "nos", "number", "art", "sec", "para", "pp", "p"}:
            return True
    if _lower(tokens, index - 1) in {"or", "and", ","} and index >= 2:
        return tokens[index - 2].kind == "num" and _is_label(tokens, index - 2)
    return False


def _digit_core(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    """The core that starts at a digits token, or None when the digits are not a figure."""
    token = tokens[index]
    if index >= 2 and tokens[index - 1].text == "-" and tokens[index - 1].touches(token):
        glued = tokens[index - 2]
        if glued.kind == "word" and glued.touches(tokens[index - 1]):
            return None  # a name such as "Covid-19" or "F-16"
    if _is_label(tokens, index):
        return None
    end = index + 1
    if end < len(tokens) and tokens[end].kind == "word" and token.touches(tokens[end]):
        glued_word = tokens[end].lower
        if glued_word in ORDINAL_SUFFIXES:
            return (index, end + 1) if _lower(tokens, end + 1) in TIME_NOUNS else None
        if glued_word in _GLUED_SCALES:
            return index, end + 1
        if glued_word not in _GLUED_UNITS:
            return None  # a code such as "5G"
    return index, end


def _word_cores(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Number words, magnitudes, multiples and dozens."""
    cores: list[tuple[int, int]] = []
    for found in find_numbers([_Word(token) for token in tokens], "en", 0.0):
        first, last = found.start, found.end
        if any(tokens[i].kind != "word" and tokens[i].text != "-" for i in range(first, last)):
            continue
        if found.is_ordinal:
            if _lower(tokens, last) not in TIME_NOUNS:
                continue
        elif (
            last - first == 1
            and tokens[first].lower == "one"
            and (
                _lower(tokens, last) in _ONE_IDIOM_AFTER
                or _lower(tokens, first - 1) in _ONE_IDIOM_BEFORE
            )
        ):
            continue
        cores.append((first, last))
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = token.lower
        if word in MULTIPLES or word == "dozen":
            cores.append((index, index + 1))
        for phrase in MAGNITUDES:
            if _phrase_at(tokens, index, phrase):
                cores.append((index, index + len(phrase)))
                break
    return cores


def is_ordinal(tokens: Sequence[Token], core: tuple[int, int]) -> bool:
    last = tokens[core[1] - 1].lower
    return last in ORDINAL_SUFFIXES or (last in ORDINAL_WORDS and last not in SCALE_WORDS)


def _scales_after(tokens: Sequence[Token], end: int) -> int:
    while end < len(tokens) and tokens[end].kind == "word" and tokens[end].lower in _SPACED_SCALES:
        end += 1
    if _phrase_at(tokens, end, ("and", "a", "half")):
        end += 3
        if end < len(tokens) and tokens[end].lower in _SPACED_SCALES:
            end += 1
    return end


def _percent_after(tokens: Sequence[Token], end: int) -> int:
    if end < len(tokens) and tokens[end].text == "%":
        return end + 1
    for phrase in PERCENT_WORDS:
        if _phrase_at(tokens, end, phrase):
            return end + len(phrase)
    return end


def _suffix(tokens: Sequence[Token], end: int, phrases: Sequence[Sequence[str]]) -> int:
    for phrase in phrases:
        if _phrase_at(tokens, end, phrase):
            return end + len(phrase)
    return end


_UNIT_WORDS: Final[tuple[tuple[str, ...], ...]] = tuple(phrase for phrase, _ in UNIT_PHRASES)


def _right_ends(
    tokens: Sequence[Token], core: tuple[int, int], starts: dict[int, int], between: bool
) -> list[int]:
    """Where a figure may end: after its core, scale, percent, range, unit and rate."""
    ends = [core[1]]
    if is_ordinal(tokens, core):
        return ends  # "its fifth year": the noun is the unit, not part of the value

    def extend(end: int) -> int:
        if end != ends[-1]:
            ends.append(end)
        return end

    end = extend(_scales_after(tokens, core[1]))
    end = extend(_percent_after(tokens, end))
    if _lower(tokens, end) == "times":
        end = extend(end + 1)
    separator = _lower(tokens, end)
    if separator in _RANGE_WORDS or (separator == "and" and between):
        following = end + 2 if _currency(tokens, end + 1) else end + 1
        if following in starts:
            second = starts[following]
            end = extend(_percent_after(tokens, _scales_after(tokens, second)))
    end = extend(_suffix(tokens, end, _UNIT_WORDS))
    rate_end = _suffix(tokens, end, RATE_PHRASES)
    if _lower(tokens, rate_end) not in NOT_RATES:  # "61% a year ago" is no rate
        extend(rate_end)
    return ends


def _left_starts(tokens: Sequence[Token], core: tuple[int, int]) -> list[int]:
    """Where a figure may start: at its core, or before a count of a scale and hedges."""
    start = core[0]
    starts = [start]
    if _minus(tokens, start):
        start -= 1  # "an excess of -946": the sign belongs to the figure
        starts = [start]
    if _currency(tokens, start - 1):
        start -= 1  # "up to €1,200": the sign is left out of the value, the hedge is not
    if tokens[start].lower in _SCALE_CORES and _lower(tokens, start - 1) in {"a", "an"}:
        start -= 1
        if _lower(tokens, start - 1) == "half":
            start -= 1
        starts.append(start)
    for _ in range(2):  # framing and a hedge: "only about 500"
        for phrase in PREFIX_PHRASES:
            if _phrase_at(tokens, start - len(phrase), phrase):
                start -= len(phrase)
                starts.append(start)
                break
        else:
            break
    return starts


_MINUS_SIGNS: Final = frozenset({"-", "−"})


def _minus(tokens: Sequence[Token], index: int) -> bool:
    """A minus sign written right before the token at ``index`` and not after a figure (so
    not the dash of a range such as ``5-12``)."""
    if index < 1 or tokens[index - 1].text not in _MINUS_SIGNS:
        return False
    sign = tokens[index - 1]
    if sign.end != tokens[index].start:
        return False
    before = tokens[index - 2] if index >= 2 else None
    return before is None or before.kind != "num" or before.end < sign.start


def _currency(tokens: Sequence[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].text in CURRENCY_SYMBOLS


def _read(text: str) -> Quantity | None:
    try:
        return parse_value(text)
    except ValueTextError:
        return None


def find_figures(text: str, tokens: Sequence[Token], masked: frozenset[int]) -> list[Figure]:
    """Every numeric expression among ``tokens`` (a sentence of ``text``), in order.

    ``masked`` holds the indexes of tokens that belong to dates, times or links.
    """
    cores: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.kind == "num" and index not in masked:
            core = _digit_core(tokens, index)
            if core is not None:
                cores.append(core)
    cores.extend(core for core in _word_cores(tokens) if not masked.intersection(range(*core)))
    starts = {first: last for first, last in sorted(cores, key=lambda c: c[1] - c[0])}
    candidates: list[Figure] = []
    for core in cores:
        lefts = _left_starts(tokens, core)
        between = any(tokens[i].lower in {"between", "from"} for i in lefts[1:] if i < core[0])
        between = between or _lower(tokens, core[0] - 1) == "between"
        rights = _right_ends(tokens, core, starts, between)
        options = sorted(
            ((left, right) for left in lefts for right in rights),
            key=lambda span: (span[0] - span[1], span[0]),
        )
        for left, right in options:
            if masked.intersection(range(left, right)):
                continue
            if _currency(tokens, left):
                continue
            written = text[tokens[left].start : tokens[right - 1].end]
            value = " ".join(_CURRENCY_SIGNS.sub("", written).split())
            quantity = _read(value)
            if quantity is not None:
                candidates.append(
                    Figure(tokens[left].start, tokens[right - 1].end, value, quantity, left, right)
                )
                break
    chosen: list[Figure] = []
    for figure in sorted(candidates, key=lambda f: (f.first - f.last, f.first)):
        if all(figure.last <= other.first or figure.first >= other.last for other in chosen):
            chosen.append(figure)
    return sorted(chosen, key=lambda f: f.start)


__all__ = ["Figure", "find_figures", "is_ordinal"]
