"""Sentences as spans of the document text, so that a quote is cut from it verbatim.

Blocks come first: a blank line always ends one, and so does a line that starts a list item
(``-``, ``*``, ``•``, ``1.``) or a Markdown heading or block quote; the marker itself is left
out of the sentence. A single line break also ends a block unless the text is hard-wrapped
(most of its long lines about the same length, as in a plain-text e-mail), where it is read
as a space. Fenced code in Markdown is skipped.

Inside a block a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quote or
bracket) followed by white space and a capital letter, a digit or an opening quote, except
after a known abbreviation (``Mr.``, ``no.``, ``approx.``, ``Sept.``), an initial (``J.``) or
a run of initials (``U.S.``). A sentence longer than :data:`MAX_SENTENCE` characters is cut at
clause marks so that no quote grows without bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from reconcile.extract.vocabulary import ABBREVIATIONS

MAX_SENTENCE: Final = 600
"""Longest quote, in characters; longer sentences are cut at clause marks (; : , —)."""

TextKind = Literal["text", "markdown", "html"]

_MARKER: Final = re.compile(r"[ \t]*(?:[-*+•·▪‣◦]|\d{1,3}[.)]|#{1,6}|>+)[ \t]+")
_FENCE: Final = re.compile(r"[ \t]*(?:```|~~~)")
_END: Final = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])")
_CLAUSE: Final = re.compile(r"[;:,—–]\s")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # sentences of one block share it

    def text(self, document: str) -> str:
        """The sentence with its white space folded to single spaces."""
        return " ".join(document[self.start : self.end].split())


def _hard_wrapped(text: str) -> bool:
    lengths = [len(line) for line in text.splitlines() if len(line.strip()) > 40]
    if len(lengths) < 5:
        return False
    longest = max(lengths)
    near = sum(1 for length in lengths if length >= 0.6 * longest)
    return longest <= 100 and near >= 0.8 * len(lengths)


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _blocks(text: str, kind: TextKind) -> list[tuple[int, int]]:
    wrapped = kind != "html" and _hard_wrapped(text)
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    fenced = False
    for start, end in _lines(text):
        line = text[start:end]
        if kind == "markdown" and _FENCE.match(line):
            fenced = not fenced
            if current:
                blocks.append(current)
            current = None
            continue
        if fenced:
            continue
        if not line.strip():
            if current:
                blocks.append(current)
            current = None
            continue
        marker = _MARKER.match(line)
        if marker is not None and (
            kind == "markdown" or not marker.group().strip().startswith(">")
        ):
            if current:
                blocks.append(current)
            current = (start + marker.end(), end)
            continue
        if current is not None and wrapped:
            current = (current[0], end)
        else:
            if current:
                blocks.append(current)
            current = (start + len(line) - len(line.lstrip()), end)
    if current:
        blocks.append(current)
    return blocks


def _abbreviation_before(text: str, dot: int, floor: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial."""
    match = re.search(r"([\w.]+)\.?$", text[max(floor, dot - 20) : dot + 1])
    if match is None:
        return False
    word = match.group(1).rstrip(".").lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return True
    return word in ABBREVIATIONS


def _cut(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """A long sentence as clauses of at most MAX_SENTENCE characters."""
    pieces: list[Sentence] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        marks = [m.end() for m in _CLAUSE.finditer(text, start + MAX_SENTENCE // 4, limit)]
        if marks:
            cut = marks[-1]
        else:
            space = text.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append(Sentence(start, piece_end, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append(Sentence(start, end, paragraph))
    return pieces


def split(text: str, kind: TextKind = "text") -> list[Sentence]:
    """The sentences of ``text``, in order, as spans that hold no leading or trailing space."""
    sentences: list[Sentence] = []
    for paragraph, (block_start, block_end) in enumerate(_blocks(text, kind)):
        start = block_start
        for match in _END.finditer(text, block_start, block_end):
            dot = match.start()
            if (
                text[dot] == "."
                and match.group().rstrip("\"”’')]") == "."
                and _abbreviation_before(text, dot, block_start)
            ):
                continue
            sentences.extend(_cut(text, start, match.end(), paragraph))
            start = match.end()
            while start < block_end and text[start].isspace():
                start += 1
        end = block_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.extend(_cut(text, start, end, paragraph))
    return sentences


__all__ = ["MAX_SENTENCE", "Sentence", "TextKind", "split"]
