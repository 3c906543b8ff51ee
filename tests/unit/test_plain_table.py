"""The piped claims table drawn directly is the table rich draws, line for line."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reconcile.intake.loader import read_text
from reconcile.model.validate import build, load
from reconcile.views.claims import TABLE_COLUMNS, TABLE_WIDTH, ClaimList, render_table, table_row
from reconcile.views.terminal import console, plain_table
from tests.conftest import BUNDLED, CASES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _rich(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    from rich.table import Table

    table = Table(*header, title=title, title_justify="left")
    for row in rows:
        table.add_row(*row)
    stream = io.StringIO()
    with console(stream, piped_width=width) as out:
        out.print(table)
    return stream.getvalue()


DATASETS = [BUNDLED, *sorted((CASES / "conflict").iterdir()), CASES / "report" / "shapes.yaml"]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name)
def test_the_claims_of_each_case_are_drawn_as_rich_draws_them(path: Path) -> None:
    dataset = load([path])
    rows = [table_row(r, dataset) for r in dataset.claims.values()]
    drawn = plain_table("some claims", TABLE_COLUMNS, rows, TABLE_WIDTH)
    if drawn is None:  # only a table wider than the pipe is left to rich, which shrinks it
        assert max(map(len, _rich("some claims", TABLE_COLUMNS, rows, 1_000).splitlines())) > (
            TABLE_WIDTH
        )
        assert path != BUNDLED
    else:
        assert drawn == _rich("some claims", TABLE_COLUMNS, rows, TABLE_WIDTH)


def test_a_generated_file_is_drawn_as_rich_draws_it() -> None:
    dataset = build([read_text("g.yaml", generate(400).encode())])
    rows = [table_row(r, dataset) for r in dataset.claims.values()]
    drawn = plain_table("400 claims", TABLE_COLUMNS, rows, TABLE_WIDTH)
    assert drawn is not None and drawn.count("\n") == 400 + 5
    assert drawn == _rich("400 claims", TABLE_COLUMNS, rows, TABLE_WIDTH)


_TEXT = st.text(
    alphabet=st.sampled_from([*"ab Z09-:.,–“”éü∞\\", "漢", "字", "🙂", "\u0301", "\u200d"]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda n: st.tuples(
            st.lists(_TEXT.filter(bool), min_size=n, max_size=n),
            st.lists(st.lists(_TEXT, min_size=n, max_size=n), min_size=1, max_size=5),
        )
    ),
    st.integers(min_value=10, max_value=60),
)
def test_any_table_is_drawn_as_rich_draws_it_or_left_to_rich(
    table: tuple[list[str], list[list[str]]], width: int
) -> None:
    header, rows = table
    # rich itself cannot measure a cell that starts with zero-width joiners and a wide
    # character ("\u200d\u200d字"): such a table has no reference drawing to hold ours to
    assume(not any(c.startswith("\u200d") for row in [header, *rows] for c in row))
    drawn = plain_table("title", header, rows, width)
    if drawn is not None:
        assert drawn == _rich("title", header, rows, width)
    else:  # left to rich: a table it shrinks, a title it wraps, or a character of no width
        from rich.cells import get_character_cell_size

        natural = _rich("title", header, rows, 10_000)
        shrunk = _rich("title", header, rows, width) != natural
        wrapped = natural.splitlines()[0] != "title"
        cells = [c for row in [header, *rows] for c in row]
        no_width = any(get_character_cell_size(ch) == 0 for c in cells for ch in c)
        assert shrunk or wrapped or no_width


@pytest.mark.parametrize("cell", ["[bold]x[/bold]", "a]", "two\nlines", "tab\there", "\x1b[1m"])
def test_a_cell_rich_would_read_as_markup_or_break_is_left_to_rich(cell: str) -> None:
    assert plain_table("t", ["a"], [[cell]], TABLE_WIDTH) is None
    assert plain_table("t", [cell], [["x"]], TABLE_WIDTH) is None


def test_a_title_wider_than_the_table_is_left_to_rich() -> None:
    assert plain_table("a long title", ["a"], [["x"]], TABLE_WIDTH) is None
    assert plain_table("t", ["a"], [["x"]], TABLE_WIDTH) == _rich("t", ["a"], [["x"]], TABLE_WIDTH)


def test_a_table_too_wide_for_the_pipe_is_left_to_rich(tmp_path: Path) -> None:
    rows = [["x" * 120, "y" * 120]]
    assert plain_table("t", ["a", "b"], rows, TABLE_WIDTH) is None
    dataset = load([BUNDLED])
    stream = io.StringIO()
    render_table(ClaimList(dataset, list(dataset.claims.values())), stream)
    assert stream.getvalue().startswith("20 claims\n┏")


def test_brackets_in_a_cell_are_shown_as_written(tmp_path: Path) -> None:
    # "[/b]" would be a closing tag to rich: the table shows it as text
    text = (
        "version: 1\nsources:\n  paper: {title: A, kind: news}\n"
        "measures:\n  crowd: {label: Crowd, unit: '[/b] people'}\n"
        "claims:\n  - {id: c1, measure: crowd, value: '500', source: paper}\n"
    )
    dataset = build([read_text("brackets.yaml", text.encode())])
    stream = io.StringIO()
    render_table(ClaimList(dataset, list(dataset.claims.values())), stream)
    assert "[/b] people" in stream.getvalue()
