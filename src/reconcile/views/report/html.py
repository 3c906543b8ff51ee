"""The HTML report: one self-contained page that opens offline, on a phone or a desk.

The page is a Jinja2 template shipped with the package (``templates/report.html.j2``),
rendered with autoescaping on: every text from the figure file goes through HTML escaping,
and a source address becomes a link only when it is a plain http(s) address
(:func:`reconcile.views.report.names.safe_url`). The charts are HTML drawn by CSS
(:mod:`reconcile.views.report.charts`), the styles are inline, and a Content-Security-Policy
forbids scripts and every network load, so the page shows the same on a laptop with no
network as on a newsroom's intranet.

The page is written as it is rendered, section by section, so a report of many claims is
never held whole; ``steps`` hears of each claim written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from reconcile.engine.compare import CompareResult
from reconcile.progress import SILENT, Steps
from reconcile.views.report.charts import chart_html
from reconcile.views.report.comparisons import STATUS_WORDS
from reconcile.views.report.content import Report, build
from reconcile.views.report.rows import Layout, MeasureSection

CHUNK = 1 << 16  # characters gathered before each write


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("reconcile.views.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _chart(section: MeasureSection) -> Markup:
    return Markup(chart_html(section))  # every text in it is escaped by chart_html


def _counted(report: Report, steps: Steps) -> Callable[..., Iterator[MeasureSection]]:
    """``report.sections`` for the template, telling ``steps`` of the claims of each."""

    def sections(*layouts: Layout) -> Iterator[MeasureSection]:
        for section in report.sections(*layouts):
            yield section
            steps.advance(len(section.claims))

    return sections


def _write(pieces: Iterable[str], stream: TextIO) -> None:
    ready: list[str] = []
    size = 0
    for piece in pieces:
        ready.append(piece)
        size += len(piece)
        if size >= CHUNK:
            stream.write("".join(ready))
            ready, size = [], 0
    stream.write("".join(ready))


def render(result: CompareResult, stream: TextIO, steps: Steps = SILENT) -> None:
    report = build(result)
    steps.start("writing the report", report.counts.claims)
    page = (
        _environment()
        .get_template("report.html.j2")
        .generate(
            report=report,
            sections=_counted(report, steps),
            chart=_chart,
            status_words=STATUS_WORDS,
        )
    )
    _write(page, stream)
