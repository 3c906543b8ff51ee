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
  cover a comparison that is no longer a conflict, or claims that are no longer compared.

The old version is usually a git revision: :func:`load_revision` reads the figure files as
they were at a revision without touching the working tree.

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

JSON output, version 1
----------------------

``{"version": 1, "old": SIDE, "new": SIDE, "summary": {...}, "claims_added": [...],
"claims_removed": [...], "claims_changed": [...], "comparisons_changed": [...],
"reviews_made_stale": [...]}`` where

- ``SIDE`` is ``{"label", "files": [{"path", "sha256"}], "summary"}``, the summary being the
  counts of ``reconcile compare --format json`` for that version;
- ``summary`` counts ``conflicts_appeared``, ``conflicts_resolved``, ``status_changed``,
  ``claims_changed``, ``claims_added``, ``claims_removed`` and ``reviews_made_stale``;
- ``claims_added`` and ``claims_removed`` hold claims as ``reconcile claims --format json``
  shows them (the added from the new version, the removed from the old);
- ``claims_changed`` holds ``{"id", "fields": [{"field", "old", "new"}], "value"}``, where
  ``old`` and ``new`` are the field as text (``null`` when not set) and ``value`` is ``null``
  when the value did not change, else ``{"old": INTERVAL, "new": INTERVAL, "direction",
  "basis", "move", "relative"}``; an ``INTERVAL`` is ``{"text", "low", "best", "high"}``
  (``high`` is ``null`` when unbounded, ``best`` when not stated), ``basis`` is ``best``,
  ``midpoint``, ``low``, ``high`` or ``null`` (and then ``move`` and ``relative`` are too);
- ``comparisons_changed`` holds ``{"claims", "kind", "change", "old", "new"}``: ``change`` is
  ``appeared``, ``resolved`` or ``changed``; ``old`` and ``new`` are ``null`` where the claims
  were not compared, else ``{"status", "severity", "gap": {"absolute", "relative"} | null,
  "likely_reason", "reviewed"}``. For a pair, ``claims`` are sorted; for a broad claim against
  its parts, or a derived claim against its inputs, that claim comes first;
- ``reviews_made_stale`` holds ``{"claims", "verdict", "reason", "state", "status", "file",
  "line"}``: ``state`` is ``stale`` (``status`` is what the comparison is now) or
  ``unmatched`` (the claims are no longer compared; ``status`` is ``null``); ``file`` and
  ``line`` are where the review is in the new version.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal, TextIO

from reconcile.engine.compare import SEVERITIES, STATUSES, CompareResult, Comparison, compare
from reconcile.engine.gate import check
from reconcile.engine.subjects import Kind, Severity, Status, fmt, interval_text
from reconcile.intake import loader
from reconcile.intake.dates import PartialDate
from reconcile.intake.loader import FigureText
from reconcile.intake.problems import InputError, Problem
from reconcile.intake.values import Quantity
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim, Derived, Period
from reconcile.model.rows import claim_json, number, period_range
from reconcile.model.validate import build
from reconcile.views.claims import markdown_cell, markdown_table
from reconcile.views.compare import summary_counts
from reconcile.views.jsonout import write_json
from reconcile.words import count

JSON_VERSION = 1

Direction = Literal["up", "down", "wider", "narrower", "shifted"]
Basis = Literal["best", "midpoint", "low", "high"]
Change = Literal["appeared", "resolved", "changed"]


# --- reading a git revision -------------------------------------------------------------


class GitError(Exception):
    """A git problem in plain words (not a repository, unknown revision, path absent at the
    revision)."""


# git's own environment that would point it at another repository than the path's
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_PREFIX")


