"""Output does not depend on the order of claims or files, apart from hashes and lines."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import BUNDLED

_PLACE = re.compile(r"^\S+?:\d+:\d+: |at line \d+")


def _split_shuffled(tmp_path: Path, seed: int) -> list[Path]:
    """The bundled file's sections spread over two files, claims and reviews shuffled."""
    data: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    claims, reviews = list(data["claims"]), list(data["reviews"])
    rng.shuffle(claims)
    rng.shuffle(reviews)
    folder = tmp_path / f"order-{seed}"
    shutil.copytree(BUNDLED.parent / "sources", folder / "sources")
    first = {k: v for k, v in data.items() if k not in ("claims", "reviews")}
    first["claims"] = claims[: len(claims) // 2]
    second = {"version": 1, "claims": claims[len(claims) // 2 :], "reviews": reviews}
    paths = [folder / "a.yaml", folder / "b.yaml"]
    for path, part in zip(paths, (first, second), strict=True):
        path.write_text(yaml.safe_dump(part, sort_keys=rng.random() < 0.5), encoding="utf-8")
    rng.shuffle(paths)
    return paths


def _compare(run, paths: list[Path]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run("compare", "--format", "json", *map(str, paths))
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    del document["files"]
    return document


def _check(run, paths: list[Path]) -> list[str]:  # type: ignore[no-untyped-def]
    """The findings without their places; a linter lists them by place, so sort them."""
    result = run("check", "--format", "parsable", *map(str, paths))
    return sorted(_PLACE.sub("", line) for line in result.stdout.splitlines())


@pytest.mark.parametrize("seed", range(6))
def test_shuffled_and_split_files_give_the_same_findings(run, tmp_path: Path, seed: int) -> None:  # type: ignore[no-untyped-def]
    reference = _compare(run, [BUNDLED])
    shuffled = _compare(run, _split_shuffled(tmp_path, seed))
    assert shuffled == reference
    assert _check(run, _split_shuffled(tmp_path, seed + 100)) == _check(run, [BUNDLED])
