"""``reconcile diff``: what changed in the figures between two versions of the files.

Both versions are validated and compared as ``reconcile compare`` would; the diff then lists,
sorted by claim id (and comparisons by their claim ids), so that the same two versions always
give the same output whatever the order of the claims in the files:

- claims added and removed;
- claims changed: every field that changed, old and new as text; for ``value`` also how the
  figure moved (see *How a value moves* below);
- conflicts that appeared (a comparison that is now a conflict and was not, or was not made),
  conflicts resolved (no longer a conflict, or no longer compared), and comparisons whose
  status or severity changed otherwise (``consistent`` to ``compatible``, ``minor`` to
  ``major``). A comparison is known by the set of its claim ids, as a review names it;
- reviews made stale: reviews that covered a conflict in the old version and, in the new one,
  cover a comparison that is no longer a conflict, or claims that are no longer compared;
- reviews added, removed and changed (an entry of the ``reviews:`` section, known by the set
  of claim ids it lists; should two list the same claims, the last one counts, as it does for
  ``reconcile check``), sorted by those ids; for a change, every field that differs.

A changed text field (a claim's ``quote``, ``note`` or ``method``) also carries a word-level
diff (:func:`word_diff`): the runs of words kept, deleted and inserted.

The old version is usually a git revision: :func:`load_revision` builds it from the figure
files as they were at a revision (read by :mod:`reconcile.intake.revisions`, without touching
the working tree).

How a value moves
-----------------

The old and new intervals (low, best, high) are compared end by end; an end left open in both
(the low of "up to 10", the high of "at least 10") is not compared.

- ``up`` / ``down``: the compared ends moved the same way, or one end moved (and neither of
  the next rules applies); with the ends in place, the figure stated (``best``) moved.
- ``wider`` / ``narrower``: the low moved down and the high up (or the reverse), or one end
  moved while the figure stated stayed the same ("500" to "nearly 500" is wider), or one end
  moved to or from an open end ("at least 100" to "between 100 and 200" is narrower).
- ``shifted``: the ends stayed and only the figure stated appeared or went (a range gained or
  lost its ``best``).
- no direction (``null``): the same figure, written differently ("235,000" to "235k").

The size of the move is measured on the figure stated when both versions state one, else on
the midpoint of the interval when both are bounded, else on the end both state (the low of
"at least", the high of "up to"); it is signed (new minus old) and also given relative to the
old figure (``null`` when the old one is 0, or when the two shapes share no point to measure
on, such as "at least 600" against "up to 500").

How it is shown (text, Markdown, JSON) is :mod:`reconcile.views.diff`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

from reconcile.engine.compare import SEVERITIES, STATUSES, CompareResult, Comparison, compare
from reconcile.engine.gate import check, reviews_by_claims
from reconcile.engine.subjects import Kind, Severity, Status, fmt, interval_text
from reconcile.intake.dates import PartialDate
from reconcile.intake.problems import InputError
from reconcile.intake.revisions import read_revision
from reconcile.intake.values import Quantity
from reconcile.model.dataset import Dataset, ReviewRecord
from reconcile.model.entries import Claim, Derived, Period, Rating, Review
from reconcile.model.rows import number, period_range
from reconcile.model.validate import build

Direction = Literal["up", "down", "wider", "narrower", "shifted"]
Basis = Literal["best", "midpoint", "low", "high"]
Change = Literal["appeared", "resolved", "changed"]
SpanOp = Literal["equal", "delete", "insert"]


def load_revision(rev: str, paths: Sequence[Path], cwd: Path | None = None) -> Dataset:
    """The figure files at PATHS as they were at git revision REV
    (:func:`reconcile.intake.revisions.read_revision`), validated as one Dataset; source texts
    for quote checks are read at the same revision.

    Raises GitError (not a repository; unknown revision; a path absent at that revision) or
    InputError (the old file is invalid: its problems, with a message that says at which
    revision)."""
    files = read_revision(rev, paths, cwd)
    try:
        return build(files.texts, files.problems, read_source=files.read_source)
    except InputError as err:
        raise InputError(
            [replace(p, message=f"at revision {rev}: {p.message}") for p in err.problems]
        ) from None


@dataclass(frozen=True, slots=True)
class Interval:
    """A claim's value as written and read: the interval and the figure stated."""

    text: str
    low: float
    best: float | None
    high: float
    lower_open: bool
    upper_open: bool

    @classmethod
    def of(cls, value: Quantity) -> Interval:
        return cls(
            value.text, value.low, value.best, value.high, value.lower_open, value.upper_open
        )

    @property
    def bounded(self) -> bool:
        return not self.lower_open and not self.upper_open

    def words(self) -> str:
        """The value as written, and the interval read from it where that says more."""
        read = interval_text(self.low, self.high, self.best)
        return self.text if read == self.text else f"{self.text} ({read})"

    def json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "low": number(self.low),
            "best": number(self.best),
            "high": number(self.high),
        }


