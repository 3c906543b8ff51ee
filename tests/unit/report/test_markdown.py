"""The Markdown report: tables instead of charts, and text that cannot become markup."""

from __future__ import annotations

import re

import pytest

from reconcile.engine.compare import CompareResult
from reconcile.views.report.markdown import link, text
from tests.unit.report.conftest import rendered


@pytest.mark.parametrize(
    ("written", "inert"),
    [
        ("a | b", "a \\| b"),
        ("`code`", "\\`code\\`"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        ("[a](javascript:alert(1))", "\\[a\\](javascript:alert(1))"),
        ("$x$ ~gone~", "\\$x\\$ \\~gone\\~"),
        ("# heading", "\\# heading"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two lines"),
        ("sum_of [awol]", "sum_of \\[awol\\]"),
        ("&amp; 5 > 4", "\\&amp; 5 > 4"),
        ("AT&T", "AT&T"),
    ],
)
def test_text_is_inert(written: str, inert: str) -> None:
    assert text(written) == inert


def test_links_are_percent_encoded_so_nothing_ends_them_early() -> None:
    assert link("a | b", "https://example.org/x?a=1&b=(2)|y z") == (
        "[a \\| b](https://example.org/x?a=1&b=%282%29%7Cy%20z)"
    )


def _table_rows(document: str) -> list[str]:
    return [line for line in document.splitlines() if line.startswith("| ")]


def test_quotes_cannot_break_a_table(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    tables = [_table_rows(block) for block in document.split("\n\n")]
    tables = [rows for rows in tables if rows]
    assert len(tables) == 8  # figures, claims, comparisons of each measure; sources, origins
    for rows in tables:  # every row has as many cell separators as the header
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) == 1, rows


def test_no_markup_survives(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    assert not re.search(r"(?<!\\)[<`$]", document)  # each one escaped
    assert "\\| b \\| c with \\`code\\` and \\`\\`more code\\`\\`" in document
    assert "\\<script>alert(1)\\</script>" in document


def test_only_http_addresses_are_links(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", document)
    assert targets == ["https://example.org/story?a=1&b=%282%29%7Cx"]
    assert "javascript:alert('url') (not linked: not an http or https address)" in document


def test_the_same_content_as_the_page(bundled: CompareResult) -> None:
    document = rendered(bundled, "markdown")
    order = [
        "## Summary",
        "The conflicts that need a person first:",
        "Files:",
        "## Measures",
        "## Sources",
    ]
    places = [document.index(mark) for mark in order] + [document.index("## Origins")]
    assert places == sorted(places)
    assert document.count("\n### ") == len(bundled.dataset.measures)
    assert "| claim | source and date | party | figure | low | stated | high |" in document
    assert "- 20 claims from 2 sources and 4 origins, on 15 measures." in document
    assert "5 consistent, 6 compatible, 7 conflicting" in document


def test_the_same_input_gives_the_same_document(bundled: CompareResult) -> None:
    assert rendered(bundled, "markdown") == rendered(bundled, "markdown")


def test_a_stated_figure_within_its_range_reads_without_nested_brackets(
    bundled: CompareResult,
) -> None:
    document = rendered(bundled, "markdown")
    assert "| nearly 54,000 (51,300 to 54,000, stated 54,000) |" in document
    assert "(stated:" not in document
