"""Reading one figure: digits with their separators, scale words, number words, multiples
and ordinals, with the precision each was given to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from text_to_num import text2num

from reconcile.intake.values.quantity import MAX_MAGNITUDE, Unreadable
from reconcile.intake.values.tokens import Token
from reconcile.intake.values.vocabulary import (
    CARDINALS,
    EXTRA_SCALES,
    LARGE_SCALES,
    MULTIPLES,
    ORDINAL_SUFFIXES,
    ORDINALS,
    SCALES,
    WORD_SCALES,
)

_HALF: Final = ["and", "a", "half"]


def place(value: Decimal) -> Decimal:
    """The precision of a figure known only by its value (number words, YAML numbers).

    1 for a whole number under 100, else the place of the last non-zero digit.
    """
    size = abs(value)
    if size == 0 or (size < 100 and size == size.to_integral_value()):
        return Decimal(1)
    exponent = size.normalize().as_tuple().exponent
    if not isinstance(exponent, int):  # pragma: no cover - only finite values get here
        raise Unreadable("not a finite number")
    return Decimal(1).scaleb(exponent)


TOO_LARGE: Final = "too large (the limit is 10^21)"


def check_size(value: Decimal) -> Decimal:
    if abs(value) > MAX_MAGNITUDE:
        raise Unreadable(TOO_LARGE)
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
        raise Unreadable(f"'{digits}' is not grouped in thousands (235,000, 235 000 or 4,81,486)")
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
        raise Unreadable(f"'{text}' mixes commas and spaces between digits")
    separator = "," if "," in separators else " "
    whole, dot, fraction = text.partition(".")
    if dot and not fraction.isdigit():
        raise Unreadable(f"'{text}' has separators after its decimal point")
    digits = _grouped(whole, separator)
    if dot:
        return Decimal(f"{digits}.{fraction}"), len(fraction)
    return Decimal(digits), None


# "20.000" is 20 to three decimals in English, and 20,000 where a dot groups thousands (as
# "1.234.567" does, which is read so). With no scale word after it, it is refused as
# ambiguous, except in a percentage ("4.375%").
DOT_OR_THOUSANDS: Final = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")


def refuse_dot_or_thousands(tokens: Sequence[Token]) -> None:
    """Refuse a figure whose dot may group thousands, unless a scale word follows it."""
    for i, token in enumerate(tokens):
        after = tokens[i + 1].text if i + 1 < len(tokens) else None
        if DOT_OR_THOUSANDS.fullmatch(token.text) and after not in SCALES:
            raise Unreadable(_dot_or_thousands(token.text))


def _dot_or_thousands(digits: str) -> str:
    whole, fraction = digits.split(".")
    return (
        f"'{digits}' is ambiguous: {whole},{fraction} (a dot between thousands) or {digits} "
        f"(a decimal point)? Write '{whole},{fraction}' for thousands; for the decimal, give "
        f"the value as a YAML number (value: {digits}) or add a fourth decimal ('{digits}0')"
    )


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure, read from digits or number words, with no hedge or unit."""

    value: Decimal
    precision: Decimal | None  # None for a YAML number, which is exact
    end_scale: Decimal | None  # a large scale word at its end ("4.9 million")
    scaled: bool  # any large scale word in it


def read_figure(tokens: Sequence[Token]) -> Figure:
    if not tokens:
        raise Unreadable("no number found")
    texts = [token.text for token in tokens]
    if tokens[0].kind == "sym" and texts[0] in {"-", "+"}:
        if len(tokens) < 2 or tokens[1].kind != "num":
            raise Unreadable(f"a sign must come right before digits: {' '.join(texts)!r}")
        sign = Decimal(-1) if texts[0] == "-" else Decimal(1)
        tokens, texts = tokens[1:], texts[1:]
    else:
        sign = Decimal(1)
    if tokens[0].kind == "num":
        mantissa, decimals = _read_digits(texts[0])
        if len(texts) == 1:
            scale_word = None
        elif len(texts) == 2 and texts[1] in SCALES:
            scale_word = texts[1]
        else:
            raise Unreadable(f"cannot read {' '.join(texts)!r} as one figure")
        scale = SCALES[scale_word] if scale_word else Decimal(1)
        value = check_size(sign * mantissa * scale)
        # Written decimals count, trailing zeros included: "1.50 million" to 10,000.
        precision = place(value) if decimals is None else Decimal(1).scaleb(-decimals) * scale
        large = LARGE_SCALES.get(scale_word) if scale_word else None
        return Figure(value, precision, large, large is not None)
    if any(token.kind != "word" for token in tokens):
        raise Unreadable(f"cannot read {' '.join(texts)!r} as one figure")
    value = check_size(sign * _word_value(texts))
    return Figure(
        value,
        place(value),
        LARGE_SCALES.get(texts[-1]),
        any(text in LARGE_SCALES for text in texts),
    )


