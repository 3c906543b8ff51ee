"""docs/api.md is a walk-through whose every example runs and prints what the page shows."""

from __future__ import annotations

import doctest
import re

import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs" / "api.md"
_BLOCK = re.compile(r"^```pycon\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _examples() -> str:
    """The page's ``pycon`` blocks, one after the other, as one doctest session."""
    blocks = _BLOCK.findall(DOCS.read_text(encoding="utf-8"))
    assert len(blocks) >= 8, "the walk-through lost its examples"
    return "\n".join(blocks)


def test_every_example_of_the_walk_through_runs_as_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_examples(), {}, "docs/api.md", str(DOCS), 0)
    failures: list[str] = []

    class Collect(doctest.DocTestRunner):
        def report_failure(self, out, test, example, got):  # type: ignore[no-untyped-def]
            failures.append(f"{example.source.strip()}\nexpected: {example.want}got: {got}")

        def report_unexpected_exception(self, out, test, example, exc_info):  # type: ignore[no-untyped-def]
            failures.append(f"{example.source.strip()}\nraised: {exc_info[1]!r}")

    runner = Collect(optionflags=doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=lambda _: None)
    assert result.attempted >= 20
    assert not failures, "\n\n".join(failures)


def test_the_three_lines_give_a_frame_of_claims_and_one_of_comparisons() -> None:
    page = DOCS.read_text(encoding="utf-8")
    first = _BLOCK.findall(page)[0]
    assert first.count(">>> ") == 4  # three lines, then the shapes they give
    assert "claims_frame()" in first and "comparisons_frame()" in first
