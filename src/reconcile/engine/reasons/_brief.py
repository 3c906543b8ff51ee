"""Words for a reason's brief: the sides of a comparison and its dates in plain words.

A brief says the one fact a reason adds, in a sentence of at most
:data:`~reconcile.engine.reasons._evidence.BRIEF_WORDS` words. The headline of a view already
shows who says what, so a brief names the sides in plain words rather than by claim id: the
higher and the lower figure of a conflict, the broad figure and its parts of a sum, the
derived figure and its inputs, else each figure's own text ('tens of thousands'), or the
first and the second figure when both sides read the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reconcile.engine.reasons._evidence import BRIEF_WORDS, higher_side
from reconcile.engine.subjects import Figure, Span, Subject, quoted
from reconcile.words import count


def sentence(words: str) -> str:
    """``words`` as a sentence: its first letter a capital, a full stop at the end."""
    return words[:1].upper() + words[1:] + "."


def day(date: dt.date) -> str:
    """A date as a brief writes it: 31 Oct 2025."""
    return f"{date.day} {date:%b %Y}"


def text(figure: Figure) -> str:
    """A figure by its own words: its value as written, or the sum it stands for."""
    if figure.single:
        return quoted(figure.claim.value.text)
    return "the sum of its parts" if len(figure.records) > 1 else "the derived figure"


def names(subject: Subject) -> tuple[str, str]:
    """The two sides of a comparison in plain words, in the sides' order."""
    if subject.kind == "sum":
        return "the broad figure", "its parts"
    if subject.kind == "derived":
        return "the derived figure", "its inputs"
    higher = higher_side(subject)
    if higher == "a":
        return "the higher figure", "the lower figure"
    if higher == "b":
        return "the lower figure", "the higher figure"
    first, second = text(subject.a), text(subject.b)
    if first == second:  # the same words on both sides: told apart by their order
        return "the first figure", "the second figure"
    return first, second


def span_words(span: Span) -> str:
    """What a span covers, briefly: "covers 1,400 days to 31 Oct 2025"."""
    first, last = span.first, span.last
    if first is None and last is not None:
        return f"stands at {day(last)}"
    if first is not None and last is not None:
        return f"covers {count((last - first).days + 1, 'day')} to {day(last)}"
    if first is not None:
        return f"runs from {day(first)} on"
    return "gives no period or date"


def fitting(make: Callable[..., str], *choices: tuple[str, ...]) -> str:
    """The brief ``make`` writes with the first choice of words that keeps it within
    :data:`BRIEF_WORDS` words (measure labels, say, before measure ids); the last choice
    whatever its length."""
    for words in choices[:-1]:
        brief = make(*words)
        if len(brief.split()) <= BRIEF_WORDS:
            return brief
    return make(*choices[-1])
