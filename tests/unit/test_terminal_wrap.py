"""The table view's own line wrapping cuts lines exactly where rich would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from reconcile.views.terminal import wrap

_CONSOLE = Console(width=200)
# ASCII words and spaces, with wide (CJK), curly-quote and dash characters mixed in
_CHARS = st.sampled_from([*"abcdefghij ABC  0123456789,.;:()'-", "“", "”", "–", "日", "本"])


def _rich(text: str, width: int) -> list[str]:
    return [line.plain.rstrip() for line in Text(text).wrap(_CONSOLE, width)]


def _ours(text: str, width: int) -> list[str]:
    return [line.rstrip() for line in wrap(text, width)]


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, min_size=0, max_size=300), st.integers(min_value=4, max_value=120))
def test_lines_are_cut_where_rich_cuts_them(text: str, width: int) -> None:
    assert _ours(text, width) == _rich(text, width)


def test_a_word_wider_than_the_line_is_cut_into_pieces() -> None:
    text = "see " + "x" * 25 + " end"
    assert _ours(text, 10) == _rich(text, 10) == ["see", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx end"]


def test_wide_characters_take_two_cells() -> None:
    text = "日本日本 ab"
    assert _ours(text, 6) == _rich(text, 6) == ["日本日", "本 ab"]


_ASCII = st.sampled_from([*"abcxyz", " ", " ", " ", "-", "'"])


@settings(max_examples=600, deadline=None)
@given(st.text(_ASCII, min_size=0, max_size=200), st.integers(min_value=1, max_value=40))
def test_ascii_lines_are_cut_where_rich_cuts_them(text: str, width: int) -> None:
    assert _ours(text, width) == _rich(text, width)


def test_spaces_alone_stay_on_one_line_and_lead_spaces_belong_to_the_first_word() -> None:
    assert _ours("    ", 2) == _rich("    ", 2) == [""]
    assert _ours("     ab cd", 3) == _rich("     ab cd", 3)
