"""Range charts: one row per claim, in the style of a forest plot, drawn in HTML and CSS.

Each row is a bar from the lowest to the highest value a figure allows. The part the text
states is drawn in full colour; a part that only a hedge ("about", "nearly", "tens of
thousands") or an unstated bound ("up to") allows is drawn faded; an end with no bound is an
arrow to the edge of the chart. A diamond marks the figure as stated. Figures computed from
other claims (the sum of a measure's parts, a derived share) are drawn as dashed outlines.
Colour is the party of the figure's origin, from :mod:`reconcile.views.report.parties`.

A chart is plain HTML: each row's words (the figure as written, its source and date, the
claim id) are text, and its bar is a few empty elements placed along the row in percent of
its width, so the bars stretch with the page while the words keep their size and wrap. On a
narrow screen the words go above their bar (the page's stylesheet says how); nothing is
wider than the screen. The words are escaped here, as the template escapes its own.

The charts were drawn with matplotlib as SVG; that took about 170 ms a chart (55 ms for the
leanest figure matplotlib writes), 34 s of the 35 s a report of 1,000 claims took, where
these take well under a millisecond each.
"""

from __future__ import annotations

import math
import re
from importlib import resources

from markupsafe import escape

from reconcile.engine.subjects import fmt
from reconcile.views.report.rows import ChartRow, MeasureSection

FADED = 0.3  # opacity of a hedged or unstated stretch
EDGE = 0.8  # opacity of its outline
MOST_TICKS = 6
_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def limits(rows: tuple[ChartRow, ...]) -> tuple[float, float]:
    """The ends of a chart's axis: from zero (or below it) to a little past the largest
    finite figure, with room for the arrows of unbounded ends."""
    finite = [
        v
        for row in rows
        for v in (row.low, row.high, row.best)
        if v is not None and math.isfinite(v)
    ]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    start = min(0.0, low)
    if high <= start:
        high = start + (abs(start) or 1.0)
    end = high + (high - start) * 0.12
    if any(math.isinf(row.high) for row in rows):
        end = max(end, high + (high - start) * 0.35)
    if any(math.isinf(row.low) for row in rows):
        start -= (end - start) * 0.25
    return start, end


def ticks(start: float, end: float, most: int = MOST_TICKS) -> list[float]:
    """Round values for the axis between ``start`` and ``end``: steps of 1, 2, 2.5 or 5
    times a power of ten, at most ``most`` intervals."""
    raw = (end - start) / most
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(s * power for s in _STEPS if s * power >= raw * (1 - 1e-9))
    first = math.ceil(start / step - 1e-9)
    digits = max(0, 1 - math.floor(math.log10(step)))
    values = []
    n = first
    while n * step <= end * (1 + 1e-12) + 1e-12:
        values.append(round(n * step, digits) + 0.0)  # + 0.0: no "-0"
        n += 1
    return values


def _at(value: float, start: float, end: float) -> float:
    """Where a value falls along the row, in percent of its width (clamped to the row)."""
    return min(max((value - start) / (end - start) * 100.0, 0.0), 100.0)


def _pc(value: float) -> str:
    return f"{value:.2f}%"


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _span(kind: str, left: float, right: float | None = None) -> str:
    if right is None:
        return f'<span class="{kind}" style="left:{_pc(left)}"></span>'
    width = max(right - left, 0.0)
    return f'<span class="{kind}" style="left:{_pc(left)};width:{_pc(width)}"></span>'


def _bar(row: ChartRow, start: float, end: float) -> str:
    """The marks of one row: stretches, stated bounds, arrows and the diamond."""

    def at(value: float) -> float:
        return _at(value, start, end)

    low, high = at(max(row.low, start)), at(min(row.high, end))
    marks: list[str] = []
    if row.computed:
        marks.append(_span("seg computed", low, high))
    elif row.solid is None:
        marks.append(_span("seg faded", low, high))
    else:
        lo, hi = at(row.solid[0]), at(row.solid[1])
        if lo > low:
            marks.append(_span("seg faded", low, lo))
        if hi < high and not math.isinf(row.high):
            marks.append(_span("seg faded", hi, high))
        if hi > lo:
            marks.append(_span("seg solid", lo, hi))
        stated = {row.solid[0], row.solid[1]} - {row.best}
        marks.extend(_span("end", at(bound)) for bound in sorted(stated))
    if math.isinf(row.high):
        origin = row.solid[1] if row.solid else row.low
        marks.append(_span("arrow up", at(origin), 100.0))
    if math.isinf(row.low):
        origin = row.solid[0] if row.solid else row.high
        marks.append(_span("arrow down", 0.0, at(origin)))
    if row.best is not None:
        marks.append(_span("best computed" if row.computed else "best", at(row.best)))
    return "".join(marks)


