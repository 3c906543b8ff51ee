"""Feedback on long work: a progress bar on standard error, only for a person to see.

The core reports progress through the small :class:`Steps` interface and never prints; the
command line hands it a rich progress bar when standard error is a terminal and the work is
large, and a silent one otherwise, so CI logs and piped output stay clean.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

LARGE = 5_000  # items of work (claims, comparisons) before a bar is worth showing


class Steps(Protocol):
    def start(self, label: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class Silent:
    """Progress that shows nothing."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


SILENT = Silent()


class _Bar:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task: object = None

    def start(self, label: str, total: int) -> None:
        if total < LARGE:
            self._task = None
            return
        if self._task is None and not self._progress.live.is_started:
            self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, count)  # type: ignore[arg-type]

    def stop(self) -> None:
        if self._progress.live.is_started:
            self._progress.stop()


@contextmanager
def terminal_steps() -> Iterator[Steps]:
    """A progress bar when standard error is a terminal; silence otherwise."""
    if not sys.stderr.isatty():
        yield SILENT
        return
    bar = _Bar()
    try:
        yield bar
    finally:
        bar.stop()
