"""reconcile report and reconcile export as a user runs them, and the page in a browser."""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from tests.acceptance.browser import Browser, chromium
from tests.conftest import BUNDLED, CASES, Run

Runner = Callable[..., Run]

HOSTILE = CASES / "report" / "hostile.yaml"

INVALID = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - id: paper-crowd
        measure: crowds
        source: paper
        value: "12,000"
    """
)


def test_the_suffix_picks_the_format(run: Runner, tmp_path: Path) -> None:
    page, notes = tmp_path / "report.html", tmp_path / "report.md"
    first = run("report", str(BUNDLED), "-o", str(page))
    second = run("report", str(BUNDLED), "--output", str(notes))
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", f"wrote {page}\n")
    assert (second.exit_code, second.stdout) == (0, "")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert notes.read_text(encoding="utf-8").startswith("# ")


def test_format_overrides_the_suffix(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("report", str(BUNDLED), "-o", str(target), "--format", "markdown")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    odd = tmp_path / "report.txt"
    assert run("report", str(BUNDLED), "-o", str(odd), "-f", "html").exit_code == 0
    assert odd.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_without_output_markdown_goes_to_stdout(run: Runner) -> None:
    result = run("report", str(BUNDLED))
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert "## Measures" in result.stdout
    assert result.stderr == ""
    html = run("report", str(BUNDLED), "--format", "html")
    assert html.stdout.startswith("<!DOCTYPE html>")


def test_an_unknown_suffix_without_format_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = run("report", str(BUNDLED), "-o", str(target))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "cannot tell the format from 'report.txt'" in result.stderr
    assert not target.exists()


def test_invalid_input_writes_nothing(run: Runner, tmp_path: Path) -> None:
    figures = tmp_path / "figures.yaml"
    figures.write_text(INVALID, encoding="utf-8")
    before = tmp_path / "old.html"
    before.write_text("the earlier report", encoding="utf-8")
    for command, target in (("report", tmp_path / "new.html"), ("report", before)):
        result = run(command, str(figures), "-o", str(target))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert f"{figures}:8:14: error E203" in result.stderr
    assert not (tmp_path / "new.html").exists()
    assert before.read_text(encoding="utf-8") == "the earlier report"
    exported = run("export", str(figures), "-o", str(tmp_path / "reviews.jsonld"))
    assert exported.exit_code == 2
    assert "E203" in exported.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.yaml", "old.html"]


def test_the_file_is_replaced_in_one_step(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    seen: list[tuple[str, str, str]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        seen.append((str(Path(src).parent), Path(src).read_text(encoding="utf-8")[:2], str(dst)))
        assert target.read_text(encoding="utf-8") == "old"  # untouched until the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert run("report", str(BUNDLED), "-o", str(target)).exit_code == 0
    assert seen == [(str(tmp_path), "# ", str(target))]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_failed_write_leaves_no_temporary_file(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("report", str(BUNDLED), "-o", str(tmp_path / "report.md"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Permission denied" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_report_is_written_to_its_file_as_it_is_made(tmp_path: Path) -> None:
    from reconcile.engine.compare import compare
    from reconcile.model.validate import load
    from reconcile.views.report import RENDERERS, write_report

    result = compare(load([BUNDLED]))
    target = tmp_path / "report.html"
    target.write_text("the earlier report", encoding="utf-8")
    seen: list[int] = []

    def render(result: object, stream: TextIO, steps: object = None) -> None:
        RENDERERS["html"](result, stream)  # type: ignore[arg-type]
        stream.write("x" * 1_000_000)
        # most of it is in the new file already, not held in memory
        (temporary,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        seen.append(temporary.stat().st_size)

    write_report(render, result, target)
    assert seen and seen[0] > 900_000
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_report_that_fails_midway_leaves_the_earlier_one(tmp_path: Path) -> None:
    from reconcile.engine.compare import compare
    from reconcile.model.validate import load
    from reconcile.views.report import write_report

    target = tmp_path / "report.html"
    target.write_text("the earlier report", encoding="utf-8")

    def render(result: object, stream: TextIO, steps: object = None) -> None:
        stream.write("<!DOCTYPE html>" + "x" * 100_000)
        raise RuntimeError("a fault halfway")

    with pytest.raises(RuntimeError):
        write_report(render, compare(load([BUNDLED])), target)
    assert target.read_text(encoding="utf-8") == "the earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_two_runs_give_byte_identical_files(run: Runner, tmp_path: Path, suffix: str) -> None:
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert run("report", str(BUNDLED), "-o", str(first)).exit_code == 0
    assert run("report", str(BUNDLED), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_claimreview(run: Runner, tmp_path: Path) -> None:
    rated = CASES / "report" / "fact-check.yaml"
    result = run("export", str(rated), "--format", "claimreview")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert len(document["@graph"]) == 2
    assert result.stderr == "2 ClaimReviews; 1 review without a rating left out\n"
    target = tmp_path / "reviews.jsonld"
    written = run("export", str(rated), "-o", str(target))
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == result.stdout
    assert written.stderr == f"wrote {target}\n2 ClaimReviews; 1 review without a rating left out\n"


def test_export_without_a_publisher_writes_nothing(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "reviews.jsonld"
    target.write_text("earlier", encoding="utf-8")
    result = run("export", str(BUNDLED), "-o", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{BUNDLED}:1:1: error E501 publisher not set")
    assert target.read_text(encoding="utf-8") == "earlier"


# --- the page in a browser --------------------------------------------------------------

SCREENS = {"phone": (390, 844), "desk": (1280, 900)}
TALLEST_SHOT = 12_000  # pixels of a screenshot at most (the page below is left out)


def _browser(tmp_path: Path, name: str) -> Browser:
    found = chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not found: apt-get install chromium")
    return Browser(found, tmp_path / f"profile-{name}")


def _distinct_colours(png: Path) -> tuple[int, int, int]:
    """Width, height and number of distinct colours of a screenshot."""
    import numpy as np
    from matplotlib.image import imread

    pixels = imread(png)
    height, width = pixels.shape[:2]
    channels = (pixels[..., :3] * 255).round().astype(np.uint32)
    packed = (channels[..., 0] << 16) | (channels[..., 1] << 8) | channels[..., 2]
    return width, height, len(np.unique(packed))


# Every section laid out, not only those near the screen (content-visibility: auto), so
# that the widths of all of them are measured and all of them are in the screenshot.
_EVERY_SECTION = """document.querySelectorAll("section.measure").forEach(
  (s) => { s.style.contentVisibility = "visible"; }); document.body.offsetHeight"""

_LAYOUT = """(() => {
  const page = document.documentElement;
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  const charts = [...document.querySelectorAll("figure.chart")];
  const words = [...document.querySelectorAll(".chart .who, .chart .tick, td, .legend")];
  const main = document.querySelector("main");
  const inner = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) * 2;
  // the table heads a narrow screen hides (kept for screen readers) are left out
  const wide = [...document.querySelectorAll("main *:not(thead, thead *)")].filter(
    (el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.getClientRects().length);
  return {
    viewport: innerWidth,
    scroll: page.scrollWidth,
    height: page.scrollHeight,
    charts: charts.map((c) => c.dataset.measure),
    tracks: charts.map((c) => c.querySelector(".track").getBoundingClientRect().width / inner),
    smallest: Math.min(...words.map(px)),
    beyond: wide.map((el) => el.tagName + "." + el.className).slice(0, 5),
    contents: document.querySelectorAll("nav.contents a[href^='#measure-']").length,
    headings: [...document.querySelectorAll("h2")].map((h) => h.textContent),
  };
})()"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_report_reads_without_sideways_scrolling(
    run: Runner, tmp_path: Path, screen: str
) -> None:
    width, height = SCREENS[screen]
    page = tmp_path / "report.html"
    assert run("report", str(BUNDLED), "-o", str(page)).exit_code == 0
    with _browser(tmp_path, screen) as browser:
        browser.open(page, width, height)
        browser.value(_EVERY_SECTION)
        layout = browser.value(_LAYOUT)
        shot = tmp_path / f"report-{width}.png"
        browser.screenshot(shot, width, min(layout["height"], TALLEST_SHOT))
    assert layout["viewport"] == width
    assert layout["scroll"] == width, layout["beyond"]  # nothing is wider than the screen
    assert layout["beyond"] == []
    assert layout["charts"] == _charted()
    assert min(layout["tracks"]) > 0.6  # every bar has most of the page's width to run in
    assert layout["smallest"] >= 11.5  # and every word is large enough to read
    assert layout["contents"] == len(_measures())
    assert layout["headings"][:2] == ["Contents", "Summary"]
    assert layout["headings"][-2:] == ["Sources", "Origins"]
    shown_width, shown_height, colours = _distinct_colours(shot)
    assert (shown_width, shown_height) == (width, min(layout["height"], TALLEST_SHOT))
    assert colours > 50, "the screenshot is blank"


def test_the_report_loads_nothing_from_outside(run: Runner, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert run("report", str(BUNDLED), "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    references = re.findall(r'\b(?:src|href|xlink:href)="([^"#][^"]*)"', text)
    assert not [r for r in references if r.startswith(("http", "//", "file:"))], references
    with _browser(tmp_path, "offline") as browser:
        browser.open(page, 1280, 900)
        loaded = browser.value(
            "performance.getEntriesByType('resource').map((entry) => entry.name)"
        )
        assert loaded == []
        assert browser.value("document.querySelectorAll('script').length") == 0


def _measures() -> dict[str, list[object]]:
    from reconcile.model.validate import load

    return dict(load([BUNDLED]).by_measure)  # type: ignore[arg-type]


def _charted() -> list[str]:
    from reconcile.engine.compare import compare
    from reconcile.model.validate import load
    from reconcile.views.report.content import build

    return [e.id for e in build(compare(load([BUNDLED]))).index if e.layout == "chart"]