def _git(args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION}
    env.update({"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0"})
    try:
        return subprocess.run(["git", *args], capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as err:
        raise GitError(f"git could not be run: {err.strerror}") from None


def _first_line(raw: bytes) -> str:
    lines = os.fsdecode(raw).strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else "no message"


@dataclass
class _Revision:
    """One revision, read in whichever repositories the paths lie in (each resolved once)."""

    rev: str
    base: Path
    _tops: dict[Path, Path] = field(default_factory=dict)
    _commits: dict[Path, str] = field(default_factory=dict)

    def locate(self, path: Path, shown: str) -> tuple[Path, str, str]:
        """The repository, the commit and the repository-relative path of ``path``."""
        try:
            absolute = (self.base / path).resolve()
        except (OSError, RuntimeError):  # a link loop
            raise GitError(f"{shown}: cannot be resolved (a symbolic link loop?)") from None
        probe = absolute
        while not probe.is_dir() and probe.parent != probe:
            probe = probe.parent  # a path deleted since: ask in the nearest folder that exists
        top = self._tops.get(probe)
        if top is None:
            run = _git(["-C", str(probe), "rev-parse", "--show-toplevel"])
            if run.returncode != 0:
                message = _first_line(run.stderr)
                if "not a git repository" in message:
                    raise GitError(f"{shown!r} is not inside a git repository")
                raise GitError(f"git cannot read the repository of {shown!r}: {message}")
            top = Path(os.fsdecode(run.stdout.rstrip(b"\r\n"))).resolve()
            self._tops[probe] = top
        try:
            relative = absolute.relative_to(top)
        except ValueError:
            raise GitError(f"{shown!r} is not inside a git repository") from None
        posix = PurePosixPath(relative).as_posix()
        return top, self._commit(top), "" if posix == "." else posix

    def _commit(self, top: Path) -> str:
        if top not in self._commits:
            run = _git(
                [
                    "-C",
                    str(top),
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    "--end-of-options",
                    f"{self.rev}^{{commit}}",
                ]
            )
            if run.returncode != 0 or not self.rev:
                raise GitError(f"unknown revision {self.rev!r}")
            self._commits[top] = run.stdout.decode("ascii").strip()
        return self._commits[top]

    def kind(self, top: Path, commit: str, relative: str) -> str | None:
        run = _git(["-C", str(top), "cat-file", "-t", f"{commit}:{relative}"])
        return run.stdout.decode("ascii").strip() if run.returncode == 0 else None

    def blob(self, top: Path, commit: str, relative: str) -> bytes | None:
        run = _git(["-C", str(top), "cat-file", "blob", f"{commit}:{relative}"])
        return run.stdout if run.returncode == 0 else None

    def files_in(self, top: Path, commit: str, relative: str) -> list[str]:
        """Blobs under a folder at the commit, relative to the folder, sorted."""
        spec = [relative] if relative else []
        run = _git(["-C", str(top), "ls-tree", "-r", "-z", "--full-tree", commit, "--", *spec])
        if run.returncode != 0:
            raise GitError(f"git cannot list {relative or '.'!r}: {_first_line(run.stderr)}")
        prefix = f"{relative}/" if relative else ""
        found = []
        for entry in run.stdout.split(b"\0"):
            meta, _, name = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) != 3 or parts[1] != b"blob" or parts[0] == b"120000":
                continue  # trees, submodules and symbolic links are not figure files
            path = os.fsdecode(name)
            if path.startswith(prefix):
                found.append(path[len(prefix) :])
        return sorted(found)

    def read_source(self, path: Path) -> bytes:
        """A source text at the revision, for quote checks (``OSError`` when absent)."""
        try:
            top, commit, relative = self.locate(path, str(path))
        except GitError as err:
            raise OSError(errno.ENOENT, str(err)) from None
        raw = self.blob(top, commit, relative)
        if raw is None:
            raise FileNotFoundError(errno.ENOENT, f"does not exist at revision {self.rev}")
        return raw


def _may_be_figure(name: str) -> bool:
    """Like the loader's discovery: a .yaml/.yml file, in no hidden folder."""
    path = PurePosixPath(name)
    return path.suffix in loader.FIGURE_SUFFIXES and not any(
        part.startswith(".") for part in path.parts
    )