def _row(row: ChartRow, start: float, end: float) -> str:
    colour = row.party.colour
    style = f"--c:{colour};--f:{_rgba(colour, FADED)};--e:{_rgba(colour, EDGE)}"
    figure = escape(row.written if row.computed else f"“{row.written}”")
    kind = "row computed" if row.computed else "row"
    return (
        f'<div class="{kind}" style="{style}">'
        f'<p class="who"><b>{figure}</b> <span>{escape(row.label)}</span> '
        f'<span class="id">{escape(row.sublabel)}</span></p>'
        f'<div class="track">{_bar(row, start, end)}</div></div>\n'
    )


def _grid(values: list[float], start: float, end: float) -> str:
    """The vertical lines at the ticks, as one background drawn behind every row's bar."""
    stops = []
    for value in values:
        place = _pc(_at(value, start, end))
        line_start, line_end = f"calc({place} - 0.5px)", f"calc({place} + 0.5px)"
        stops.append(f"transparent 0 {line_start}, var(--grid) {line_start} {line_end}")
        stops.append(f"transparent {line_end}")
    return f"linear-gradient(to right, {', '.join(stops)})"


def _axis(section: MeasureSection, values: list[float], start: float, end: float) -> str:
    labels = []
    for i, value in enumerate(values):
        place = _at(value, start, end)
        edge = " first" if place < 6 else " last" if place > 94 else ""
        odd = " odd" if i % 2 else ""
        labels.append(
            f'<span class="tick{edge}{odd}" style="left:{_pc(place)}">{escape(fmt(value))}</span>'
        )
    # on a narrow screen every other label is left out when they would crowd the axis
    crowded = len(values) * max(len(fmt(v)) for v in values) > 30
    return (
        f'<div class="axis{" dense" if crowded else ""}"><p class="who">{escape(section.axis)}</p>'
        f'<div class="track">{"".join(labels)}</div></div>\n'
    )


def _legend(section: MeasureSection) -> str:
    rows = section.rows
    items = [
        f'<span class="key-item"><span class="swatch" style="background:{p.colour}"></span>'
        f"party: {escape(p.name)}</span>"
        for p in section.parties
    ]
    marks = (
        ("figure stated", "diamond", any(r.best is not None for r in rows)),
        (
            "hedged or unstated",
            "hedged",
            any(not r.computed and r.solid != (r.low, r.high) for r in rows),
        ),
        ("no bound", "open", any(math.isinf(r.high) or math.isinf(r.low) for r in rows)),
        ("computed from claims", "dashed", any(r.computed for r in rows)),
    )
    items += [
        f'<span class="key-item"><span class="mark {mark}"></span>{name}</span>'
        for name, mark, shown in marks
        if shown
    ]
    return f'<figcaption class="legend">{" ".join(items)}</figcaption>\n'


def chart_html(section: MeasureSection) -> str:
    """The range chart of one measure as a ``<figure>``, ready to put in the page."""
    rows = section.rows
    start, end = limits(rows)
    values = ticks(start, end)
    label = escape(f"Range chart of {section.label}: one row per claim")
    parts = [
        f'<figure class="chart" data-measure="{escape(section.id)}" aria-label="{label}" '
        f'style="--lines:{_grid(values, start, end)}">\n',
        *(_row(row, start, end) for row in rows),
        _axis(section, values, start, end),
        _legend(section),
        "</figure>\n",
    ]
    return "".join(parts)


def chart_style() -> str:
    """The CSS of a range chart outside the report (in a notebook): the page's colours, kept
    to a ``.reconcile-chart`` box, and the chart's own rules (``templates/chart.css``)."""
    templates = resources.files("reconcile.views.report").joinpath("templates")
    page = templates.joinpath("report.html.j2").read_text(encoding="utf-8")
    colours = re.search(r":root \{(.*?)\}", page, re.DOTALL)
    assert colours is not None  # the page's template defines its colours in :root
    chart = templates.joinpath("chart.css").read_text(encoding="utf-8")
    return f".reconcile-chart {{{colours[1]}}}\n{chart}"
