"""The snippets of docs/format.md, put together, make one valid figure file: every measure,
source, origin and claim a snippet names is defined in another."""

from __future__ import annotations

import re

from reconcile.engine.compare import compare
from reconcile.intake.loader import read_text
from reconcile.model.validate import build
from tests.conftest import ROOT

SECTIONS = ("sources:", "origins:", "measures:", "claims:", "reviews:")


def test_the_snippets_of_the_format_page_make_one_valid_file() -> None:
    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    snippets = re.findall(r"^```yaml\n(.*?)^```$", page, re.MULTILINE | re.DOTALL)
    # the first snippet of each section (later ones show one idea on their own)
    chosen = {}
    for snippet in snippets:
        head = snippet.split("\n", 1)[0]
        if head in SECTIONS and head not in chosen:
            chosen[head] = snippet
    assert set(chosen) == set(SECTIONS)
    text = "version: 1\n" + "".join(chosen[s] for s in SECTIONS)
    text = re.sub(r"\n +text: \S+", "", text)  # the source texts are not on this page
    dataset = build([read_text("format.yaml", text.encode())])
    assert len(dataset.claims) >= 5
    assert compare(dataset).comparisons
