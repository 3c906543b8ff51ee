"""Views written as they go give exactly the text they gave when built whole."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.views.compare import _write_joined
from reconcile.views.terminal import _Stripped

_PIECES = st.lists(st.text(st.sampled_from(["a", "b", " ", "\n", "\r", "\u2028", "é"])))


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_pieces_are_joined_as_one_string_would_be(pieces: list[str]) -> None:
    stream = io.StringIO()
    _write_joined(iter(pieces), stream)
    assert stream.getvalue() == "\n".join(pieces).rstrip("\n") + "\n"


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_lines_lose_trailing_spaces_as_the_whole_text_would(chunks: list[str]) -> None:
    stream = io.StringIO()
    lines = _Stripped(stream)
    for chunk in chunks:
        lines.write(chunk)
    lines.close()
    whole = "".join(chunks)
    assert stream.getvalue() == "".join(line.rstrip() + "\n" for line in whole.splitlines())


def test_lines_are_gathered_into_large_writes() -> None:
    stream = io.StringIO()
    lines = _Stripped(stream)
    lines.CHUNK = 12
    lines.write("first   \nsec")
    assert stream.getvalue() == ""  # 6 characters ready: fewer than a chunk
    lines.write("ond\n\n")
    assert stream.getvalue() == "first\nsecond\n\n"  # 15 ready: written
    lines.write("last")
    lines.close()
    assert stream.getvalue() == "first\nsecond\n\nlast\n"
