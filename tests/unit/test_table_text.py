"""The table view shows the file's text as written, piped or on a terminal: no markup is
read in it and no ``:name:`` becomes an emoji."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from reconcile.engine import compare as engine
from reconcile.model import validate
from reconcile.views.compare import Listing, render_table

FIGURES = r"""version: 1
topic: "Sales :fire: [bold]up[/] \\ down"
sources:
  s1: {title: x, kind: news}
  s2: {title: y, kind: news}
measures:
  m: {label: 'Prices \[1] in C:\', unit: persons}
claims:
  - {id: "fig:100:x", measure: m, value: "100", source: s1}
  - {id: b, measure: m, value: "900", source: s2}
"""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _shown(stream: io.StringIO, tmp_path: Path) -> str:
    path = tmp_path / "figures.yaml"
    path.write_text(FIGURES, encoding="utf-8")
    render_table(Listing(engine.compare(validate.load([path]))), stream)
    return re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue())  # colours off


@pytest.mark.parametrize("stream", [io.StringIO, _Terminal], ids=["piped", "terminal"])
def test_text_is_shown_as_written(
    stream: type[io.StringIO], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    shown = _shown(stream(), tmp_path)
    assert "Sales :fire: [bold]up[/] \\ down" in shown
    assert "m: Prices \\[1] in C:\\ " in shown
    assert "fig:100:x" in shown
    assert "\U0001f525" not in shown and "\U0001f4af" not in shown  # no emoji made up


def test_findings_text_shows_ids_as_written(tmp_path: Path) -> None:
    from reconcile.engine.gate import check
    from reconcile.views.findings import REPORTERS, FindingsReport

    path = tmp_path / "figures.yaml"
    path.write_text(FIGURES, encoding="utf-8")
    result = check(engine.compare(validate.load([path])))
    stream = io.StringIO()
    REPORTERS["text"](FindingsReport("check", [], result.findings, summary="s"), stream)
    assert "fig:100:x" in stream.getvalue()
    assert "\U0001f4af" not in stream.getvalue()
