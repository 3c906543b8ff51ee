"""``reconcile check``: validation, comparison and the ``reviews:`` section as one CI gate.

A review covers the conflict whose claim ids are exactly the ids it lists, in any order.
The gate fails on a conflict that no review covers (at or above ``--fail-on``), and on a
review that covers no conflict: either the figures changed since someone looked (the
comparison is no longer a conflict: a stale review), or the claims it lists are never
compared together at all. Each finding points at the ``id:`` line of the first claim of its
comparison, in the order ``compare`` lists them; the other claims are named in the message
and, in SARIF, given as related locations that the message links to. A finding also keeps
the claim ids it is about, which SARIF's fingerprints are made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reconcile.engine.compare import SEVERITIES, CompareResult, Comparison
from reconcile.engine.reasons import REASONS, UNEXPLAINED, UNEXPLAINED_TITLE, Reason
from reconcile.engine.subjects import quoted
from reconcile.model.dataset import Dataset, ReviewRecord
from reconcile.model.entries import Review
from reconcile.progress import SILENT, Steps

if TYPE_CHECKING:
    import pandas as pd

FailOn = Literal["minor", "major"]

# Codes of the gate's own findings; conflicts carry the code of their likely reason, or
# `unexplained` when no reason accounts for the gap.
CHECK_CODES: dict[str, str] = {
    UNEXPLAINED: f"conflict for which {UNEXPLAINED_TITLE}",
    "stale-review": "review of a comparison that is no longer a conflict",
    "review-unmatched": "review of claims that are never compared together",
}
# What each of them means and what to do about it (the help of their SARIF rules).
CHECK_HELP: dict[str, str] = {
    UNEXPLAINED: "The figures of a comparison conflict and no reason accounts for the gap in "
    "size and direction: the strongest reason that fires falls short, or none fires. Look at "
    "the claims again (the measure, the period or as-of date, who counted, their interest "
    "and method), and either correct the figure file or add a review that records what you "
    "found.",
    "stale-review": "A review names the claims of a comparison that is no longer a "
    "conflict: a figure changed since someone looked at it, or it never was one. Look at "
    "the comparison again, then remove the review or update it.",
    "review-unmatched": "A review lists claims that are never compared together, so it "
    "covers nothing. A review lists exactly the claim ids of one comparison: a pair, a "
    "broad claim with the claims chosen for its parts, or a derived claim with its inputs, "
    "as `reconcile compare` lists them.",
}


@dataclass(frozen=True, slots=True)
class Beside:
    """A review shown beside the tool's likely reason: a difference is information for the
    reader, never a failure of the gate."""

    review: Review
    likely: str | None  # the tool's likely reason (or unexplained); None for no conflict

    @property
    def differs(self) -> bool | None:
        """The review's reason is not the tool's likely one; None when the comparison is not
        a conflict (the tool names no likely reason)."""
        return None if self.likely is None else self.review.reason != self.likely

    def words(self) -> str:
        """The review in words, and how it stands against the tool's likely reason."""
        review = self.review
        when = f" {review.reviewed.text}" if review.reviewed is not None else ""
        text = f"reviewed{when}: {review.verdict}, {review.reason}"
        if review.note:
            text += f": {' '.join(review.note.split())}"
        if self.likely == UNEXPLAINED:
            text += " (the tool finds the conflict unexplained: the two differ)"
        elif self.differs:
            text += f" (the tool's likely reason is {self.likely}: the two differ)"
        elif self.differs is not None:
            text += " (the tool's likely reason too)"
        return text


def reviews_by_claims(dataset: Dataset) -> dict[frozenset[str], ReviewRecord]:
    """The reviews by the set of claims each names; of two that name the same claims, the
    last one listed, as the gate reads them (worked out once per dataset)."""
    return dataset.memo(
        ("reviews", ""), lambda: {frozenset(r.review.claims): r for r in dataset.reviews}
    )


