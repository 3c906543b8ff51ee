"""Problems found in figure files, each with one of the stable codes of the registry.

A problem is a frozen value with a natural sort order (file, line, column, code), so every
output format lists problems in the same order. The codes, their titles, help and examples
are in :mod:`reconcile.intake.codes` (``ERROR_CODES`` is imported here too, as before);
``docs/errors.md`` is generated from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.intake.codes import ERROR_CODES as ERROR_CODES
from reconcile.intake.codes import ErrorCode as ErrorCode


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about the input: where it is, its code and a message in plain words."""

    file: str
    line: int
    col: int
    code: str
    message: str

    @property
    def title(self) -> str:
        return ERROR_CODES[self.code].title

    @property
    def severity(self) -> str:
        return "error"


class InputError(Exception):
    """Raised when input cannot be used at all; carries the problems that say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
