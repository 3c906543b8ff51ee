"""The merged, checked content of figure files: what every later stage reads.

A :class:`Dataset` holds the file's sections by id, each item with where it is defined
(:class:`Located`), and the indexes the engine asks for often (claims by measure, confusable
measures). It is built by :func:`reconcile.model.validate.load`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from reconcile.intake.loader import FigureText
from reconcile.intake.values import canonical_unit
from reconcile.model.entries import Claim, Measure, Origin, Publisher, Review, Settings, Source

if TYPE_CHECKING:
    import pandas as pd

_T = TypeVar("_T")


class Located:
    """Where an item is defined: its file, its path in the file, and for claims the line and
    column of the ``id:`` key (0 for other items, whose place is found only when needed).

    A claim's line and column may be given as ``find``, called the first time either is read:
    a valid file never needs them, and finding them costs a scan of the text."""

    __slots__ = ("_col", "_find", "_line", "file", "loc")

    def __init__(
        self,
        file: str,
        line: int,
        loc: tuple[int | str, ...],
        col: int = 0,
        find: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        self.file = file
        self.loc = loc
        self._line = line
        self._col = col
        self._find = find

    def _found(self) -> None:
        if self._find is not None:
            self._line, self._col = self._find()
            self._find = None

    @property
    def line(self) -> int:
        self._found()
        return self._line

    @property
    def col(self) -> int:
        self._found()
        return self._col

    def _key(self) -> tuple[str, int, tuple[int | str, ...], int]:
        return self.file, self.line, self.loc, self.col

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Located) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        file, line, loc, col = self._key()
        return f"Located(file={file!r}, line={line!r}, loc={loc!r}, col={col!r})"


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    claim: Claim
    where: Located
    order: int  # position across all files, in the order they were given
    id: str = field(init=False)  # the claim's id, kept at hand: comparisons read it often

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.claim.id)


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    review: Review
    where: Located


@dataclass
class Dataset:
    """Everything the files say, merged and checked."""

    files: list[FigureText]
    settings: Settings
    topic: str | None = None
    publisher: Publisher | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    claims: dict[str, ClaimRecord] = field(default_factory=dict)
    reviews: list[ReviewRecord] = field(default_factory=list)
    where: dict[tuple[str, str], Located] = field(default_factory=dict)
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)
    invalid: set[tuple[str, str]] = field(default_factory=set, repr=False)  # (section, id)

    @functools.cached_property
    def by_measure(self) -> dict[str, list[ClaimRecord]]:
        """Claims on each measure, in file order (built once, after loading)."""
        index: dict[str, list[ClaimRecord]] = {m: [] for m in self.measures}
        for record in sorted(self.claims.values(), key=lambda r: r.order):
            index.setdefault(record.claim.measure, []).append(record)
        return index

    @functools.cached_property
    def confusable(self) -> dict[str, set[str]]:
        """Measures confusable with each measure, whichever side declares it."""
        pairs: dict[str, set[str]] = {m: set() for m in self.measures}
        for measure_id, measure in self.measures.items():
            for other in measure.confusable_with:
                pairs.setdefault(measure_id, set()).add(other)
                pairs.setdefault(other, set()).add(measure_id)
        return pairs

    def is_part(self, part: str, whole: str) -> bool:
        """Measure ``part`` is a part of ``whole``: its ``part_of``, or one of its ``sum_of``."""
        return self.measures[part].part_of == whole or part in self.measures[whole].sum_of

    def position(self, where: Located) -> tuple[int, int]:
        """Line and column of an item: known for claims, found on demand for the rest."""
        if where.line:
            return where.line, where.col or 1
        figure = next(f for f in self.files if f.name == where.file)
        return figure.locate(where.loc, key=isinstance(where.loc[-1], str))

    def unit_of(self, claim: Claim) -> str:
        """The unit a claim counts in: its own, else its measure's."""
        return canonical_unit(claim.unit or self.measures[claim.measure].unit)

    def claims_frame(self) -> pd.DataFrame:
        """Every claim as a pandas DataFrame, one row a claim in file order: the columns of
        ``reconcile claims --format csv``, figures as numbers (NaN where unbounded or not
        stated), and the period's first and last day as dates (``start``, ``end``)."""
        from reconcile.model.rows import claims_frame

        return claims_frame(sorted(self.claims.values(), key=lambda r: r.order), self)

    def memo(self, key: tuple[str, str], compute: Callable[[], _T]) -> _T:
        """A value computed once per dataset (what reasons derive from one claim)."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = compute()
            return value