def review_of(comparison: Comparison, dataset: Dataset) -> ReviewRecord | None:
    """The review that covers a comparison (the last one listed, should two name it, as
    the gate reads them)."""
    if not comparison.reviewed:
        return None
    return reviews_by_claims(dataset).get(frozenset(comparison.claims))


def beside(comparison: Comparison, dataset: Dataset, likely: Reason | None) -> Beside | None:
    """The review of a comparison beside the tool's likely reason, or None if unreviewed."""
    record = review_of(comparison, dataset)
    if record is None:
        return None
    return Beside(record.review, likely.code if likely is not None else None)


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """A finding of the gate; :func:`check` sorts them by place (:func:`_place`)."""

    file: str
    line: int
    col: int
    code: str
    message: str
    severity: str = "error"  # error (fails the gate), warning, or note (reviewed)
    title: str = ""
    related: tuple[tuple[str, int, int, str], ...] = field(default=(), compare=False)
    suppressed: str = field(default="", compare=False)  # a reviewed conflict: its review
    claims: tuple[str, ...] = field(default=(), compare=False)  # the claim ids it is about
    lead: str = field(default="", compare=False)  # the message before its list of others

    @property
    def fingerprint(self) -> str:
        """What the finding is about, whatever the lines: its kind and its claim ids."""
        kind = "review" if self.code in ("stale-review", "review-unmatched") else "conflict"
        return f"{kind}:{','.join(sorted(self.claims))}"


@dataclass(frozen=True)
class ReviewState:
    review: ReviewRecord
    state: Literal["current", "stale", "unmatched"]
    status: str | None  # the status of the comparison it names, when there is one


