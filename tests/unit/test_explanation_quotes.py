"""Explanations quote the file's text as written: a repr doubled backslashes and switched to
double quotes around an apostrophe, in every output that shows the explanation."""

from __future__ import annotations

import io
import json

import pytest

from reconcile.engine.compare import compare
from reconcile.engine.gate import check
from reconcile.engine.subjects import quoted
from reconcile.model.validate import load
from reconcile.views.compare import Listing, render_json
from tests.conftest import CASES

HOSTILE = CASES / "report" / "hostile.yaml"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("235,000", "'235,000'"),
        ("back\\slash", "'back\\slash'"),
        ("it's", "'it's'"),
        ('"quoted"', "'\"quoted\"'"),
        ("two\nlines\r\nand  three", "'two lines and  three'"),
    ],
)
def test_quoted_keeps_the_text_as_written(text: str, shown: str) -> None:
    assert quoted(text) == shown


def test_the_json_and_the_gate_quote_labels_and_values_as_written() -> None:
    result = compare(load([HOSTILE]))
    stream = io.StringIO()
    render_json(Listing(result), stream)
    explanations = [
        r["explanation"] for c in json.loads(stream.getvalue())["comparisons"] for r in c["reasons"]
    ]
    label = result.dataset.measures["tally"].label
    written = "'" + label.replace("\n", " ") + "'"
    assert any(written in e for e in explanations)
    assert not any("\\\\" in e for e in explanations)  # no backslash doubled
    messages = [f.message for f in check(compare(load([HOSTILE]))).findings]
    assert any("tally-b '7,500' vs www.evil.example '9,000'" in m for m in messages)
