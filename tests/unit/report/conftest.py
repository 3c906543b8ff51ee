"""Comparison results of the report test files, built once per module."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.engine.compare import CompareResult, compare
from reconcile.model.validate import load
from reconcile.views.report import EXPORTERS, RENDERERS
from tests.conftest import BUNDLED, CASES

REPORT_CASES = CASES / "report"
HOSTILE = REPORT_CASES / "hostile.yaml"
SHAPES = REPORT_CASES / "shapes.yaml"


def result_of(path: Path) -> CompareResult:
    return compare(load([path]))


def rendered(result: CompareResult, name: str) -> str:
    stream = io.StringIO()
    {**RENDERERS, **EXPORTERS}[name](result, stream)
    return stream.getvalue()


@pytest.fixture(scope="session")
def results() -> Callable[[Path], CompareResult]:
    cache: dict[Path, CompareResult] = {}

    def get(path: Path) -> CompareResult:
        if path not in cache:
            cache[path] = result_of(path)
        return cache[path]

    return get


@pytest.fixture(scope="session")
def bundled(results: Callable[[Path], CompareResult]) -> CompareResult:
    return results(BUNDLED)


@pytest.fixture(scope="session")
def hostile(results: Callable[[Path], CompareResult]) -> CompareResult:
    return results(HOSTILE)


@pytest.fixture(scope="session")
def shapes(results: Callable[[Path], CompareResult]) -> CompareResult:
    return results(SHAPES)
