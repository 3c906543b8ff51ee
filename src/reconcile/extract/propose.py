"""From a document to claim stubs: one proposal for every numeric expression in it.

Each proposal carries the value as written, the sentence it stands in (the quote), an id
made of the source id and the figure, and guesses for the fields that need judgement. A
guess is never a value: it is written as a ``# guess:`` comment for the curator to accept,
correct or delete.

Guesses:

- ``unit``: a currency sign or word beside the figure (``€412 million``, ``95 million
  euros``: ``currency:EUR``); a unit glued on with a hyphen (``36-year-old``: ``years``;
  ``3-metre-high``: ``m``); else the noun the figure counts, skipping "of", possessives and
  adjectives (``3,000 of our soldiers``, ``176,000 open cases``): a noun for people gives
  ``persons``, any other noun is given as it is (``cases``, ``homes``). A unit written in the
  value itself (``5–12 years``, ``500 square kilometres``, ``10%``) is part of the value, and
  not guessed.
- ``per`` and ``type: rate``: a rate word later in the same clause (``30,000 men are
  mobilised monthly``); a rate in the value itself (``2,400 per day``) gives only the type.
  ``type: share`` for a percentage.
- ``period`` / ``as_of``: the dates of the same sentence, nearest first, else the last date
  of the sentence before in the same paragraph (see :mod:`reconcile.extract.dates`).
- ``origin``: the attributions of the same sentence, nearest first, else the last of the
  sentence before in the same paragraph (see :mod:`reconcile.extract.attribution`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from reconcile.extract.attribution import Attribution, find_attributions, leading_name
from reconcile.extract.dates import DateMention, find_dates, stated_years
from reconcile.extract.document import Document
from reconcile.extract.figures import Figure, find_figures, is_ordinal
from reconcile.extract.sentences import Sentence, split
from reconcile.extract.tokens import Token, tokenize
from reconcile.extract.vocabulary import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    IRREGULAR_PLURALS,
    NOT_RATES,
    NOUN_SKIP,
    NOUN_STOP,
    PERSON_NOUNS,
    RATE_PERIODS,
    RATE_PHRASES,
    TIME_NOUNS,
)
from reconcile.intake.values import Quantity, canonical_unit

MAX_ID: Final = 120
_GUESSES_PER_FIELD: Final = 2
_KNOWN_UNITS: Final = frozenset(
    {"years", "months", "weeks", "days", "hours", "km2", "km", "m", "percent"}
)


@dataclass(frozen=True, slots=True)
class Guess:
    """A candidate for one field: its YAML text and the words of the document it rests on."""

    field: str  # unit, type, per, period, as_of or origin
    value: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim stub: everything but the measure, which a person must choose."""

    id: str
    source: str
    value: str
    quantity: Quantity
    quote: str
    start: int  # offsets of the value in the document text
    end: int
    guesses: tuple[Guess, ...]

    def guess(self, field: str) -> Guess | None:
        return next((g for g in self.guesses if g.field == field), None)


@dataclass(frozen=True, slots=True)
class _Parsed:
    sentence: Sentence
    tokens: list[Token]
    dates: list[DateMention]
    attributions: list[Attribution]
    figures: list[Figure]


def id_slug(value: str) -> str:
    """The figure's part of an id: ``nearly 54,000`` -> ``nearly-54000``."""
    text = value.lower().replace("%", " percent")
    text = re.sub(r"(?<=\d)[,\u00a0\u202f\u2009 ](?=\d{2})", "", text)
    text = re.sub(r"[^a-z0-9.]+", "-", text)
    text = re.sub(r"(?<![0-9])\.|\.(?![0-9])", "-", text)
    return re.sub(r"-{2,}", "-", text).strip("-")


def unique_id(source: str, value: str, taken: set[str]) -> str:
    """``<source>-<slug>``, with -2, -3 ... when the id is taken; the new id joins ``taken``."""
    base = f"{source}-{id_slug(value) or 'figure'}"[:MAX_ID].rstrip("-.")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def _evidence(document: str, tokens: Sequence[Token], first: int, last: int) -> str:
    return " ".join(document[tokens[first].start : tokens[last - 1].end].split())