def load_revision(rev: str, paths: Sequence[Path], cwd: Path | None = None) -> Dataset:
    """The figure files at PATHS as they were at git revision REV, read with
    ``git cat-file blob REV:relpath`` (never touching the working tree); folders listed with
    ``git ls-tree -r REV -- relpath`` and filtered like loader.discover does (.yaml/.yml with a
    top-level key of a figure file). File names in the Dataset are the same as the working paths
    the user gave (so lines are comparable), and source texts for quote checks are read at the
    same revision (pass read_source to validate.build).

    Raises GitError (not a repository; unknown revision; a path absent at that revision) or
    InputError (the old file is invalid: its problems, with a message that says at which
    revision)."""
    revision = _Revision(rev, cwd if cwd is not None else Path.cwd())
    named: dict[str, bytes] = {}
    problems: list[Problem] = []
    for path in paths:
        top, commit, relative = revision.locate(path, str(path))
        kind = revision.kind(top, commit, relative)
        if kind == "blob":
            raw = revision.blob(top, commit, relative)
            if raw is not None:
                named.setdefault(str(path), raw)
                continue
        if kind == "tree":
            inside = []
            for name in filter(_may_be_figure, revision.files_in(top, commit, relative)):
                raw = revision.blob(top, commit, f"{relative}/{name}" if relative else name)
                if raw is not None and loader.has_figure_key(raw):
                    inside.append((str(path / name), raw))
            if not inside:
                problems.append(loader.empty_folder(str(path)))
            for name, raw in inside:
                named.setdefault(name, raw)
            continue
        raise GitError(f"{path} does not exist at revision {rev}")
    texts: list[FigureText] = []
    for name, raw in named.items():
        try:
            texts.append(loader.read_text(name, raw))
        except InputError as err:
            problems.extend(err.problems)
    try:
        return build(texts, problems, read_source=revision.read_source)
    except InputError as err:
        raise InputError(
            [replace(p, message=f"at revision {rev}: {p.message}") for p in err.problems]
        ) from None


# --- what changed -----------------------------------------------------------------------


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
class FieldChange:
    field: str
    old: str | None  # the field as text; None when not set
    new: str | None


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


@dataclass(frozen=True)
class DiffResult:
    old: CompareResult
    new: CompareResult
    claims_added: tuple[str, ...]
    claims_removed: tuple[str, ...]
    claims_changed: tuple[ClaimChange, ...]
    comparisons_changed: tuple[ComparisonChange, ...]
    reviews_made_stale: tuple[StaleReview, ...]
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

    def counts(self) -> dict[str, int]:
        return {
            "conflicts_appeared": len(self.appeared),
            "conflicts_resolved": len(self.resolved),
            "status_changed": len(self.status_changed),
            "claims_changed": len(self.claims_changed),
            "claims_added": len(self.claims_added),
            "claims_removed": len(self.claims_removed),
            "reviews_made_stale": len(self.reviews_made_stale),
        }


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
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or None
    return str(value)


CLAIM_FIELDS: tuple[str, ...] = tuple(f for f in Claim.model_fields if f != "id")


def claim_change(old: Claim, new: Claim) -> ClaimChange | None:
    """The fields of one claim that differ between versions, in the format's order."""
    fields = []
    for name in CLAIM_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            fields.append(FieldChange(name, _text(before), _text(after)))
    if not fields:
        return None
    moved = value_move(old.value, new.value) if old.value != new.value else None
    return ClaimChange(old.id, tuple(fields), moved)


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
    return DiffResult(
        old=old_result,
        new=new_result,
        claims_added=tuple(sorted(new_ids - old_ids)),
        claims_removed=tuple(sorted(old_ids - new_ids)),
        claims_changed=tuple(changed),
        comparisons_changed=tuple(_comparison_changes(old_result, new_result)),
        reviews_made_stale=tuple(_stale_reviews(old_result, new_result)),
        old_label=old_label,
        new_label=new_label,
    )


