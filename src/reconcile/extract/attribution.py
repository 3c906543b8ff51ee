"""Who a sentence attributes its figures to: a guess at the claim's ``origin``.

Three shapes are found:

- ``according to X``: X up to the next punctuation (at most eight words);
- ``X said`` / ``X told ...`` / ``X reported`` and the other verbs of saying, estimating and
  recording (:data:`~reconcile.extract.vocabulary.ATTRIBUTION_VERBS`): X is the run of words
  before the verb, back to punctuation or a word such as "that" or "while", with
  "has"/"have"/"also" and the like skipped ("Police have confirmed");
- ``"...," said X``: after a closing quote or a comma, X follows the verb.

A pronoun ("He told the paper") is replaced by the name that opens the sentence before, when
there is one. The guess is a slug of X for the ``origin`` id and the words found, for the
curator to judge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from reconcile.extract.tokens import Token
from reconcile.extract.vocabulary import (
    ATTRIBUTION_VERBS,
    AUXILIARIES,
    DETERMINERS,
    PRONOUNS,
    SUBJECT_STOP,
)

_MAX_WORDS: Final = 8
_OPENING: Final = frozenset({"“", '"', "‘", "'", "(", "["})
_QUOTE_ENDS: Final = frozenset({"”", '"'})
_PREPOSITIONS: Final = frozenset({"for", "of", "at", "in", "from", "with", "on", "to", "by"})
_TRAILING: Final = _PREPOSITIONS | DETERMINERS
# Verbs that are also nouns ("local reports", "the estimate"): a verb only when what follows
# looks like what is said.
_AMBIGUOUS: Final = frozenset(
    {
        "report",
        "reports",
        "state",
        "states",
        "note",
        "notes",
        "estimate",
        "estimates",
        "claim",
        "claims",
        "count",
        "counts",
        "record",
        "records",
        "quote",
        "quotes",
        "show",
        "shows",
        "forecast",
        "forecasts",
        "put",
        "puts",
        "add",
        "adds",
        "cite",
        "cites",
        "say",
    }
)
_SAID_NEXT: Final = frozenset(
    {
        "that",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "some",
        "about",
        "nearly",
        "more",
        "over",
        "up",
        "at",
        "only",
        "almost",
        "around",
        "roughly",
        "as",
        "there",
    }
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a figure is attributed to, as the text words it."""

    start: int  # offsets of the evidence in the document
    end: int
    who: str  # the subject as written ("Top commander Valentyn Manko")
    evidence: str  # the words found ("Top commander Valentyn Manko noted")

    @property
    def slug(self) -> str:
        return origin_slug(self.who)


def origin_slug(who: str) -> str:
    """An id for an origin: lowercased words, no article or possessive, at most five words."""
    words = re.sub(r"['’]s\b", "", who).lower()
    parts = [part for part in re.split(r"[^a-z0-9]+", words) if part]
    while parts and parts[0] in DETERMINERS:
        parts = parts[1:]
    return "-".join(parts[:5])