def _plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _unit_guess(document: str, tokens: Sequence[Token], figure: Figure) -> Guess | None:
    if figure.quantity.unit is not None:
        return None
    for token in tokens[max(0, figure.first - 1) : figure.last]:
        if token.kind == "sym" and token.text in CURRENCY_SYMBOLS:
            return Guess("unit", f"currency:{CURRENCY_SYMBOLS[token.text]}", token.text)
    before = tokens[figure.first - 1] if figure.first else None
    if before is not None and before.text.isupper() and before.lower in CURRENCY_WORDS:
        return Guess("unit", f"currency:{CURRENCY_WORDS[before.lower]}", before.text)
    index = figure.last
    if (
        index + 1 < len(tokens)
        and tokens[index].text == "-"
        and tokens[index - 1].touches(tokens[index])
        and tokens[index].touches(tokens[index + 1])
    ):
        unit = canonical_unit(tokens[index + 1].text)
        if unit in _KNOWN_UNITS:
            return Guess("unit", unit, _evidence(document, tokens, figure.first, index + 2))
        if tokens[index + 1].lower + "s" in _KNOWN_UNITS:
            return Guess(
                "unit", tokens[index + 1].lower + "s", _evidence(document, tokens, index, index + 2)
            )
    if _lower(tokens, figure.last) in TIME_NOUNS and is_ordinal(
        tokens, (figure.first, figure.last)
    ):
        noun = tokens[figure.last]
        return Guess("unit", canonical_unit(noun.text), noun.text)  # "its fifth year"
    fallback: int | None = None
    for index in range(figure.last, min(len(tokens), figure.last + 4)):
        token = tokens[index]
        if token.kind != "word":
            break
        word = token.lower
        if word in CURRENCY_WORDS:
            return Guess("unit", f"currency:{CURRENCY_WORDS[word]}", token.text)
        if word in NOUN_SKIP:
            continue
        if word in NOUN_STOP:
            break
        if word in PERSON_NOUNS or _plural(word):
            unit = "persons" if word in PERSON_NOUNS else word
            return Guess("unit", unit, _evidence(document, tokens, figure.last, index + 1))
        if word == "percentage" and _lower(tokens, index + 1) in {"point", "points"}:
            return Guess("unit", "percentage points", "percentage points")
        if word == "cubic" and canonical_unit(_lower(tokens, index + 1)) == "m":
            return Guess("unit", "m3", _evidence(document, tokens, index, index + 2))
        if fallback is None and not token.text[:1].isupper():
            fallback = index
    if fallback is not None and fallback == figure.last and figure.quantity.best == 1:
        word = tokens[fallback].lower  # "one soldier": a singular noun after one
        unit = "persons" if word in {"person", "man", "woman", "child"} else word
        return Guess("unit", unit, tokens[fallback].text)
    return None


