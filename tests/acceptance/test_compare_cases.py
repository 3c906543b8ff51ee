"""Figure files on unrelated topics under tests/cases/{conflict,consistent}/ give the
statuses and reasons written down, by hand, in their expect.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile.engine.compare import Comparison, compare
from reconcile.model.validate import load
from tests.conftest import CASES

FOLDERS = sorted(p.parent for p in CASES.glob("[!i]*/*/expect.yaml"))


def _expectations(folder: Path) -> dict[str, Any]:
    data = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _by_claims(comparisons: tuple[Comparison, ...]) -> dict[frozenset[str], Comparison]:
    return {frozenset(c.claims): c for c in comparisons}


@pytest.mark.parametrize("folder", FOLDERS, ids=[f"{p.parent.name}/{p.name}" for p in FOLDERS])
def test_case_gives_expected_comparisons(folder: Path) -> None:
    result = compare(load([folder / "figures.yaml"]))
    found = _by_claims(result.comparisons)
    expected = _expectations(folder)
    assert expected.get("comparisons"), "an expect.yaml must assert at least one comparison"
    for item in expected["comparisons"]:
        key = frozenset(item["claims"])
        assert key in found, f"{sorted(key)} was not compared"
        comparison = found[key]
        fired = [r.code for r in comparison.reasons]
        assert comparison.status == item["status"], (sorted(key), fired)
        assert comparison.severity == item.get("severity"), sorted(key)
        if "likely_reason" in item:
            likely = comparison.likely_reason
            assert likely is not None and likely.code == item["likely_reason"], (sorted(key), fired)
        assert set(item.get("reasons", [])) <= set(fired), (sorted(key), fired)
        assert not set(item.get("absent_reasons", [])) & set(fired), (sorted(key), fired)
    for pair in expected.get("not_compared", []):
        assert not any(set(pair) <= set(c.claims) for c in result.comparisons), pair


@pytest.mark.parametrize("folder", FOLDERS, ids=[f"{p.parent.name}/{p.name}" for p in FOLDERS])
def test_case_folder_category_matches_result(folder: Path) -> None:
    result = compare(load([folder / "figures.yaml"]))
    has_conflict = result.count("conflict") > 0
    assert has_conflict == (folder.parent.name == "conflict")
