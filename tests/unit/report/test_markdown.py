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
        ("a | b", "a &#124; b"),
        ("`code`", "&#96;code&#96;"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**bold** _it_", "&#42;&#42;bold&#42;&#42; &#95;it&#95;"),
        ("[a](javascript:alert(1))", "&#91;a&#93;(javascript:alert(1))"),
        ("$x$ ~gone~", "&#36;x&#36; &#126;gone&#126;"),
        ("# heading", "&#35; heading"),
        ("back\\slash", "back&#92;slash"),
        ("two\nlines", "two lines"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_text_is_inert(written: str, inert: str) -> None:
    assert text(written) == inert


def test_links_are_percent_encoded_so_nothing_ends_them_early() -> None:
    assert link("a | b", "https://example.org/x?a=1&b=(2)|y z") == (
        "[a &#124; b](https://example.org/x?a=1&b=%282%29%7Cy%20z)"
    )


def _table_rows(document: str) -> list[str]:
    return [line for line in document.splitlines() if line.startswith("| ")]


def test_quotes_cannot_break_a_table(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    tables = [_table_rows(block) for block in document.split("\n\n")]
    tables = [rows for rows in tables if rows]
    assert len(tables) == 8  # figures, claims, comparisons of each measure; sources, origins
    for rows in tables:  # every row has as many cell separators as the header
        assert len({row.count("|") for row in rows}) == 1, rows


def test_no_markup_survives(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    assert "<" not in document and ">" not in document
    assert "`" not in document
    assert "$" not in document
    assert "&#124; b &#124; c with &#96;code&#96; and &#96;&#96;more code&#96;&#96;" in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_only_http_addresses_are_links(hostile: CompareResult) -> None:
    document = rendered(hostile, "markdown")
    targets = re.findall(r"\]\(([^)]*)\)", document)
    assert targets == ["https://example.org/story?a=1&b=%282%29%7Cx"]
    assert "javascript:alert('url') (not linked: not an http or https address)" in document


def test_the_same_content_as_the_page(bundled: CompareResult) -> None:
    document = rendered(bundled, "markdown")
    order = ["## Summary", "The most serious conflicts:", "Files:", "## Measures", "## Sources"]
    places = [document.index(mark) for mark in order] + [document.index("## Origins")]
    assert places == sorted(places)
    assert document.count("\n### ") == len(bundled.dataset.measures)
    assert "| claim | source and date | party | figure | low | stated | high |" in document
    assert "- 20 claims from 2 sources and 4 origins, on 15 measures." in document
    assert "5 consistent, 6 compatible, 7 conflicting" in document


def test_the_same_input_gives_the_same_document(bundled: CompareResult) -> None:
    assert rendered(bundled, "markdown") == rendered(bundled, "markdown")
