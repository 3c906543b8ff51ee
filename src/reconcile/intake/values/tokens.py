"""Folding a value's text and cutting it into tokens, and the phrase tables in token form,
indexed for matching hedges before a figure and units and rates after it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Final, Literal, NamedTuple, TypeVar

from reconcile.intake.values.quantity import Unreadable
from reconcile.intake.values.vocabulary import (
    CARDINALS,
    MAGNITUDES,
    MULTIPLES,
    ORDINAL_SUFFIXES,
    ORDINALS,
    PREFIX_ROLES,
    RATE_PHRASES,
    SCALES,
    UNIT_SPELLINGS,
    Role,
)

_T = TypeVar("_T")


class Token(NamedTuple):
    kind: Literal["num", "word", "sym"]
    text: str


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
DASHES: Final = frozenset({"-", "–", "—"})


def _fold(text: str) -> str:
    """Lowercase, one kind of space and of minus, words joined by a hyphen split apart."""
    folded = " ".join(text.translate(_NORMALISE).lower().split())
    return _WORD_HYPHEN.sub(" ", folded)


def normalise(text: str) -> str:
    """Fold a value's text and drop a trailing full stop."""
    folded = _fold(text)
    return folded[:-1].rstrip() if folded.endswith(".") else folded


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            rest = text[pos:].lstrip()
            if not rest:
                break
            raise Unreadable(f"unexpected character {rest[0]!r}")
        kind: Literal["num", "word", "sym"]
        if match["num"] is not None:
            kind, token = "num", match["num"]
        elif match["word"] is not None:
            kind, token = "word", match["word"]
        else:
            kind, token = "sym", match["sym"]
        tokens.append(Token(kind, token))
        pos = match.end()
    return tokens


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in tokenize(_fold(phrase)))


# --- phrase tables ----------------------------------------------------------------------

# Longest first, so that "just under" wins over "just".
_PREFIXES: Final[tuple[tuple[tuple[str, ...], Role], ...]] = tuple(
    sorted(
        ((_words(phrase), role) for role, phrases in PREFIX_ROLES.items() for phrase in phrases),
        key=lambda entry: -len(entry[0]),
    )
)


def _suffix_table(phrases: Mapping[str, str]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Phrases as token texts, longest first, each with its meaning."""
    entries = ((_words(phrase), meaning) for phrase, meaning in phrases.items())
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


_RATES: Final = _suffix_table(RATE_PHRASES)
_UNITS: Final = _suffix_table(UNIT_SPELLINGS)

_VOCABULARY: Final[frozenset[str]] = frozenset(
    {word for phrase, _ in _PREFIXES for word in phrase}
    | {word for phrase, _ in _RATES for word in phrase}
    | {word for phrase, _ in _UNITS for word in phrase}
    | {word for phrase in MAGNITUDES for word in phrase}
    | SCALES.keys()
    | CARDINALS
    | ORDINALS.keys()
    | ORDINAL_SUFFIXES
    | MULTIPLES.keys()
    | {"to", "times", "half", "a", "an"}
)


def _near_in_length(word: str) -> list[str]:
    """Known words that could be 75% similar to ``word``: no shorter than 0.6 of its length."""
    return [known for known in _VOCABULARY if 0.6 * len(word) <= len(known) <= len(word) / 0.6]


def check_vocabulary(tokens: Sequence[Token]) -> None:
    for token in tokens:
        if token.kind == "word" and token.text not in _VOCABULARY:
            close = difflib.get_close_matches(token.text, _near_in_length(token.text), 1, 0.75)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise Unreadable(f"unknown word {token.text!r}{hint}")


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


PREFIX_INDEX: Final = _first_words(_PREFIXES)
RATE_INDEX: Final = _last_words(_RATES)
UNIT_INDEX: Final = _last_words(_UNITS)


def match_prefix(
    words: Sequence[str], pos: int, index: dict[str, list[tuple[tuple[str, ...], Role]]]
) -> tuple[tuple[str, ...], Role] | None:
    if pos >= len(words):
        return None
    for phrase, role in index.get(words[pos], ()):
        if tuple(words[pos : pos + len(phrase)]) == phrase:
            return phrase, role
    return None


def match_suffix(
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
