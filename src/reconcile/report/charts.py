"""Range charts: one row per claim, in the style of a forest plot, as inline SVG.

Each row is a bar from the lowest to the highest value a figure allows. The part the text
states is drawn in full colour; a part that only a hedge ("about", "nearly", "tens of
thousands") or an unstated bound ("up to") allows is drawn faded; an end with no bound is an
arrow to the edge of the chart. A diamond marks the figure as stated. Figures computed from
other claims (the sum of a measure's parts, a derived share) are drawn as dashed outlines.
Colour is the party of the figure's origin, from :mod:`reconcile.report.content`.

The SVG is deterministic: matplotlib's SVG writer with a fixed hash salt, no date,
no random ids, and every id prefixed per chart, so several charts can share one page. Text
stays text (selectable, found by the browser's search, read by screen readers), laid out in
matplotlib's bundled DejaVu Sans and shown in it or in a font of nearly the same widths.
"""

from __future__ import annotations

import io
import math
import re
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from reconcile.report.content import ChartRow, MeasureSection
from reconcile.subjects import fmt

if TYPE_CHECKING:
    from matplotlib.axes import Axes

RC: dict[Any, Any] = {
    "svg.hashsalt": "reconcile",
    "svg.fonttype": "none",
    "svg.id": None,
    "font.family": "DejaVu Sans",
    "font.size": 10.0,
    "text.parse_math": False,  # a dollar sign in a label is a dollar sign
    "axes.unicode_minus": True,
}
FADED = 0.3
WIDTH_IN = 9.0
ROW_IN = 0.42
LABEL_CHARS = 46
WRITTEN_CHARS = 44
SUBLABEL_CHARS = 52

_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
# the font the chart was measured in, then fonts of nearly the same widths
FONTS = "font-family: 'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(ax: Axes, y: float, row: ChartRow) -> None:
    """The row's label left of the axis: source and date, and beneath it the claim id."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.transAxes, ax.transData)
    style = "italic" if row.computed else "normal"
    common: dict[str, Any] = {"transform": where, "ha": "right", "fontstyle": style}
    ax.text(-0.015, y - 0.02, _short(row.label, LABEL_CHARS), va="bottom", fontsize=9.5, **common)
    ax.text(
        -0.015,
        y + 0.06,
        _short(row.sublabel, SUBLABEL_CHARS),
        va="top",
        fontsize=8,
        color="#666666",
        **common,
    )


def _tick(value: float, _pos: object = None) -> str:
    return fmt(value)


def _limits(rows: tuple[ChartRow, ...]) -> tuple[float, float]:
    finite = [
        v
        for row in rows
        for v in (row.low, row.high, row.best)
        if v is not None and math.isfinite(v)
    ]
    low, high = min(finite), max(finite)
    start = min(0.0, low)
    if high <= start:
        high = start + (abs(start) or 1.0)
    end = high + (high - start) * 0.12
    if any(math.isinf(row.high) for row in rows):
        end = max(end, high + (high - start) * 0.35)
    if any(math.isinf(row.low) for row in rows):
        start -= (end - start) * 0.25
    return start, end


def _draw_row(ax: Axes, y: float, row: ChartRow, xmin: float, xmax: float) -> None:
    colour = row.party.colour
    low = max(row.low, xmin)
    high = min(row.high, xmax)
    height = 0.42
    if row.computed:
        ax.barh(
            y,
            max(high - low, 0.0),
            left=low,
            height=height,
            facecolor="white",
            edgecolor=colour,
            linestyle="--",
            linewidth=1.4,
        )
    elif row.solid is None:
        _faded(ax, y, low, high, height, colour)
    else:
        lo, hi = row.solid
        if lo > low:
            _faded(ax, y, low, lo, height, colour)
        if hi < high and not math.isinf(row.high):
            _faded(ax, y, hi, high, height, colour)
        if hi > lo:
            ax.barh(y, hi - lo, left=lo, height=height, color=colour, lw=0)
        for end in {lo, hi} - {row.best}:  # a stated bound other than the stated figure
            ax.plot([end, end], [y - height / 2, y + height / 2], color=colour, lw=2.2)
    for unbounded, start, stop in (
        (math.isinf(row.high), row.solid[1] if row.solid else row.low, xmax),
        (math.isinf(row.low), row.solid[0] if row.solid else row.high, xmin),
    ):
        if unbounded:
            ax.annotate(
                "",
                xy=(stop, y),
                xytext=(start, y),
                arrowprops={
                    "arrowstyle": "-|>,head_length=0.7,head_width=0.35",
                    "color": colour,
                    "lw": 2.4,
                    "shrinkA": 0,
                    "shrinkB": 0,
                },
            )
    if row.best is not None:
        ax.plot(
            [row.best],
            [y],
            marker="D",
            markersize=8,
            color="white" if row.computed else colour,
            markeredgecolor=colour if row.computed else "white",
            markeredgewidth=1.6 if row.computed else 1.2,
            zorder=4,
        )
    _annotate(ax, y, row, xmin, xmax)


def _faded(ax: Axes, y: float, start: float, stop: float, height: float, colour: str) -> None:
    """A hedged or unstated stretch: a pale fill with a thin edge in the party's colour."""
    from matplotlib.colors import to_rgba

    ax.barh(
        y,
        stop - start,
        left=start,
        height=height,
        facecolor=to_rgba(colour, FADED),
        edgecolor=to_rgba(colour, 0.8),
        linewidth=0.8,
    )


