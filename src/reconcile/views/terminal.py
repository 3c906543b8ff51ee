"""A rich console for the terminal views, which also reads well when piped."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len, chop_cells, get_character_cell_size

if TYPE_CHECKING:
    from rich.console import Console


@contextmanager
def console(stream: TextIO, piped_width: int = 120) -> Iterator[Console]:
    """On a terminal, its own width and colours; piped, a fixed width and no trailing spaces,
    so that the view can be read in a log, grepped and diffed."""
    from rich.console import Console

    if stream.isatty():
        yield Console(file=stream, highlight=False, soft_wrap=False, emoji=False)
        return
    lines = _Stripped(stream)
    yield Console(file=lines, highlight=False, soft_wrap=False, width=piped_width, emoji=False)  # type: ignore[arg-type]
    lines.close()


def is_piped(console: Console) -> bool:
    """The console writes to a pipe or a file (fixed width, no colours, no trailing spaces)."""
    return isinstance(console.file, _Stripped)


class _Stripped:
    """A file for the piped console: each whole line is passed on without its trailing
    spaces as soon as it is complete, so a long view is never held whole."""

    CHUNK = 1 << 20  # characters gathered before each write (a small view is one write)

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tail = ""
        self.ready: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        complete, newline, self.tail = (self.tail + text).rpartition("\n")
        if newline:
            self._pass(complete + newline)
        return len(text)

    def _pass(self, text: str) -> None:
        lines = "".join(line.rstrip() + "\n" for line in text.splitlines())
        self.ready.append(lines)
        self.size += len(lines)
        if self.size >= self.CHUNK:
            self._send()

    def _send(self) -> None:
        self.stream.write("".join(self.ready))
        self.ready, self.size = [], 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        self._pass(self.tail)
        self.tail = ""
        self._send()


_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as rich divides lines


# Characters outside ASCII that take one cell and are common in the views: quotes and dashes
_NARROW = str.maketrans(dict.fromkeys("“”‘’–—…×·é"))


def _narrow(text: str) -> bool:
    """Every character takes one cell: ASCII, or the common quotes and dashes."""
    return text.isascii() or text.translate(_NARROW).isascii()


def _cells(text: str) -> int:
    return len(text) if _narrow(text) else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Printable text cut into lines of at most ``width`` cells where rich would cut it
    (between words; a word wider than a line is cut into pieces of the width), without
    rich's per-character measuring of plain ASCII words. Trailing spaces are kept."""
    if _cells(text) <= width:
        return [text]
    if text.isascii():
        return _wrap_ascii(text, width)
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = _cells(word.rstrip())
        if width - used >= length:
            used += _cells(word)
        elif length > width:  # cut into pieces, each beginning a line
            pieces = chop_cells(word, width)
            for i, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if i == len(pieces) - 1:
                    used = _cells(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = _cells(word)
    edges = [0, *breaks, len(text)]
    return [text[a:b] for a, b in pairwise(edges)]


def _wrap_ascii(text: str, width: int) -> list[str]:
    """:func:`wrap` for ASCII text, where a character is a cell: each line is found from
    where the width runs out, not word by word. Spaces at the very start of the text belong
    to its first word."""
    lines: list[str] = []
    start, end = 0, len(text)
    while end - start > width:
        limit = start + width  # the line holds text[start:limit] at the most
        if text[limit] == " " and (start or text[:limit].strip(" ")):
            # a word ends within the limit: the line takes it and the spaces after it
            following = end - len(text[limit:].lstrip(" "))
            if following == end:
                break  # nothing but spaces after it
            lines.append(text[start:following])
            start = following
            continue
        space = text.rfind(" ", start, limit)
        if space >= start and (start or text[: space + 1].strip(" ")):
            lines.append(text[start : space + 1])  # the word across the limit begins a line
            start = space + 1
            continue
        # a word wider than a line: cut, with its spaces, into pieces of the width
        word = _WORD.match(text, start)
        if word is None:
            break  # nothing but spaces: they stay on the line
        while word.end() - start > width:
            lines.append(text[start : start + width])
            start += width
    lines.append(text[start:])
    return lines


_PLAIN_CELL = re.compile(r"[^\[\]\x00-\x1f\x7f]*")  # no markup brackets, no control characters


def _plain(text: str) -> bool:
    """Text that rich lays out one character a cell or two: no markup, no control
    characters, and nothing of no width (a combining accent, a joiner)."""
    if not _PLAIN_CELL.fullmatch(text):
        return False
    return _narrow(text) or all(get_character_cell_size(ch) > 0 for ch in text)


def plain_table(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> str | None:
    """A table drawn as rich draws a left-titled ``Table`` on a piped console of ``width``
    (heavy head, padding of one, no trailing spaces) when every column fits at its natural
    width; None when rich would have to shrink or wrap a column, or read markup in a cell,
    or when there are no rows. A differential test holds it to rich."""
    from rich import box

    if not rows or not all(_plain(c) for row in [header, *rows] for c in row):
        return None
    heading = [_cells(h) for h in header]
    widths = heading
    measured = [[_cells(c) for c in row] for row in rows]
    for sizes in measured:
        widths = [max(w, c) for w, c in zip(widths, sizes, strict=True)]
    drawn_width = sum(widths) + 3 * len(widths) + 1
    if drawn_width > width or _cells(title) > drawn_width or not _plain(title):
        return None  # rich would shrink the columns, or wrap the title
    edge = box.HEAVY_HEAD

    def rule(left: str, line: str, cross: str, right: str) -> str:
        return left + cross.join(line * (w + 2) for w in widths) + right + "\n"

    def cells(row: Sequence[str], sizes: Sequence[int], outer: str, inner: str) -> str:
        padded = [c + " " * (w - n) for c, n, w in zip(row, sizes, widths, strict=True)]
        return f"{outer} " + f" {inner} ".join(padded) + f" {outer}\n"

    lines = [title.rstrip() + "\n"] if title else []
    lines.append(rule(edge.top_left, edge.top, edge.top_divider, edge.top_right))
    lines.append(cells(header, heading, edge.head_left, edge.head_vertical))
    lines.append(
        rule(
            edge.head_row_left,
            edge.head_row_horizontal,
            edge.head_row_cross,
            edge.head_row_right,
        )
    )
    lines += [
        cells(row, sizes, edge.mid_left, edge.mid_vertical)
        for row, sizes in zip(rows, measured, strict=True)
    ]
    lines.append(rule(edge.bottom_left, edge.bottom, edge.bottom_divider, edge.bottom_right))
    return "".join(lines)
