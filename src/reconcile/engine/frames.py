"""Results as pandas DataFrames, for notebooks: one row a comparison, or a finding.

The columns follow ``compare --format json`` and ``check --format json`` flattened: lists
of ids joined with ", ", the likely reason's code and sentence side by side, the review's
verdict and reason where there is one. Rows keep the order of the result.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from reconcile.engine.gate import review_of

if TYPE_CHECKING:
    from reconcile.engine.compare import CompareResult, Comparison
    from reconcile.engine.gate import CheckResult

COMPARISON_COLUMNS = (
    "claims",
    "kind",
    "measures",
    "status",
    "severity",
    "gap",
    "gap_relative",
    "likely_reason",
    "explanation",
    "reasons",
    "reviewed",
    "verdict",
    "review_reason",
)
FINDING_COLUMNS = ("file", "line", "col", "code", "severity", "message")


def comparisons_frame(result: CompareResult, comparisons: Iterable[Comparison]) -> pd.DataFrame:
    """The comparisons, one row each (:data:`COMPARISON_COLUMNS`)."""
    rows = []
    for c in comparisons:
        likely = c.likely_reason
        record = review_of(c, result.dataset) if c.reviewed else None
        rows.append(
            (
                ", ".join(c.claims),
                c.kind,
                ", ".join(c.measures),
                c.status,
                c.severity,
                c.gap.absolute if c.gap is not None else None,
                c.gap.relative if c.gap is not None else None,
                likely.code if likely is not None else None,
                likely.explanation if likely is not None else None,
                ", ".join(r.code for r in c.reasons),
                c.reviewed,
                record.review.verdict if record is not None else None,
                record.review.reason if record is not None else None,
            )
        )
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    return frame.astype({"gap": "float64", "gap_relative": "float64", "reviewed": "bool"})


def findings_frame(check: CheckResult) -> pd.DataFrame:
    """The gate's findings, one row each (:data:`FINDING_COLUMNS`), sorted by place."""
    rows = [(f.file, f.line, f.col, f.code, f.severity, f.message) for f in check.findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS)).astype(
        {"line": "int64", "col": "int64"}
    )


def html_table(caption: str, frame: pd.DataFrame, empty: str) -> str:
    """A frame as an HTML table under a caption, for a notebook's display of a result."""
    head = f"<p><b>{html.escape(caption)}</b></p>"
    if frame.empty:
        return f"{head}<p>{html.escape(empty)}</p>"
    return head + frame.to_html(index=False, na_rep="", escape=True)
