"""Reports for people and exports for other tools.

``reconcile report`` writes a document a reporter or an editor reads: HTML (one
self-contained page with range charts) or Markdown (the same content with tables).
``reconcile export`` writes data for other tools: schema.org ClaimReview JSON-LD.

Both registries map a format's name to a renderer that takes a comparison result and
writes to a stream; an exporter also returns a line that sums up what it wrote (for
standard error), and raises :class:`~reconcile.intake.problems.InputError` when the files lack
what the export needs. This module stays light (the command line builds its choices from it);
each renderer imports its own module, with Jinja2, only when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from reconcile.progress import SILENT, Steps

if TYPE_CHECKING:
    from reconcile.engine.compare import CompareResult


class Renderer(Protocol):
    """Writes a comparison result to a stream; ``steps`` hears of the work as it goes."""

    def __call__(self, result: CompareResult, stream: TextIO, steps: Steps = SILENT) -> None: ...


Exporter = Callable[["CompareResult", TextIO], str]


def _html(result: CompareResult, stream: TextIO, steps: Steps = SILENT) -> None:
    from reconcile.views.report import html

    html.render(result, stream, steps)


def _markdown(result: CompareResult, stream: TextIO, steps: Steps = SILENT) -> None:
    from reconcile.views.report import markdown

    markdown.render(result, stream)


def _claimreview(result: CompareResult, stream: TextIO) -> str:
    from reconcile.views.report import claimreview

    return claimreview.render(result, stream)


RENDERERS: dict[str, Renderer] = {"html": _html, "markdown": _markdown}
EXPORTERS: dict[str, Exporter] = {"claimreview": _claimreview}

# the suffixes that name a report format; the first of each is the usual one
SUFFIXES: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    "markdown": (".md", ".markdown"),
}


def format_of(path: Path) -> str | None:
    """The report format a file name asks for by its suffix, or None."""
    suffix = path.suffix.lower()
    return next((name for name, known in SUFFIXES.items() if suffix in known), None)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` in one step (:func:`reconcile.atomic.write_atomic`);
    raises OSError when the folder cannot be written."""
    from reconcile.atomic import write_atomic

    write_atomic(path, text.encode("utf-8"))


def write_report(
    renderer: Renderer, result: CompareResult, path: Path, steps: Steps = SILENT
) -> None:
    """Render straight into a new file that replaces ``path`` in one step when it is whole
    (:func:`reconcile.atomic.replacing`), so a large report is never held in memory;
    raises OSError when the folder cannot be written."""
    import io

    from reconcile.atomic import replacing

    with replacing(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        renderer(result, text, steps)
        text.flush()
        text.detach()  # the file itself is synced, closed and renamed by replacing()


__all__ = [
    "EXPORTERS",
    "RENDERERS",
    "SUFFIXES",
    "Exporter",
    "Renderer",
    "format_of",
    "write_atomically",
    "write_report",
]