@dataclass(frozen=True)
class CheckResult:
    result: CompareResult
    findings: tuple[CheckFinding, ...]
    reviews: tuple[ReviewState, ...]

    @property
    def failing(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def passed(self) -> bool:
        """No finding fails the gate (``reconcile check`` exits 0)."""
        return self.failing == 0

    def findings_frame(self) -> pd.DataFrame:
        """The findings as a DataFrame (:data:`reconcile.engine.frames.FINDING_COLUMNS`)."""
        from reconcile.engine.frames import findings_frame

        return findings_frame(self)

    def _repr_html_(self) -> str:
        """In a notebook: whether the gate passes, then a table of its findings."""
        from reconcile.engine.frames import html_table

        verdict = "passes" if self.passed else f"fails: {self.failing} failing finding(s)"
        return html_table(f"The check {verdict}", self.findings_frame(), "No findings.")


def _title(code: str) -> str:
    module = REASONS.get(code)
    return module.TITLE if module is not None else CHECK_CODES[code]


def _claim_place(dataset: Dataset, claim_id: str) -> tuple[str, int, int]:
    """The file, line and column of a claim's ``id:`` (found once per claim)."""
    return dataset.memo(("place", claim_id), lambda: _place_of(dataset, claim_id))


def _place_of(dataset: Dataset, claim_id: str) -> tuple[str, int, int]:
    where = dataset.claims[claim_id].where
    line, col = dataset.position(where)
    return where.file, line, col


def _review_words(review: ReviewRecord) -> str:
    """A review in words, as a reviewed conflict's justification."""
    found = review.review
    words = f"reviewed: {found.verdict}, {found.reason}"
    return f"{words}: {found.note}" if found.note else words


def _conflict_finding(
    dataset: Dataset,
    comparison: Comparison,
    fail_on: FailOn,
    reviews: dict[frozenset[str], ReviewRecord],
) -> CheckFinding:
    file, line, col = _claim_place(dataset, comparison.claims[0])
    likely = comparison.likely_reason
    code = likely.code if likely else UNEXPLAINED
    if comparison.reviewed:
        severity = "note"
    elif SEVERITIES.index(comparison.severity or "major") >= SEVERITIES.index(fail_on):
        severity = "error"
    else:
        severity = "warning"
    figures = [dataset.claims[i].claim for i in comparison.claims]
    sides = " vs ".join(f"{c.id} {quoted(c.value.text)}" for c in figures)
    if comparison.kind == "sum":
        sides = f"{figures[0].id} {quoted(figures[0].value.text)} vs the sum of its parts"
    elif comparison.kind == "derived":
        sides = f"{figures[0].id} {quoted(figures[0].value.text)} vs what its inputs give"
    related = tuple((*_claim_place(dataset, i), i) for i in comparison.claims[1:])
    state = "reviewed " if comparison.reviewed else ""
    if likely is None or likely.code == UNEXPLAINED:
        why = f"unexplained: {likely.explanation}" if likely else UNEXPLAINED
    else:
        why = f"likely {likely.code}: {likely.explanation}"
    review = reviews.get(frozenset(comparison.claims)) if comparison.reviewed else None
    if review is not None:
        why = f"{why.rstrip('.')}; {Beside(review.review, code).words()}"
    lead = f"{state}{comparison.severity} conflict: {sides}; {why}"
    suppressed = _review_words(review) if review is not None else ""
    return CheckFinding(
        file,
        line,
        col,
        code,
        lead + others_text(related),
        severity,
        _title(code),
        related,
        suppressed,
        comparison.claims,
        lead,
    )


def others_text(related: tuple[tuple[str, int, int, str], ...], link: bool = False) -> str:
    """The other claims of a conflict, as its message ends: " (other claims: b at line 12)";
    with ``link``, each claim is a SARIF link to its related location ("[b](1)")."""
    named = (
        f"[{claim}]({i}) at line {line}" if link else f"{claim} at line {line}"
        for i, (_, line, _, claim) in enumerate(related, start=1)
    )
    return f" (other claims: {', '.join(named)})"


def _review_states(
    dataset: Dataset, result: CompareResult
) -> tuple[list[ReviewState], list[CheckFinding]]:
    by_claims = {frozenset(c.claims): c for c in result.comparisons if c.reviewed}
    states: list[ReviewState] = []
    findings: list[CheckFinding] = []
    for record in dataset.reviews:
        claims = frozenset(record.review.claims)
        comparison = by_claims.get(claims)
        line, col = dataset.position(record.where)
        listed = ", ".join(record.review.claims)
        if comparison is not None and comparison.status == "conflict":
            states.append(ReviewState(record, "current", comparison.status))
            continue
        if comparison is not None:
            states.append(ReviewState(record, "stale", comparison.status))
            message = (
                f"stale review: {listed} are {comparison.status}, not a conflict (the figures "
                "changed since the review, or it was never one): look again and remove or "
                "update it"
            )
            code = "stale-review"
        else:
            states.append(ReviewState(record, "unmatched", None))
            message = (
                f"review of {listed}: these claims are never compared together (a review "
                "covers exactly the claim ids of one comparison: a pair, a broad claim with "
                "its parts, or a derived claim with its inputs)"
            )
            code = "review-unmatched"
        findings.append(
            CheckFinding(
                record.where.file,
                line,
                col,
                code,
                message,
                "error",
                _title(code),
                claims=record.review.claims,
            )
        )
    return states, findings


_STRIDE = 1_000  # findings between two steps of the progress bar


def check(result: CompareResult, fail_on: FailOn = "minor", steps: Steps = SILENT) -> CheckResult:
    """Judge a comparison result against the file's reviews."""
    dataset = result.dataset
    conflicts = [c for c in result.comparisons if c.status == "conflict"]
    reviews = reviews_by_claims(dataset)
    steps.start("explaining conflicts", len(conflicts))
    findings = []
    for start in range(0, len(conflicts), _STRIDE):
        batch = conflicts[start : start + _STRIDE]
        findings += [_conflict_finding(dataset, c, fail_on, reviews) for c in batch]
        steps.advance(len(batch))
    states, review_findings = _review_states(dataset, result)
    findings.extend(review_findings)
    return CheckResult(result, tuple(sorted(findings, key=_place)), tuple(states))


def _place(f: CheckFinding) -> tuple[str, int, int, str, str, str, str]:
    """The order of findings (the fields' order), as a key: sorting is then done in C."""
    return (f.file, f.line, f.col, f.code, f.message, f.severity, f.title)
