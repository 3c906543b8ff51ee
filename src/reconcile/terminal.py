"""A rich console for the terminal views, which also reads well when piped."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len, chop_cells

if TYPE_CHECKING:
    from rich.console import Console


@contextmanager
def console(stream: TextIO, piped_width: int = 120) -> Iterator[Console]:
    """On a terminal, its own width and colours; piped, a fixed width and no trailing spaces,
    so that the view can be read in a log, grepped and diffed."""
    from rich.console import Console

    if stream.isatty():
        yield Console(file=stream, highlight=False, soft_wrap=False)
        return
    buffer = io.StringIO()
    yield Console(file=buffer, highlight=False, soft_wrap=False, width=piped_width)
    stream.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as rich divides lines


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Printable text cut into lines of at most ``width`` cells where rich would cut it
    (between words; a word wider than a line is cut into pieces of the width), without
    rich's per-character measuring of plain ASCII words. Trailing spaces are kept."""
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