@dataclass(frozen=True, slots=True)
class ValueMove:
    """How a claim's value moved; ``direction`` is None for the same figure rewritten."""

    old: Interval
    new: Interval
    direction: Direction | None
    basis: Basis | None
    move: float | None  # new minus old, on the basis
    relative: float | None  # the move divided by the old figure

    def words(self) -> str:
        """'up; best +100 (+20.0%)', 'wider; best unchanged', or 'same figure'."""
        if self.direction is None:
            return "same figure, written differently"
        if self.basis is None or self.move is None:
            return self.direction
        if self.move == 0:
            return f"{self.direction}; {self.basis} unchanged"
        sign = "+" if self.move > 0 else "-"
        size = f"{self.basis} {sign}{fmt(abs(self.move))}"
        if self.relative is not None:
            size += f" ({self.relative:+.1%})"
        return f"{self.direction}; {size}"

    def json(self) -> dict[str, Any]:
        return {
            "old": self.old.json(),
            "new": self.new.json(),
            "direction": self.direction,
            "basis": self.basis,
            "move": number(self.move),
            "relative": round(self.relative, 6) if self.relative is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A run of words of a word-level diff: kept (``equal``), only in the old text
    (``delete``) or only in the new one (``insert``); the words joined by single spaces."""

    op: SpanOp
    text: str

    def json(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def word_diff(old: str, new: str) -> tuple[Span, ...]:
    """The words of ``old`` and ``new`` (split on white space) as runs kept, deleted and
    inserted, in reading order; a replaced run is its deletion, then its insertion. The old
    text is the ``equal`` and ``delete`` spans joined by spaces, the new one the ``equal``
    and ``insert`` spans."""
    a, b = old.split(), new.split()
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            spans.append(Span("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            spans.append(Span("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            spans.append(Span("insert", " ".join(b[j1:j2])))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str | None  # the field as text; None when not set
    new: str | None
    words: tuple[Span, ...] | None = None  # for a text field set in both versions

    def deleted(self) -> str:
        """The runs of words only in the old text, '…' between runs ('' without words)."""
        return " … ".join(s.text for s in self.words or () if s.op == "delete")

    def inserted(self) -> str:
        """The runs of words only in the new text, '…' between runs ('' without words)."""
        return " … ".join(s.text for s in self.words or () if s.op == "insert")


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """A claim in both versions whose fields differ; ``value`` is set when its value did."""

    id: str
    fields: tuple[FieldChange, ...]
    value: ValueMove | None


@dataclass(frozen=True, slots=True)
class Side:
    """A comparison as it stands in one version."""

    status: Status
    severity: Severity | None
    gap_absolute: float | None
    gap_relative: float | None
    likely_reason: str | None
    reviewed: bool

    @classmethod
    def of(cls, c: Comparison) -> Side:
        likely = c.likely_reason
        return cls(
            c.status,
            c.severity,
            c.gap.absolute if c.gap else None,
            c.gap.relative if c.gap else None,
            likely.code if likely else None,
            c.reviewed,
        )

    def words(self) -> str:
        """'consistent', 'major conflict'."""
        return f"{self.severity} {self.status}" if self.severity else self.status

    def gap_words(self) -> str:
        if self.gap_absolute is None or self.gap_relative is None:
            return ""
        return f"{fmt(self.gap_absolute)} ({self.gap_relative:.1%})"

    def json(self) -> dict[str, Any]:
        gap = None
        if self.gap_absolute is not None and self.gap_relative is not None:
            gap = {"absolute": number(self.gap_absolute), "relative": round(self.gap_relative, 6)}
        return {
            "status": self.status,
            "severity": self.severity,
            "gap": gap,
            "likely_reason": self.likely_reason,
            "reviewed": self.reviewed,
        }


@dataclass(frozen=True, slots=True)
class ComparisonChange:
    """A comparison whose conflict appeared, was resolved, or whose status or severity
    changed; ``old`` or ``new`` is None where the claims were not compared."""

    claims: tuple[str, ...]  # a pair sorted; a broad or derived claim first, then its inputs
    kind: Kind
    change: Change
    old: Side | None
    new: Side | None

    @property
    def key(self) -> frozenset[str]:
        return frozenset(self.claims)

    def claims_words(self) -> str:
        first, rest = self.claims[0], self.claims[1:]
        if self.kind == "sum":
            return f"{first} vs the sum of {' + '.join(rest)}"
        if self.kind == "derived":
            return f"{first} vs what {', '.join(rest)} give"
        return ", ".join(self.claims)


@dataclass(frozen=True, slots=True)
class StaleReview:
    """A review that covered a conflict in the old version and covers none in the new."""

    claims: tuple[str, ...]  # sorted
    verdict: str
    reason: str
    state: Literal["stale", "unmatched"]
    status: str | None  # what the comparison is now (None: the claims are not compared)
    file: str
    line: int

    def now_words(self) -> str:
        if self.status is None:
            return "not compared together"
        return f"{self.status}, no longer a conflict"


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """A review as it stands in one version, known by its claims."""

    claims: tuple[str, ...]  # sorted
    verdict: str
    reason: str
    note: str | None
    reviewed: str | None  # the date as written
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """A review in both versions (the same claims) whose other fields differ; ``file`` and
    ``line`` are where it is in the new version."""

    claims: tuple[str, ...]  # sorted
    fields: tuple[FieldChange, ...]
    file: str
    line: int


@dataclass(frozen=True)
class DiffResult:
    old: CompareResult
    new: CompareResult
    claims_added: tuple[str, ...]
    claims_removed: tuple[str, ...]
    claims_changed: tuple[ClaimChange, ...]
    comparisons_changed: tuple[ComparisonChange, ...]
    reviews_made_stale: tuple[StaleReview, ...]
    reviews_added: tuple[ReviewEntry, ...] = ()
    reviews_removed: tuple[ReviewEntry, ...] = ()
    reviews_changed: tuple[ReviewChange, ...] = ()
    old_label: str = "old"
    new_label: str = "new"

    def _with(self, change: Change) -> tuple[ComparisonChange, ...]:
        return tuple(c for c in self.comparisons_changed if c.change == change)

    @property
    def appeared(self) -> tuple[ComparisonChange, ...]:
        return self._with("appeared")

    @property
    def resolved(self) -> tuple[ComparisonChange, ...]:
        return self._with("resolved")

    @property
    def status_changed(self) -> tuple[ComparisonChange, ...]:
        return self._with("changed")

    @property
    def new_conflicts(self) -> int:
        """Conflicts that appeared and that no review in the new version covers."""
        return sum(1 for c in self.appeared if c.new is not None and not c.new.reviewed)

    @property
    def changed(self) -> bool:
        return any(v for v in self.counts().values())

    @property
    def figures_changed(self) -> bool:
        """Something other than the reviews' own entries changed: a claim, a comparison, or a
        review made stale by them."""
        n = self.counts()
        return any(n[k] for k in n if k not in REVIEW_COUNTS)

    @property
    def reviews_edited(self) -> bool:
        """A review was added, removed or changed."""
        n = self.counts()
        return any(n[k] for k in REVIEW_COUNTS)

    def counts(self) -> dict[str, int]:
        return {
            "conflicts_appeared": len(self.appeared),
            "conflicts_resolved": len(self.resolved),
            "status_changed": len(self.status_changed),
            "claims_changed": len(self.claims_changed),
            "claims_added": len(self.claims_added),
            "claims_removed": len(self.claims_removed),
            "reviews_added": len(self.reviews_added),
            "reviews_removed": len(self.reviews_removed),
            "reviews_changed": len(self.reviews_changed),
            "reviews_made_stale": len(self.reviews_made_stale),
        }


REVIEW_COUNTS: tuple[str, ...] = ("reviews_added", "reviews_removed", "reviews_changed")


def _sign(x: float, y: float) -> int:
    """-1, 0 or 1 as ``y`` is below, at or above ``x`` (infinities compare equal)."""
    return (y > x) - (y < x)


def _direction(old: Interval, new: Interval) -> Direction | None:
    ends = []
    if not (old.lower_open and new.lower_open):
        ends.append(_sign(old.low, new.low))
    if not (old.upper_open and new.upper_open):
        ends.append(_sign(old.high, new.high))
    moved = [e for e in ends if e]
    same_best = old.best is not None and old.best == new.best
    if not moved:
        if old.best is not None and new.best is not None and old.best != new.best:
            return "up" if new.best > old.best else "down"
        same = (old.low, old.best, old.high) == (new.low, new.best, new.high)
        return None if same else "shifted"
    if len(ends) == 2 and ends[0] == -ends[1] != 0:
        return "wider" if ends[1] > 0 else "narrower"
    if len(moved) < len(ends):
        # one end moved: round a figure stated that stayed, or to or from an open end, the
        # interval grew or shrank; else the figure moved with that end
        low_moved = ends[0] != 0
        opened = old.lower_open != new.lower_open if low_moved else old.upper_open != new.upper_open
        if same_best or opened:
            outward = ends[0] < 0 if low_moved else ends[1] > 0
            return "wider" if outward else "narrower"
    return "up" if moved[0] > 0 else "down"


def _basis(old: Interval, new: Interval) -> tuple[Basis | None, float, float]:
    if old.best is not None and new.best is not None:
        return "best", old.best, new.best
    if old.bounded and new.bounded:
        return "midpoint", (old.low + old.high) / 2, (new.low + new.high) / 2
    if old.upper_open and new.upper_open:
        return "low", old.low, new.low
    if old.lower_open and new.lower_open:
        return "high", old.high, new.high
    return None, 0.0, 0.0


def value_move(old: Quantity, new: Quantity) -> ValueMove:
    """How a value moved from ``old`` to ``new`` (the module docstring says how)."""
    a, b = Interval.of(old), Interval.of(new)
    basis, before, after = _basis(a, b)
    if basis is None:
        return ValueMove(a, b, _direction(a, b), None, None, None)
    move = after - before
    relative = move / abs(before) if before else None
    return ValueMove(a, b, _direction(a, b), basis, move, relative)


def _text(value: object) -> str | None:
    """A claim field as text, for showing what it was and what it became."""
    if value is None:
        return None
    if isinstance(value, Quantity | PartialDate):
        return value.text
    if isinstance(value, Period):
        return period_range(value)
    if isinstance(value, Derived):
        return f"{value.op} of {', '.join(value.of)}"
    if isinstance(value, Rating):
        return f"{value.label} ({value.claim})"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or None
    return str(value)


CLAIM_FIELDS: tuple[str, ...] = tuple(f for f in Claim.model_fields if f != "id")
REVIEW_FIELDS: tuple[str, ...] = tuple(f for f in Review.model_fields if f != "claims")
# free text, shown with the words that changed marked
TEXT_FIELDS: frozenset[str] = frozenset({"quote", "note", "method"})


def field_changes(
    old: object, new: object, names: Sequence[str], text_fields: frozenset[str] = frozenset()
) -> tuple[FieldChange, ...]:
    """The fields ``names`` that differ between two versions of an entry, in that order;
    a field of ``text_fields`` set in both carries its word-level diff."""
    fields = []
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        a, b = _text(before), _text(after)
        words = word_diff(a, b) if name in text_fields and a and b else None
        fields.append(FieldChange(name, a, b, words))
    return tuple(fields)


def claim_change(old: Claim, new: Claim) -> ClaimChange | None:
    """The fields of one claim that differ between versions, in the format's order."""
    fields = field_changes(old, new, CLAIM_FIELDS, TEXT_FIELDS)
    if not fields:
        return None
    moved = value_move(old.value, new.value) if old.value != new.value else None
    return ClaimChange(old.id, fields, moved)


_RANK = {s: i for i, s in enumerate(STATUSES)}


def _index(result: CompareResult) -> dict[frozenset[str], Comparison]:
    """Comparisons by their set of claim ids (the worst one, should two share a set)."""
    index: dict[frozenset[str], Comparison] = {}

    def rank(c: Comparison) -> tuple[int, int]:
        return _RANK[c.status], SEVERITIES.index(c.severity) if c.severity else -1

    for c in result.comparisons:
        key = frozenset(c.claims)
        if key not in index or rank(c) > rank(index[key]):
            index[key] = c
    return index


def _shown_claims(c: Comparison) -> tuple[str, ...]:
    return tuple(sorted(c.claims)) if c.kind == "pair" else c.claims


def _comparison_changes(old: CompareResult, new: CompareResult) -> list[ComparisonChange]:
    before, after = _index(old), _index(new)
    changes = []
    for key in sorted(before.keys() | after.keys(), key=sorted):
        o, n = before.get(key), after.get(key)
        was = o is not None and o.status == "conflict"
        now = n is not None and n.status == "conflict"
        change: Change
        if now and not was:
            change = "appeared"
        elif was and not now:
            change = "resolved"
        elif o is not None and n is not None and (o.status, o.severity) != (n.status, n.severity):
            change = "changed"
        else:
            continue
        shown = n if n is not None else o
        assert shown is not None
        changes.append(
            ComparisonChange(
                _shown_claims(shown),
                shown.kind,
                change,
                Side.of(o) if o is not None else None,
                Side.of(n) if n is not None else None,
            )
        )
    return changes


def _stale_reviews(old: CompareResult, new: CompareResult) -> list[StaleReview]:
    covered = {
        frozenset(s.review.review.claims) for s in check(old).reviews if s.state == "current"
    }
    stale = []
    for state in check(new).reviews:
        review = state.review
        if state.state == "current" or frozenset(review.review.claims) not in covered:
            continue
        line, _ = new.dataset.position(review.where)
        stale.append(
            StaleReview(
                tuple(sorted(review.review.claims)),
                review.review.verdict,
                review.review.reason,
                state.state,
                state.status,
                review.where.file,
                line,
            )
        )
    return sorted(stale, key=lambda s: (s.claims, s.file, s.line))


def _review_entry(record: ReviewRecord, dataset: Dataset) -> ReviewEntry:
    review = record.review
    line, _ = dataset.position(record.where)
    return ReviewEntry(
        tuple(sorted(review.claims)),
        review.verdict,
        review.reason,
        review.note,
        review.reviewed.text if review.reviewed is not None else None,
        record.where.file,
        line,
    )


def _review_changes(
    old: Dataset, new: Dataset
) -> tuple[list[ReviewEntry], list[ReviewEntry], list[ReviewChange]]:
    """Reviews added, removed and changed, each sorted by its claim ids."""
    before, after = reviews_by_claims(old), reviews_by_claims(new)
    added, removed, changed = [], [], []
    for key in sorted(before.keys() | after.keys(), key=sorted):
        o, n = before.get(key), after.get(key)
        if o is None and n is not None:
            added.append(_review_entry(n, new))
        elif n is None and o is not None:
            removed.append(_review_entry(o, old))
        elif o is not None and n is not None:
            fields = field_changes(o.review, n.review, REVIEW_FIELDS)
            if fields:
                line, _ = new.position(n.where)
                changed.append(ReviewChange(tuple(sorted(key)), fields, n.where.file, line))
    return added, removed, changed


def diff(
    old: Dataset, new: Dataset, *, old_label: str = "old", new_label: str = "new"
) -> DiffResult:
    """Compare both versions and list what changed between them."""
    old_result, new_result = compare(old), compare(new)
    old_ids, new_ids = set(old.claims), set(new.claims)
    changed = []
    for claim_id in sorted(old_ids & new_ids):
        change = claim_change(old.claims[claim_id].claim, new.claims[claim_id].claim)
        if change is not None:
            changed.append(change)
    reviews_added, reviews_removed, reviews_changed = _review_changes(old, new)
    return DiffResult(
        old=old_result,
        new=new_result,
        claims_added=tuple(sorted(new_ids - old_ids)),
        claims_removed=tuple(sorted(old_ids - new_ids)),
        claims_changed=tuple(changed),
        comparisons_changed=tuple(_comparison_changes(old_result, new_result)),
        reviews_made_stale=tuple(_stale_reviews(old_result, new_result)),
        reviews_added=tuple(reviews_added),
        reviews_removed=tuple(reviews_removed),
        reviews_changed=tuple(reviews_changed),
        old_label=old_label,
        new_label=new_label,
    )