def _word_value(words: Sequence[str]) -> Decimal:
    """Read number words: text2num for plain cardinals, plus what it lacks."""
    if not words:
        raise Unreadable("no number found")
    half = Decimal("0.5")
    if words[0] == "half":  # "half a million", "half a dozen"
        rest = list(words[1:])
        if rest[:1] in (["a"], ["an"]):
            rest = rest[1:]
        if len(rest) == 1 and rest[0] in WORD_SCALES:
            return half * SCALES[rest[0]]
        raise Unreadable(f"cannot read {' '.join(words)!r} as number words")
    if len(words) >= 5 and list(words[-4:-1]) == _HALF and words[-1] in WORD_SCALES:
        # "two and a half million"
        return (_word_value(words[:-4]) + half) * SCALES[words[-1]]
    if len(words) >= 4 and list(words[-3:]) == _HALF:
        head = words[:-3]
        if len(head) >= 2 and head[-1] in WORD_SCALES and _is_simple(head[:-1]):
            # "a million and a half" is one and a half million
            count = Decimal(1) if list(head[:-1]) in (["a"], ["an"]) else _word_value(head[:-1])
            return (count + half) * SCALES[head[-1]]
        return _word_value(head) + half  # "two and a half"
    if words[0] in {"a", "an"} and len(words) > 1:
        return _word_value(["one", *words[1:]])
    if words[0] in SCALES:  # "million" alone is more likely a slip for "millions"
        raise Unreadable(f"{words[0]!r} needs a count before it, such as 'a' or 'two'")
    if words[-1] in EXTRA_SCALES:
        head = words[:-1]
        return _word_value(head) * SCALES[words[-1]]  # head is not empty: see above
    unknown = [word for word in words if word not in CARDINALS]
    if unknown or ("zero" in words and len(words) > 1):
        raise Unreadable(f"cannot read {' '.join(words)!r} as number words")
    try:
        number = text2num(" ".join(words), "en")
    except ValueError:
        raise Unreadable(f"cannot read {' '.join(words)!r} as number words") from None
    if not isinstance(number, int):  # pragma: no cover - text2num returns int for "en"
        raise Unreadable(f"cannot read {' '.join(words)!r} as number words")
    return Decimal(number)


def _is_simple(words: Sequence[str]) -> bool:
    """A count of a scale: "a", "one", "two", "twenty-five" - no scale word of its own."""
    return bool(words) and not any(word in SCALES for word in words)


def read_single(tokens: Sequence[Token]) -> tuple[Decimal, Decimal | None]:
    """A single figure, multiple or ordinal: its value and precision."""
    texts = [token.text for token in tokens]
    if len(texts) == 1 and texts[0] in MULTIPLES:
        return Decimal(MULTIPLES[texts[0]]), Decimal(1)
    if len(texts) > 1 and texts[-1] == "times":
        figure = read_figure(tokens[:-1])
        return figure.value, figure.precision
    if len(texts) == 2 and tokens[0].kind == "num" and texts[1] in ORDINAL_SUFFIXES:
        number, decimals = _read_digits(texts[0])
        if decimals is not None:
            raise Unreadable(f"an ordinal is a whole number: {''.join(texts)!r}")
        suffix = _ordinal_suffix(int(number))
        if texts[1] != suffix:
            raise Unreadable(f"{''.join(texts)!r} is not an ordinal; write {number}{suffix}")
        return check_size(number), Decimal(1)
    if texts[-1] in ORDINALS and all(token.kind == "word" for token in tokens):
        cardinal = [*texts[:-1], ORDINALS[texts[-1]]]
        if cardinal[0] in SCALES:  # "hundredth" is the one hundredth
            cardinal.insert(0, "one")
        return check_size(_word_value(cardinal)), Decimal(1)
    figure = read_figure(tokens)
    return figure.value, figure.precision


def _ordinal_suffix(number: int) -> str:
    if number % 100 in {11, 12, 13}:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
