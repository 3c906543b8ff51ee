"""Range charts: one inline SVG per measure with claims, the same bytes on every run."""

from __future__ import annotations

import re
import subprocess
import sys

from reconcile.engine import CompareResult
from reconcile.report.charts import chart_svg
from reconcile.report.content import build
from tests.conftest import BUNDLED, ROOT
from tests.unit.report.conftest import SHAPES

_PROGRAM = """
import sys
from pathlib import Path
from reconcile.engine import compare
from reconcile.report.charts import chart_svg
from reconcile.report.content import build
from reconcile.validate import load

report = build(compare(load([Path(p) for p in sys.argv[1:]])))
sys.stdout.write("".join(chart_svg(m, i) for i, m in enumerate(report.measures) if m.rows))
"""


def _charts_in_a_fresh_process(seed: str) -> bytes:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(BUNDLED), str(SHAPES)],
        cwd=ROOT,
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": seed, "PATH": "", "HOME": str(ROOT)},
    ).stdout


def test_charts_are_byte_identical_across_processes() -> None:
    first = _charts_in_a_fresh_process("1")
    assert first.count(b"<svg") > 10
    assert first == _charts_in_a_fresh_process("2")


def test_one_chart_per_measure_named_by_a_data_attribute(shapes: CompareResult) -> None:
    report = build(shapes)
    for i, section in enumerate(report.measures):
        if not section.rows:
            continue
        svg = chart_svg(section, i)
        assert svg.startswith(f'<svg class="chart" data-measure="{section.id}" role="img"')
        assert svg.count("<svg") == 1
        assert svg.rstrip().endswith("</svg>")


def test_the_svg_carries_no_date_comment_script_or_outside_reference(
    shapes: CompareResult,
) -> None:
    report = build(shapes)
    svg = "".join(chart_svg(m, i) for i, m in enumerate(report.measures) if m.rows)
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert "<!--" not in svg
    assert "<dc:date" not in svg
    assert "<script" not in svg.lower()
    assert not re.search(r'(?:href|src)="(?!#)', svg)


def test_ids_are_unique_across_the_charts_of_a_page(bundled: CompareResult) -> None:
    report = build(bundled)
    svg = "".join(chart_svg(m, i) for i, m in enumerate(report.measures) if m.rows)
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and len(ids) == len(set(ids))
    for ref in re.findall(r'(?:href="#|url\(#)([^")]+)', svg):
        assert ref in ids


def test_text_from_the_file_is_escaped_inside_the_chart(hostile: CompareResult) -> None:
    report = build(hostile)
    svg = chart_svg(report.measures[0], 0)
    assert "The &quot;Quoted&quot; Gazette" in svg or 'The "Quoted" Gazette' in svg
    assert "<script" not in svg
    assert "<img" not in svg


def test_every_shape_draws(shapes: CompareResult) -> None:
    report = build(shapes)
    visitors = next(m for m in report.measures if m.id == "visitors")
    svg = chart_svg(visitors, 0)
    for label in ("v-exact", "v-least", "v-many", "“more than 20,000”", "party: south"):
        assert label in svg
    assert "no bound" in svg  # the legend names the arrow of an unbounded end
    assert "hedged or unstated" in svg