def _subject_before(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    index = verb - 1
    while index >= 0 and tokens[index].kind == "word" and tokens[index].lower in AUXILIARIES:
        index -= 1
    end = index + 1
    if index >= 0 and tokens[index].lower in PRONOUNS | {"it"}:
        return index, end  # "deaths we have confirmed": the subject is "we"
    if index >= 2 and tokens[index].text == "," and tokens[index - 1].kind == "word":
        # "X, who ..., told": the subject stands before the clause
        opening = max(
            (i for i in range(max(0, index - 30), index) if tokens[i].text == ","), default=None
        )
        if opening is not None and tokens[opening + 1].lower in {"who", "which", "whose"}:
            return _subject_before(tokens, opening)
        return None
    count = 0
    while (
        index >= 0
        and tokens[index].kind == "word"
        and tokens[index].lower not in SUBJECT_STOP
        and count < _MAX_WORDS
    ):
        word = tokens[index].lower
        index -= 1
        count += 1
        if word in DETERMINERS and (index < 0 or tokens[index].lower not in _PREPOSITIONS):
            break
    start = index + 1
    while start < end and tokens[start].lower in _PREPOSITIONS:
        start += 1
    if start >= end or all(tokens[i].lower in DETERMINERS for i in range(start, end)):
        return None
    return start, end


def _phrase_after(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    index = first
    while (
        index < len(tokens)
        and index - first < _MAX_WORDS
        and (tokens[index].kind == "word" and tokens[index].lower not in SUBJECT_STOP)
    ):
        index += 1
    while index > first and tokens[index - 1].lower in _TRAILING:
        index -= 1
    if index == first or all(tokens[i].lower in DETERMINERS for i in range(first, index)):
        return None
    return first, index


def _text(document: str, tokens: Sequence[Token], first: int, last: int) -> str:
    return " ".join(document[tokens[first].start : tokens[last - 1].end].split())


def leading_name(document: str, tokens: Sequence[Token]) -> str | None:
    """The capitalised name that opens a sentence ("Tymofey, a ..."), if it opens with one."""
    index = 0
    while index < len(tokens) and tokens[index].kind == "punct" and tokens[index].text in _OPENING:
        index += 1
    first = index
    while (
        index < len(tokens)
        and tokens[index].kind == "word"
        and tokens[index].text[:1].isupper()
        and tokens[index].lower not in DETERMINERS | SUBJECT_STOP | PRONOUNS
        and index - first < 4
    ):
        index += 1
    if index == first or index == len(tokens) or tokens[index].kind == "word":
        return None
    return _text(document, tokens, first, index)


def find_attributions(
    document: str, tokens: Sequence[Token], previous_name: str | None = None
) -> list[Attribution]:
    """The attributions in one sentence, in order."""
    found: list[Attribution] = []
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = token.lower
        if word == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
            span = _phrase_after(tokens, index + 2)
            if span is not None:
                who = _text(document, tokens, *span)
                evidence = _text(document, tokens, index, span[1])
                found.append(Attribution(token.start, tokens[span[1] - 1].end, who, evidence))
            continue
        if word not in ATTRIBUTION_VERBS:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if word in _AMBIGUOUS and not (
            following is not None
            and (following.kind == "num" or following.lower in _SAID_NEXT or following.text == "“")
        ):
            continue
        if word in {"add", "adds", "added"} and following is not None and following.lower == "up":
            continue
        before = tokens[index - 1] if index else None
        if before is not None and before.lower in DETERMINERS:
            continue  # "the estimated total": an adjective
        if word.endswith("ed") and following is not None and following.lower == "by":
            span = _phrase_after(tokens, index + 2)  # "published by the ministry"
            if span is not None:
                who = _text(document, tokens, *span)
                evidence = _text(document, tokens, index, span[1])
                found.append(Attribution(token.start, tokens[span[1] - 1].end, who, evidence))
            continue
        quote_end = before is not None and (
            before.text in _QUOTE_ENDS
            or (before.text == "," and index >= 2 and tokens[index - 2].text in _QUOTE_ENDS)
        )
        if quote_end:
            span = _phrase_after(tokens, index + 1)
            if span is not None:
                who = _text(document, tokens, *span)
                evidence = _text(document, tokens, index, span[1])
                found.append(Attribution(token.start, tokens[span[1] - 1].end, who, evidence))
            continue
        subject = _subject_before(tokens, index)
        if subject is None:
            continue
        who = _text(document, tokens, *subject)
        if who.lower() in PRONOUNS | {"it"}:
            if previous_name is None or who.lower() not in {"he", "she"}:
                continue
            who = previous_name
        evidence = _text(document, tokens, subject[0], index + 1)
        found.append(Attribution(tokens[subject[0]].start, token.end, who, evidence))
    return found


__all__ = ["Attribution", "find_attributions", "leading_name", "origin_slug"]
