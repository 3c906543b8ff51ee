"""The HTML report: one self-contained page that opens offline.

The page is a Jinja2 template shipped with the package (``templates/report.html.j2``),
rendered with autoescaping on: every text from the figure file goes through HTML escaping,
and a source address becomes a link only when it is a plain http(s) address
(:func:`reconcile.report.content.safe_url`). The charts are inline SVG, the styles are
inline CSS, and a Content-Security-Policy forbids scripts and every network load, so the
page shows the same on a laptop with no network as on a newsroom's intranet.
"""

from __future__ import annotations

from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from reconcile.engine import CompareResult
from reconcile.report.charts import chart_svg
from reconcile.report.content import STATUS_WORDS, build


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("reconcile.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(result: CompareResult, stream: TextIO) -> None:
    report = build(result)
    charts = {
        section.id: Markup(chart_svg(section, i))  # user text in it is glyph outlines or escaped
        for i, section in enumerate(report.measures)
        if section.rows
    }
    page = (
        _environment()
        .get_template("report.html.j2")
        .render(report=report, charts=charts, status_words=STATUS_WORDS)
    )
    stream.write(page)
