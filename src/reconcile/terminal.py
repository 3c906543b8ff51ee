"""A rich console for the terminal views, which also reads well when piped."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

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
