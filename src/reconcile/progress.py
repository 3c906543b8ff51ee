"""Feedback on long work: a progress bar on standard error, only for a person to see.

The core reports progress through the small :class:`Steps` interface and never prints; the
command line hands it a rich progress bar when standard error is a terminal and the work is
large, and a silent one otherwise, so CI logs and piped output stay clean. The bar shows how
much is done of how much (text in MB, other work in items) and an estimate of the time left.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from rich.progress import Task
    from rich.text import Text

Unit = Literal["items", "bytes"]

LARGE = 5_000  # items of work (claims, comparisons) before a bar is worth showing
LARGE_BYTES = 2_000_000  # bytes of text before a bar is worth showing (about 5,000 claims)


class Steps(Protocol):
    def start(self, label: str, total: int, unit: Unit = "items") -> None: ...

    def advance(self, count: int = 1) -> None: ...


class Silent:
    """Progress that shows nothing."""

    def start(self, label: str, total: int, unit: Unit = "items") -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


SILENT = Silent()


def amount(completed: float, total: float, unit: Unit) -> str:
    """How much is done of how much: '12.5/51.5 MB' for text, '1,200/5,000' for items."""
    if unit == "bytes":
        return f"{completed / 1e6:,.1f}/{total / 1e6:,.1f} MB"
    return f"{int(completed):,}/{int(total):,}"


def time_left(seconds: float | None) -> str:
    """The estimated time left in words: '1:05 left', '1:02:05 left', or '-:-- left'."""
    if seconds is None:
        return "-:-- left"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    shown = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{shown} left"


class _Bar:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn
        from rich.text import Text

        class Amount(ProgressColumn):
            def render(self, task: Task) -> Text:
                unit: Unit = task.fields.get("unit", "items")
                return Text(amount(task.completed, task.total or 0, unit), "progress.download")

        class Left(ProgressColumn):
            max_refresh = 0.5  # an estimate that changes more often only flickers

            def render(self, task: Task) -> Text:
                return Text(time_left(task.time_remaining), "progress.remaining")

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            Amount(),
            Left(),
            console=Console(stderr=True),
            transient=True,
            # nothing prints while the bar is shown; output written meanwhile (a report on
            # standard output) must reach its own stream, not the bar's
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task: object = None

    def start(self, label: str, total: int, unit: Unit = "items") -> None:
        if total < (LARGE_BYTES if unit == "bytes" else LARGE):
            self._task = None
            return
        if self._task is None and not self._progress.live.is_started:
            self._progress.start()
        self._task = self._progress.add_task(label, total=total, unit=unit)

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
