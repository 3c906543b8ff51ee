"""reconcile report and reconcile export as a user runs them, and the page in a browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

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


# --- the page in a browser ---------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",  # nothing listens there: any network request fails
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def _chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("chromium not found: apt-get install chromium")
    return found


def _browse(
    browser: str, page: Path, profile: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _distinct_colours(png: Path) -> tuple[int, int, int]:
    """Width, height and number of distinct colours of a screenshot."""
    import numpy as np
    from matplotlib.image import imread

    pixels = imread(png)
    height, width = pixels.shape[:2]
    colours = np.unique(pixels.reshape(-1, pixels.shape[2]), axis=0)
    return width, height, len(colours)


def test_the_report_opens_offline_in_chromium(run: Runner, tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / "report.html"
    assert run("report", str(BUNDLED), "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    references = re.findall(r'\b(?:src|href|xlink:href)="([^"#][^"]*)"', text)
    assert not [r for r in references if r.startswith(("http", "//", "file:"))], references

    dom = _browse(browser, page, tmp_path / "profile-dom", "--dump-dom").stdout
    measures = [m for m, records in _measures_with_claims().items() if records]
    charts = re.findall(r'<svg class="chart" data-measure="([^"]+)"', dom)
    assert charts == measures
    assert "<h1>" in dom and "Sources</h2>" in dom

    shot = tmp_path / "report.png"
    _browse(
        browser, page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,2400"
    )
    width, height, colours = _distinct_colours(shot)
    assert (width, height) == (1200, 2400)
    assert colours > 50, "the screenshot is blank"


def _measures_with_claims() -> dict[str, list[object]]:
    from reconcile.validate import load

    return dict(load([BUNDLED]).by_measure)  # type: ignore[arg-type]