def _annotate(ax: Axes, y: float, row: ChartRow, xmin: float, xmax: float) -> None:
    """The figure as written, beside its bar where there is room, else above it."""
    span = xmax - xmin
    right = xmax if math.isinf(row.high) else row.high
    text = _short(row.written if row.computed else f"“{row.written}”", WRITTEN_CHARS)
    style: dict[str, Any] = {"fontsize": 9, "color": "#333333", "va": "center"}
    if row.computed:
        style["fontstyle"] = "italic"
    nudge: dict[str, Any] = {"textcoords": "offset points", "annotation_clip": False}
    if (right - xmin) / span < 0.6 and not math.isinf(row.high):
        ax.annotate(text, (right, y), xytext=(9, 0), ha="left", **nudge, **style)
    elif (max(row.low, xmin) - xmin) / span > 0.4:
        ax.annotate(text, (max(row.low, xmin), y), xytext=(-9, 0), ha="right", **nudge, **style)
    else:
        middle = (max(row.low, xmin) + min(right, xmax)) / 2
        above = {**style, "va": "bottom"}
        ax.annotate(text, (middle, y - 0.24), xytext=(0, 1), ha="center", **nudge, **above)


def _legend(ax: Axes, section: MeasureSection) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(color=p.colour, label=f"party: {_short(p.name, 24)}") for p in section.parties
    ]
    rows = section.rows
    if any(r.best is not None for r in rows):
        handles.append(
            Line2D([], [], marker="D", color="#555555", lw=0, markersize=7, label="figure stated")
        )
    if any(not r.computed and (r.solid is None or r.solid != (r.low, r.high)) for r in rows):
        handles.append(
            Patch(facecolor="#dddddd", edgecolor="#555555", lw=0.8, label="hedged or unstated")
        )
    if any(math.isinf(r.high) or math.isinf(r.low) for r in rows):
        handles.append(
            Line2D([], [], marker=">", color="#555555", lw=2, markersize=7, label="no bound")
        )
    if any(r.computed for r in rows):
        handles.append(
            Patch(facecolor="white", edgecolor="#555555", ls="--", label="computed from claims")
        )
    ax.figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=len(handles) if len(handles) <= 7 else math.ceil(len(handles) / 2),
        frameon=False,
        fontsize=9,
        handlelength=1.6,
    )


def chart_svg(section: MeasureSection, index: int) -> str:
    """The range chart of one measure as an ``<svg>`` element, ready to inline in HTML."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rows = section.rows
    with matplotlib.rc_context(RC):
        height = 1.25 + ROW_IN * max(len(rows), 1)
        fig = Figure(figsize=(WIDTH_IN, height), layout="constrained")
        ax = fig.add_subplot()
        xmin, xmax = _limits(rows)
        for i, row in enumerate(rows):
            _draw_row(ax, float(i), row, xmin, xmax)
        ax.set_xlim(xmin, xmax)
        ax.set_ylim(len(rows) - 0.45, -0.6)
        ax.set_yticks(range(len(rows)), labels=[""] * len(rows))
        ax.tick_params(axis="y", length=0)
        for i, row in enumerate(rows):
            _label(ax, float(i), row)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, min_n_ticks=3))
        ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        ax.set_xlabel(_short(section.axis, 60), fontsize=9, color="#333333")
        ax.grid(axis="x", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        _legend(ax, section)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return _inline(buffer.getvalue(), section, index)


def _inline(svg: str, section: MeasureSection, index: int) -> str:
    """matplotlib's SVG document as an element for an HTML page: no XML prologue or
    comments, ids made unique to the chart, and attributes that name the measure."""
    svg = svg[svg.index("<svg") :]
    svg = _COMMENT.sub("", svg)
    svg = svg.replace("font-family: 'DejaVu Sans'", FONTS)
    prefix = f"c{index}-"
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)
    label = escape(f"Range chart of {section.label}: one row per claim")
    attributes = (
        f'<svg class="chart" data-measure="{escape(section.id)}" role="img" aria-label="{label}"'
    )
    return attributes + svg[len("<svg") :].rstrip() + "\n"
