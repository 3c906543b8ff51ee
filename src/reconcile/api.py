"""The library: what a notebook calls, and what the command line is a shell over.

>>> import reconcile
>>> dataset = reconcile.load("data/figures.yaml")
>>> result = reconcile.compare(dataset)
>>> result.conflicts_frame()

Every function here is re-exported by the package (``reconcile.load``, ...); docs/api.md
walks through them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.intake.problems import InputError

if TYPE_CHECKING:
    from reconcile.engine.compare import CompareResult
    from reconcile.engine.diff import DiffResult
    from reconcile.engine.gate import CheckResult, FailOn
    from reconcile.model.dataset import Dataset


def load(*paths: str | Path) -> Dataset:
    """Read, validate and merge figure files (or folders of them) into one :class:`Dataset`.

    Raises :class:`InputError` carrying every problem found (file, line, column, code and
    message), as ``reconcile validate`` reports them."""
    from reconcile.model.validate import load as load_files

    if not paths:
        raise TypeError("load() needs at least one figure file or folder")
    return load_files([Path(p) for p in paths])


def compare(dataset: Dataset) -> CompareResult:
    """Compare the claims that may state the same quantity for the same place and time."""
    from reconcile.engine.compare import compare as run

    return run(dataset)


def check(dataset: Dataset, fail_on: FailOn = "minor") -> CheckResult:
    """Hold every conflict at or above ``fail_on`` against the file's reviews, as
    ``reconcile check`` does; the result's ``passed`` is its exit status 0."""
    from reconcile.engine.compare import compare as run
    from reconcile.engine.gate import check as gate

    return gate(run(dataset, list_consistent=False), fail_on)


def diff(old: Dataset, new: Dataset) -> DiffResult:
    """What moved between two versions of the figures."""
    from reconcile.engine.diff import diff as run

    return run(old, new)


@dataclass(frozen=True)
class Chart:
    """One measure's range chart: HTML drawn by CSS, shown by a notebook as it is."""

    measure: str
    html: str

    def _repr_html_(self) -> str:
        return self.html


def chart(result: CompareResult, measure: str) -> Chart:
    """The range chart of one measure, as the HTML report draws it: one row a claim."""
    from reconcile.views.report.charts import chart_html, chart_style
    from reconcile.views.report.measures import measure_section

    if measure not in result.dataset.measures:
        raise KeyError(f"{measure!r} is not a measure in the files")
    section = measure_section(result, measure)
    body = chart_html(section) if section.rows else f"<p>No claims on {html.escape(measure)}.</p>"
    return Chart(
        measure, f'<div class="reconcile-chart"><style>{chart_style()}</style>{body}</div>'
    )


__all__ = ["Chart", "InputError", "chart", "check", "compare", "diff", "load"]
