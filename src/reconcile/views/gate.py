"""What ``check`` and ``validate`` report, as a :class:`~reconcile.views.findings.FindingsReport`
for the findings formats: the files read, the findings, one summary sentence and, in JSON,
the comparisons and the state of every review."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reconcile.views.findings import Finding, FindingsReport
from reconcile.words import count

if TYPE_CHECKING:
    from reconcile.engine.gate import CheckResult
    from reconcile.model.dataset import Dataset


def _files(dataset: Dataset) -> list[tuple[str, str]]:
    return [(f.name, f.sha256) for f in dataset.files]


def problems_report(command: str, problems: Sequence[Finding]) -> FindingsReport:
    """The problems that kept the files from loading: ``N problems in M files``."""
    files = {p.file for p in problems}
    summary = f"{count(len(problems), 'problem')} in {count(len(files), 'file')}"
    return FindingsReport(command, [], problems, summary)


def valid_report(dataset: Dataset) -> FindingsReport:
    """``validate`` on files that load: what they hold."""
    files = _files(dataset)
    summary = (
        f"valid: {count(len(dataset.claims), 'claim')}, "
        f"{count(len(dataset.sources), 'source')}, {count(len(dataset.origins), 'origin')}, "
        f"{count(len(dataset.measures), 'measure')} in {count(len(files), 'file')}"
    )
    return FindingsReport("validate", files, [], summary)


def check_report(gate: CheckResult, dataset: Dataset, *, with_json: bool) -> FindingsReport:
    """``check``'s findings and summary; ``with_json`` adds the comparisons and the state of
    every review, which only the JSON format writes."""
    extra: dict[str, Any] = {}
    if with_json:
        from reconcile.views.compare import result_json

        extra = result_json(gate.result)
        extra.pop("version")
        extra.pop("files")
        extra["reviews"] = [
            {
                "claims": list(s.review.review.claims),
                "verdict": s.review.review.verdict,
                "reason": s.review.review.reason,
                "state": s.state,
                "status": s.status,
                "file": s.review.where.file,
                "line": dataset.position(s.review.where)[0],
            }
            for s in gate.reviews
        ]
    conflicts = gate.result.count("conflict")
    reviewed = sum(1 for c in gate.result.comparisons if c.reviewed)
    fail = "fails" if gate.failing == 1 else "fail"
    summary = (
        f"{count(conflicts, 'conflict')}, {reviewed} reviewed; "
        f"{count(gate.failing, 'finding')} {fail} the check"
    )
    return FindingsReport("check", _files(dataset), gate.findings, summary, extra)
