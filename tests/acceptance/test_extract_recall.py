"""Recall is the measure: every figure curated from a text is proposed by extract.

The expected figures are read from the figure files themselves (data/figures.yaml and every
case folder under tests/cases/ whose sources have a text), never from a hand list. A curated
claim counts as proposed when a proposal's quote is the sentence that holds the claim's quote
and its value reads to the same low, best and high. Precision (proposals that match a
curated claim over all proposals) is measured on the same texts, and must be the figure
that docs/extract.md gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile.extract import propose, read_document
from reconcile.intake.values import parse_value
from reconcile.model.quotes import fold
from tests.conftest import BUNDLED, CASES, ROOT

# Articles, not data tables: the real-data case quotes CSV rows, which extract does not read.
FIGURE_FILES = [
    BUNDLED,
    *sorted(p for p in CASES.glob("*/*/figures.yaml") if p.parent.parent.name != "real"),
]


@dataclass(frozen=True)
class Text:
    figures: Path
    source: str
    path: Path
    claims: tuple[dict[str, Any], ...]

    @property
    def name(self) -> str:
        return self.path.relative_to(ROOT).as_posix()


def _texts() -> list[Text]:
    found = []
    for figures in FIGURE_FILES:
        data = yaml.safe_load(figures.read_text(encoding="utf-8"))
        for source_id, source in (data.get("sources") or {}).items():
            if source.get("text"):
                # a {low, best, high} mapping is put together by a curator from several
                # figures of a sentence ("-450 ... from -900 to 10"), each proposed apart
                claims = tuple(
                    c
                    for c in data.get("claims") or []
                    if c["source"] == source_id and not isinstance(c["value"], dict)
                )
                found.append(Text(figures, source_id, figures.parent / source["text"], claims))
    return found


TEXTS = _texts()


def _interval(value: Any) -> tuple[float, float | None, float]:
    read = parse_value(value)
    return read.low, read.best, read.high


def _matches(
    claim: dict[str, Any], quote: str, interval: tuple[float, float | None, float]
) -> bool:
    curated, sentence = fold(claim["quote"]), fold(quote)
    same_sentence = curated in sentence or sentence in curated
    return same_sentence and _interval(claim["value"]) == interval


def measure(text: Text) -> tuple[list[str], int, int]:
    """The curated claims not proposed, the proposals, and the proposals a curator kept."""
    proposals = propose(read_document(text.path), text.source)
    readings = [(p.quote, (p.quantity.low, p.quantity.best, p.quantity.high)) for p in proposals]
    missed = [
        claim["id"]
        for claim in text.claims
        if not any(_matches(claim, quote, interval) for quote, interval in readings)
    ]
    kept = sum(
        1 for quote, interval in readings if any(_matches(c, quote, interval) for c in text.claims)
    )
    return missed, len(proposals), kept


def test_the_seed_texts_and_case_texts_are_all_measured() -> None:
    names = {text.name for text in TEXTS}
    assert {"data/sources/aj-desertion.txt", "data/sources/tass-desertion.txt"} <= names
    assert any(name.startswith("tests/cases/extract/") for name in names)
    assert len(TEXTS) >= 20


@pytest.mark.parametrize("text", TEXTS, ids=[t.name for t in TEXTS])
def test_every_curated_figure_is_proposed(text: Text) -> None:
    missed, _, _ = measure(text)
    assert missed == [], f"{text.name}: not proposed: {missed}"


def _documented() -> dict[str, tuple[int, int, int]]:
    page = (ROOT / "docs" / "extract.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (\d+) \| (\d+) \| (\d+) \|", page, re.MULTILINE)
    return {name: (int(c), int(p), int(k)) for name, c, p, k in rows}


def test_docs_give_the_measured_recall_and_precision() -> None:
    documented = _documented()
    measured_names = {
        "data/sources/aj-desertion.txt",
        "data/sources/tass-desertion.txt",
        *(t.name for t in TEXTS if t.name.startswith("tests/cases/extract/")),
    }
    assert set(documented) == measured_names
    for text in TEXTS:
        if text.name in documented:
            _, proposals, kept = measure(text)
            assert documented[text.name] == (len(text.claims), proposals, kept), text.name