def _lower(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def _rate_guesses(document: str, tokens: Sequence[Token], figure: Figure) -> list[Guess]:
    quantity = figure.quantity
    if quantity.per is not None:
        return [Guess("type", "rate")]
    for index in range(figure.last, min(len(tokens), figure.last + 8)):
        token = tokens[index]
        if token.kind in ("num", "punct") and token.text not in {"'", "’"}:
            break
        for phrase in RATE_PHRASES:
            end = index + len(phrase)
            if (
                end <= len(tokens)
                and tuple(t.lower for t in tokens[index:end]) == phrase
                and _lower(tokens, end) not in NOT_RATES
            ):
                evidence = _evidence(document, tokens, index, end)
                return [Guess("type", "rate"), Guess("per", RATE_PERIODS[phrase], evidence)]
    if quantity.unit == "percent":
        return [Guess("type", "share")]
    return []


def _distance(figure: Figure, start: int, end: int) -> int:
    if end <= figure.start:
        return figure.start - end
    if start >= figure.end:
        return start - figure.end
    return 0


def _date_guesses(
    document: str, figure: Figure, parsed: _Parsed, before: _Parsed | None, year: int | None
) -> list[Guess]:
    mentions = sorted(
        (m for m in parsed.dates if m.first is not None),
        key=lambda m: _distance(figure, m.start, m.end),
    )
    note = ""
    if not mentions and before is not None:
        earlier = [m for m in before.dates if m.first is not None]
        mentions, note = earlier[-1:], " (sentence before)"
    guesses: list[Guess] = []
    for mention in mentions:
        found = mention.guess(year)
        if found is None:
            continue
        field, value = found
        words = " ".join(document[mention.start : mention.end].split())
        lead = mention.lead.split()[-1:] if mention.lead else []
        evidence = " ".join([*lead, words]) + note
        if mention.first is not None and mention.first.year is None and year is not None:
            evidence += f"; year {year} inferred from the text"
        elif mention.first is not None and mention.first.year is None:
            evidence += "; the text states no year: replace YYYY"
        guess = Guess(field, value, evidence)
        if all(g.value != guess.value for g in guesses):
            guesses.append(guess)
        if len(guesses) == _GUESSES_PER_FIELD:
            break
    return guesses


def _origin_guesses(figure: Figure, parsed: _Parsed, before: _Parsed | None) -> list[Guess]:
    found = sorted(parsed.attributions, key=lambda a: _distance(figure, a.start, a.end))
    note = ""
    if not found and before is not None:
        found, note = before.attributions[-1:], " (sentence before)"
    guesses: list[Guess] = []
    for attribution in found:
        if not attribution.slug:
            continue
        guess = Guess("origin", attribution.slug, attribution.evidence + note)
        if all(g.value != guess.value for g in guesses):
            guesses.append(guess)
        if len(guesses) == _GUESSES_PER_FIELD:
            break
    return guesses


def _masked(tokens: Sequence[Token], dates: Iterable[DateMention]) -> frozenset[int]:
    spans = [(m.start, m.end) for m in dates]
    return frozenset(
        index
        for index, token in enumerate(tokens)
        if token.kind == "url" or any(token.start < b and token.end > a for a, b in spans)
    )


def _parse(document: Document) -> list[_Parsed]:
    text = document.text
    parsed: list[_Parsed] = []
    previous_name: str | None = None
    for sentence in split(text, document.kind):
        tokens = tokenize(text, sentence.start, sentence.end)
        dates = find_dates(text, sentence.start, sentence.end)
        attributions = find_attributions(text, tokens, previous_name)
        figures = find_figures(text, tokens, _masked(tokens, dates))
        parsed.append(_Parsed(sentence, tokens, dates, attributions, figures))
        previous_name = leading_name(text, tokens) or previous_name
    return parsed


def _document_year(parsed: Sequence[_Parsed]) -> int | None:
    """The year that dates without one are taken to be in: that of a full date in the first
    three sentences (a dateline), else the latest year the text states."""
    for item in parsed[:3]:
        for mention in item.dates:
            day = mention.first
            if day is not None and day.year is not None and day.day is not None:
                return day.year
    years = stated_years([mention for item in parsed for mention in item.dates])
    return max(years) if years else None


def propose(document: Document, source: str, taken: Iterable[str] = ()) -> list[Proposal]:
    """A proposal for every numeric expression in ``document``, in the order of the text.

    Ids are ``<source>-<figure>``, made unique against ``taken`` (the ids already in use) and
    against each other with -2, -3 ...
    """
    text = document.text
    parsed = _parse(document)
    year = _document_year(parsed)
    used = set(taken)
    proposals: list[Proposal] = []
    for position, item in enumerate(parsed):
        before = parsed[position - 1] if position else None
        if before is not None and before.sentence.paragraph != item.sentence.paragraph:
            before = None
        quote = item.sentence.text(text)
        for figure in item.figures:
            guesses: list[Guess] = []
            unit = _unit_guess(text, item.tokens, figure)
            if unit is not None:
                guesses.append(unit)
            guesses.extend(_rate_guesses(text, item.tokens, figure))
            guesses.extend(_date_guesses(text, figure, item, before, year))
            guesses.extend(_origin_guesses(figure, item, before))
            proposals.append(
                Proposal(
                    id=unique_id(source, figure.value, used),
                    source=source,
                    value=figure.value,
                    quantity=figure.quantity,
                    quote=quote,
                    start=figure.start,
                    end=figure.end,
                    guesses=tuple(guesses),
                )
            )
    return proposals


def renumber(proposals: Iterable[Proposal], taken: Iterable[str]) -> list[Proposal]:
    """The same proposals with their ids made again, in order, against ``taken``: used once
    some proposals have been dropped, so that the ids kept do not skip a number."""
    used = set(taken)
    return [replace(p, id=unique_id(p.source, p.value, used)) for p in proposals]


__all__ = ["Guess", "Proposal", "id_slug", "propose", "renumber", "unique_id"]