# --- showing it -------------------------------------------------------------------------


def summary_line(result: DiffResult) -> str:
    """'1 conflict appeared, 0 resolved, 1 status changed; 2 claims changed, ...'."""
    n = result.counts()
    return (
        f"{count(n['conflicts_appeared'], 'conflict')} appeared, "
        f"{n['conflicts_resolved']:,} resolved, {n['status_changed']:,} changed status; "
        f"{count(n['claims_changed'], 'claim')} changed, {n['claims_added']:,} added, "
        f"{n['claims_removed']:,} removed; "
        f"{count(n['reviews_made_stale'], 'review')} made stale"
    )


def _title(result: DiffResult) -> str:
    lead = "Figures changed" if result.changed else "No figure changed"
    return f"{lead}: {result.old_label} → {result.new_label}"


def _before_words(c: ComparisonChange, added: Collection[str] = ()) -> str:
    if c.old is not None:
        return c.old.words()
    return _absent(c, added, "added") or "not compared"


def _after_words(c: ComparisonChange, removed: Collection[str] = ()) -> str:
    if c.new is not None:
        return c.new.words()
    return _absent(c, removed, "removed") or "not compared"


def _absent(c: ComparisonChange, claims: Collection[str], done: str) -> str:
    """Why a side has no comparison: a claim of it was added or removed (the words), if so."""
    gone = [i for i in c.claims if i in claims]
    return f"not compared: {', '.join(gone)} {done}" if gone else ""


def _claim_row(dataset: Dataset, claim_id: str) -> list[str]:
    claim = dataset.claims[claim_id].claim
    return [claim.id, claim.measure, Interval.of(claim.value).words(), claim.source]


def _change_rows(result: DiffResult) -> list[list[str]]:
    rows = []
    for change in result.claims_changed:
        for f in change.fields:
            if f.field == "value" and change.value is not None:
                old, new = change.value.old.words(), change.value.new.words()
                move = change.value.words()
            else:
                old, new, move = f.old or "", f.new or "", ""
            rows.append([change.id, f.field, old, new, move])
    return rows


def _sections(result: DiffResult) -> list[tuple[str, list[str], list[list[str]]]]:
    """Every non-empty section: its heading, its column names and its rows."""
    sections = [
        (
            "Conflicts that appeared",
            ["claims", "severity", "gap", "likely reason", "before"],
            [
                [
                    c.claims_words(),
                    (c.new.severity or "") if c.new else "",
                    c.new.gap_words() if c.new else "",
                    (c.new.likely_reason or "") if c.new else "",
                    _before_words(c, result.claims_added),
                ]
                for c in result.appeared
            ],
        ),
        (
            "Conflicts resolved",
            ["claims", "was", "now"],
            [
                [c.claims_words(), _before_words(c), _after_words(c, result.claims_removed)]
                for c in result.resolved
            ],
        ),
        (
            "Status changed",
            ["claims", "old", "new"],
            [[c.claims_words(), _before_words(c), _after_words(c)] for c in result.status_changed],
        ),
        ("Claims changed", ["claim", "field", "old", "new", "move"], _change_rows(result)),
        (
            "Claims added",
            ["claim", "measure", "value", "source"],
            [_claim_row(result.new.dataset, i) for i in result.claims_added],
        ),
        (
            "Claims removed",
            ["claim", "measure", "value", "source"],
            [_claim_row(result.old.dataset, i) for i in result.claims_removed],
        ),
        (
            "Reviews made stale",
            ["claims", "verdict", "reason", "now"],
            [
                [", ".join(r.claims), r.verdict, r.reason, r.now_words()]
                for r in result.reviews_made_stale
            ],
        ),
    ]
    return [s for s in sections if s[2]]


