"""Range charts: one HTML figure per charted measure, placed in percent, the same bytes on
every run."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from reconcile.engine.compare import CompareResult
from reconcile.views.report.charts import chart_html, limits, ticks
from reconcile.views.report.content import build
from reconcile.views.report.rows import MeasureSection
from tests.conftest import BUNDLED, ROOT
from tests.unit.report.conftest import SHAPES

_PROGRAM = """
import sys
from pathlib import Path
from reconcile.engine.compare import compare
from reconcile.views.report.charts import chart_html
from reconcile.views.report.content import build
from reconcile.model.validate import load

report = build(compare(load([Path(p) for p in sys.argv[1:]])))
sys.stdout.write("".join(chart_html(m) for m in report.sections("chart")))
"""


def _charts_in_a_fresh_process(seed: str) -> bytes:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(BUNDLED), str(SHAPES)],
        cwd=ROOT,
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": seed, "PATH": "", "HOME": str(ROOT)},
    ).stdout


def _section(result: CompareResult, measure: str) -> MeasureSection:
    return build(result).measures.of(measure)


class _Marks(HTMLParser):
    """The rows of a chart: for each, its words and its marks (class, left %, width %)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict[str, object]] = []
        self.ticks: list[tuple[str, float]] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        style = found.get("style") or ""
        if tag == "div" and "row" in classes:
            self.rows.append({"words": "", "marks": []})
        elif tag == "p" and "who" in classes and self.rows:
            self._in = "who"
        elif tag == "span" and "tick" in classes:
            self._in = "tick"
            self.ticks.append(("", _percent(style, "left")))
        elif tag == "span" and "left:" in style and self.rows:
            marks = self.rows[-1]["marks"]
            assert isinstance(marks, list)
            marks.append((" ".join(classes), _percent(style, "left"), _percent(style, "width")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" or (tag == "span" and self._in == "tick"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "who" and self.rows:
            self.rows[-1]["words"] = str(self.rows[-1]["words"]) + data
        elif self._in == "tick":
            text, place = self.ticks[-1]
            self.ticks[-1] = (text + data, place)


def _percent(style: str, name: str) -> float:
    match = re.search(rf"(?:^|;){name}:([\d.]+)%", style)
    return float(match.group(1)) if match else 0.0


def _marks(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    return parser


def test_charts_are_byte_identical_across_processes() -> None:
    first = _charts_in_a_fresh_process("1")
    assert first.count(b'<figure class="chart"') > 5
    assert first == _charts_in_a_fresh_process("2")


def test_one_figure_per_charted_measure_named_by_a_data_attribute(shapes: CompareResult) -> None:
    report = build(shapes)
    charted = [e.id for e in report.index if e.layout == "chart"]
    assert charted == ["visitors", "all-stalls", "food-share", "arrivals"]
    for section in report.sections("chart"):
        markup = chart_html(section)
        assert markup.startswith(f'<figure class="chart" data-measure="{section.id}" ')
        assert markup.count("<figure") == 1
        assert markup.rstrip().endswith("</figure>")


def test_a_chart_loads_nothing_and_runs_nothing(shapes: CompareResult) -> None:
    markup = "".join(chart_html(m) for m in build(shapes).sections("chart"))
    assert "<script" not in markup.lower()
    assert not re.search(r"(?:href|src)=", markup)
    assert "url(" not in markup
    assert "<svg" not in markup and "<img" not in markup


def test_text_from_the_file_is_escaped_inside_the_chart(hostile: CompareResult) -> None:
    report = build(hostile)
    markup = "".join(chart_html(m) for m in report.sections("chart"))
    assert "The &#34;Quoted&#34; Gazette" in markup
    assert "<script" not in markup
    assert "<img" not in markup


def test_every_shape_draws(shapes: CompareResult) -> None:
    markup = chart_html(_section(shapes, "visitors"))
    for label in ("v-exact", "v-least", "v-many", "“more than 20,000”", "party: south"):
        assert label in markup
    assert "no bound" in markup  # the legend names the arrow of an unbounded end
    assert "hedged or unstated" in markup
    assert "figure stated" in markup


def test_marks_are_placed_where_the_figures_fall(shapes: CompareResult) -> None:
    section = _section(shapes, "visitors")
    start, end = limits(section.rows)

    def at(value: float) -> float:
        return round((value - start) / (end - start) * 100, 2)

    rows = {str(r["words"]).split()[-1]: r["marks"] for r in _marks(chart_html(section)).rows}
    assert rows["v-exact"] == [("best", at(12_000), 0.0)]  # a stated figure: a diamond alone
    assert rows["v-range"] == [  # a stated range: a solid bar with both bounds marked
        ("seg solid", at(9_000), round(at(11_000) - at(9_000), 2)),
        ("end", at(9_000), 0.0),
        ("end", at(11_000), 0.0),
    ]
    least = dict((kind, (left, width)) for kind, left, width in rows["v-least"])
    assert least["arrow up"][0] == at(20_000)  # "more than": an arrow from the bound
    assert least["arrow up"][0] + least["arrow up"][1] == pytest.approx(100.0, abs=0.01)
    nearly = [kind for kind, _, _ in rows["v-nearly"]]
    assert nearly == ["seg faded", "best"]  # "nearly 14,000": hedged below, stated at 14,000


def test_every_mark_stays_inside_its_row(shapes: CompareResult, bundled: CompareResult) -> None:
    for result in (shapes, bundled):
        for section in build(result).sections("chart"):
            found = _marks(chart_html(section))
            assert len(found.rows) == len(section.rows)
            for row in found.rows:
                marks = row["marks"]
                assert isinstance(marks, list) and marks
                for _, left, width in marks:
                    assert 0.0 <= left <= 100.0
                    assert left + width <= 100.0 + 0.01
            places = [place for _, place in found.ticks]
            assert places == sorted(places) and all(0.0 <= p <= 100.0 for p in places)


def test_computed_rows_are_drawn_dashed(shapes: CompareResult) -> None:
    rows = _marks(chart_html(_section(shapes, "all-stalls"))).rows
    kinds = [[kind for kind, _, _ in row["marks"]] for row in rows]  # type: ignore[union-attr]
    assert kinds[-1] == ["seg computed", "best computed"]
    assert "computed: the sum of its parts" in str(rows[-1]["words"])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0.0, 263_200.0, [0, 50_000, 100_000, 150_000, 200_000, 250_000]),
        (0.0, 11.2, [0, 2, 4, 6, 8, 10]),
        (0.0, 33_600.0, [0, 10_000, 20_000, 30_000]),
        (0.0, 0.7, [0, 0.2, 0.4, 0.6]),
        (-5.0, 5.0, [-4, -2, 0, 2, 4]),
        (0.0, 1.0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    ],
)
def test_axis_values_are_round(start: float, end: float, expected: list[float]) -> None:
    found = ticks(start, end)
    assert found == expected
    assert len(found) - 1 <= 6
    assert all(str(v) != "-0.0" for v in found)


def test_an_axis_has_room_for_an_open_end(shapes: CompareResult) -> None:
    section = _section(shapes, "visitors")
    start, end = limits(section.rows)
    largest = max(r.high for r in section.rows if r.high != float("inf"))
    assert start == 0.0
    assert end > largest * 1.3  # the arrow of "more than 20,000" runs past every bound