def render_markdown(result: DiffResult, stream: TextIO) -> None:
    """A pull-request comment: heading, summary, then one table per non-empty section."""
    out = [f"## {markdown_cell(_title(result))}", "", markdown_cell(summary_line(result)) + "."]
    for heading, header, rows in _sections(result):
        out += ["", f"### {heading}", "", markdown_table(header, rows).rstrip("\n")]
    stream.write("\n".join(out) + "\n")


_TEXT_LINES: dict[str, Callable[[list[str]], str]] = {
    "Conflicts that appeared": lambda r: (
        f"{r[0]}: {r[1]} conflict"
        + (f", gap {r[2]}" if r[2] else "")
        + (f", likely {r[3]}" if r[3] else "")
        + f" (before: {r[4]})"
    ),
    "Conflicts resolved": lambda r: f"{r[0]}: was {r[1]}, now {r[2]}",
    "Status changed": lambda r: f"{r[0]}: {r[1]} → {r[2]}",
    "Claims changed": lambda r: (
        f"{r[0]}  {r[1]}: {r[2] or '(not set)'} → {r[3] or '(not set)'}"
        + (f"  [{r[4]}]" if r[4] else "")
    ),
    "Claims added": lambda r: f"{r[0]}  {r[1]}: {r[2]} ({r[3]})",
    "Claims removed": lambda r: f"{r[0]}  {r[1]}: {r[2]} ({r[3]})",
    "Reviews made stale": lambda r: f"{r[0]} ({r[1]}, {r[2]}): now {r[3]}",
}


def render_text(result: DiffResult, stream: TextIO) -> None:
    """The terminal view: the same sections as the Markdown one, a line per row."""
    from rich.markup import escape

    from reconcile.views.terminal import console as terminal

    with terminal(stream) as console:
        console.print(f"[bold]{escape(_title(result))}[/]")
        console.print(escape(summary_line(result)))
        for heading, _header, rows in _sections(result):
            console.print()
            style = "bold red" if heading == "Conflicts that appeared" else "bold"
            console.print(f"[{style}]{escape(heading)}[/]")
            for row in rows:
                console.print(f"  {escape(_TEXT_LINES[heading](row))}")


def result_json(result: DiffResult) -> dict[str, Any]:
    def side(compared: CompareResult, label: str) -> dict[str, Any]:
        return {
            "label": label,
            "files": [{"path": f.name, "sha256": f.sha256} for f in compared.dataset.files],
            "summary": summary_counts(compared),
        }

    def claims(compared: CompareResult, ids: Iterable[str]) -> list[dict[str, Any]]:
        dataset = compared.dataset
        return [claim_json(dataset.claims[i], dataset) for i in ids]

    return {
        "version": JSON_VERSION,
        "old": side(result.old, result.old_label),
        "new": side(result.new, result.new_label),
        "summary": result.counts(),
        "claims_added": claims(result.new, result.claims_added),
        "claims_removed": claims(result.old, result.claims_removed),
        "claims_changed": [
            {
                "id": c.id,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.fields],
                "value": c.value.json() if c.value is not None else None,
            }
            for c in result.claims_changed
        ],
        "comparisons_changed": [
            {
                "claims": list(c.claims),
                "kind": c.kind,
                "change": c.change,
                "old": c.old.json() if c.old is not None else None,
                "new": c.new.json() if c.new is not None else None,
            }
            for c in result.comparisons_changed
        ],
        "reviews_made_stale": [
            {
                "claims": list(r.claims),
                "verdict": r.verdict,
                "reason": r.reason,
                "state": r.state,
                "status": r.status,
                "file": r.file,
                "line": r.line,
            }
            for r in result.reviews_made_stale
        ],
    }


def render_json(result: DiffResult, stream: TextIO) -> None:
    write_json(result_json(result), stream)


DiffRenderer = Callable[[DiffResult, TextIO], None]
DIFF_RENDERERS: dict[str, DiffRenderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
